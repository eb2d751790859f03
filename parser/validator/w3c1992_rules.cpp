// The historic dialect (catalog group G): the W3C response text of 1992-1994 ("HTRESP") and
// RFC 1945, judged on their own terms when the policy's dialect is w3c1992; and what of them
// survives as a note in the modern dialect (URI:, Method:, the 1992 meanings of 502 and 503).
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

// The fields a 1992 304 may carry: "only those headers which make sense in this context ...
// relevant to cache managers", e.g. Date, Server, Expires.
bool cache_relevant_in_1992(FieldId id) noexcept {
  switch (id) {
    case FieldId::date:
    case FieldId::server:
    case FieldId::expires:
    case FieldId::last_modified:
    case FieldId::etag:
    case FieldId::cache_control:
    case FieldId::pragma:
    case FieldId::content_location:
      return true;
    default:
      return false;
  }
}

// Whether `accept` (an Accept field value) accepts type/subtype.
bool accepts(std::string_view accept, std::string_view type, std::string_view subtype) noexcept {
  values::ListReader list(accept);
  std::string_view element;
  while (list.next(element)) {
    const std::size_t semicolon = element.find(';');
    std::string_view range = element.substr(0, semicolon);
    while (!range.empty() && (range.back() == ' ' || range.back() == '\t'))
      range.remove_suffix(1);
    const std::size_t slash = range.find('/');
    if (slash == std::string_view::npos) continue;
    const std::string_view t = range.substr(0, slash);
    const std::string_view s = range.substr(slash + 1);
    if ((t == "*" || is(t, type) || field_name_equals(t, type)) &&
        (s == "*" || field_name_equals(s, subtype))) {
      return true;
    }
  }
  return false;
}

void check_uri_lines(const Checks& c) {
  const unsigned code = c.code();
  std::size_t lines = 0;
  for (std::size_t i = c.first(FieldId::uri); i < c.fields.field_count();
       i = c.fields.next(FieldId::uri, i)) {
    ++lines;
    // "URI: <url> String": the address must be absolute; the String is a comment.
    const values::W3cUriLine uri = values::parse_w3c_uri_line(c.value(i));
    if (uri.address.empty() || !uri.address_absolute) {
      c.report_line(Rule::htresp_uri_line_parse, i, "the address of a URI: line is not absolute");
    }
  }
  // 301 Moved and 302 Found: "one or more header lines of the form URI: <url> String".
  if ((code == 301 || code == 302) && lines == 0) {
    c.report_status(Rule::htresp_3xx_uri_lines, "no URI: line gives the new address");
  }
  // RFC 1945 §9.3, §10.11: 301 and 302 give the new URL in Location, as an absolute URI.
  if ((code == 301 || code == 302) && c.has(FieldId::location)) {
    if (!values::parse_uri_reference(c.value_of(FieldId::location)).absolute) {
      c.report_line(Rule::http10_location_absolute, c.first(FieldId::location));
    }
  }
}

}  // namespace

void check_w3c1992(const Checks& c) noexcept {
  const Response& r = c.response;
  const unsigned code = c.code();
  const StatusInfo* info = status_info(code);

  // The 1992 BNF reads <http version> ::= 3*<digit>, but the prose says HTTP/1.0.
  // (An error when the status line is digits, which the tokenizer refuses; a later version is
  // only outside the dialect.)
  if (r.version_major != 1 || r.version_minor != 0) {
    c.report_as(Severity::warning, Rule::htresp_version_bnf_erratum, r.status_line.offset, 8,
                "the 1992 text knows only HTTP/1.0");
  }
  // Its 18 codes; there is no 1xx class. (A code outside 100..599 is check_status_code's error.)
  if (status_class(code) == StatusClass::invalid) {
    // reported as status.code-range
  } else if (info == nullptr || !info->has(StatusInfo::in_w3c1992)) {
    c.report_code(Rule::htresp_code_set, "not one of the 18 codes of the 1992 text");
  } else if (info->w3c1992_modern_code != 0) {
    // 502 "Service temporarily overloaded" is today's 503; 503 "Gateway timeout" today's 504.
    c.report_code(Rule::htresp_5xx_renumbering, info->w3c1992_meaning);
  } else if (code == 203 || code == 303) {
    // In the set, but meaning something else today under the same number: a note of the code
    // set's meanings (G05), on any such response; G11 and G08 judge what the two codes carry.
    // (1992's 204 No Response is today's No Content in all but the name.)
    c.report_as(Severity::info, Rule::htresp_code_set, r.code.offset, r.code.length,
                code == 203 ? "1992's 203 Partial Information (metainformation from a private "
                              "overlaid web) is not today's 203 Non-Authoritative Information (a "
                              "transforming proxy's answer)"
                            : "1992's 303 Method (another method at another address) is not "
                              "today's 303 See Other (GET the Location)");
  }

  // 201: "the textual part of the response line indicates the URI by which the newly created
  // document should be known".
  // The address may be in angle brackets, as on URI: lines (RFC 2068 §19.6.2.2).
  std::string_view new_uri = r.reason_phrase();
  if (new_uri.size() >= 2 && new_uri.front() == '<' && new_uri.back() == '>') {
    new_uri = new_uri.substr(1, new_uri.size() - 2);
  }
  if (code == 201 && !values::parse_uri_reference(new_uri).absolute) {
    c.report(Rule::htresp_reason_line, r.reason.offset, r.reason.length,
             "the reason phrase of a 1992 201 is the new document's URI");
  }
  check_uri_lines(c);

  // 303 Method: "Method: <method> <url>", the body carrying the parameters.
  if (code == 303) {
    if (!c.has(FieldId::method)) {
      c.report_status(Rule::htresp_303_method, "no Method: line");
    } else if (!values::parse_w3c_method_line(c.value_of(FieldId::method)).valid) {
      c.report_line(Rule::htresp_303_method, c.first(FieldId::method),
                    "not Method: <method> <url>");
    }
  }
  // 304: headers "as if ... HEAD, but limited to" those relevant to cache managers.
  if (code == 304) {
    for (std::size_t i = 0; i < c.fields.field_count(); ++i) {
      if (!cache_relevant_in_1992(c.fields.id_at(i))) {
        c.report_line(Rule::htresp_304_headers, i, "not a field cache managers use");
        break;
      }
    }
  }
  // 204 "No Response": "no information to send back" (the other 2xx meanings are notes of
  // `h1resp codes`).
  if (code == 204) {
    // What the response declares: a 204 ends at its empty line whatever it says (RFC 9112 §6.3
    // (1)), so the length read is always 0.
    if (framing::declares_content(framing::read_content_length(c.fields),
                                  framing::read_transfer_encoding(c.fields))) {
      c.report_status(Rule::htresp_2xx_semantics, "204 No Response: nothing to send back");
    }
  }
  // 401 and 402: "the parameter to this message" gives the schemes; RFC 1945 put the 401's in
  // WWW-Authenticate, and the 402's never got a place.
  if ((code == 401 && !c.has(FieldId::www_authenticate)) || code == 402) {
    c.report_code(Rule::htresp_401_402_parameter, info->w3c1992_meaning);
  }
  // Bodies are text/plain, text/html or a type the request accepted.
  if (c.has(FieldId::content_type)) {
    const values::MediaType type = values::parse_media_type(c.value_of(FieldId::content_type));
    const bool plain_or_html = type.valid && is(type.type, "text") &&
                               (is(type.subtype, "plain") || is(type.subtype, "html"));
    if (type.valid && !plain_or_html && c.request.known &&
        !accepts(c.request.accept, type.type, type.subtype)) {
      c.report_line(Rule::htresp_body_media_types, c.first(FieldId::content_type),
                    "neither text/plain, text/html nor a type the request accepted");
    }
  }
  // RFC 1945 §7.2: every other response has a body or Content-Length: 0; there is no chunked.
  if (c.framing.step != 1 && !c.has(FieldId::content_length) && c.body != nullptr &&
      c.body->complete && c.body->length == 0) {
    c.report_status(Rule::http10_body_or_cl0, "no body and no Content-Length: 0");
  }
}

void check_historic_in_modern(const Checks& c) noexcept {
  // RFC 2068 §19.6.2.5 deprecated URI; the 1992 "URI: <url> String" form is not RFC 2068's.
  // Location is the field to use; never derive it from URI.
  if (c.has(FieldId::uri)) {
    c.report_line(Rule::rfc2068_uri_header, c.first(FieldId::uri),
                  c.has(FieldId::location) ? "obsolete: Location is the field"
                                           : "obsolete, and no Location: use Location");
  }
  // A note, like URI's (catalog G08, G17): an obsolete field, which no recipient acts on.
  if (c.has(FieldId::method)) {
    c.report_line_as(Severity::info, Rule::htresp_303_method, c.first(FieldId::method),
                     "the 1992 Method: line; today's 303 See Other means GET the Location");
  }
  // A 502 or 503 whose reason phrase is its 1992 name means what it meant then.
  const unsigned code = c.code();
  if (code == 502 || code == 503) {
    const StatusInfo* info = status_info(code);
    // Trimmed as check_reason_phrase() trims it.
    const std::string_view phrase = values::trim_ows(c.response.reason_phrase());
    if (info != nullptr && field_name_equals(phrase, info->w3c1992_name)) {
      c.report(Rule::htresp_5xx_renumbering, c.response.reason.offset, c.response.reason.length,
               info->w3c1992_meaning);
    }
  }
}

}  // namespace h1resp::validator
