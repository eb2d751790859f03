// Field values that matter for responses (catalog group F): dates, Location, Retry-After,
// Allow, Content-Range, Cache-Control, Age, Expires, ETag, Vary, Upgrade, challenges, Server,
// Content-Type. The grammars are in field_values.cpp; here is what each value must say.
#include <bitset>

#include "scanner/char_classes.hpp"
#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

namespace values = detail::values;

// An HTTP-date written with extra whitespace or in another case (RFC 9110 §5.6.7: the format
// is case-sensitive and senders MUST NOT add whitespace) reads as a date once normalised.
bool readable_after_normalising(std::string_view value, int year) noexcept {
  char buffer[64];
  std::size_t n = 0;
  bool space = true;     // drop leading whitespace
  std::size_t word = 0;  // position within an alphabetic run
  for (const char ch : value) {
    if (n + 1 >= sizeof buffer) return false;
    if (ch == ' ' || ch == '\t') {
      if (!space) buffer[n++] = ' ';
      space = true;
      word = 0;
      continue;
    }
    space = false;
    const bool alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (!alpha) {
      word = 0;
      buffer[n++] = ch;
      continue;
    }
    const char lower = static_cast<char>(ch | 0x20);
    buffer[n++] = word == 0 ? static_cast<char>(lower & ~0x20) : lower;
    ++word;
  }
  while (n > 0 && buffer[n - 1] == ' ')
    --n;
  // "Gmt" back to "GMT".
  if (n >= 3 && buffer[n - 3] == 'G' && buffer[n - 2] == 'm' && buffer[n - 1] == 't') {
    buffer[n - 2] = 'M';
    buffer[n - 1] = 'T';
  }
  return values::parse_http_date(std::string_view(buffer, n), year).form !=
         values::HttpDate::invalid;
}

// A readable HTTP-date `d` on line `i`: senders MUST generate IMF-fixdate (RFC 9110 §5.6.7),
// whichever field carries it, and its day name is the date's.
void check_date_form(const Checks& c, std::size_t i, const values::HttpDate& d) {
  if (d.form != values::HttpDate::imf_fixdate) {
    // One finding per date: the obsolete form's, which also says a wrong day name.
    c.report_line(Rule::date_http_date, i,
                  d.weekday_matches ? "an obsolete date format: senders MUST generate IMF-fixdate"
                                    : "an obsolete date format whose day name does not match the "
                                      "date: senders MUST generate IMF-fixdate");
  } else if (!d.weekday_matches) {
    c.report_line(Rule::date_strict_form, i, "the day name does not match the date");
  }
}

// Date and Last-Modified: an IMF-fixdate (RFC 9110 §5.6.7). Returns the date when readable.
values::HttpDate check_date(const Checks& c, std::size_t i, Rule invalid_rule,
                            const values::HttpDate* parsed = nullptr) {
  const values::HttpDate d =
      parsed != nullptr ? *parsed : values::parse_http_date(c.value(i), c.reference_year);
  if (d.form == values::HttpDate::invalid) {
    if (readable_after_normalising(c.value(i), c.reference_year)) {
      c.report_line(Rule::date_strict_form, i, "extra whitespace or wrong case in an HTTP-date");
    } else {
      c.report_line(invalid_rule, i, "not an HTTP-date");
    }
  } else {
    check_date_form(c, i, d);
  }
  return d;
}

void check_dates(const Checks& c) {
  values::HttpDate date{};
  if (c.has(FieldId::date))
    date = check_date(c, c.first(FieldId::date), Rule::date_http_date, &c.date);
  values::HttpDate modified{};
  if (c.has(FieldId::last_modified)) {
    modified = check_date(c, c.first(FieldId::last_modified), Rule::date_http_date);
  }
  if (c.has(FieldId::expires)) {
    // RFC 9111 §5.3: an invalid Expires (notably "0") means "already expired".
    const std::size_t i = c.first(FieldId::expires);
    const values::HttpDate expires = values::parse_http_date(c.value(i), c.reference_year);
    if (expires.form == values::HttpDate::invalid) {
      c.report_line(Rule::expires_syntax, i, "not an HTTP-date: read as already expired");
    } else {
      check_date_form(c, i, expires);
    }
  }
  // RFC 9110 §6.6.1: an origin with a clock MUST send Date in 2xx, 3xx and 4xx (the 304 case
  // is catalog E05); Expires or Last-Modified without Date suggest a clockless origin. A 2xx
  // to CONNECT (the framing decision's item 2) comes from the proxy that opens the tunnel, not
  // from an origin server ("200 Connection established" without fields is what proxies send).
  // The 1992 dialect has no Date requirement.
  const unsigned code = c.code();
  const bool connect_2xx = c.framing.step == 2;
  if (!c.w3c() && !connect_2xx && !c.has(FieldId::date) && code >= 200 && code < 500 &&
      code != 304) {
    c.report_status(Rule::date_required, c.has(FieldId::expires) || c.has(FieldId::last_modified)
                                             ? "Expires or Last-Modified without Date"
                                             : "no Date in a 2xx, 3xx or 4xx response");
  }
  // RFC 9110 §8.8.2.1: Last-Modified MUST NOT be later than Date.
  if (date.form != values::HttpDate::invalid && modified.form != values::HttpDate::invalid &&
      modified.seconds > date.seconds) {
    c.report_line(Rule::last_modified_future, c.first(FieldId::last_modified));
  }
}

void check_location(const Checks& c) {
  if (!c.has(FieldId::location)) return;
  const std::size_t i = c.first(FieldId::location);
  const std::string_view value = c.value(i);
  const values::UriReference uri = values::parse_uri_reference(value);
  if (value.empty()) {
    c.report_line(Rule::location_syntax, i, "an empty Location");
  } else if (!uri.valid) {
    c.report_as(rule_info(Rule::location_syntax).severity, Rule::location_syntax,
                c.line(i).value.offset + uri.bad_offset, 1, "not a URI-reference (RFC 3986)");
  }
}

void check_range_fields(const Checks& c);
void check_list_syntax(const Checks& c);
void check_other_values(const Checks& c);

constexpr int kRequestDirective = -2;

// The CacheControl::Directive a directive name is, kRequestDirective for those only requests
// carry (max-stale, min-fresh, only-if-cached), or -1. By length first: one comparison.
int directive_id(std::string_view name) noexcept {
  switch (name.size()) {
    case 6:
      return field_name_equals(name, "public") ? CacheControl::public_ : -1;
    case 7:
      return field_name_equals(name, "max-age")   ? CacheControl::max_age
             : field_name_equals(name, "private") ? CacheControl::private_
                                                  : -1;
    case 8:
      return field_name_equals(name, "s-maxage")   ? CacheControl::s_maxage
             : field_name_equals(name, "no-cache") ? CacheControl::no_cache
             : field_name_equals(name, "no-store") ? CacheControl::no_store
                                                   : -1;
    case 9:
      return field_name_equals(name, "max-stale") || field_name_equals(name, "min-fresh")
                 ? kRequestDirective
                 : -1;
    case 14:
      return field_name_equals(name, "only-if-cached") ? kRequestDirective : -1;
    case 15:
      return field_name_equals(name, "must-understand") ? CacheControl::must_understand : -1;
    default:
      return -1;
  }
}

// One well-formed directive of Cache-Control line `i`: what the rules say of it.
void note_directive(const Checks& c, std::size_t i, std::string_view name, std::string_view value,
                    bool has_value, bool quoted, CacheControl& cache) noexcept {
  const int known = directive_id(name);
  if (known == kRequestDirective) {
    c.report_line(Rule::cache_control_syntax, i, "a request directive in a response");
    return;
  }
  if (known < 0) return;  // RFC 9111 §5.2.3: unknown directives are ignored
  const auto k = static_cast<CacheControl::Directive>(known);
  if (cache.has(k)) c.report_line(Rule::cache_control_syntax, i, "a directive repeated");
  cache.present |= 1U << k;
  if (k == CacheControl::private_ && !has_value) cache.private_unqualified = true;
  if ((k == CacheControl::max_age || k == CacheControl::s_maxage) &&
      (quoted || !values::parse_delta_seconds(value).valid)) {
    // RFC 9111 §5.2.2.1, §5.2.2.10: delta-seconds, and senders MUST NOT quote it.
    c.report_line(Rule::cache_control_syntax, i,
                  quoted ? "max-age and s-maxage MUST NOT be quoted"
                         : "max-age and s-maxage take delta-seconds");
  }
  if ((k == CacheControl::no_cache || k == CacheControl::private_) && has_value && !quoted) {
    // RFC 9111 §5.2.2.4, §5.2.2.7: field lists SHOULD be quoted-strings.
    c.report_line(Rule::cache_control_syntax, i, "a field list SHOULD be a quoted-string");
  }
}

// The end of the list element starting at `at`: the next comma outside a quoted-string, or the
// end of the value (the way ListReader splits lists).
std::size_t element_end(std::string_view v, std::size_t at) noexcept {
  bool quoted = false;
  for (; at < v.size(); ++at) {
    const char ch = v[at];
    if (quoted) {
      if (ch == '\\') {
        ++at;
      } else if (ch == '"') {
        quoted = false;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      break;
    }
  }
  return std::min(at, v.size());
}

}  // namespace

// Cache-Control = #cache-directive; cache-directive = token [ "=" ( token / quoted-string ) ]
// (RFC 9111 §5.2). Checked and summarised in one pass over each value's bytes (the class rules
// read the summary: explicit freshness for D02 and D28).
CacheControl check_cache_control(const Checks& c) noexcept {
  CacheControl cache;
  for (std::size_t i = c.first(FieldId::cache_control); i < c.fields.field_count();
       i = c.fields.next(FieldId::cache_control, i)) {
    const std::string_view v = c.value(i);
    const std::size_t n = v.size();
    std::uint32_t empty_elements = 0;
    std::size_t at = 0;
    while (n != 0) {  // an empty value is an empty list
      while (at < n && detail::is_ows(static_cast<unsigned char>(v[at])))
        ++at;
      if (at == n || v[at] == ',') {  // RFC 9110 §5.6.1: an empty element
        ++empty_elements;
        if (at == n) break;
        ++at;
        continue;
      }
      const std::size_t name_start = at;
      while (at < n && detail::is_tchar(static_cast<unsigned char>(v[at])))
        ++at;
      const std::string_view name = v.substr(name_start, at - name_start);
      bool valid = !name.empty();
      bool has_value = false;
      bool quoted = false;
      std::string_view value;
      if (valid && at < n && v[at] == '=') {
        has_value = true;
        ++at;
        if (at < n && v[at] == '"') {
          const std::size_t length = values::quoted_string_length(v.substr(at));
          valid = length != 0;
          quoted = true;
          value = v.substr(at + 1, length >= 2 ? length - 2 : 0);
          at += length;
        } else {
          const std::size_t value_start = at;
          while (at < n && detail::is_tchar(static_cast<unsigned char>(v[at])))
            ++at;
          value = v.substr(value_start, at - value_start);
          valid = !value.empty();
        }
      }
      while (at < n && detail::is_ows(static_cast<unsigned char>(v[at])))
        ++at;
      valid = valid && (at == n || v[at] == ',');
      if (!valid) {
        c.report_line(Rule::cache_control_syntax, i,
                      "not token [ \"=\" ( token / quoted-string ) ]");
        at = element_end(v, name_start);
      } else {
        note_directive(c, i, name, value, has_value, quoted, cache);
      }
      if (at == n) break;
      ++at;  // the comma
    }
    // RFC 9110 §5.6.1: a sender MUST NOT generate empty list elements.
    if (empty_elements != 0) c.report_line(Rule::field_empty_list_element, i, "Cache-Control");
  }
  // A private with a field list keeps only those fields from shared caches (RFC 9111
  // §5.2.2.7): with public it still makes sense. A bare private contradicts public.
  if (cache.has(CacheControl::public_) && cache.private_unqualified) {
    c.report_line(Rule::cache_control_syntax, c.first(FieldId::cache_control),
                  "both public and private");
  }
  if (cache.has(CacheControl::must_understand) && !cache.has(CacheControl::no_store)) {
    // RFC 9111 §5.2.2.3: must-understand SHOULD come with no-store, for caches that do not
    // understand it.
    c.report_line(Rule::cache_control_must_understand, c.first(FieldId::cache_control));
  }
  return cache;
}

namespace {

void check_range_fields(const Checks& c) {
  if (!c.has(FieldId::content_range)) return;
  const std::size_t i = c.first(FieldId::content_range);
  const values::ContentRange cr = values::parse_content_range(c.value(i));
  if (cr.form == values::ContentRange::invalid) {
    c.report_line(Rule::content_range_syntax, i);
    return;
  }
  const unsigned code = c.code();
  if (code == 206 && cr.form == values::ContentRange::unsatisfied) {
    c.report_line(Rule::content_range_status, i, "\"*/length\" in a 206");
  } else if (code == 416 && cr.form == values::ContentRange::range) {
    c.report_line(Rule::content_range_status, i, "a satisfied range in a 416");
  }
  // RFC 9110 §15.3.7.1: a single part is exactly the range.
  if (code == 206 && cr.form == values::ContentRange::range &&
      c.framing.body == BodyKind::content_length && c.framing.length != cr.last - cr.first + 1) {
    c.report_line(Rule::content_range_length_consistency, i,
                  "Content-Length is not last-pos - first-pos + 1");
  }
}

void check_list_syntax(const Checks& c) {
  // Allow = #method (RFC 9110 §10.2.1); Vary = #( "*" / field-name ) (§12.5.5);
  // Upgrade = #protocol (§7.8).
  for (std::size_t i = c.first(FieldId::allow); i < c.fields.field_count();
       i = c.fields.next(FieldId::allow, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (!values::is_token(element)) {
        c.report_line(Rule::allow_syntax, i, "a method is not a token");
        break;
      }
    }
  }
  bool star = false;
  std::size_t vary_elements = 0;
  for (std::size_t i = c.first(FieldId::vary); i < c.fields.field_count();
       i = c.fields.next(FieldId::vary, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      ++vary_elements;
      star = star || element == "*";
      if (element != "*" && !values::is_token(element)) {
        c.report_line(Rule::vary_syntax, i, "not a field name");
        break;
      }
    }
  }
  if (star && vary_elements > 1) {
    // RFC 9110 §12.5.5: Vary = #( "*" / field-name ), so a list may hold "*" with names; it
    // means what "*" alone means, which the names then only obscure.
    c.report_line_as(Severity::info, Rule::vary_syntax, c.first(FieldId::vary),
                     "\"*\" with other field names: caches read the list as \"*\"");
  }
  // On a 101 the syntax is check_101_upgrade()'s error.
  for (std::size_t i = c.code() == 101 ? c.fields.field_count() : c.first(FieldId::upgrade);
       i < c.fields.field_count(); i = c.fields.next(FieldId::upgrade, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (!values::is_protocol(element)) {
        c.report_line(Rule::upgrade_syntax, i, "not protocol-name [\"/\" protocol-version]");
        break;
      }
    }
  }
  check_upgrade_option(c);
}

}  // namespace

// RFC 9110 §7.8: a sender of Upgrade MUST also send the "upgrade" connection option. Without
// it, a 101 switches protocols on a connection whose option says nothing of it: an error.
void check_upgrade_option(const Checks& c) noexcept {
  if (!c.has(FieldId::upgrade)) return;
  const std::string_view section = c.response.bytes.substr(0, c.response.header_size);
  bool option = false;
  bool option_before_htab = false;
  for (std::size_t i = c.first(FieldId::connection); i < c.fields.field_count();
       i = c.fields.next(FieldId::connection, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (!field_name_equals(element, "upgrade")) continue;
      // "upgrade<HTAB>" is the option (HTAB is OWS), but llhttp (Node.js) takes it for another
      // token: it does not switch protocols after a 101 and reads the tunnel's bytes as HTTP,
      // where h1resp starts the tunnel. Refused like a missing option.
      if (values::htab_follows(section, element)) {
        option_before_htab = true;
      } else {
        option = true;
      }
    }
  }
  if (!option) {
    c.report_line_as(c.code() == 101 ? Severity::error : rule_info(Rule::upgrade_syntax).severity,
                     Rule::upgrade_syntax, c.first(FieldId::upgrade),
                     option_before_htab ? "the upgrade option is followed by HTAB, which llhttp "
                                          "(Node.js) does not read as the option"
                                        : "Upgrade without Connection: upgrade");
  }
}

namespace {

void check_other_values(const Checks& c) {
  if (c.has(FieldId::retry_after)) {
    const std::size_t i = c.first(FieldId::retry_after);
    const values::RetryAfter retry = values::parse_retry_after(c.value(i), c.reference_year);
    if (!retry.valid) {
      c.report_line(Rule::retry_after_syntax, i, "neither delay-seconds nor an HTTP-date");
    } else if (retry.is_date) {
      check_date_form(c, i, values::parse_http_date(c.value(i), c.reference_year));
    }
  }
  if (c.has(FieldId::age) && !values::parse_delta_seconds(c.value_of(FieldId::age)).valid) {
    c.report_line(Rule::age_syntax, c.first(FieldId::age), "not delta-seconds");
  }
  if (c.has(FieldId::etag) && !values::parse_entity_tag(c.value_of(FieldId::etag)).valid) {
    const values::EntityTag tag = values::parse_entity_tag(c.value_of(FieldId::etag));
    c.report_line(Rule::etag_syntax, c.first(FieldId::etag),
                  tag.lowercase_weak ? "\"w/\": the weak prefix is case-sensitive \"W/\""
                  : tag.unquoted     ? "an entity-tag is a quoted string"
                                     : "not an entity-tag");
  }
  for (const FieldId id : {FieldId::www_authenticate, FieldId::proxy_authenticate}) {
    for (std::size_t i = c.first(id); i < c.fields.field_count(); i = c.fields.next(id, i)) {
      if (!values::is_challenge_list(c.value(i))) {
        c.report_line(Rule::authenticate_syntax, i, "not auth-scheme [ token68 / #auth-param ]");
      }
    }
  }
  if (c.has(FieldId::server)) {
    const std::size_t i = c.first(FieldId::server);
    const std::string_view value = c.value(i);
    const std::size_t products = values::server_products(value);
    if (products == 0) {
      c.report_line(Rule::server_product, i, "not product *( RWS ( product / comment ) )");
    } else if (value.size() > 64 || products > 3) {
      // RFC 9110 §10.2.4: SHOULD NOT be needlessly fine-grained (REDbot: over 64 characters).
      c.report_line(Rule::server_product, i, "a needlessly fine-grained Server value");
    }
  }
  // RFC 9110 §8.3: content SHOULD come with a Content-Type; Content-Encoding SHOULD NOT list
  // identity (§8.4).
  std::uint64_t length = 0;
  const bool has_content = c.content_length(length) ? length > 0
                                                    : c.framing.body == BodyKind::chunked ||
                                                          c.framing.body == BodyKind::until_close;
  if (has_content && !c.has(FieldId::content_type) && c.request.method != RequestMethod::head) {
    c.report_status(Rule::content_type_present, "content without Content-Type");
  }
  // RFC 9110 §8.3.1: media-type = type "/" subtype parameters. One that is not is a grammar
  // violation (a warning, as for the other field values), and a recipient that cannot read
  // it sniffs the content as if there were none.
  if (c.has(FieldId::content_type) &&
      !values::parse_media_type(c.value_of(FieldId::content_type)).valid) {
    c.report_line_as(Severity::warning, Rule::content_type_present, c.first(FieldId::content_type),
                     "Content-Type is not type \"/\" subtype *( \";\" parameter )");
  }
  for (std::size_t i = c.first(FieldId::content_encoding); i < c.fields.field_count();
       i = c.fields.next(FieldId::content_encoding, i)) {
    values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
      if (field_name_equals(element, "identity")) {
        c.report_line(Rule::content_type_present, i, "Content-Encoding lists identity");
      }
    }
  }
  // RFC 9112 §6.1: a server MUST NOT send Transfer-Encoding to an HTTP/1.0 client.
  if (c.request.known && c.request.version_major == 1 && c.request.version_minor == 0 &&
      c.has(FieldId::transfer_encoding)) {
    c.report_line(Rule::framing_te_to_http10_client, c.first(FieldId::transfer_encoding));
  }
  // RFC 9110 §8.6: a HEAD response's Content-Length MUST be the GET's length.
  if (c.request.method == RequestMethod::head && c.request.reference_200 != nullptr &&
      c.has(FieldId::content_length)) {
    const values::ContentLength cl =
        values::parse_content_length(c.value_of(FieldId::content_length));
    if (cl.status == values::ContentLength::ok && cl.value != c.request.reference_length) {
      c.report_line(Rule::content_length_head_value, c.first(FieldId::content_length),
                    "differs from the GET response's length");
    }
  }
}

}  // namespace

void check_field_values(const Checks& c) noexcept {
  check_dates(c);
  check_location(c);
  check_range_fields(c);
  check_list_syntax(c);
  check_other_values(c);
}

}  // namespace h1resp::validator
