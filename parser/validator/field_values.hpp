// Grammars of the field values the validator judges (RFC 9110, RFC 9111, RFC 3986).
//
// Each function reads one field value (OWS already trimmed by the tokenizer) and returns what it
// found, without allocating. They judge syntax only; what a value means for a given response is
// the validator's business (validator/*.cpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace h1resp::detail::values {

// ---- Building blocks (RFC 9110 §5.6) ----------------------------------------------------------

// token = 1*tchar
// `s` without OWS (SP, HTAB) at either end (RFC 9110 §5.6.3).
[[nodiscard]] std::string_view trim_ows(std::string_view s) noexcept;
[[nodiscard]] bool is_token(std::string_view s) noexcept;

// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE, at the start of `s`. Returns its
// length including both quotes, or 0 when `s` does not start with a valid quoted-string.
[[nodiscard]] std::size_t quoted_string_length(std::string_view s) noexcept;

// Iterates the elements of a comma-separated list (#rule, RFC 9110 §5.6.1), each trimmed of OWS.
// Empty elements are reported (a sender MUST NOT generate them; recipients MUST skip a
// reasonable number) and skipped. Commas inside quoted-strings do not separate elements.
class ListReader {
 public:
  explicit ListReader(std::string_view value) noexcept : rest_(value) {}
  // The next non-empty element, or false at the end of the list.
  bool next(std::string_view& element) noexcept;
  // How many empty elements were skipped so far.
  [[nodiscard]] std::uint32_t empty_elements() const noexcept { return empty_; }

 private:
  std::string_view rest_;
  std::uint32_t empty_ = 0;
  bool started_ = false;
};

// Whether the first byte after `token` (a view into `section`, the header section's bytes) that
// is not SP is HTAB. Both are OWS (RFC 9110 §5.6.3), but llhttp 8.1, Node.js's parser, lets only
// SP follow a Transfer-Encoding or Connection token it recognises ("chunked", "close",
// "keep-alive", "upgrade"): followed by HTAB, the token is another one to it. Pre-condition:
// `token` lies inside `section`.
[[nodiscard]] bool htab_follows(std::string_view section, std::string_view token) noexcept;
// Whether SP, and nothing else, follows `token` up to the end of its line: whitespace that ends
// the field line, outside the value. OWS too, but Python's http.client keeps it in the value it
// compares ("chunked "). Pre-condition: `token` lies inside `section`.
[[nodiscard]] bool trailing_sp_follows(std::string_view section, std::string_view token) noexcept;

// ---- Numbers ----------------------------------------------------------------------------------

// 1*DIGIT as an unsigned 64-bit number.
struct Decimal {
  enum Status : std::uint8_t { ok, syntax, overflow } status = syntax;
  std::uint64_t value = 0;
};
[[nodiscard]] Decimal parse_decimal(std::string_view s) noexcept;

// Content-Length = 1*DIGIT (RFC 9110 §8.6), also in the list form "42, 42" that some senders
// produce by combining fields (allowed only when all members are equal).
struct ContentLength {
  enum Status : std::uint8_t {
    ok,        // one value, or a list of equal values
    syntax,    // a member is not 1*DIGIT (sign, hex, whitespace inside, empty, ...)
    overflow,  // a member does not fit in 63 bits (RFC 9110 §8.6: anticipate large numbers)
    conflict,  // list members differ
  } status = syntax;
  std::uint64_t value = 0;
  std::uint32_t members = 0;   // number of list members (1 for a plain value)
  std::size_t bad_offset = 0;  // syntax/overflow/conflict: where in the value the problem is
  std::size_t bad_length = 0;  // ... and the length of the member concerned (0 if empty)
};
[[nodiscard]] ContentLength parse_content_length(std::string_view value) noexcept;

// ---- Dates (RFC 9110 §5.6.7) --------------------------------------------------------------

struct HttpDate {
  enum Form : std::uint8_t {
    invalid,
    imf_fixdate,  // Sun, 06 Nov 1994 08:49:37 GMT   (what senders MUST generate)
    rfc850,       // Sunday, 06-Nov-94 08:49:37 GMT  (obsolete; recipients MUST accept)
    asctime,      // Sun Nov  6 08:49:37 1994        (obsolete; recipients MUST accept)
  } form = invalid;
  std::int64_t seconds = 0;      // seconds since 1970-01-01T00:00:00Z
  bool weekday_matches = false;  // the day name is the right one for the date
};
// `reference_year`: the year "now" for the rfc850 two-digit year rule (a year more than 50 years
// in the future is the most recent past year with the same two digits). Proleptic Gregorian
// years from -400 on; a two-digit year read as an earlier one is not a date.
[[nodiscard]] HttpDate parse_http_date(std::string_view value, int reference_year) noexcept;

// Retry-After = HTTP-date / delay-seconds (RFC 9110 §10.2.3)
struct RetryAfter {
  bool valid = false;
  bool is_date = false;
  std::uint64_t delay_seconds = 0;
};
[[nodiscard]] RetryAfter parse_retry_after(std::string_view value, int reference_year) noexcept;

// ---- Framing fields -------------------------------------------------------------------------

// One transfer-coding of Transfer-Encoding (RFC 9112 §7, RFC 9110 §10.1.4):
//   transfer-coding = token *( OWS ";" OWS transfer-parameter )
//   transfer-parameter = token BWS "=" BWS ( token / quoted-string )
struct TransferCoding {
  bool valid = false;     // the element matches the grammar
  std::string_view name;  // the coding's token (case-insensitive)
  bool has_parameters = false;
};
[[nodiscard]] TransferCoding parse_transfer_coding(std::string_view element) noexcept;

// ---- Representation and range fields --------------------------------------------------------

// Content-Range (RFC 9110 §14.4):
//   Content-Range = range-unit SP ( range-resp / unsatisfied-range )
//   range-resp = incl-range "/" ( complete-length / "*" );  incl-range = first-pos "-" last-pos
//   unsatisfied-range = "*/" complete-length
struct ContentRange {
  enum Form : std::uint8_t { invalid, range, unsatisfied } form = invalid;
  enum Problem : std::uint8_t {
    none,
    missing_unit,           // no range-unit before the SP
    missing_slash,          // no "/"
    missing_hyphen,         // no "-" between first and last
    bad_integer,            // a position or length is not 1*DIGIT (or overflows)
    invalid_asterisk,       // "*" where a number must be ("bytes */*", "bytes *-5/10")
    last_before_first,      // last-pos < first-pos: invalid (RFC 9110 §14.4)
    length_not_after_last,  // complete-length <= last-pos: invalid
  } problem = missing_unit;
  std::string_view unit;  // e.g. "bytes"
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  bool length_known = false;  // false for "/*"
  std::uint64_t complete_length = 0;
};
[[nodiscard]] ContentRange parse_content_range(std::string_view value) noexcept;

// media-type = type "/" subtype parameters (RFC 9110 §8.3.1); parameters =
// *( OWS ";" OWS [ parameter ] ), parameter = token "=" ( token / quoted-string )
struct MediaType {
  bool valid = false;
  std::string_view type;      // e.g. "multipart" (case-insensitive)
  std::string_view subtype;   // e.g. "byteranges"
  bool has_boundary = false;  // a "boundary" parameter is present (multipart)
};
[[nodiscard]] MediaType parse_media_type(std::string_view value) noexcept;

// entity-tag = [ weak ] opaque-tag; weak = %s"W/"; opaque-tag = DQUOTE *etagc DQUOTE;
// etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
struct EntityTag {
  bool valid = false;
  bool weak = false;
  bool lowercase_weak = false;  // "w/" instead of "W/" (invalid: the prefix is case-sensitive)
  bool unquoted = false;        // a bare token instead of a quoted tag (invalid)
  std::string_view opaque;      // the tag without the quotes
};
[[nodiscard]] EntityTag parse_entity_tag(std::string_view value) noexcept;

// ---- Location (RFC 9110 §10.2.2: Location = URI-reference, RFC 3986 §4.1) ---------------------

struct UriReference {
  bool valid = false;
  bool absolute = false;       // has a scheme (an absolute-URI, possibly with a fragment)
  std::size_t bad_offset = 0;  // first offending byte when invalid
};
[[nodiscard]] UriReference parse_uri_reference(std::string_view value) noexcept;

// ---- Cache-Control (RFC 9111 §5.2) ----------------------------------------------------------

// cache-directive = token [ "=" ( token / quoted-string ) ]
struct CacheDirective {
  bool valid = false;
  std::string_view name;   // case-insensitive
  std::string_view value;  // without the quotes when quoted; empty when there is no "="
  bool has_value = false;
  bool quoted = false;
};
[[nodiscard]] CacheDirective parse_cache_directive(std::string_view element) noexcept;

// delta-seconds = 1*DIGIT (RFC 9111 §1.2.2); values above 2^31 are taken as 2147483648.
struct DeltaSeconds {
  bool valid = false;
  std::uint64_t value = 0;
  bool capped = false;  // the value was larger than 2147483648
};
[[nodiscard]] DeltaSeconds parse_delta_seconds(std::string_view s) noexcept;

// ---- Other fields -----------------------------------------------------------------------------

// protocol = protocol-name [ "/" protocol-version ], both tokens (RFC 9110 §7.8, Upgrade)
[[nodiscard]] bool is_protocol(std::string_view element) noexcept;

// WWW-Authenticate = #challenge; challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
// (RFC 9110 §11.6.1): every challenge of a WWW-Authenticate or Proxy-Authenticate value, and at
// least one. `realm="x"` alone is not a challenge (no auth-scheme).
[[nodiscard]] bool is_challenge_list(std::string_view value) noexcept;

// Whether a Link value (RFC 8288 §3) has a link whose rel names `relation` (lower case, compared
// case-insensitively), e.g. "blocked-by" (RFC 7725 §4). Stops at the first link-value it cannot
// read, with the links before it counted.
[[nodiscard]] bool link_has_relation(std::string_view value, std::string_view relation) noexcept;

// Server = product *( RWS ( product / comment ) ); product = token [ "/" token ];
// comment = "(" *( ctext / quoted-pair / comment ) ")" (RFC 9110 §10.2.4, §5.6.5).
// Returns how many products the value names (comments are not counted), 0 when it is not that.
[[nodiscard]] std::size_t server_products(std::string_view value) noexcept;

// The 1992 W3C "URI: <url> String" line (HTRESP): the address and the optional comment after
// the first whitespace.
struct W3cUriLine {
  std::string_view address;
  std::string_view comment;
  bool address_absolute = false;  // RFC 1945 §10.11 / the 1992 text: an absolute URL
};
[[nodiscard]] W3cUriLine parse_w3c_uri_line(std::string_view value) noexcept;

// The 1992 W3C "Method: <method> <url>" line (HTRESP 303).
struct W3cMethodLine {
  bool valid = false;  // a method token, whitespace, and a URL
  std::string_view method;
  std::string_view url;
};
[[nodiscard]] W3cMethodLine parse_w3c_method_line(std::string_view value) noexcept;

}  // namespace h1resp::detail::values
