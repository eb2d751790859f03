// Class and per-code rules (RFC 9110 §15, RFC 6585, RFC 7725, RFC 8297): what each status
// code requires of the fields and the content.
#include "framing/framing_fields.hpp"
#include "h1resp/status_registry.hpp"
#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

namespace values = detail::values;

bool is(std::string_view token, std::string_view lowercase) noexcept {
  return field_name_equals(token, lowercase);
}

// Explicit freshness (RFC 9111 §4.2.1): max-age, s-maxage or Expires.
bool has_explicit_freshness(const Checks& c) noexcept {
  return c.has(FieldId::expires) || c.cache.has(CacheControl::max_age) ||
         c.cache.has(CacheControl::s_maxage);
}

// An element of a list field is `token`, byte for byte: methods are case-sensitive (RFC 9110
// §9.1), so "get" in Allow is not GET.
bool list_has_exactly(const Checks& c, FieldId id, std::string_view token) noexcept {
  for (std::size_t i = c.first(id); i < c.fields.field_count(); i = c.fields.next(id, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (element == token) return true;
    }
  }
  return false;
}

// Whether the Upgrade fields name at least one protocol (RFC 9110 §7.8: Upgrade = #protocol, so
// "Upgrade:" alone, or only commas, names none).
bool names_a_protocol(const Checks& c) noexcept {
  for (std::size_t i = c.first(FieldId::upgrade); i < c.fields.field_count();
       i = c.fields.next(FieldId::upgrade, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    if (list.next(element)) return true;
  }
  return false;
}

// protocol = protocol-name [ "/" protocol-version ] (RFC 9110 §7.8): `chosen` is among the
// protocols of `offered` (a request's Upgrade value). Names compare case-insensitively (recipients
// SHOULD, §7.8); a version must match when both give one: a client that offered "HTTP/2.0" did
// not offer "HTTP/3.0", but one that offered "websocket" accepts any version of it.
bool offered(std::string_view offered_list, std::string_view chosen) noexcept {
  const auto split = [](std::string_view protocol) {
    const std::size_t slash = protocol.find('/');
    return std::pair{protocol.substr(0, slash), slash == std::string_view::npos
                                                    ? std::string_view{}
                                                    : protocol.substr(slash + 1)};
  };
  const auto [name, version] = split(chosen);
  values::ListReader list(offered_list);
  std::string_view element;
  while (list.next(element)) {
    const auto [offered_name, offered_version] = split(element);
    if (!field_name_equals(offered_name, name)) continue;
    if (version.empty() || offered_version.empty() || field_name_equals(offered_version, version)) {
      return true;
    }
  }
  return false;
}

}  // namespace

// RFC 9110 §15.2.2, §7.8: 101 names the new protocols in Upgrade, in a form one can read, and
// only offered ones (a server MUST NOT switch to a protocol the client did not indicate). After
// a 101 the bytes are the other protocol's: a 101 whose protocol is unknown or unoffered leaves
// the client and a proxy between them reading those bytes differently.
void check_101_upgrade(const Checks& c) noexcept {
  if (c.code() != 101) return;
  if (!c.has(FieldId::upgrade)) {
    c.report_status(Rule::code_101_upgrade, "101 without Upgrade: which protocol follows?");
    return;
  }
  const std::size_t first = c.first(FieldId::upgrade);
  if (!names_a_protocol(c)) {
    c.report_line(Rule::code_101_upgrade, first,
                  "101 with an empty Upgrade: which protocol follows?");
    return;
  }
  for (std::size_t i = first; i < c.fields.field_count(); i = c.fields.next(FieldId::upgrade, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (!values::is_protocol(element)) {
        // Catalog F21: an error on a 101 (a warning elsewhere, check_field_values()).
        c.report_line_as(Severity::error, Rule::upgrade_syntax, i,
                         "101 with an Upgrade that is not protocol-name [\"/\" protocol-version]");
        return;
      }
      if (c.request.known && !c.request.upgrade.empty() && !offered(c.request.upgrade, element)) {
        c.report_line(Rule::code_101_upgrade, i,
                      "the 101 switches to a protocol the request did not offer");
        return;
      }
    }
  }
  if (c.request.known && c.request.upgrade.empty()) {
    c.report_line(Rule::code_101_upgrade, first, "the request offered no Upgrade");
  }
}

namespace {

// "Content-Length: 0" without Transfer-Encoding: on a 1xx or 204, a MUST NOT that changes no
// recipient's reading (anything else there is framing::decide()'s error).
bool lone_zero_content_length(const Checks& c) {
  return c.has(FieldId::content_length) &&
         !framing::declares_content(framing::read_content_length(c.fields),
                                    framing::read_transfer_encoding(c.fields));
}

void check_interim(const Checks& c) {
  const unsigned code = c.code();
  // RFC 9110 §8.6, RFC 9112 §6.1: a server MUST NOT send Content-Length or Transfer-Encoding
  // in a 1xx response. One that declares content is the framing decision's error.
  if (lone_zero_content_length(c)) {
    c.report_line(Rule::code_1xx_no_framing_fields, c.first(FieldId::content_length));
  }
  // RFC 9110 §15.2.1: 100 answers Expect: 100-continue; unsolicited, the client discards it.
  if (code == 100 && c.request.known && !c.request.expect_continue) {
    c.report_code(Rule::code_100_unsolicited, "the request had no Expect: 100-continue");
  }
  check_101_upgrade(c);
  // RFC 8297 §2: 103's fields do not apply to the final response; fields other than Link
  // (cookies, content metadata) are mistakes a proxy could merge.
  if (code == 103) {
    for (std::size_t i = 0; i < c.fields.field_count(); ++i) {
      const FieldId id = c.fields.id_at(i);
      if (id == FieldId::set_cookie || id == FieldId::content_type ||
          id == FieldId::content_encoding || id == FieldId::location ||
          id == FieldId::cache_control) {
        c.report_line(Rule::code_103_early_hints, i,
                      "a 103's fields must not be applied to the final response");
        break;
      }
    }
  }
  // RFC 9110 §15.2: a server MUST NOT send a 1xx response to an HTTP/1.0 client.
  if (c.request.known && c.request.version_major == 1 && c.request.version_minor == 0) {
    c.report_code(Rule::status_1xx_to_http10, "the request was HTTP/1.0");
  }
}

void check_success(const Checks& c) {
  const unsigned code = c.code();
  const RequestMethod method = c.request.method;
  if (code == 200 && (method == RequestMethod::get || method == RequestMethod::head) &&
      !c.has(FieldId::etag) && !c.has(FieldId::last_modified)) {
    // RFC 9110 §15.3.1, §8.8: validators let caches revalidate instead of refetching.
    c.report_status(Rule::code_200_validators, "no ETag and no Last-Modified");
  }
  if (code == 201 && !c.has(FieldId::location) && !c.w3c()) {
    c.report_status(Rule::code_201_location, "the new resource is then the target URI");
  }
  if (code == 204 && lone_zero_content_length(c)) {
    // RFC 9110 §8.6: a server MUST NOT send Content-Length in a 204, not even 0. One that
    // declares content is the framing decision's error.
    c.report_line(Rule::code_204_no_framing_fields, c.first(FieldId::content_length));
  }
  if (code == 205) {
    // RFC 9110 §15.3.6: no content; and 205 is not bodiless for framing.
    std::uint64_t length = 0;
    if (c.content_length(length) && length > 0) {
      // At the content where it was read and its bytes are its length (not chunked), else at
      // the field that declares it.
      constexpr std::string_view kWhy = "205 Reset Content with content";
      const bool raw =
          c.framing.body == BodyKind::content_length || c.framing.body == BodyKind::until_close;
      if (c.body != nullptr && c.body->complete && raw) {
        c.report(Rule::code_205_no_content, c.response.header_size,
                 static_cast<std::uint32_t>(std::min<std::uint64_t>(length, UINT32_MAX)), kWhy);
      } else if (c.has(FieldId::content_length) || c.has(FieldId::transfer_encoding)) {
        c.report_line(Rule::code_205_no_content,
                      c.first(c.has(FieldId::content_length) ? FieldId::content_length
                                                             : FieldId::transfer_encoding),
                      kWhy);
      } else {
        c.report_status(Rule::code_205_no_content, kWhy);
      }
    }
  }
  if (code == 206) {
    const bool has_range = c.has(FieldId::content_range);
    values::MediaType type;
    if (c.has(FieldId::content_type))
      type = values::parse_media_type(c.value_of(FieldId::content_type));
    const bool multipart =
        type.valid && is(type.type, "multipart") && is(type.subtype, "byteranges");
    // RFC 9110 §15.3.7: single part: Content-Range; multiple parts: multipart/byteranges with a
    // boundary, and no header-level Content-Range.
    if (!has_range && !multipart) {
      c.report_status(Rule::code_206_content_range,
                      "no Content-Range and not multipart/byteranges");
    } else if (multipart && has_range) {
      c.report_line(Rule::code_206_content_range, c.first(FieldId::content_range),
                    "multipart/byteranges with a header-level Content-Range");
    } else if (multipart && !type.has_boundary) {
      c.report_line(Rule::code_206_content_range, c.first(FieldId::content_type),
                    "multipart/byteranges without a boundary");
    }
    if (multipart && (c.framing.body == BodyKind::until_close)) {
      // RFC 2616 §4.4 let multipart/byteranges delimit itself; RFC 9112 reads to close.
      c.report_line(Rule::framing_multipart_self_delimiting, c.first(FieldId::content_type));
    }
    if (c.request.known && !c.request.has_range) {
      c.report_status(Rule::code_206_content_range, "the request had no Range");
    } else if (c.request.known && c.request.single_range && multipart) {
      // RFC 9110 §15.3.7.2: a client that asked for one range may not read multipart.
      c.report_line(Rule::code_206_content_range, c.first(FieldId::content_type),
                    "multipart/byteranges answering a request for one range");
    }
    // RFC 9110 §15.3.7: the fields a 200 to the same request would carry.
    if (c.request.reference_200 != nullptr) {
      const detail::FieldIndex reference(*c.request.reference_200);
      for (const FieldId id : {FieldId::date, FieldId::cache_control, FieldId::etag,
                               FieldId::expires, FieldId::content_location, FieldId::vary}) {
        if (reference.has(id) && !c.has(id)) {
          c.report_status(Rule::code_206_headers_as_200, detail::field_info(id).name);
        }
      }
    }
  }
}

void check_redirection(const Checks& c) {
  const unsigned code = c.code();
  // RFC 9110 §15.4: 301, 302, 303, 307 and 308 SHOULD carry Location (303 is defined by it).
  // The 1992 dialect has URI: lines instead (w3c1992_rules).
  if (!c.w3c() && !c.has(FieldId::location) &&
      (code == 301 || code == 302 || code == 303 || code == 307 || code == 308)) {
    c.report_status(Rule::code_3xx_location, "a redirect without Location");
  }
  // Google's "308 Resume Incomplete" carries Range and no Location. When the reason phrase
  // already says so, check_reason_phrase reports H03 at the phrase: one finding, not two.
  if (code == 308 && !c.has(FieldId::location) && c.has(FieldId::range) &&
      !reason_names_unofficial_308(c)) {
    c.report_status(Rule::unofficial_308_resume_incomplete,
                    "Range and no Location: Google's resumable-upload 308, not Permanent Redirect");
  }
}

void check_client_error(const Checks& c) {
  const unsigned code = c.code();
  switch (code) {
    case 401:  // RFC 9110 §15.5.2: MUST send WWW-Authenticate with at least one challenge
      // (In the 1992 dialect the schemes are the 401's "parameter": check_w3c1992()'s note.)
      if (!c.has(FieldId::www_authenticate) && !c.w3c()) {
        c.report_status(Rule::code_401_www_authenticate);
      }
      break;
    case 405:  // RFC 9110 §15.5.6: MUST send Allow
      if (!c.has(FieldId::allow)) {
        c.report_status(Rule::code_405_allow);
      } else if (c.request.known && c.request.method != RequestMethod::other &&
                 list_has_exactly(c, FieldId::allow, to_string(c.request.method))) {
        c.report_line(Rule::code_405_allow, c.first(FieldId::allow),
                      "Allow lists the very method that was refused");
      }
      break;
    case 407:  // RFC 9110 §15.5.8: MUST send Proxy-Authenticate
      if (!c.has(FieldId::proxy_authenticate)) c.report_status(Rule::code_407_proxy_authenticate);
      break;
    case 413:  // RFC 9110 §15.5.14: SHOULD send Retry-After when temporary
    case 429:  // RFC 6585 §4: MAY send Retry-After
      if (!c.has(FieldId::retry_after)) c.report_status(Rule::retry_after_advisable);
      break;
    case 416: {  // RFC 9110 §15.5.17: SHOULD send Content-Range: bytes */<length>
      bool unsatisfied = false;
      if (c.has(FieldId::content_range)) {
        const values::ContentRange cr =
            values::parse_content_range(c.value_of(FieldId::content_range));
        unsatisfied = cr.form == values::ContentRange::unsatisfied;
      }
      if (!unsatisfied)
        c.report_status(Rule::code_416_content_range, "no Content-Range: bytes */N");
      break;
    }
    case 421:  // RFC 9110 §15.5.20: a proxy MUST NOT generate 421
      if (c.request.proxy_output) c.report_code(Rule::code_421_not_from_proxy);
      break;
    case 426:  // RFC 9110 §15.5.22: MUST send Upgrade, naming the protocols to upgrade to
      if (!c.has(FieldId::upgrade)) {
        c.report_status(Rule::code_426_upgrade);
      } else if (!names_a_protocol(c)) {
        c.report_line(Rule::code_426_upgrade, c.first(FieldId::upgrade),
                      "426 with an empty Upgrade: which protocol is required?");
      }
      break;
    case 451: {  // RFC 7725 §3: SHOULD carry Link: <...>; rel="blocked-by"
      bool blocked_by = false;
      for (std::size_t i = c.first(FieldId::link); i < c.fields.field_count();
           i = c.fields.next(FieldId::link, i)) {
        // The relation, not the text: "<https://x/why-blocked-by-court>; rel=help" has none.
        blocked_by = blocked_by || values::link_has_relation(c.value(i), "blocked-by");
      }
      if (!blocked_by) {
        c.report_status(Rule::code_511_captive_portal,
                        "451 without Link: <...>; rel=\"blocked-by\"");
      }
      break;
    }
    default:
      break;
  }
}

void check_server_error(const Checks& c) {
  const unsigned code = c.code();
  if (code == 503 && !c.has(FieldId::retry_after) && !c.w3c()) {
    c.report_status(Rule::retry_after_advisable);
  }
  if (code == 511 && c.has(FieldId::www_authenticate)) {
    // RFC 6585 §6: the 511 SHOULD NOT carry a challenge or the login interface itself.
    c.report_line(Rule::code_511_captive_portal, c.first(FieldId::www_authenticate),
                  "511 with an authentication challenge");
  }
}

}  // namespace

void check_class_rules(const Checks& c) noexcept {
  const unsigned code = c.code();
  switch (status_class(code)) {
    case StatusClass::informational:
      check_interim(c);
      break;
    case StatusClass::successful:
      check_success(c);
      break;
    case StatusClass::redirection:
      check_redirection(c);
      break;
    case StatusClass::client_error:
      check_client_error(c);
      break;
    case StatusClass::server_error:
      check_server_error(c);
      break;
    case StatusClass::invalid:
      return;
  }

  // RFC 9110 §15.5, §15.6: except for HEAD, a 4xx or 5xx SHOULD explain the error.
  if (code >= 400 && c.request.method != RequestMethod::head) {
    std::uint64_t length = 0;
    if (c.content_length(length) && length == 0) {
      c.report_status(Rule::code_4xx5xx_explanation, "no content explains the error");
    }
  }

  // RFC 6585 §3-§6: 428, 429, 431 and 511 MUST NOT be stored by a cache, even with explicit
  // freshness.
  if ((code == 428 || code == 429 || code == 431 || code == 511) && has_explicit_freshness(c)) {
    // At the freshness the response should not give: Cache-Control's lifetime, else Expires.
    const bool by_cache_control =
        c.cache.has(CacheControl::max_age) || c.cache.has(CacheControl::s_maxage);
    c.report_line(Rule::code_6585_not_storable,
                  c.first(by_cache_control ? FieldId::cache_control : FieldId::expires),
                  "explicit freshness on a response caches must not store");
  }

  // RFC 9110 §15.1, RFC 9111 §4.2.2: only some codes are heuristically cacheable. A final
  // response with Last-Modified and no explicit freshness invites a heuristic that other codes
  // do not allow.
  // (A 304 updates a stored response instead of being stored itself: not judged here.)
  if (code >= 200 && code != 304 && c.has(FieldId::last_modified) && !has_explicit_freshness(c)) {
    const StatusInfo* info = status_info(code);
    if (info == nullptr || !info->has(StatusInfo::heuristically_cacheable)) {
      c.report_code(Rule::class_heuristic_cacheability,
                    "not heuristically cacheable: Last-Modified gives caches no freshness here");
    }
  }

  // RFC 9110 §10.2.2: Location means something only for 201 and 3xx (not 304).
  if (c.has(FieldId::location) && code != 201 && !(code >= 300 && code < 400 && code != 304)) {
    c.report_line(Rule::location_status_meaning, c.first(FieldId::location));
  }

  // RFC 9110 §14.4: Content-Range means something only in 206 and 416 (and a 304's cache
  // update is E06's business).
  if (c.has(FieldId::content_range) && code != 206 && code != 416 && code != 304) {
    c.report_line(Rule::content_range_status, c.first(FieldId::content_range),
                  "Content-Range outside 206 and 416");
  }
}

}  // namespace h1resp::validator
