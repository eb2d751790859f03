// Where every rule's finding points: for each rule of the table, the exact bytes of its violating
// example that the finding (or the parse error) must cover. rule_examples_test.cpp checks that
// each example produces its rule; this file checks the offset and length that come with it, which
// README.md promises users ("the byte offset of every finding") and which nothing else pinned: a
// finding moved to another line, or given a length of 0, passed the whole suite.
//
// The expected bytes come from what each rule means (its explanation and its RFC text): the bytes
// a person fixing the response has to look at. The conventions, as the code follows them:
//   - a byte the grammar forbids (parser, chunked decoder): the first offending byte, or the run
//     that is wrong as a whole (a separator, a status code);
//   - a field the validator judges: the whole field line, from its name to the end of its value;
//     a framing field's coding or value, when one item of it is to blame;
//   - a field that is missing: the status line, since the status decides that it was needed;
//   - a status code without the field lines' help: the three digits;
//   - bytes a response should not have (a body after a bodiless response, extra data): those
//     bytes;
//   - the connection closing too early: a position (length 0) at the end of the input.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "rule_example_exchange.hpp"

namespace h1resp::testing {
namespace {

// Where in the violating example a rule's finding must point.
struct ExpectedSpan {
  std::string text;     // the bytes covered (empty: a position)
  std::string context;  // when not empty: `text` is the first one inside this text's occurrence
  int occurrence = 1;   // which occurrence (1: the first) of `context`, or of `text` without one
  bool end_of_input = false;            // a position: the end of the violating bytes
  std::optional<std::uint64_t> offset;  // given as a number (bytes too many to spell)
  std::uint32_t length = 0;             // with `offset`
};

// The `occurrence`-th occurrence of `text` in the example.
ExpectedSpan bytes(std::string text, int occurrence = 1) {
  ExpectedSpan span;
  span.text = std::move(text);
  span.occurrence = occurrence;
  return span;
}
// `text`, the first time it occurs inside the `occurrence`-th occurrence of `context`.
ExpectedSpan bytes_in(std::string context, std::string text, int occurrence = 1) {
  ExpectedSpan span = bytes(std::move(text), occurrence);
  span.context = std::move(context);
  return span;
}
// A position (length 0): where the input ends.
ExpectedSpan end_of_input() {
  ExpectedSpan span;
  span.end_of_input = true;
  return span;
}
// Bytes given by number, for spans too long to spell; the entry's comment says which they are.
ExpectedSpan numbered(std::uint64_t offset, std::uint32_t length) {
  ExpectedSpan span;
  span.offset = offset;
  span.length = length;
  return span;
}

struct RuleSpan {
  std::string_view id;
  ExpectedSpan span;
};

const std::string kStatusLine200 = "HTTP/1.1 200 OK";
const std::string kStatusLine304 = "HTTP/1.1 304 Not Modified";

// One entry per rule, in the order of the table.
const std::vector<RuleSpan>& rule_spans() {
  static const std::vector<RuleSpan> spans = {
      // A. Status line
      {"status.version-syntax", bytes("h")},  // "http/1.1": the first byte that breaks "HTTP/"
      {"status.version-major", bytes("2.0")},
      {"status.version-minor-higher", bytes("HTTP/1.2")},
      {"status.sp-separator", bytes("  ")},
      {"status.code-3digit", bytes("2000")},
      {"status.code-range", bytes("600")},
      // No SP after the code: the byte found where it belongs, the CR that ends the line.
      {"status.reason-sp-required", bytes_in("200\r\n", "\r")},
      {"status.reason-charset", bytes(std::string(1, '\0'))},
      {"status.reason-not-semantic", bytes("Not Found")},
      {"status.line-ending", bytes_in("OK\n", "\n")},
      {"status.bare-cr", bytes_in("OK\rContent", "\r")},
      {"status.leading-garbage", bytes("x")},
      // The bytes the parser looked at to decide there is no status line: the first line, at
      // most 16 bytes (its look-ahead; the decision and its span do not depend on how much of a
      // long first line has arrived).
      {"status.http09", bytes("<html>hello</htm")},
      {"status.ws-after-start-line", bytes_in("\r\n Content-Length", " ")},
      {"status.1xx-to-http10", bytes("100")},  // the interim code an HTTP/1.0 client cannot take

      // B. Field syntax
      {"field.name-token", bytes_in("\r\n: x", ":")},  // the name is empty: the colon comes first
      {"field.ws-before-colon", bytes_in("Content-Length :", " ")},
      {"field.no-colon", bytes("foo")},
      {"field.obs-fold", bytes_in("\r\n b", " ")},  // the whitespace that starts the fold
      {"field.value-cr-lf-nul", bytes_in("a\rSet-Cookie", "\r")},
      {"field.line-ending-lf", bytes_in("5\nX", "\n")},
      {"field.value-ctl", bytes("\f")},
      // One finding per line for any number of bytes above 0x7F (field_line_rules_test.cpp).
      {"field.value-obs-text", bytes("Transfer-Encoding: \xA0"
                                     "chunked")},
      {"field.ows-only-sp-htab", bytes("\v")},
      {"field.singleton-repeated", bytes("Location: https://evil.example/")},  // the repeat
      // Transfer-Encoding's value, with its empty element before the comma.
      {"field.empty-list-element", bytes(",chunked")},
      {"field.limits", bytes("Set-Cookie: a=" + std::string(10240, 'a'))},  // the 10 KiB line
      {"field.request-only", bytes("Host: example.com")},
      {"field.deprecated", bytes("Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==")},
      {"field.hop-by-hop-forwarded", bytes("X-Internal: secret")},  // the field Connection names
      // The option of Connection that names an end-to-end field.
      {"field.connection-nominates-end-to-end",
       bytes_in("Connection: Content-Length", "Content-Length")},
      {"field.trailer-prohibited", bytes("Content-Length: 100")},  // the first prohibited trailer

      // C. Framing and body length
      {"body.head", bytes("hello")},  // the content sent after the response to HEAD
      // The content sent with the 1xx, up to the next status line (the 200, not to blame).
      {"body.1xx", bytes("hello")},
      {"body.204", bytes("hello")},
      {"body.connect-2xx", bytes("Content-Length: 2")},
      {"framing.te-and-cl", bytes("Content-Length: 3")},  // the field that must not be there
      {"framing.te-chunked-not-final", bytes("Transfer-Encoding: chunked, gzip")},
      {"framing.te-chunked-twice", bytes("chunked", 2)},  // the second chunked
      {"framing.te-unknown", bytes("xchunked")},
      {"framing.te-empty", bytes("Transfer-Encoding:")},
      {"framing.te-params", bytes("chunked;q=1")},
      {"framing.te-identity", bytes("identity")},
      {"framing.te-in-http10", bytes("Transfer-Encoding: chunked")},
      {"framing.te-to-http10-client", bytes("Transfer-Encoding: chunked")},
      {"framing.cl-syntax", bytes("+")},                    // the first byte that is not a DIGIT
      {"framing.cl-conflict", bytes("Content-Length: 6")},  // the one that differs
      {"framing.cl-duplicate-same", bytes("Content-Length: 5, 5")},
      {"framing.cl-overflow", bytes("18446744073709551621")},
      {"framing.cl-incorrect", end_of_input()},  // where the close came, 5 bytes short
      {"framing.extra-data", bytes("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil")},
      // Content-Length or Transfer-Encoding is missing: like every missing field, the status line.
      {"framing.close-delimited", bytes(kStatusLine200)},
      {"chunked.size-syntax", bytes_in("0x5", "x")},
      // The hex digit with which the size no longer fits in 64 bits (chunked_decoder_test.cpp).
      {"chunked.size-overflow", bytes_in("10000000000000005", "5")},
      {"chunked.data-crlf", bytes_in("helloXX", "X")},  // where the CRLF after the data belongs
      {"chunked.ext-syntax", bytes_in("5 junk", "j")},  // BWS may come before ";", "j" may not
      {"chunked.incomplete", end_of_input()},
      {"framing.interim-then-final", end_of_input()},  // the close, where a final response belongs
      {"framing.after-close", bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")},
      // The field that makes the body multipart/byteranges, which no longer delimits it.
      {"framing.multipart-self-delimiting",
       bytes("Content-Type: multipart/byteranges; boundary=B")},

      // D. Status codes and class rules
      {"class.unknown-code", bytes("299")},
      {"class.heuristic-cacheability", bytes("302")},  // a code caches cannot judge by heuristics
      {"1xx.no-framing-fields", bytes("Content-Length: 0")},  // the 100's
      {"1xx.unknown-or-provisional", bytes("199")},
      {"100.unsolicited", bytes("100")},
      {"101.upgrade", bytes("HTTP/1.1 101 Switching Protocols")},  // no Upgrade
      {"103.early-hints", bytes("Set-Cookie: a=1")},
      {"200.validators", bytes(kStatusLine200)},        // no ETag, no Last-Modified
      {"201.location", bytes("HTTP/1.1 201 Created")},  // no Location
      {"1xx.proxy-forward", bytes(kStatusLine200)},     // a final response with no 1xx before it
      {"204.no-framing-fields", bytes("Content-Length: 0")},
      {"205.no-content", bytes("abc")},  // the content a 205 may not have, as body.204 for a 204
      {"206.content-range", bytes("HTTP/1.1 206 Partial Content")},   // no Content-Range
      {"206.headers-as-200", bytes("HTTP/1.1 206 Partial Content")},  // no ETag the 200 has
      {"3xx.location", bytes("HTTP/1.1 301 Moved Permanently")},      // no Location
      {"305.deprecated", bytes("305")},
      {"306.reserved", bytes("306")},
      {"4xx5xx.explanation", bytes("HTTP/1.1 500 Internal Server Error")},  // no content
      {"401.www-authenticate", bytes("HTTP/1.1 401 Unauthorized")},
      {"402.reserved", bytes("402")},
      {"405.allow", bytes("HTTP/1.1 405 Method Not Allowed")},
      {"407.proxy-authenticate", bytes("HTTP/1.1 407 Proxy Authentication Required")},
      {"retry-after.advisable", bytes("HTTP/1.1 503 Service Unavailable")},
      {"416.content-range", bytes("HTTP/1.1 416 Range Not Satisfiable")},
      {"426.upgrade", bytes("HTTP/1.1 426 Upgrade Required")},
      {"418.unused", bytes("418")},
      {"421.not-from-proxy", bytes("421")},
      // The explicit freshness a 429 must not give, not the 429.
      {"6585.not-storable", bytes("Cache-Control: max-age=3600")},
      {"511.captive-portal", bytes("WWW-Authenticate: Basic realm=\"x\"")},
      {"510.obsoleted", bytes("510")},

      // E. 304 Not Modified
      {"304.no-body", bytes("hello")},
      {"304.te-not-framing", bytes("Transfer-Encoding: chunked")},
      {"304.content-length-value", bytes("Content-Length: 0")},
      {"304.required-fields", bytes(kStatusLine304)},  // no ETag, no Vary
      {"304.date", bytes(kStatusLine304)},
      {"304.representation-metadata", bytes("Content-Type: text/plain")},
      {"304.unsolicited", bytes("304")},  // the unsolicited code, as 100.unsolicited
      {"304.freshen-match", bytes("ETag: \"v2\"")},
      {"304.forwarding", bytes("ETag: \"v1\"")},  // the validator the client's condition matches

      // F. Field values
      {"content-length.head-value", bytes("Content-Length: 0")},
      {"transfer-coding.case-insensitive", bytes("CHUNKED")},
      {"date.http-date", bytes("Date: 2024-01-01T00:00:00Z")},
      {"date.required", bytes(kStatusLine200)},
      {"date.strict-form", bytes("Date: Sun,  06 Nov 1994 08:49:37 GMT")},
      {"last-modified.future", bytes("Last-Modified: Tue, 02 Jan 2024 00:00:00 GMT")},
      {"location.syntax", bytes_in("exa mple", " ")},  // the byte a URI-reference cannot hold
      {"location.status-meaning", bytes("Location: /elsewhere")},
      {"retry-after.syntax", bytes("Retry-After: -5")},
      {"allow.syntax", bytes("Allow: GET POST")},
      {"content-range.syntax", bytes("Content-Range: bytes 5-1/10")},
      {"content-range.status", bytes("Content-Range: bytes 0-4/10")},
      {"content-range.length-consistency", bytes("Content-Range: bytes 0-4/10")},
      {"cache-control.syntax", bytes("Cache-Control: max-age=\"60\", public, private")},
      {"cache-control.must-understand", bytes("Cache-Control: must-understand, max-age=60")},
      {"age.syntax", bytes("Age: -5")},
      {"expires.syntax", bytes("Expires: 0")},
      {"etag.syntax", bytes("ETag: w/\"abc\"")},
      {"vary.syntax", bytes("Vary: Accept Encoding")},
      {"connection.options", bytes("close;")},          // the option that is not a token
      {"upgrade.syntax", bytes("Upgrade: websocket")},  // not named by Connection
      {"authenticate.syntax", bytes("WWW-Authenticate: realm=\"x\"")},
      {"server.product",
       bytes("Server: Apache/2.4.1 (Unix) PHP/5.3.3 mod_ssl/2.2.3 OpenSSL/0.9.8e")},
      {"content-type.present", bytes(kStatusLine200)},

      // G. Historic dialects
      {"htresp.status-line-ws", bytes("  ")},      // the first of the two runs
      {"htresp.version-bnf-erratum", bytes("1")},  // "100 200 OK": a digit where "HTTP/" belongs
      {"htresp.status-code-digits", bytes("2000")},
      {"htresp.reason-line", bytes("Created")},  // where a 1992 201 puts the new URI
      {"htresp.code-set", bytes("100")},
      {"htresp.3xx-uri-lines", bytes("HTTP/1.0 301 Moved")},  // no URI: line
      {"htresp.uri-line-parse", bytes("URI: /local moved here")},
      {"htresp.303-method", bytes("Method: POST")},
      {"htresp.304-headers", bytes("Content-Type: text/html")},
      {"htresp.5xx-renumbering", bytes("503")},
      {"htresp.2xx-semantics", bytes("some text")},  // the content sent after 204 No Response
      {"htresp.401-402-parameter", bytes("401")},
      {"htresp.body-media-types", bytes("Content-Type: application/pdf")},
      {"http10.version-multidigit", bytes("00")},  // the minor version
      {"http10.body-or-cl0", bytes("HTTP/1.0 200 OK")},
      {"http10.location-absolute", bytes("Location: /new")},
      {"rfc2068.uri-header", bytes("URI: <http://example.com/new>")},

      // H. Unofficial codes and reason phrases
      {"unofficial.1xx", bytes("122")},
      {"unofficial.2xx", bytes("218")},
      {"unofficial.308-resume-incomplete", bytes("Resume Incomplete")},
      {"unofficial.4xx-vendor", bytes("419")},
      {"unofficial.nginx", bytes("499")},
      {"unofficial.cdn-5xx", bytes("522")},
      {"unofficial.509-598-599", bytes("599")},
      {"unofficial.out-of-range", bytes("999")},
      {"unofficial.legacy-reason-phrases", bytes("Moved Temporarily")},

      // L. h1resp's own limits: the bytes up to and including the first one past the limit.
      // The header section up to max_header_section_bytes (65536): all of it received, whatever
      // the split (the byte past the limit may not have arrived when the parser fails).
      {"field.limits.section-size", numbered(0, 65536)},
      {"field.limits.field-count", bytes("X: a", 129)},  // the first line past max_fields (128)
      // The line through the first byte past max_line_bytes (16384), not to its end: the parser
      // stops reading the line there.
      {"field.limits.line-length", bytes("X-Fill: " + std::string(16377, 'a'))},
      // The extensions through the first byte past max_chunk_extension_bytes (1024).
      {"chunked.limits.extension-size", bytes(";x=" + std::string(1022, 'a'))},
      // The trailer section (from byte 74, after "0\r\n") up to max_trailer_section_bytes
      // (16384), as for the header section.
      {"chunked.limits.trailer-size", numbered(74, 16384)},
      {"message.incomplete", end_of_input()},  // the close, inside the header section
  };
  return spans;
}

const RuleSpan* find_span(std::string_view id) {
  for (const RuleSpan& s : rule_spans()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// The position of the `n`-th occurrence (1: the first) of `text` in `in`, if there is one.
std::optional<std::size_t> nth_occurrence(std::string_view in, std::string_view text, int n) {
  std::size_t at = in.find(text);
  for (int i = 1; i < n && at != std::string_view::npos; ++i)
    at = in.find(text, at + 1);
  if (at == std::string_view::npos) return std::nullopt;
  return at;
}

// Where `span` is in `example`, if it is there.
std::optional<ByteRange> locate(const ExpectedSpan& span, std::string_view example) {
  if (span.end_of_input) return ByteRange{example.size(), 0};
  if (span.offset) {
    if (*span.offset + span.length > example.size()) return std::nullopt;
    return ByteRange{*span.offset, span.length};
  }
  if (span.context.empty()) {
    const auto at = nth_occurrence(example, span.text, span.occurrence);
    if (!at) return std::nullopt;
    return ByteRange{*at, span.text.size()};
  }
  const auto context_at = nth_occurrence(example, span.context, span.occurrence);
  if (!context_at) return std::nullopt;
  const std::size_t inside = std::string_view(span.context).find(span.text);
  if (inside == std::string_view::npos) return std::nullopt;
  return ByteRange{*context_at + inside, span.text.size()};
}

// The bytes for a failure message: control bytes escaped, long runs cut.
std::string printable(std::string_view bytes) {
  constexpr std::size_t kShown = 80;
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < kShown; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c >= 0x7F) {
      constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  if (bytes.size() > kShown) out += "...(" + std::to_string(bytes.size()) + " bytes)";
  return out;
}

std::string describe(const ByteRange& r, std::string_view example) {
  std::string out = "@" + std::to_string(r.offset) + "+" + std::to_string(r.length);
  if (r.offset <= example.size()) {
    out += " \"" + printable(example.substr(r.offset, r.length)) + "\"";
  } else {
    out += " (past the end)";
  }
  if (r.length == 0) out += r.offset == example.size() ? " (end of input)" : " (a position)";
  return out;
}

// Every span the stream reports for `info`'s rule on its violating example, in stream offsets:
// its findings and, when it is the parse error, the error.
std::vector<ByteRange> reported_spans(const RuleInfo& info) {
  const RuleExampleExchange exchange(info);
  ResponseStream stream(info.violating, exchange.options());
  std::vector<ByteRange> spans;
  StreamMessage m;
  while (stream.next(m)) {
    for (const Finding& f : m.findings) {
      if (f.rule == info.rule) spans.push_back({m.offset + f.offset, f.length});
    }
    if (m.status == ParseStatus::error && m.error.rule == info.rule) {
      spans.push_back({m.offset + m.error.offset, m.error.length});
    }
  }
  return spans;
}

TEST(RuleSpanTable, EveryRuleHasOneEntry) {
  std::map<std::string_view, int> entries;
  for (const RuleSpan& s : rule_spans()) {
    EXPECT_TRUE(find_rule(s.id).has_value()) << s.id << ": no rule has this id";
    EXPECT_EQ(++entries[s.id], 1) << s.id << ": more than one entry";
  }
  for (const RuleInfo& info : all_rules()) {
    EXPECT_TRUE(entries.contains(info.id))
        << info.id << ": no entry in rule_spans(); add the bytes its finding must cover";
  }
}

class RuleSpans : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RuleSpans, FindingCoversTheCulprit) {
  const RuleInfo& info = all_rules()[GetParam()];
  const RuleSpan* entry = find_span(info.id);
  ASSERT_NE(entry, nullptr) << info.id << ": no entry in rule_spans()";
  const std::optional<ByteRange> expected = locate(entry->span, info.violating);
  ASSERT_TRUE(expected.has_value())
      << info.id << ": the expected span is not in the violating example \""
      << printable(info.violating) << "\"";

  const std::vector<ByteRange> reported = reported_spans(info);
  std::string reported_text;
  bool covered = false;
  for (const ByteRange& r : reported) {
    covered = covered || r == *expected;
    reported_text += "\n  " + describe(r, info.violating);
  }
  EXPECT_TRUE(covered) << info.id << ": no finding covers " << describe(*expected, info.violating)
                       << "; reported:"
                       << (reported.empty() ? std::string(" nothing") : reported_text);
}

INSTANTIATE_TEST_SUITE_P(Table, RuleSpans, ::testing::Range<std::size_t>(0, kRuleCount),
                         [](const auto& param) { return rule_test_name(param.param); });

}  // namespace
}  // namespace h1resp::testing
