// What caches and proxies do with a response, judged when the caller describes its side of the
// exchange (RequestContext): whether a 304 may freshen the stored response (catalog E08),
// whether a proxy answered a client's matching conditional request with the full content (E09),
// and whether it forwarded the 1xx responses it received (D10).
#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

namespace values = detail::values;

// A response's validators (RFC 9110 §8.8). A malformed one counts as absent: its own syntax
// rule (etag.syntax, date.http-date) reports it.
struct Validators {
  values::EntityTag etag;          // valid when present and well-formed
  values::HttpDate last_modified;  // form != invalid when present and readable
  std::size_t etag_line = 0;       // the field line of each, when it is valid
  std::size_t last_modified_line = 0;

  [[nodiscard]] bool has_last_modified() const noexcept {
    return last_modified.form != values::HttpDate::invalid;
  }
};

Validators validators_of(const detail::FieldIndex& fields, int reference_year) noexcept {
  const Response& r = fields.response();
  Validators v;
  if (fields.has(FieldId::etag)) {
    v.etag_line = fields.first(FieldId::etag);
    v.etag = values::parse_entity_tag(r.text(r.field_lines[v.etag_line].value));
  }
  if (fields.has(FieldId::last_modified)) {
    v.last_modified_line = fields.first(FieldId::last_modified);
    v.last_modified =
        values::parse_http_date(r.text(r.field_lines[v.last_modified_line].value), reference_year);
  }
  return v;
}

}  // namespace

// RFC 9111 §4.3.4: the stored responses a 304 freshens are those its validator identifies. A
// strong ETag identifies the stored responses with the same strong ETag; a weak one, a stored
// response it matches by the weak comparison (RFC 9110 §8.8.3.2); a Last-Modified, the stored
// response with that date; no validator at all, a stored response without one. When none is
// identified the cache MUST NOT update: the 304 describes another representation.
void check_freshening(const Checks& c, const detail::FieldIndex& stored_fields) noexcept {
  const Validators stored = validators_of(stored_fields, c.reference_year);
  const Validators fresh = validators_of(c.fields, c.reference_year);
  if (fresh.etag.valid) {
    const bool identified =
        fresh.etag.weak
            ? stored.etag.valid && stored.etag.opaque == fresh.etag.opaque
            : stored.etag.valid && !stored.etag.weak && stored.etag.opaque == fresh.etag.opaque;
    if (!identified) {
      c.report_line(Rule::code_304_freshen_match, fresh.etag_line,
                    fresh.etag.weak ? "its weak ETag matches no stored response"
                                    : "its strong ETag is not the stored response's");
    }
  } else if (fresh.has_last_modified()) {
    if (!stored.has_last_modified() ||
        stored.last_modified.seconds != fresh.last_modified.seconds) {
      c.report_line(Rule::code_304_freshen_match, fresh.last_modified_line,
                    "its Last-Modified is not the stored response's");
    }
  } else if (stored.etag.valid || stored.has_last_modified()) {
    c.report_status(Rule::code_304_freshen_match,
                    "it carries no validator, and the stored response has one");
  }
}

namespace {

// RFC 9110 §15.4.5: a proxy whose client sent the conditional request SHOULD forward the 304
// rather than the full content. Judged on the proxy's own 200 to GET or HEAD: when the client's
// condition is false for the representation sent (§13.1.2, §13.1.3), a 304 was due.
void check_conditional_answer(const Checks& c) noexcept {
  const RequestContext& request = c.request;
  if (!request.proxy_output || !request.known || c.code() != 200) return;
  if (request.method != RequestMethod::get && request.method != RequestMethod::head) return;
  const Validators sent = validators_of(c.fields, c.reference_year);
  if (!request.if_none_match.empty()) {
    // §13.1.2: "*" is false when any current representation exists (one was just sent);
    // otherwise when a listed entity tag matches the ETag by the weak comparison.
    bool matches = request.if_none_match == "*";
    values::ListReader list(request.if_none_match);
    std::string_view element;
    while (!matches && sent.etag.valid && list.next(element)) {
      const values::EntityTag tag = values::parse_entity_tag(element);
      matches = tag.valid && tag.opaque == sent.etag.opaque;
    }
    if (matches) {
      if (sent.etag.valid) {
        c.report_line(Rule::code_304_forwarding, sent.etag_line,
                      "the client's If-None-Match matches this ETag: a 304 was due");
      } else {
        c.report_status(Rule::code_304_forwarding, "the client's If-None-Match is \"*\"");
      }
    }
    return;  // §13.1.3: If-Modified-Since is ignored when If-None-Match is present
  }
  if (request.if_modified_since.empty() || !sent.has_last_modified()) return;
  // §13.1.3: an If-Modified-Since that is not a valid HTTP-date is ignored.
  const values::HttpDate since =
      values::parse_http_date(request.if_modified_since, c.reference_year);
  if (since.form != values::HttpDate::invalid && sent.last_modified.seconds <= since.seconds) {
    c.report_line(Rule::code_304_forwarding, sent.last_modified_line,
                  "not modified since the client's If-Modified-Since: a 304 was due");
  }
}

// RFC 9110 §15.2: a proxy MUST forward the 1xx responses it receives, unless it asked for them
// itself (the caller leaves those out of upstream_interim). A server MUST NOT send a 1xx to an
// HTTP/1.0 client (catalog A15): none is due then.
void check_interim_forwarded(const Checks& c) noexcept {
  const RequestContext& request = c.request;
  if (!request.proxy_output || c.code() < 200) return;
  const bool http10_client =
      request.known &&
      (request.version_major < 1 || (request.version_major == 1 && request.version_minor == 0));
  if (!http10_client && request.interim_sent < request.upstream_interim) {
    c.report_status(Rule::code_1xx_proxy_forward,
                    "fewer 1xx responses came before this final response than the upstream sent");
  }
}

}  // namespace

void check_intermediary(const Checks& c) noexcept {
  check_conditional_answer(c);
  check_interim_forwarded(c);
}

}  // namespace h1resp::validator
