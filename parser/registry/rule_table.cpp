// The rule table: one entry per h1resp::Rule, in the order of the enumeration, with everything
// people and tools need to know about the rule: id, catalog entry, default severity, requirement
// level, context, source, summary, explanation, and the exact bytes of a violating and of a
// conforming response.
//
// This is the single source of the rule texts: docs/rules.md is generated from this file, so edit
// the rules here, not there. Groups A-H follow the project's rule catalog (outside this
// repository, shared/reference/response-rules.md); group L holds h1resp's own limits and stream
// states.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "h1resp/rules.hpp"

namespace h1resp {
namespace {

using namespace std::string_view_literals;  // "..."sv keeps embedded NUL bytes

// Example bytes built at compile time, for the limit rules whose examples are too large to spell
// out: `head`, then `count` copies of `unit`, then `tail`.
struct Repeat {
  std::string_view head;
  std::string_view unit;
  std::size_t count;
  std::string_view tail;

  [[nodiscard]] constexpr std::size_t size() const noexcept {
    return head.size() + unit.size() * count + tail.size();
  }
};

template <std::size_t N>
struct Bytes {
  std::array<char, N> data{};

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data.data(), N}; }
};

constexpr char* put(char* out, std::string_view bytes) noexcept {
  for (const char* p = bytes.data(); p != bytes.data() + bytes.size(); ++p) {
    *out++ = *p;
  }
  return out;
}

// Pre-condition: N == spec.size() (a mismatch does not compile: it writes out of bounds).
// Compilers bound the steps of a constant evaluation (clang: about a million), so long runs are
// built from 64-byte units rather than single bytes.
template <std::size_t N>
consteval Bytes<N> build(const Repeat& spec) {
  Bytes<N> out{};
  char* at = put(out.data.data(), spec.head);
  for (std::size_t i = 0; i < spec.count; ++i) {
    at = put(at, spec.unit);
  }
  put(at, spec.tail);
  return out;
}

constexpr std::string_view kA64 =
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static_assert(kA64.size() == 64);

// A 10 KiB Set-Cookie value: over the 8 KiB that many implementations accept (REDbot's
// FIELD_TOO_LARGE), under h1resp's hard max_line_bytes.
constexpr Repeat kBigCookieSpec{"HTTP/1.1 200 OK\r\nSet-Cookie: a=", kA64, 10 * 1024 / 64,
                                "\r\nContent-Length: 0\r\n\r\n"};
constexpr auto kBigCookie = build<kBigCookieSpec.size()>(kBigCookieSpec);

constexpr Repeat kFillLineSpec{"X-Fill: ", kA64, 125, "\r\n"};  // 8000 bytes of value
constexpr auto kFillLine = build<kFillLineSpec.size()>(kFillLineSpec);
// 9 lines of 8 KB: over max_header_section_bytes (64 KiB), every line under max_line_bytes.
constexpr Repeat kLargeSectionSpec{"HTTP/1.1 200 OK\r\n", kFillLine.view(), 9,
                                   "Content-Length: 0\r\n\r\n"};
constexpr auto kLargeSection = build<kLargeSectionSpec.size()>(kLargeSectionSpec);

// 130 field lines: over max_fields (128).
constexpr Repeat kManyFieldsSpec{"HTTP/1.1 200 OK\r\n", "X: a\r\n", 129,
                                 "Content-Length: 0\r\n\r\n"};
constexpr auto kManyFields = build<kManyFieldsSpec.size()>(kManyFieldsSpec);

// A field line over max_line_bytes (16 KiB).
constexpr Repeat kLongLineSpec{"HTTP/1.1 200 OK\r\nX-Fill: ", kA64, 16 * 1024 / 64,
                               "\r\nContent-Length: 0\r\n\r\n"};
constexpr auto kLongLine = build<kLongLineSpec.size()>(kLongLineSpec);

// Chunk extensions over max_chunk_extension_bytes (1 KiB).
constexpr Repeat kLongChunkExtensionSpec{
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=", kA64, 1024 / 64,
    "\r\nhello\r\n0\r\n\r\n"};
constexpr auto kLongChunkExtension = build<kLongChunkExtensionSpec.size()>(kLongChunkExtensionSpec);

// Two trailer lines of 9 KB: over max_trailer_section_bytes (16 KiB), each under max_line_bytes.
constexpr Repeat kTimingLineSpec{"Server-Timing: ", kA64, 141, "\r\n"};  // 9024 bytes of value
constexpr auto kTimingLine = build<kTimingLineSpec.size()>(kTimingLineSpec);
constexpr Repeat kLargeTrailerSpec{
    "HTTP/1.1 200 OK\r\nTrailer: Server-Timing\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
    kTimingLine.view(), 2, "\r\n"};
constexpr auto kLargeTrailer = build<kLargeTrailerSpec.size()>(kLargeTrailerSpec);

// Every example response answers "GET / HTTP/1.1" unless `example_request` says otherwise. The
// conforming examples are clean: they break no other rule either (Date, a validator on 200,
// Content-Length or an empty body, Content-Type on content, an explanation in 4xx and 5xx,
// Location on redirects, a challenge on 401, ...). Examples of the W3C 1992 dialect (G01-G13)
// are clean in that dialect.
constexpr std::array<RuleInfo, kRuleCount> kRules = {{
    // A. Status line (RFC 9112 §4)
    {
        .rule = Rule::status_version_syntax,
        .id = "status.version-syntax",
        .catalog = "A01",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §2.3",
        .summary = "the HTTP version is not \"HTTP/\" DIGIT \".\" DIGIT",
        .explanation =
            "RFC 9112 §2.3 defines HTTP-version as the case-sensitive \"HTTP/\" followed by "
            "exactly one digit, a dot and one digit. Parsers disagree on anything else "
            "(lower case, leading zeros, extra digits, a missing dot), so they can read "
            "different versions and apply different framing rules. A proxy must not forward "
            "the response; it answers 502.",
        .violating = "http/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_version_major,
        .id = "status.version-major",
        .catalog = "A02",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §2.5, §6.2",
        .summary = "the major version is not 1, so this is not an HTTP/1.x response",
        .explanation =
            "The major version defines the message syntax (RFC 9110 §2.5, §6.2), so a "
            "response labelled HTTP/2.0 or HTTP/5.6 on an HTTP/1.x connection cannot be "
            "parsed as HTTP/1.x at all. It usually means a confused upstream or a protocol "
            "mix-up. A proxy must not forward it and answers 502.",
        .violating = "HTTP/2.0 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_version_minor_higher,
        .id = "status.version-minor-higher",
        .catalog = "A03",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §6.2; RFC 9112 §2.3",
        .summary = "the minor version is higher than any HTTP/1.x version defined (e.g. HTTP/1.2)",
        .explanation =
            "A recipient SHOULD process a response with a higher minor version as if it "
            "were the highest HTTP/1.x version it implements (RFC 9110 §6.2). An "
            "intermediary MUST send its own HTTP version in the messages it forwards, so a "
            "proxy rewrites the status line instead of copying it. No HTTP/1.2 exists; the "
            "response probably comes from a misconfigured server.",
        .violating = "HTTP/1.2 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_sp_separator,
        .id = "status.sp-separator",
        .catalog = "A04",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §4",
        .summary = "the status line fields are not separated by exactly one SP",
        .explanation =
            "RFC 9112 §4 puts exactly one SP between the version, the status code and the "
            "reason phrase. Recipients MAY split on any whitespace, but the RFC warns that "
            "such lenient parsing can result in response splitting, because strict and "
            "lenient parsers then read different status lines. A proxy must not forward the "
            "raw line: it rejects the response or re-serialises the status line.",
        .violating = "HTTP/1.1  200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_code_3digit,
        .id = "status.code-3digit",
        .catalog = "A05",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §4",
        .summary = "the status code is not three digits",
        .explanation = "The status code is exactly three decimal digits (RFC 9112 §4): no sign, no "
                       "hex, no two- or four-digit codes. Parsers that accept other forms read "
                       "different codes from the same bytes, and so frame and handle the response "
                       "differently. A proxy must reject the response (502).",
        .violating = "HTTP/1.1 2000 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_code_range,
        .id = "status.code-range",
        .catalog = "A06",
        .severity = Severity::error,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §15",
        .summary = "the status code is outside 100..599",
        .explanation =
            "Only 100 to 599 are valid status codes (RFC 9110 §15); implementations use "
            "codes outside that range for internal, non-HTTP status such as library errors. "
            "A client SHOULD process such a response as a 5xx (Server Error). A proxy "
            "should replace it with a 502, or reject it.",
        .violating = "HTTP/1.1 600 Unknown\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 500 Internal Server Error\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 19\r\n"
                      "\r\n"
                      "the upstream failed",
    },
    {
        .rule = Rule::status_reason_sp_required,
        .id = "status.reason-sp-required",
        .catalog = "A07",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §4",
        .summary = "the SP after the status code is missing",
        .explanation =
            "The status line keeps the SP after the status code even when the reason phrase "
            "is empty: the server MUST send it (RFC 9112 §4). Many parsers accept \"HTTP/1.1 "
            "200\" anyway, but strict ones reject it. A proxy re-serialises the status line "
            "with the SP (and a reason phrase) instead of forwarding the bytes.",
        .violating = "HTTP/1.1 200\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 \r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_reason_charset,
        .id = "status.reason-charset",
        .catalog = "A08",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §4",
        .summary = "the reason phrase contains NUL or a control character other than HTAB",
        .explanation =
            "The reason phrase may contain only HTAB, SP, visible ASCII and obs-text (RFC "
            "9112 §4). A NUL or another control character breaks parsers built on C strings "
            "and can hide or truncate data, so the message is malformed. A proxy must "
            "reject it; bytes above 0x7F (obs-text) are allowed but best replaced when "
            "re-serialising.",
        .violating = "HTTP/1.1 200 O\x00K\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n"sv,
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_reason_not_semantic,
        .id = "status.reason-not-semantic",
        .catalog = "A09",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9112 §4; RFC 9110 §15.1",
        .summary = "the reason phrase does not match the status code",
        .explanation =
            "The reason phrase is only a description for people: a client SHOULD ignore it "
            "(RFC 9112 §4), and the phrases in RFC 9110 are recommendations. Here it names "
            "another status, which misleads people and tools that read the text instead of "
            "the code. Process the status code; a proxy may rewrite the phrase.",
        .violating = "HTTP/1.1 200 Not Found\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_line_ending,
        .id = "status.line-ending",
        .catalog = "A10",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9112 §2.2",
        .summary = "the status line ends in a bare LF instead of CRLF",
        .explanation =
            "HTTP/1.1 lines end in CRLF. A recipient MAY accept a bare LF (RFC 9112 §2.2), "
            "but a proxy that accepts it and forwards the bytes unchanged lets downstream "
            "parsers that do not accept it see different lines, which has been shown to "
            "split messages. A proxy that accepts it must write CRLF line endings, never "
            "the received bytes.",
        .violating = "HTTP/1.1 200 OK\n"
                     "Content-Length: 0\n"
                     "\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_bare_cr,
        .id = "status.bare-cr",
        .catalog = "A11",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §2.2, §4",
        .summary = "a CR not followed by LF appears outside the content",
        .explanation =
            "A CR that is not followed by LF is invalid outside the content: the recipient "
            "MUST treat it as invalid or replace it with SP (RFC 9112 §2.2). Some parsers "
            "treat a bare CR as a line ending and others do not, so it can start a field or "
            "a response that only some recipients see (response splitting). A proxy must "
            "reject the response.",
        .violating = "HTTP/1.1 200 OK\rContent-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::status_leading_garbage,
        .id = "status.leading-garbage",
        .catalog = "A12",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §9.2, §2.2",
        .summary = "bytes other than the status line come before the response",
        .explanation =
            "A response starts with its status line; a recipient may skip empty lines "
            "before it, nothing else (RFC 9112 §2.2), and data received while no request is "
            "outstanding is not a response (§9.2). Bytes before \"HTTP/\" mean the previous "
            "response was framed wrongly or the upstream does not speak HTTP. A proxy must "
            "reject the response and close the connection.",
        .violating = "xHTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::status_http09,
        .id = "status.http09",
        .catalog = "A13",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 1945 §6; RFC 9112 App. C.1",
        .summary = "there is no status line (an HTTP/0.9 response, or not HTTP at all)",
        .explanation =
            "Without a status line this can only be an HTTP/0.9 simple response, whose body "
            "starts at the first byte and ends at close; RFC 9112 says HTTP/0.9 support "
            "ought to be disabled. Accepting it lets any upstream bytes, an error page or "
            "an injected response, pass as a response with no status and no fields. A proxy "
            "must reject it.",
        .violating = "<html>hello</html>",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 18\r\n"
                      "\r\n"
                      "<html>hello</html>",
    },
    {
        .rule = Rule::status_ws_after_start_line,
        .id = "status.ws-after-start-line",
        .catalog = "A14",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §2.2",
        .summary = "a line that starts with whitespace comes before the first field line",
        .explanation =
            "A sender MUST NOT put whitespace between the start line and the first field "
            "line, and a recipient MUST either reject the message or ignore each "
            "whitespace-preceded line (RFC 9112 §2.2). Parsers that take the line as a "
            "field, or as part of the status line, see a Content-Length the others do not. "
            "A proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     " Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::status_1xx_to_http10,
        .id = "status.1xx-to-http10",
        .catalog = "A15",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::request,
        .source = "RFC 9110 §15.2",
        .summary = "a 1xx response is sent to an HTTP/1.0 client",
        .explanation =
            "A server MUST NOT send a 1xx response to an HTTP/1.0 client (RFC 9110 §15.2): "
            "HTTP/1.0 has no interim responses, so the client takes the 1xx as the final "
            "response and misreads what follows. This needs the request version to judge. A "
            "proxy drops 1xx responses it would forward to an HTTP/1.0 client.",
        .violating = "HTTP/1.1 100 Continue\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.0\r\n"
                           "\r\n",
    },
    // B. Field syntax (RFC 9110 §5, RFC 9112 §5)
    {
        .rule = Rule::field_name_token,
        .id = "field.name-token",
        .catalog = "B01",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §5.1, §5.6.2",
        .summary = "a field name is empty or contains a character that is not allowed in a token",
        .explanation =
            "A field name is a non-empty token (RFC 9110 §5.1): no spaces, separators, "
            "control characters or bytes above 0x7F. Parsers handle an invalid or empty "
            "name differently (drop the line, keep it, or end the header section there), so "
            "they can see different fields. A proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     ": x\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X: x\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_ws_before_colon,
        .id = "field.ws-before-colon",
        .catalog = "B02",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §5.1",
        .summary = "whitespace comes between a field name and its colon",
        .explanation =
            "No whitespace is allowed between a field name and the colon (RFC 9112 §5.1). "
            "Some parsers strip it and others read \"Content-Length \" as a different field, "
            "which has been used to smuggle messages; the RFC requires a proxy to remove "
            "such whitespace from a response before forwarding it. h1resp rejects the "
            "message unless that leniency is enabled.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length : 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::field_no_colon,
        .id = "field.no-colon",
        .catalog = "B03",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §5",
        .summary = "a line in the header section has no colon",
        .explanation =
            "Every line of the header section must be a field line, name \":\" value (RFC "
            "9112 §5). Parsers treat a line without a colon differently (ignore it, end the "
            "section there, or join it to the previous field), so they disagree on the "
            "fields and on the body that follows. A proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "foo\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "foo: bar\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_obs_fold,
        .id = "field.obs-fold",
        .catalog = "B04",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §5.2",
        .summary = "a field value is folded onto a line that starts with whitespace (obs-fold)",
        .explanation =
            "A sender MUST NOT fold field values over several lines (RFC 9112 §5.2). A "
            "proxy MUST either reject the response (502) or replace each fold with SP "
            "before forwarding, and a user agent MUST replace it with SP. Parsers that do "
            "not unfold read a different value, which matters most on Transfer-Encoding, "
            "Content-Length and Connection.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "X-A: a\r\n"
                     " b\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X-A: a b\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_value_cr_lf_nul,
        .id = "field.value-cr-lf-nul",
        .catalog = "B05",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §5.5; RFC 9112 §2.2, §11.1",
        .summary = "a field value contains CR, LF or NUL",
        .explanation =
            "CR, LF and NUL are never allowed in a field value: a recipient MUST reject the "
            "message or replace each one with SP (RFC 9110 §5.5). A parser that takes the "
            "CR for a line ending sees an extra field, here a Set-Cookie, that others read "
            "as part of the value: response splitting and header injection (RFC 9112 "
            "§11.1). A proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "X: a\rSet-Cookie: s=1\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X: a Set-Cookie: s=1\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_line_ending_lf,
        .id = "field.line-ending-lf",
        .catalog = "B06",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9112 §2.2",
        .summary = "a field line ends in a bare LF instead of CRLF",
        .explanation =
            "A field line ends in LF without CR. A recipient MAY accept it (RFC 9112 §2.2), "
            "but a proxy that forwards it unchanged lets downstream parsers that split only "
            "on CRLF see one longer line, and so different fields. A proxy that accepts it "
            "must re-serialise every line with CRLF.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 5\n"
                     "X: y\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X: y\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::field_value_ctl,
        .id = "field.value-ctl",
        .catalog = "B07",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §5.5",
        .summary = "a field value contains a control character",
        .explanation =
            "Control characters other than HTAB (0x01-0x08, 0x0B, 0x0C, 0x0E-0x1F and 0x7F) "
            "are invalid in field values; a recipient MAY keep them only where they are "
            "safe (RFC 9110 §5.5). Downstream software (other parsers, logs, terminals) can "
            "interpret them differently. In a framing field the message is rejected; "
            "elsewhere a proxy can forward it and report it.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "X: a\x0c"
                     "b\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X: a b\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_value_obs_text,
        .id = "field.value-obs-text",
        .catalog = "B08",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §5.5",
        .summary = "a field value contains bytes above 0x7F (obs-text)",
        .explanation =
            "Bytes 0x80-0xFF (obs-text) are allowed in field values but have no defined "
            "meaning; a recipient SHOULD treat them as opaque data (RFC 9110 §5.5). Some "
            "parsers strip 0xA0 or 0x85 as whitespace, so a Transfer-Encoding of 0xA0 then "
            "\"chunked\" is chunked for some recipients and unknown for others. In "
            "Transfer-Encoding, Content-Length or Connection the message is rejected; "
            "elsewhere it is forwarded and reported.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: \xa0"
                     "chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_ows_only_sp_htab,
        .id = "field.ows-only-sp-htab",
        .catalog = "B09",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §5.1; RFC 9110 §5.5, §5.6.3",
        .summary = "a field value starts or ends with whitespace other than SP or HTAB",
        .explanation =
            "Only SP and HTAB are optional whitespace: a parser MUST strip them around a "
            "field value and must not trim anything else (RFC 9112 §5.1; RFC 9110 §5.6.3). "
            "A parser that also trims VT, FF or NBSP reads \"5\" where a strict one reads an "
            "invalid value, so in Content-Length or Transfer-Encoding they frame the body "
            "differently. A proxy must reject such a framing field.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: \x0b"
                     "5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::field_singleton_repeated,
        .id = "field.singleton-repeated",
        .catalog = "B10",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §5.3",
        .summary = "a field that is not a list appears more than once",
        .explanation =
            "A field that is not a list (Location, Content-Type, ETag, Date, Age, Expires, "
            "Retry-After, Content-Range...) MUST NOT appear more than once (RFC 9110 §5.3); "
            "Set-Cookie is the known exception. Recipients use the first, the last or a "
            "combination, so they can act on different values, for example redirect to "
            "different places. A proxy should reject the response when Location or "
            "Content-Type values differ.",
        .violating = "HTTP/1.1 302 Found\r\n"
                     "Location: /a\r\n"
                     "Location: https://evil.example/\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 302 Found\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/a\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_empty_list_element,
        .id = "field.empty-list-element",
        .catalog = "B11",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §5.6.1",
        .summary = "a list field contains an empty element",
        .explanation =
            "A sender MUST NOT generate empty list elements, and a recipient MUST ignore a "
            "reasonable number of them (RFC 9110 §5.6.1). In most fields that is harmless, "
            "but in Transfer-Encoding some parsers take the empty element for an unknown "
            "coding, so they disagree about chunked framing. A proxy rewrites the list "
            "canonically, and rejects the message when the field is Transfer-Encoding.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: ,chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_limits,
        .id = "field.limits",
        .catalog = "B12",
        .severity = Severity::warning,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §5.4",
        .summary = "a field or the header section is larger than many recipients accept",
        .explanation =
            "RFC 9110 §5.4 leaves size limits to each implementation, and many refuse a field "
            "over 8 KiB or a header section over 32 KiB (REDbot's FIELD_TOO_LARGE and "
            "FIELD_SECTION_TOO_LARGE); such a response may be refused or truncated somewhere "
            "along the way, and a client MAY drop only fields that are safe to drop, never "
            "framing fields. Beyond h1resp's own configured limits the message is rejected "
            "with one of the field.limits.* and chunked.limits.* rules.",
        .violating = kBigCookie.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Set-Cookie: a=b\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_request_only,
        .id = "field.request-only",
        .catalog = "B13",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §2.2",
        .summary =
            "a request-only field (Host, User-Agent, Range, If-*, Expect, TE...) is in a response",
        .explanation =
            "Host, User-Agent, Authorization, Range, the If-* conditionals, Expect and TE "
            "are defined for requests only; they have no meaning in a response (Accept may "
            "appear in a 415, RFC 9110 §15.5.16, and Accept-Encoding in any response, RFC "
            "7694 §3, so neither is reported there). Their "
            "presence usually means request fields were reflected or copied into the "
            "response, sometimes from user input. Remove them; a proxy forwards the "
            "response and reports it.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Host: example.com\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_deprecated,
        .id = "field.deprecated",
        .catalog = "B14",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "RFC 9111 §5.4, §5.5; RFC 7231 App. B; RFC 2616 §19.6.3",
        .summary = "a deprecated or obsolete field is present",
        .explanation =
            "The field is deprecated or obsolete: Warning and Pragma (RFC 9111 §5.4, §5.5), "
            "URI, Public, Content-Base, Content-Version and Derived-From (RFC 2068, RFC "
            "2616), Content-MD5 (removed by RFC 7231) or Set-Cookie2. Current recipients "
            "ignore it, so it costs bytes for no effect. Remove it or use its successor "
            "(for Content-MD5, Repr-Digest of RFC 9530).",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Repr-Digest: sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_hop_by_hop_forwarded,
        .id = "field.hop-by-hop-forwarded",
        .catalog = "B15",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::proxy_output,
        .source = "RFC 9110 §7.6.1; RFC 9112 App. C.2.2",
        .summary =
            "a proxy forwarded a hop's field: one Connection named, Proxy-Connection or Keep-Alive",
        .explanation = "An intermediary MUST remove the Connection field and every field it names "
                       "before forwarding (RFC 9110 §7.6.1), and SHOULD remove Proxy-Connection, "
                       "Keep-Alive and the other hop-by-hop fields. Here a field meant for one hop "
                       "(X-Internal, named in Connection) was passed on, leaking it to the client. "
                       "This checks a proxy's own output, whose own Connection (close, keep-alive "
                       "with its Keep-Alive, upgrade with a relayed 101's Upgrade) is not "
                       "reported: only the fields it names that the response carries, "
                       "Proxy-Connection, and a Keep-Alive without a keep-alive option.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Connection: X-Internal\r\n"
                     "X-Internal: secret\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Via: 1.1 proxy\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::field_connection_nominates_end_to_end,
        .id = "field.connection-nominates-end-to-end",
        .catalog = "B16",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §7.6.1",
        .summary =
            "the Connection field names a field meant for every recipient (e.g. Content-Length)",
        .explanation =
            "A sender MUST NOT list in Connection a field that is meant for all recipients "
            "of the content (RFC 9110 §7.6.1). An intermediary that honours \"Connection: "
            "Content-Length\" removes Content-Length before forwarding, and the next hop "
            "frames the body differently. A proxy must reject the response, or at least "
            "ignore connection options that name Content-Length, Transfer-Encoding, Host or "
            "Cache-Control. An error for Content-Length, the framing; a warning for the other "
            "end-to-end fields, whose removal changes what the next hop reads, not where the "
            "response ends.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Connection: Content-Length\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Connection: close\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::field_trailer_prohibited,
        .id = "field.trailer-prohibited",
        .catalog = "B17",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §6.5.1, §6.5.2, §6.6.2; RFC 9112 §7.1.2",
        .summary =
            "a trailer field is not allowed in trailers, or the Trailer field did not announce "
            "it",
        .explanation =
            "A field whose definition does not allow trailers (framing, routing, "
            "authentication, response control or content-format fields, such as "
            "Content-Length or Set-Cookie) MUST NOT be sent as a trailer, and a recipient "
            "MUST NOT merge such a trailer into the header section (RFC 9110 §6.5.1, "
            "§6.5.2). A recipient that merges it acts on fields the header section did not "
            "have. Trailers SHOULD be announced in Trailer; a proxy drops them or keeps "
            "them apart, never merged.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "Content-Length: 100\r\n"
                     "Set-Cookie: a=b\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Trailer: Server-Timing\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "Server-Timing: total;dur=12\r\n"
                      "\r\n",
    },
    // C. Framing and body length (RFC 9112 §6, §7)
    {
        .rule = Rule::body_head,
        .id = "body.head",
        .catalog = "C01",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::request_method,
        .source = "RFC 9112 §6.3; RFC 9110 §9.3.2, §6.4.1",
        .summary = "a response to HEAD is followed by content",
        .explanation =
            "A response to HEAD has no content: it ends at the empty line whatever "
            "Content-Length or Transfer-Encoding say (RFC 9112 §6.3; RFC 9110 §9.3.2). "
            "Bytes sent after it are read as the start of the next response, so a proxy or "
            "client can attach them to the wrong request (response-queue poisoning). Read "
            "no body; if bytes arrive, discard them and close the connection.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n",
        .example_request = "HEAD / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::body_1xx,
        .id = "body.1xx",
        .catalog = "C02",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.3; RFC 9110 §15.2",
        .summary = "a 1xx response is followed by content instead of the next response",
        .explanation =
            "A 1xx response ends at the empty line and has no content (RFC 9112 §6.3; RFC "
            "9110 §15.2). Bytes after it that are not a status line were sent as its content, "
            "and recipients no longer agree on where responses start: reject. (A 1xx that "
            "declares content with Content-Length or Transfer-Encoding is refused for that "
            "already: 1xx.no-framing-fields.)",
        .violating = "HTTP/1.1 100 Continue\r\n"
                     "\r\n"
                     "helloHTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 100 Continue\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "PUT /f HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Expect: 100-continue\r\n"
                           "Content-Length: 5\r\n"
                           "\r\n"
                           "hello",
    },
    {
        .rule = Rule::body_204,
        .id = "body.204",
        .catalog = "C03",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.3; RFC 9110 §15.3.5",
        .summary = "a 204 response is followed by content",
        .explanation =
            "A 204 response ends at the empty line (RFC 9112 §6.3; RFC 9110 §15.3.5). The "
            "bytes the server sent as content stay on the connection, and some clients read "
            "them as the next response while others read them as this body. Treat bytes "
            "after the header section as extra data: discard them and close. (A 204 that "
            "declares content with Content-Length or Transfer-Encoding is refused for that "
            "already: 204.no-framing-fields.)",
        .violating = "HTTP/1.1 204 No Content\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 204 No Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::body_connect_2xx,
        .id = "body.connect-2xx",
        .catalog = "C04",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::request_method,
        .source = "RFC 9112 §6.3; RFC 9110 §9.3.6, §8.6",
        .summary = "a 2xx response to CONNECT carries Content-Length or Transfer-Encoding",
        .explanation =
            "A 2xx response to CONNECT turns the connection into a tunnel right after the "
            "empty line: the server MUST NOT send Content-Length or Transfer-Encoding, and "
            "the client MUST ignore them (RFC 9112 §6.3; RFC 9110 §9.3.6). A client that "
            "honours them swallows the first tunnelled bytes as a body. A warning, not an "
            "error: every recipient is required to ignore them, so conforming ones agree on "
            "where the tunnel starts. Ignore the fields and start the tunnel.",
        .violating = "HTTP/1.1 200 Connection Established\r\n"
                     "Content-Length: 2\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "\r\n",
        .example_request = "CONNECT a:443 HTTP/1.1\r\n"
                           "Host: a:443\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::framing_te_and_cl,
        .id = "framing.te-and-cl",
        .catalog = "C05",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §6.1, §6.2, §6.3",
        .summary = "the response has both Transfer-Encoding and Content-Length",
        .explanation =
            "A sender MUST NOT send both Transfer-Encoding and Content-Length (RFC 9112 "
            "§6.2). Transfer-Encoding overrides, the message ought to be handled as an "
            "error, and an intermediary that forwards it anyway MUST remove Content-Length "
            "(§6.3). Recipients that prefer Content-Length frame the body differently: this "
            "is the classic smuggling case, so a proxy should reject it. Where neither field "
            "frames the response (a response to HEAD, a 304, a 2xx to CONNECT: RFC 9112 §6.3 "
            "(1), (2)) it is a warning: the MUST NOT still holds, but no recipient reads a "
            "body by them.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 3\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_te_chunked_not_final,
        .id = "framing.te-chunked-not-final",
        .catalog = "C06",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.1, §6.3",
        .summary = "the Transfer-Encoding does not end with chunked",
        .explanation =
            "When the final transfer coding is not chunked, a response's body runs until "
            "the connection closes (RFC 9112 §6.3), and the sender MUST make chunked the "
            "final coding or close the connection (§6.1). Parsers that decode the chunks "
            "anyway stop early while others read to the close, so they disagree on the "
            "body. A proxy should reject it, or read it as close-delimited and close.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked, gzip\r\n"
                     "\r\n"
                     "5\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming =
            "HTTP/1.1 200 OK\r\n"
            "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
            "ETag: \"v1\"\r\n"
            "Content-Type: text/plain\r\n"
            "Transfer-Encoding: gzip, chunked\r\n"
            "\r\n"
            "19\r\n"
            "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcbH\xcd\xc9\xc9\x07\x00\x86\xa6\x10"
            "6\x05\x00\x00\x00\r\n"
            "0\r\n"
            "\r\n"sv,
    },
    {
        .rule = Rule::framing_te_chunked_twice,
        .id = "framing.te-chunked-twice",
        .catalog = "C07",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §6.1",
        .summary = "chunked is applied more than once",
        .explanation =
            "Chunked MUST NOT be applied more than once (RFC 9112 §6.1), whether in one "
            "value (\"chunked, chunked\") or in repeated Transfer-Encoding fields. Parsers "
            "decode it once, twice, or reject it, so they frame the body differently. A "
            "proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_te_unknown,
        .id = "framing.te-unknown",
        .catalog = "C08",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.1, §7",
        .summary = "the Transfer-Encoding names an unknown or obfuscated coding",
        .explanation =
            "Transfer-Encoding names a coding this recipient does not know, or an "
            "obfuscated chunked (\"xchunked\", \"chunkedchunked\", quoted, or with trailing "
            "junk). A response whose final coding is not chunked is read until close (RFC "
            "9112 §6.1, §6.3), but parsers that match \"chunked\" loosely decode chunks "
            "instead. A final chunked followed by HTAB is chunked (HTAB is OWS), but llhttp, "
            "Node.js's parser, then reads until close: refused too. A proxy must reject the "
            "response; note that coding names are case-insensitive, so \"Chunked\" is not "
            "unknown.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: xchunked\r\n"
                     "\r\n"
                     "5\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_te_empty,
        .id = "framing.te-empty",
        .catalog = "C09",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9112 §6.1, §6.2",
        .summary = "the Transfer-Encoding field is present but empty",
        .explanation =
            "Transfer-Encoding is present with an empty value. Parsers that act on the "
            "presence of the field ignore Content-Length, while parsers that act on its "
            "value use it, so they frame the body differently. A sender MUST NOT send "
            "Transfer-Encoding with Content-Length (RFC 9112 §6.2), and an empty one has no "
            "use; a proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding:\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_te_params,
        .id = "framing.te-params",
        .catalog = "C10",
        .severity = Severity::error,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9112 §7.1, §7.3, App. C.3",
        .summary = "a transfer coding has parameters (chunked defines none)",
        .explanation =
            "Chunked defines no parameters, and a recipient SHOULD treat their presence as "
            "an error (RFC 9112 §7.1); \"q\" is never a transfer coding parameter, and no "
            "registered transfer coding defines any. Parsers that ignore the parameter "
            "decode chunks, those that see an unknown coding read to the close, and some "
            "look for \"chunked\" anywhere in the value (nginx's upstream module decodes "
            "\"gzip;q=chunked\" as chunked). Where the field frames the body, a proxy must "
            "reject the response; on a response without content it is a warning.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked;q=1\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_te_identity,
        .id = "framing.te-identity",
        .catalog = "C11",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 7230 App. A.2; RFC 2616 §3.6; RFC 9112 §6.1",
        .summary = "the Transfer-Encoding is \"identity\", which is no longer a transfer coding",
        .explanation =
            "\"identity\" is no longer a transfer coding: RFC 7230 removed it. With "
            "Content-Length present, an RFC 2616 parser treats it as no transfer coding and "
            "uses Content-Length, while an RFC 9112 parser sees an unknown coding, ignores "
            "Content-Length and reads until close. A proxy must reject the response; send "
            "Content-Length alone.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: identity\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_te_in_http10,
        .id = "framing.te-in-http10",
        .catalog = "C12",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.1",
        .summary = "an HTTP/1.0 response carries Transfer-Encoding",
        .explanation =
            "The response is labelled HTTP/1.0 but carries Transfer-Encoding, which "
            "HTTP/1.0 does not define. The recipient MUST treat its framing as faulty, even "
            "if Content-Length is present, and close the connection after processing it "
            "(RFC 9112 §6.1), because an HTTP/1.0 hop may not have decoded the chunks. A "
            "proxy should reject it, or read it to the close and then close.",
        .violating = "HTTP/1.0 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "5\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_te_to_http10_client,
        .id = "framing.te-to-http10-client",
        .catalog = "C13",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::request,
        .source = "RFC 9112 §6.1",
        .summary = "a Transfer-Encoding is sent in reply to an HTTP/1.0 request",
        .explanation =
            "A server MUST NOT send Transfer-Encoding unless the request indicates HTTP/1.1 "
            "or later (RFC 9112 §6.1): an HTTP/1.0 client does not know chunked and shows "
            "the chunk sizes as content. This needs the request version to judge. A proxy "
            "de-chunks the body and sends it with Content-Length, or close-delimited, to "
            "the HTTP/1.0 client.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.0\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::framing_cl_syntax,
        .id = "framing.cl-syntax",
        .catalog = "C14",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §8.6; RFC 9112 §6.3",
        .summary = "the Content-Length is not a non-negative decimal number",
        .explanation =
            "Content-Length is one or more decimal digits (RFC 9110 §8.6); anything else (a "
            "sign, hex, inner spaces, an empty or negative value) makes the framing "
            "invalid, an unrecoverable error. RFC 9112 §6.3 item 5 requires a proxy to "
            "close the connection to the server, discard the response and send 502, and a "
            "user agent to close and discard it. Parsers that read \"+5\" as 5 and those that "
            "reject it disagree on the body.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: +5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_cl_conflict,
        .id = "framing.cl-conflict",
        .catalog = "C15",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §6.3; RFC 9110 §8.6",
        .summary = "the Content-Length has several different values",
        .explanation =
            "Content-Length has several different values, in repeated fields or in one "
            "list. RFC 9112 §6.3 item 5 makes this an unrecoverable error, because "
            "recipients that take the first or the last value frame the body differently. A "
            "proxy MUST close the connection to the server, discard the response and send "
            "502.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 5\r\n"
                     "Content-Length: 6\r\n"
                     "\r\n"
                     "hello!",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 6\r\n"
                      "\r\n"
                      "hello!",
    },
    {
        .rule = Rule::framing_cl_duplicate_same,
        .id = "framing.cl-duplicate-same",
        .catalog = "C16",
        .severity = Severity::warning,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §8.6; RFC 9112 §6.3",
        .summary = "the Content-Length is repeated with the same value",
        .explanation =
            "Content-Length is repeated with identical values (\"5, 5\", or two equal lines). "
            "A recipient MAY reject the message or MAY replace the values with a single one "
            "(RFC 9110 §8.6; RFC 9112 §6.3), so framing is not ambiguous, but some parsers "
            "reject it. A proxy forwards a single Content-Length.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 5, 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_cl_overflow,
        .id = "framing.cl-overflow",
        .catalog = "C17",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §8.6, §17.5",
        .summary = "the Content-Length is too large to represent",
        .explanation =
            "A recipient MUST anticipate large Content-Length values and prevent integer "
            "overflow (RFC 9110 §8.6, §17.5). A parser that wraps at 2^64 reads "
            "18446744073709551621 as 5 and frames a five-byte body, while others wait for "
            "exabytes or reject the message. A proxy must reject the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 18446744073709551621\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_cl_incorrect,
        .id = "framing.cl-incorrect",
        .catalog = "C18",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 9112 §6.3, §8; RFC 9110 §8.6",
        .summary = "the connection closed before Content-Length octets of content arrived",
        .explanation =
            "Fewer octets arrived than Content-Length announced before the connection "
            "closed: the message is incomplete, and the recipient MUST record it as such "
            "and close (RFC 9112 §6.3 item 6, §8). A sender MUST NOT forward a "
            "Content-Length it knows to be wrong (RFC 9110 §8.6). A cache must not store "
            "the response, and a proxy aborts the downstream response instead of completing "
            "it.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 10\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::framing_extra_data,
        .id = "framing.extra-data",
        .catalog = "C19",
        .severity = Severity::error,
        .level = Requirement::must_not,
        .context = Context::stream,
        .source = "RFC 9112 §6.3, §9.2",
        .summary = "bytes follow a complete response while no request is outstanding",
        .explanation =
            "More bytes arrived after a complete response although no other request was "
            "outstanding. A client MUST NOT process, cache or forward them as a separate "
            "response (RFC 9112 §6.3, §9.2): they come from a framing mismatch or an "
            "injected response (response splitting, cache poisoning). Discard them and "
            "close the connection.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 2\r\n"
                     "\r\n"
                     "okHTTP/1.1 200 OK\r\n"
                     "Content-Length: 4\r\n"
                     "\r\n"
                     "evil",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 2\r\n"
                      "\r\n"
                      "ok",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::framing_close_delimited,
        .id = "framing.close-delimited",
        .catalog = "C20",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9112 §6.3, §9.3",
        .summary =
            "the response has neither Content-Length nor Transfer-Encoding: it ends at close",
        .explanation =
            "The response has neither Content-Length nor Transfer-Encoding, so its body "
            "runs until the server closes the connection (RFC 9112 §6.3 item 8). The "
            "connection cannot be reused, and a body cut short by a network failure cannot "
            "be told from a complete one. Servers should send Content-Length or use "
            "chunked; a proxy reads to the close and re-frames the body for its client.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Connection: keep-alive\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::chunked_size_syntax,
        .id = "chunked.size-syntax",
        .catalog = "C21",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §7.1",
        .summary = "a chunk line is malformed: its size is not plain hexadecimal, or it lacks CRLF",
        .explanation =
            "A chunk size is one or more hex digits (RFC 9112 §7.1): no sign, no \"0x\", no "
            "underscore, no whitespace (except before a \";\" extension), never empty. "
            "Parsers that accept such sizes read a different chunk length than those that "
            "reject them, which has been used to smuggle messages. A proxy must reject the "
            "response and close the connection.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "0x5\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::chunked_size_overflow,
        .id = "chunked.size-overflow",
        .catalog = "C22",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §7.1",
        .summary = "a chunk size is too large to represent",
        .explanation =
            "A recipient MUST anticipate large hexadecimal chunk sizes and prevent overflow "
            "or loss of precision (RFC 9112 §7.1). A parser that wraps reads "
            "10000000000000005 (hex) as 5, frames the chunk differently, and takes the "
            "following bytes as chunks or as a new response. A proxy must reject the "
            "response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "10000000000000005\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::chunked_data_crlf,
        .id = "chunked.data-crlf",
        .catalog = "C23",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §7.1",
        .summary = "chunk data is not followed by CRLF",
        .explanation =
            "Chunk data MUST be followed by exactly CRLF (RFC 9112 §7.1). Parsers that "
            "accept any bytes there, or a bare LF, resynchronise at a different place than "
            "strict ones, so they see different chunks and trailers (Python's http.client "
            "skips any two bytes there). A proxy must reject the response, also with the "
            "bare-lf leniency, which covers lines only.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "5\r\n"
                     "helloXX0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::chunked_ext_syntax,
        .id = "chunked.ext-syntax",
        .catalog = "C24",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9112 §7.1.1",
        .summary = "a chunk extension is malformed, or a chunk line has a bare CR",
        .explanation =
            "Chunk extensions are \";\" name [ \"=\" value ] after the chunk size (RFC 9112 "
            "§7.1.1); unrecognised extensions MUST be ignored, but junk without \";\", a \";\" "
            "without a name, unbalanced quotes and a bare CR are errors. Parsers differ on "
            "where such junk ends, so they can disagree on the chunk size. A proxy must "
            "reject the response, and strips extensions when it re-chunks a body.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "5 junk\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5;name=value\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::chunked_incomplete,
        .id = "chunked.incomplete",
        .catalog = "C25",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 9112 §7.1, §8",
        .summary = "the connection closed before the end of a chunked body",
        .explanation =
            "The connection closed before the last chunk (size 0) and the final CRLF "
            "arrived: the message is incomplete, and the client MUST record it as "
            "incomplete (RFC 9112 §7.1, §8); a TLS connection closed without close_notify "
            "is an incomplete close too. A cache must not store the response, and a proxy "
            "aborts the downstream response instead of ending it cleanly.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "5\r\n"
                     "hello\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_interim_then_final,
        .id = "framing.interim-then-final",
        .catalog = "C26",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 9110 §15, §15.2; RFC 8297 §3",
        .summary = "the stream ends after interim (1xx) responses, without a final response",
        .explanation =
            "A response is zero or more interim 1xx responses followed by exactly one final "
            "response, and a client MUST be able to parse unexpected 1xx responses (RFC "
            "9110 §15, §15.2). Here no final response follows; a parser that took the 1xx "
            "(such as a 103) for the final response would mis-frame everything after it "
            "(RFC 8297 §3). A proxy that gets no final response answers 502.",
        .violating = "HTTP/1.1 103 Early Hints\r\n"
                     "Link: </s.css>; rel=preload\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 103 Early Hints\r\n"
                      "Link: </s.css>; rel=preload\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 2\r\n"
                      "\r\n"
                      "ok",
    },
    {
        .rule = Rule::framing_after_close,
        .id = "framing.after-close",
        .catalog = "C27",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 9112 §9.3, §9.6",
        .summary = "bytes follow a response that closes the connection",
        .explanation =
            "After a response with \"Connection: close\" the server MUST close the connection "
            "(RFC 9112 §9.6), so nothing else belongs on it; likewise an HTTP/1.0 response "
            "persists only with keep-alive (§9.3). Bytes that follow answer no request, yet "
            "a client that keeps reading may take them for a response. Discard them and "
            "close the connection.",
        .violating = "HTTP/1.1 204 No Content\r\n"
                     "Connection: close\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 204 No Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Connection: close\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::framing_multipart_self_delimiting,
        .id = "framing.multipart-self-delimiting",
        .catalog = "C28",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 2616 §4.4; RFC 7230 App. A.2; RFC 9112 §6.3",
        .summary = "a multipart/byteranges body has no Content-Length or chunked framing",
        .explanation =
            "RFC 2616 §4.4 let a multipart/byteranges body delimit itself, but RFC 7230 and "
            "RFC 9112 dropped that rule: without Content-Length or chunked the body runs "
            "until the connection closes (RFC 9112 §6.3). Legacy parsers stop at the "
            "closing boundary while current ones read to the close, so they disagree on "
            "where the response ends. Send Content-Length or use chunked; a proxy treats "
            "the body as close-delimited and closes.",
        .violating = "HTTP/1.1 206 Partial Content\r\n"
                     "Content-Type: multipart/byteranges; boundary=B\r\n"
                     "\r\n"
                     "--B\r\n"
                     "Content-Range: bytes 0-0/2\r\n"
                     "\r\n"
                     "a\r\n"
                     "--B\r\n"
                     "Content-Range: bytes 1-1/2\r\n"
                     "\r\n"
                     "b\r\n"
                     "--B--\r\n",
        .conforming = "HTTP/1.1 206 Partial Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: multipart/byteranges; boundary=B\r\n"
                      "Content-Length: 83\r\n"
                      "\r\n"
                      "--B\r\n"
                      "Content-Range: bytes 0-0/2\r\n"
                      "\r\n"
                      "a\r\n"
                      "--B\r\n"
                      "Content-Range: bytes 1-1/2\r\n"
                      "\r\n"
                      "b\r\n"
                      "--B--\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=0-0,1-1\r\n"
                           "\r\n",
    },
    // D. Status codes and class rules (RFC 9110 §15)
    {
        .rule = Rule::class_unknown_code,
        .id = "class.unknown-code",
        .catalog = "D01",
        .severity = Severity::info,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15, §15.4, §16.2.1",
        .summary = "the status code is not registered; it is handled as x00 of its class",
        .explanation =
            "The status code is not in the IANA registry. A client MUST understand the "
            "class of any status code and treat an unrecognised code as the x00 code of its "
            "class (RFC 9110 §15), so 299 is handled as 200 and an unknown 3xx as 300. Use "
            "a registered code where one fits; a proxy forwards the response.",
        .violating = "HTTP/1.1 299 Whatever\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::class_heuristic_cacheability,
        .id = "class.heuristic-cacheability",
        .catalog = "D02",
        .severity = Severity::info,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §15.1; RFC 9111 §3, §4.2.2; RFC 7725 §3",
        .summary =
            "the status code is not heuristically cacheable and no explicit freshness is given",
        .explanation =
            "Only 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451 and 501 are "
            "heuristically cacheable (RFC 9110 §15.1; RFC 7725); for other codes a cache "
            "MUST NOT compute freshness from Last-Modified. This response has such a code "
            "and no explicit freshness (Cache-Control max-age or Expires), so a correct "
            "cache does not reuse it. Add explicit freshness if it is meant to be cached.",
        .violating = "HTTP/1.1 302 Found\r\n"
                     "Location: /x\r\n"
                     "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 302 Found\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/x\r\n"
                      "Cache-Control: max-age=60\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_1xx_no_framing_fields,
        .id = "1xx.no-framing-fields",
        .catalog = "D03",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §8.6; RFC 9112 §6.1",
        .summary = "a 1xx response carries Content-Length or Transfer-Encoding",
        .explanation =
            "A server MUST NOT send Content-Length or Transfer-Encoding in a 1xx response "
            "(RFC 9110 §8.6; RFC 9112 §6.1), which never has content. \"Content-Length: 0\" "
            "is a warning: a proxy strips it. Any other value, or a Transfer-Encoding, is an "
            "error: recipients must not use them for framing, but parsers that do (llhttp, "
            "also on a 101 before it switches) read part of the final response as a body, "
            "so recipients disagree on where the 1xx ends.",
        .violating = "HTTP/1.1 100 Continue\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "ETag: \"v1\"\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 100 Continue\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "PUT /f HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Expect: 100-continue\r\n"
                           "Content-Length: 5\r\n"
                           "\r\n"
                           "hello",
    },
    {
        .rule = Rule::code_1xx_unknown_or_provisional,
        .id = "1xx.unknown-or-provisional",
        .catalog = "D04",
        .severity = Severity::info,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §15, §15.2; IANA HTTP Status Code Registry",
        .summary = "the 1xx code is unregistered, temporary, or registered by an obsoleted RFC",
        .explanation =
            "The 1xx code is unregistered, or its registration is weak: 102 comes from "
            "RFC 2518, which RFC 4918 obsoleted, and 104 is a temporary registration. Any "
            "1xx is still an interim response, handled as 100, and a user agent MAY ignore "
            "unexpected ones (RFC 9110 §15.2). A proxy forwards it, except to HTTP/1.0 "
            "clients.",
        .violating = "HTTP/1.1 199 Misc\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 103 Early Hints\r\n"
                      "Link: </s.css>; rel=preload\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_100_unsolicited,
        .id = "100.unsolicited",
        .catalog = "D05",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::request,
        .source = "RFC 9110 §15.2.1, §10.1.1; RFC 2616 §8.2.3",
        .summary = "a 100 (Continue) answers a request that did not ask for it",
        .explanation =
            "A 100 (Continue) arrived although the request had no \"Expect: 100-continue\". A "
            "client can simply discard it (RFC 9110 §15.2.1; RFC 2616 §8.2.3 said a server "
            "SHOULD NOT send it), so it is harmless to a conforming client, but it suggests "
            "that the server ignores the request's expectations. This needs the request to "
            "judge.",
        .violating = "HTTP/1.1 100 Continue\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_101_upgrade,
        .id = "101.upgrade",
        .catalog = "D06",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::request,
        .source = "RFC 9110 §15.2.2, §7.8",
        .summary = "a 101 lacks Upgrade, or switches to a protocol the client did not offer",
        .explanation =
            "A 101 (Switching Protocols) MUST carry Upgrade naming the protocol switched "
            "to, the server MUST NOT switch to a protocol the client did not offer, and a "
            "sender of Upgrade MUST list \"upgrade\" in Connection (RFC 9110 §15.2.2, §7.8). "
            "Otherwise the two ends and any proxy disagree on what the bytes after the "
            "response are. A proxy must reject it unless it forwarded an Upgrade that "
            "offered that protocol.",
        .violating = "HTTP/1.1 101 Switching Protocols\r\n"
                     "Connection: upgrade\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 101 Switching Protocols\r\n"
                      "Connection: Upgrade\r\n"
                      "Upgrade: websocket\r\n"
                      "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "\r\n",
        .example_request = "GET /chat HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Connection: Upgrade\r\n"
                           "Upgrade: websocket\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_103_early_hints,
        .id = "103.early-hints",
        .catalog = "D07",
        .severity = Severity::info,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 8297 §2, §3",
        .summary =
            "a 103 (Early Hints) carries fields that must not be merged into the final response",
        .explanation =
            "The fields of a 103 (Early Hints) only hint at the final response: they MUST "
            "NOT be taken as applying to the 103 itself and MUST NOT change how the final "
            "response is processed (RFC 8297). Fields such as Set-Cookie here have no "
            "effect, and a proxy or client that merges them into the final response acts on "
            "fields the server did not send with it. Forward the 103 as is; never merge or "
            "cache it.",
        .violating = "HTTP/1.1 103 Early Hints\r\n"
                     "Set-Cookie: a=1\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 103 Early Hints\r\n"
                      "Link: </s.css>; rel=preload\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_200_validators,
        .id = "200.validators",
        .catalog = "D08",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::request_method,
        .source = "RFC 9110 §15.3.1, §8.8.2.1, §8.8.3.1",
        .summary = "a 200 to GET or HEAD has no validator (ETag or Last-Modified)",
        .explanation =
            "An origin server SHOULD send the validators it can compute, a strong ETag and "
            "Last-Modified, in a 200 response to GET or HEAD (RFC 9110 §8.8.2.1, §8.8.3.1). "
            "Without them caches cannot revalidate the response and must fetch the whole "
            "representation again. Add ETag and/or Last-Modified.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 2\r\n"
                     "\r\n"
                     "ok",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 2\r\n"
                      "\r\n"
                      "ok",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_201_location,
        .id = "201.location",
        .catalog = "D09",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "RFC 9110 §15.3.2",
        .summary = "a 201 (Created) has no Location",
        .explanation =
            "A 201 (Created) names the new resource in Location; without it, the new "
            "resource is the target URI of the request (RFC 9110 §15.3.2). That is valid, "
            "but it is often a mistake (REDbot reports it), and a client then cannot find a "
            "resource that was created elsewhere. Add Location when the resource was "
            "created at another URI.",
        .violating = "HTTP/1.1 201 Created\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 201 Created\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/items/42\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "POST /items HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Content-Type: text/plain\r\n"
                           "Content-Length: 5\r\n"
                           "\r\n"
                           "hello",
    },
    {
        .rule = Rule::code_1xx_proxy_forward,
        .id = "1xx.proxy-forward",
        .catalog = "D10",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::proxy_output,
        .source = "RFC 9110 §15.2, §10.1.1",
        .summary = "a proxy did not forward a 1xx response it received",
        .explanation =
            "A proxy MUST forward 1xx responses unless it requested them itself (RFC 9110 "
            "§15.2). A swallowed 100 (Continue) leaves a client that sent \"Expect: "
            "100-continue\" waiting before it sends the content, and a swallowed 103 loses "
            "its hints; only an HTTP/1.0 client must not get them. Here the origin sent a "
            "100 that the proxy dropped; this checks a proxy's own output, given how many 1xx "
            "responses it received (RequestContext::upstream_interim, h1resp check "
            "--upstream-interim).",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "ETag: \"v1\"\r\n"
                     "Via: 1.1 proxy\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 100 Continue\r\n"
                      "Via: 1.1 proxy\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Via: 1.1 proxy\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "PUT /f HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Expect: 100-continue\r\n"
                           "Content-Length: 5\r\n"
                           "\r\n"
                           "hello",
        .example_upstream_interim = 1,
    },
    {
        .rule = Rule::code_204_no_framing_fields,
        .id = "204.no-framing-fields",
        .catalog = "D11",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §8.6; RFC 9112 §6.1",
        .summary = "a 204 response carries Content-Length or Transfer-Encoding",
        .explanation =
            "A server MUST NOT send Content-Length or Transfer-Encoding in a 204 (No "
            "Content) response (RFC 9110 §8.6; RFC 9112 §6.1), not even the common "
            "\"Content-Length: 0\", a warning that a proxy strips. A 204 always ends at the "
            "empty line, but parsers that frame by the fields (llhttp, and so Node.js) read "
            "a body of any other length, or a chunked one, out of the next response's bytes: "
            "that is an error, since recipients disagree on where the 204 ends.",
        .violating = "HTTP/1.1 204 No Content\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 204 No Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_205_no_content,
        .id = "205.no-content",
        .catalog = "D12",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §15.3.6; RFC 7231 §6.3.6; RFC 9112 §6.3",
        .summary = "a 205 (Reset Content) has content",
        .explanation =
            "A server MUST NOT generate content in a 205 (Reset Content) response (RFC 9110 "
            "§15.3.6). Unlike a 204, a 205 is not bodiless for framing, so it must still "
            "signal a zero length: Content-Length: 0, an empty chunked body, or closing the "
            "connection. Frame it by the normal rules and report the content.",
        .violating = "HTTP/1.1 205 Reset Content\r\n"
                     "Content-Length: 3\r\n"
                     "\r\n"
                     "abc",
        .conforming = "HTTP/1.1 205 Reset Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_206_content_range,
        .id = "206.content-range",
        .catalog = "D13",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::request,
        .source = "RFC 9110 §15.3.7.1, §15.3.7.2",
        .summary =
            "a 206 lacks Content-Range, is multipart wrongly, or answers a request without Range",
        .explanation =
            "A single-part 206 (Partial Content) MUST carry Content-Range; a multipart one "
            "MUST be multipart/byteranges with a boundary and MUST NOT have Content-Range "
            "in its header section; and a request for one range MUST NOT get a multipart "
            "answer (RFC 9110 §15.3.7). Otherwise the client cannot tell which bytes it got "
            "and may splice them in the wrong place. Forward it, but do not store or "
            "combine it.",
        .violating = "HTTP/1.1 206 Partial Content\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 206 Partial Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Range: bytes 0-4/10\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=0-4\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_206_headers_as_200,
        .id = "206.headers-as-200",
        .catalog = "D14",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::reference_200,
        .source = "RFC 9110 §15.3.7",
        .summary =
            "a 206 lacks a field (Date, ETag, Cache-Control, Expires, Vary...) that the 200 has",
        .explanation =
            "A 206 MUST carry those of Date, Cache-Control, ETag, Expires, Content-Location "
            "and Vary that a 200 to the same request would carry (RFC 9110 §15.3.7). A "
            "cache that combines or updates stored responses with the 206 otherwise loses "
            "or mismatches them; without the ETag it cannot even check that the parts "
            "belong together. This needs the 200 response to compare with.",
        .violating = "HTTP/1.1 206 Partial Content\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "Content-Range: bytes 0-4/10\r\n"
                     "Content-Type: text/plain\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "01234",
        .conforming = "HTTP/1.1 206 Partial Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Range: bytes 0-4/10\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "01234",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=0-4\r\n"
                           "\r\n",
        .example_reference = "HTTP/1.1 200 OK\r\n"
                             "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                             "ETag: \"v1\"\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 10\r\n"
                             "\r\n"
                             "0123456789",
    },
    {
        .rule = Rule::code_3xx_location,
        .id = "3xx.location",
        .catalog = "D15",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §15.4.1-§15.4.4, §15.4.8, §15.4.9; RFC 7538 §3",
        .summary = "a redirect has no Location",
        .explanation =
            "A 301, 302, 307 or 308 SHOULD carry Location with the target URI, a 303 is "
            "defined by its Location, and a 300 SHOULD carry one when there is a preferred "
            "choice (RFC 9110 §15.4). Without Location a client cannot follow the redirect "
            "and shows the response content instead. Add Location.",
        .violating = "HTTP/1.1 301 Moved Permanently\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 301 Moved Permanently\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/new\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_305_deprecated,
        .id = "305.deprecated",
        .catalog = "D16",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 9110 §15.4.6; RFC 7231 App. B; RFC 2616 §10.3.6",
        .summary = "status 305 (Use Proxy) is deprecated",
        .explanation =
            "305 (Use Proxy) is deprecated because configuring a proxy in-band is a "
            "security risk (RFC 9110 §15.4.6): a client that obeyed it would send its "
            "requests through a proxy chosen by the response. Clients must not act on it "
            "and treat it as 300. Use another redirect, or configure proxies out of band.",
        .violating = "HTTP/1.1 305 Use Proxy\r\n"
                     "Location: http://proxy.evil:3128/\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 307 Temporary Redirect\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_306_reserved,
        .id = "306.reserved",
        .catalog = "D17",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 9110 §15.4.7; RFC 2616 §10.3.7",
        .summary = "status 306 is unused and reserved",
        .explanation =
            "306 is unused and reserved (RFC 9110 §15.4.7); drafts of RFC 2616 used it for "
            "\"Switch Proxy\", telling clients to send later requests through another proxy. "
            "Nothing defines it now, so clients handle it as 300. Use a registered redirect "
            "code.",
        .violating = "HTTP/1.1 306 Switch Proxy\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 307 Temporary Redirect\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::code_4xx5xx_explanation,
        .id = "4xx5xx.explanation",
        .catalog = "D18",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §15.5, §15.5.7, §15.5.10, §15.6, §15.6.6",
        .summary = "a 4xx or 5xx response has no content explaining the error",
        .explanation =
            "Except in a response to HEAD, a 4xx or 5xx response SHOULD contain a "
            "representation explaining the error and whether it is temporary or permanent "
            "(RFC 9110 §15.5, §15.6); a 505 SHOULD describe the supported versions. An "
            "empty error response leaves people and tools guessing. Add a short body, with "
            "Content-Type, that says what went wrong.",
        .violating = "HTTP/1.1 500 Internal Server Error\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 500 Internal Server Error\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 23\r\n"
                      "\r\n"
                      "the database is offline",
    },
    {
        .rule = Rule::code_401_www_authenticate,
        .id = "401.www-authenticate",
        .catalog = "D19",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.5.2, §11.6.1",
        .summary = "a 401 (Unauthorized) has no WWW-Authenticate",
        .explanation = "A 401 (Unauthorized) MUST carry a WWW-Authenticate field with at least one "
                       "challenge (RFC 9110 §15.5.2); without it the client cannot know how to "
                       "authenticate. A proxy MUST NOT modify WWW-Authenticate, so it forwards the "
                       "response as is. Add a challenge, or use 403 if no credentials would help.",
        .violating = "HTTP/1.1 401 Unauthorized\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 401 Unauthorized\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "WWW-Authenticate: Basic realm=\"api\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 13\r\n"
                      "\r\n"
                      "sign in first",
    },
    {
        .rule = Rule::code_402_reserved,
        .id = "402.reserved",
        .catalog = "D20",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 9110 §15.5.3",
        .summary = "status 402 (Payment Required) is reserved for future use",
        .explanation =
            "402 (Payment Required) is reserved for future use (RFC 9110 §15.5.3): no "
            "semantics are defined, so clients handle it as 400. Some services use it for "
            "billing errors, and its meaning then depends on that service alone. A note, "
            "not the catalog's WARN: sending it breaks no MUST or SHOULD (the severity "
            "contract's line for a warning).",
        .violating = "HTTP/1.1 402 Payment Required\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 403 Forbidden\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 28\r\n"
                      "\r\n"
                      "the subscription has expired",
    },
    {
        .rule = Rule::code_405_allow,
        .id = "405.allow",
        .catalog = "D21",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.5.6, §10.2.1",
        .summary = "a 405 (Method Not Allowed) has no Allow, or Allow lists the request method",
        .explanation =
            "An origin server MUST send Allow in a 405 (Method Not Allowed), listing the "
            "methods the resource supports (RFC 9110 §15.5.6); a proxy MUST NOT modify it "
            "(§10.2.1). Without it the client cannot tell which method would work, and an "
            "Allow that lists the request method contradicts the status. Add Allow.",
        .violating = "HTTP/1.1 405 Method Not Allowed\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 405 Method Not Allowed\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Allow: GET, HEAD\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 9\r\n"
                      "\r\n"
                      "read only",
        .example_request = "DELETE / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_407_proxy_authenticate,
        .id = "407.proxy-authenticate",
        .catalog = "D22",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.5.8, §11.7.1",
        .summary = "a 407 (Proxy Authentication Required) has no Proxy-Authenticate",
        .explanation =
            "A proxy MUST send at least one Proxy-Authenticate field in each 407 (Proxy "
            "Authentication Required) it generates (RFC 9110 §15.5.8, §11.7.1); without it "
            "the client cannot authenticate to the proxy. A 407 that comes from an origin "
            "server rather than a proxy is suspicious in itself.",
        .violating = "HTTP/1.1 407 Proxy Authentication Required\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 407 Proxy Authentication Required\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Proxy-Authenticate: Basic realm=\"proxy\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 20\r\n"
                      "\r\n"
                      "proxy login required",
    },
    {
        .rule = Rule::retry_after_advisable,
        .id = "retry-after.advisable",
        .catalog = "D23",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §15.5.14, §15.6.4; RFC 6585 §4",
        .summary = "a 413, 429 or 503 does not say when to retry (Retry-After)",
        .explanation =
            "A 413 (Content Too Large) SHOULD carry Retry-After when the condition is "
            "temporary, and a 503 or 429 MAY say when to retry (RFC 9110 §15.5.14, §15.6.4; "
            "RFC 6585 §4). Without it clients retry at arbitrary times, often too soon, "
            "adding load to a server that is already overloaded. Add Retry-After with a "
            "delay in seconds or a date.",
        .violating = "HTTP/1.1 503 Service Unavailable\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 503 Service Unavailable\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Retry-After: 120\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 20\r\n"
                      "\r\n"
                      "down for maintenance",
    },
    {
        .rule = Rule::code_416_content_range,
        .id = "416.content-range",
        .catalog = "D24",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::request,
        .source = "RFC 9110 §15.5.17, §14.4; RFC 2616 §10.4.17",
        .summary = "a 416 lacks Content-Range: bytes */length, or answers a request without Range",
        .explanation =
            "A 416 (Range Not Satisfiable) to a byte-range request SHOULD carry "
            "\"Content-Range: bytes */<length>\" with the current length (RFC 9110 §15.5.17, "
            "§14.4), so that the client can ask for a satisfiable range. A 416 to a request "
            "without Range makes no sense. Add Content-Range with the complete length.",
        .violating = "HTTP/1.1 416 Range Not Satisfiable\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 416 Range Not Satisfiable\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Range: bytes */10\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 25\r\n"
                      "\r\n"
                      "the resource has 10 bytes",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=20-29\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_426_upgrade,
        .id = "426.upgrade",
        .catalog = "D25",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.5.22, §7.8",
        .summary = "a 426 (Upgrade Required) has no Upgrade naming a protocol",
        .explanation =
            "A server MUST send Upgrade in a 426 (Upgrade Required), listing the acceptable "
            "protocols in order of preference (RFC 9110 §15.5.22); without it the client "
            "cannot tell which protocol to switch to; an empty Upgrade names none either. A "
            "sender of Upgrade also lists \"upgrade\" in Connection (§7.8).",
        .violating = "HTTP/1.1 426 Upgrade Required\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 426 Upgrade Required\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Upgrade: HTTP/3.0\r\n"
                      "Connection: Upgrade\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 51\r\n"
                      "\r\n"
                      "This service requires use of the HTTP/3.0 protocol.",
    },
    {
        .rule = Rule::code_418_unused,
        .id = "418.unused",
        .catalog = "D26",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 9110 §15.5.19; RFC 2324",
        .summary = "status 418 is reserved as unused",
        .explanation =
            "418 is reserved as \"(Unused)\" (RFC 9110 §15.5.19): it comes from the April "
            "Fools' RFC 2324, and deployments of it as a joke made the code unusable for "
            "anything else. Clients handle it as 400; use a registered 4xx code.",
        .violating = "HTTP/1.1 418 I'm a teapot\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 400 Bad Request\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 32\r\n"
                      "\r\n"
                      "this server does not brew coffee",
    },
    {
        .rule = Rule::code_421_not_from_proxy,
        .id = "421.not-from-proxy",
        .catalog = "D27",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::proxy_output,
        .source = "RFC 9110 §15.5.20",
        .summary = "a proxy generated a 421 (Misdirected Request)",
        .explanation =
            "A proxy MUST NOT generate a 421 (Misdirected Request) (RFC 9110 §15.5.20): 421 "
            "says that the origin server is not configured for the request's authority, and "
            "the client may retry on another connection. A proxy that cannot route a "
            "request answers 502 or 504; it only forwards a 421 it received. This checks a "
            "proxy's own output.",
        .violating = "HTTP/1.1 421 Misdirected Request\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 502 Bad Gateway\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 22\r\n"
                      "\r\n"
                      "no route to the origin",
    },
    {
        .rule = Rule::code_6585_not_storable,
        .id = "6585.not-storable",
        .catalog = "D28",
        .severity = Severity::info,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 6585 §3, §4, §5, §6",
        .summary = "a 428, 429, 431 or 511 carries explicit freshness, but must never be stored",
        .explanation =
            "Responses with 428, 429, 431 or 511 MUST NOT be stored by a cache, even when "
            "they carry explicit freshness such as max-age (RFC 6585). A cache that stored "
            "a 429 would keep refusing clients after the limit has passed. Drop the "
            "freshness information; Retry-After says when to retry.",
        .violating = "HTTP/1.1 429 Too Many Requests\r\n"
                     "Cache-Control: max-age=3600\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 429 Too Many Requests\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Retry-After: 3600\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 17\r\n"
                      "\r\n"
                      "too many requests",
    },
    {
        .rule = Rule::code_511_captive_portal,
        .id = "511.captive-portal",
        .catalog = "D29",
        .severity = Severity::warning,
        .level = Requirement::should_not,
        .context = Context::none,
        .source = "RFC 6585 §6; RFC 7725 §3, §4",
        .summary =
            "a 511 or 451 does not follow its recommended form (challenge in a 511, no link)",
        .explanation =
            "A 511 (Network Authentication Required) comes from an intercepting proxy: it "
            "SHOULD NOT be generated by origin servers, and SHOULD NOT carry a challenge or "
            "the login interface itself, because browsers would show them as belonging to "
            "the requested URL; it links to a login page instead (RFC 6585 §6). Likewise a "
            "451 SHOULD explain the legal demand in its content and identify the blocking "
            "party with a Link whose rel is \"blocked-by\" (RFC 7725 §3, §4).",
        .violating = "HTTP/1.1 511 Network Authentication Required\r\n"
                     "WWW-Authenticate: Basic realm=\"x\"\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 511 Network Authentication Required\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 47\r\n"
                      "\r\n"
                      "<a href=\"https://login.example.net/\">log in</a>",
    },
    {
        .rule = Rule::code_510_obsoleted,
        .id = "510.obsoleted",
        .catalog = "D30",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; RFC 2774",
        .summary = "status 510 (Not Extended) is obsoleted",
        .explanation =
            "510 (Not Extended) is marked OBSOLETED in the IANA registry: it belonged to "
            "the HTTP Extension Framework (RFC 2774), which is now Historic. Clients handle "
            "it as 500; use a current code. A note, not the catalog's WARN (unlike 305, whose "
            "deprecation is a security matter, and 306, which a client cannot read): sending "
            "it breaks no MUST or SHOULD, and clients read it as 500 as the RFCs intend.",
        .violating = "HTTP/1.1 510 Not Extended\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 400 Bad Request\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 31\r\n"
                      "\r\n"
                      "a required extension is missing",
    },
    // E. 304 Not Modified (RFC 9110 §15.4.5)
    {
        .rule = Rule::code_304_no_body,
        .id = "304.no-body",
        .catalog = "E01",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.4.5; RFC 9112 §6.3; RFC 2616 §10.3.5; RFC 1945 §7.2",
        .summary = "a 304 (Not Modified) response is followed by content",
        .explanation =
            "A 304 (Not Modified) cannot contain content or trailers: it always ends at the "
            "empty line, whatever Content-Length says (RFC 9110 §15.4.5; RFC 9112 §6.3). "
            "Bytes sent as content are read as the next response, which poisons the "
            "response queue of a proxy or client. Read no body; discard any extra bytes and "
            "close the connection.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_304_te_not_framing,
        .id = "304.te-not-framing",
        .catalog = "E02",
        .severity = Severity::info,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9112 §6.1",
        .summary = "a 304 carries Transfer-Encoding, which some parsers take for a body",
        .explanation =
            "A server MAY send Transfer-Encoding in a 304 to a GET only to say which coding "
            "a 200 would have used (RFC 9112 §6.1); the 304 itself never has content. A "
            "parser that honours chunked on a 304 reads the next response as its body, and "
            "so disagrees with others on where responses start. A note, not an error: the "
            "RFC allows the field here and requires recipients to end a 304 at its empty line "
            "(RFC 9112 §6.3 (1)). Ignore Transfer-Encoding for framing; a proxy should strip "
            "it.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "Transfer-Encoding: chunked\r\n"
                     "\r\n"
                     "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "\r\n"
                      "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n"
                           "GET /b HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_304_content_length_value,
        .id = "304.content-length-value",
        .catalog = "E03",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::reference_200,
        .source = "RFC 9110 §8.6; RFC 9111 §3.2",
        .summary = "a 304's Content-Length differs, or may differ, from the 200 response's length",
        .explanation =
            "A 304 MAY carry Content-Length, but MUST NOT unless it equals the length of "
            "the content a 200 to the same request would have (RFC 9110 §8.6). "
            "\"Content-Length: 0\" on a 304 for a non-empty representation is the usual "
            "mistake. Caches keep their stored Content-Length when they freshen a response "
            "(RFC 9111 §3.2); this needs the 200 response to compare with.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "ETag: \"v1\"\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 10\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
        .example_reference = "HTTP/1.1 200 OK\r\n"
                             "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                             "ETag: \"v1\"\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 10\r\n"
                             "\r\n"
                             "0123456789",
    },
    {
        .rule = Rule::code_304_required_fields,
        .id = "304.required-fields",
        .catalog = "E04",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::reference_200,
        .source = "RFC 9110 §15.4.5; RFC 2616 §10.3.5",
        .summary =
            "a 304 lacks a field (ETag, Vary, Date, Cache-Control...) that the 200 would carry",
        .explanation =
            "A 304 MUST carry Content-Location, Date, ETag and Vary, and Cache-Control and "
            "Expires, whenever a 200 to the same request would carry them (RFC 9110 "
            "§15.4.5). Caches freshen their stored response from the 304, so a missing ETag "
            "or Vary leaves stale metadata in the cache. This needs the 200 response to "
            "compare with.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Vary: Accept-Encoding\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
        .example_reference = "HTTP/1.1 200 OK\r\n"
                             "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                             "ETag: \"v1\"\r\n"
                             "Vary: Accept-Encoding\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 10\r\n"
                             "\r\n"
                             "0123456789",
    },
    {
        .rule = Rule::code_304_date,
        .id = "304.date",
        .catalog = "E05",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §6.6.1, §15.4.5",
        .summary = "a 304 has no Date",
        .explanation =
            "An origin server with a clock MUST send Date in every 2xx, 3xx and 4xx "
            "response (RFC 9110 §6.6.1), and Date is one of the fields a 304 must repeat "
            "(§15.4.5). Caches use it to compute the age of the freshened response. Add "
            "Date; a proxy may append one.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "ETag: \"v1\"\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_304_representation_metadata,
        .id = "304.representation-metadata",
        .catalog = "E06",
        .severity = Severity::warning,
        .level = Requirement::should_not,
        .context = Context::none,
        .source = "RFC 9110 §15.4.5; RFC 9111 §3.2; RFC 2616 §10.3.5",
        .summary = "a 304 carries representation metadata such as Content-Type or Content-Encoding",
        .explanation =
            "A 304 SHOULD NOT carry representation metadata beyond the fields listed in RFC "
            "9110 §15.4.5, unless it guides cache updates (h1resp does not report "
            "Last-Modified, a validator caches update from). A cache that applies "
            "Content-Type or Content-Encoding from a 304 "
            "relabels its stored body, for example marks an uncompressed body as gzip. "
            "Remove those fields; caches should not apply them to the stored response.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "ETag: \"v1\"\r\n"
                     "Content-Type: text/plain\r\n"
                     "Content-Encoding: gzip\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_304_unsolicited,
        .id = "304.unsolicited",
        .catalog = "E07",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::request,
        .source = "RFC 9110 §15.4.5; RFC 9111 §3; RFC 2616 §10.3.5",
        .summary = "a 304 answers a request that was not conditional",
        .explanation =
            "A 304 says that a conditional GET or HEAD was evaluated and its condition was "
            "false (RFC 9110 §15.4.5); here the request had no If-None-Match or "
            "If-Modified-Since. A client without a stored response has nothing to show, and "
            "a cache that gets a 304 for a response it does not hold must repeat the "
            "request without conditions (RFC 2616 §10.3.5). This needs the request to "
            "judge.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 10\r\n"
                      "\r\n"
                      "0123456789",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::code_304_freshen_match,
        .id = "304.freshen-match",
        .catalog = "E08",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::cache,
        .source = "RFC 9111 §4.3.4",
        .summary = "a 304 identifies no stored response (no validator, or one that matches none)",
        .explanation =
            "A cache may freshen only the stored responses whose validator matches the "
            "304's (a strong ETag, or the fallbacks of RFC 9111 §4.3.4); if none matches, "
            "it MUST NOT use the 304 to update any. Here the cache stored ETag \"v1\" (the "
            "reference response) and the 304 carries \"v2\": updating would serve an old body "
            "with new metadata. Do not update; fetch the resource again.",
        .violating = "HTTP/1.1 304 Not Modified\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "ETag: \"v2\"\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
        .example_reference = "HTTP/1.1 200 OK\r\n"
                             "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                             "ETag: \"v1\"\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 10\r\n"
                             "\r\n"
                             "0123456789",
    },
    {
        .rule = Rule::code_304_forwarding,
        .id = "304.forwarding",
        .catalog = "E09",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::proxy_output,
        .source = "RFC 9110 §15.4.5",
        .summary = "a proxy answered a client's matching conditional request with a full 200",
        .explanation =
            "When the conditional request came from the client (a user agent with its own "
            "cache), a proxy SHOULD forward the 304 to it (RFC 9110 §15.4.5) instead of "
            "answering with the full 200 from its own cache. Sending the content again "
            "wastes what the client's condition was meant to save. This checks a proxy's "
            "own output.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "ETag: \"v1\"\r\n"
                     "Via: 1.1 proxy\r\n"
                     "Content-Type: text/plain\r\n"
                     "Content-Length: 10\r\n"
                     "\r\n"
                     "0123456789",
        .conforming = "HTTP/1.1 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Via: 1.1 proxy\r\n"
                      "\r\n",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "If-None-Match: \"v1\"\r\n"
                           "\r\n",
    },
    // F. Field values that matter for responses (RFC 9110, RFC 9111)
    {
        .rule = Rule::content_length_head_value,
        .id = "content-length.head-value",
        .catalog = "F01",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::reference_200,
        .source = "RFC 9110 §8.6",
        .summary = "a response to HEAD has a Content-Length other than the GET response's length",
        .explanation =
            "A response to HEAD MAY carry Content-Length, but MUST NOT unless the value is "
            "the length of the content a GET would return (RFC 9110 §8.6). Clients use it "
            "to learn the size without downloading, and caches may store it. This needs the "
            "200 response to the GET to compare with.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 10\r\n"
                      "\r\n",
        .example_request = "HEAD / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
        .example_reference = "HTTP/1.1 200 OK\r\n"
                             "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                             "ETag: \"v1\"\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 10\r\n"
                             "\r\n"
                             "0123456789",
    },
    {
        .rule = Rule::transfer_coding_case_insensitive,
        .id = "transfer-coding.case-insensitive",
        .catalog = "F02",
        .severity = Severity::info,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9112 §7; RFC 9110 §10.1.4",
        .summary = "a transfer coding name is not in lower case",
        .explanation =
            "Transfer coding names are case-insensitive (RFC 9112 §7), so \"CHUNKED\" is "
            "chunked and a recipient MUST recognise it. Parsers that compare "
            "case-sensitively see an unknown coding and read until close instead, so they "
            "disagree on the body. The message is valid; a proxy should forward the coding "
            "in lower case.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Transfer-Encoding: CHUNKED\r\n"
                     "\r\n"
                     "5\r\n"
                     "hello\r\n"
                     "0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::date_http_date,
        .id = "date.http-date",
        .catalog = "F03",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §5.6.7, §6.6.1",
        .summary =
            "a date field is not an IMF-fixdate: not an HTTP-date, or an obsolete form of one",
        .explanation =
            "Date and the other date fields MUST be sent as IMF-fixdate (\"Mon, 01 Jan 2024 "
            "00:00:00 GMT\"); recipients MUST also accept the obsolete RFC 850 and asctime "
            "forms, and nothing else (RFC 9110 §5.6.7). An ISO 8601 or otherwise invalid "
            "date is ignored or misread, which breaks caching and freshness. A proxy may "
            "replace an invalid Date with the time it received the response.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Date: 2024-01-01T00:00:00Z\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::date_required,
        .id = "date.required",
        .catalog = "F04",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §6.6.1",
        .summary = "a 2xx, 3xx or 4xx response has no Date",
        .explanation =
            "An origin server with a clock MUST send Date in every 2xx, 3xx and 4xx "
            "response and MAY send it in 1xx and 5xx (RFC 9110 §6.6.1); a recipient with a "
            "clock MUST add one when it caches or forwards a response that lacks it. "
            "Without Date caches cannot compute the age, and Expires or Last-Modified "
            "cannot be related to the server's clock. Add Date. A 2xx to CONNECT is not "
            "judged: the proxy that opens the tunnel sends it, not an origin server.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Expires: Thu, 01 Dec 2094 16:00:00 GMT\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Expires: Thu, 01 Dec 2094 16:00:00 GMT\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::date_strict_form,
        .id = "date.strict-form",
        .catalog = "F05",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §5.6.7; RFC 9111 §4.2",
        .summary = "an HTTP-date has extra whitespace, the wrong case, or the wrong day name",
        .explanation =
            "HTTP-date is case-sensitive and a sender MUST NOT add whitespace beyond the "
            "single SPs of the format (RFC 9110 §5.6.7): it is exactly \"Sun, 06 Nov 1994 "
            "08:49:37 GMT\". Strict parsers reject other spellings, and caches then cannot "
            "use the date. Generate IMF-fixdate exactly.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Date: Sun,  06 Nov 1994 08:49:37 GMT\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::last_modified_future,
        .id = "last-modified.future",
        .catalog = "F06",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §8.8.2.1",
        .summary = "the Last-Modified date is later than the Date",
        .explanation =
            "An origin server with a clock MUST NOT send a Last-Modified later than the "
            "Date of the response (RFC 9110 §8.8.2.1): the representation cannot have "
            "changed in the future. A future Last-Modified confuses heuristic freshness and "
            "If-Modified-Since validation. Clamp Last-Modified to the Date.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                     "Last-Modified: Tue, 02 Jan 2024 00:00:00 GMT\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::location_syntax,
        .id = "location.syntax",
        .catalog = "F07",
        .severity = Severity::warning,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §10.2.2; RFC 9112 §11.1; RFC 2616 §14.30",
        .summary = "the Location is empty or not a valid URI reference",
        .explanation =
            "Location is a URI reference, and a relative one is resolved against the target "
            "URI (RFC 9110 §10.2.2). A space or another character that URIs do not allow "
            "makes clients fail, guess, or follow different targets; a CR, LF or NUL in it "
            "would be response splitting (RFC 9112 §11.1). Percent-encode such characters.",
        .violating = "HTTP/1.1 302 Found\r\n"
                     "Location: http://exa mple.com/\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 302 Found\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: http://example.com/\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::location_status_meaning,
        .id = "location.status-meaning",
        .catalog = "F08",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "RFC 9110 §10.2.2",
        .summary = "a Location field has no defined meaning with this status code",
        .explanation =
            "Location has a defined meaning only in 201 and 3xx responses (RFC 9110 "
            "§10.2.2); with other status codes clients do not follow it. It is often left "
            "over from a redirect that was turned into a success. Remove it, or use "
            "Content-Location if it names the representation.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Location: /elsewhere\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::retry_after_syntax,
        .id = "retry-after.syntax",
        .catalog = "F09",
        .severity = Severity::warning,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §10.2.3",
        .summary = "the Retry-After is neither an HTTP-date nor a non-negative number of seconds",
        .explanation =
            "Retry-After is either an HTTP-date or a non-negative whole number of seconds "
            "(RFC 9110 §10.2.3); \"-5\", \"1.5\" or \"2 minutes\" are invalid, and clients ignore "
            "or misread them. It is meaningful with 503, 429, 413 and 3xx responses. Send a "
            "number of seconds or an IMF-fixdate.",
        .violating = "HTTP/1.1 503 Service Unavailable\r\n"
                     "Retry-After: -5\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 503 Service Unavailable\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Retry-After: 5\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 16\r\n"
                      "\r\n"
                      "back in a moment",
    },
    {
        .rule = Rule::allow_syntax,
        .id = "allow.syntax",
        .catalog = "F10",
        .severity = Severity::warning,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §10.2.1",
        .summary = "the Allow field is not a comma-separated list of method names",
        .explanation =
            "Allow is a comma-separated list of method names, which are case-sensitive "
            "tokens (RFC 9110 §10.2.1); \"GET POST\" is one invalid element, not two methods. "
            "A proxy MUST NOT modify Allow, so the error reaches the client. Separate the "
            "methods with commas.",
        .violating = "HTTP/1.1 405 Method Not Allowed\r\n"
                     "Allow: GET POST\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 405 Method Not Allowed\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Allow: GET, POST\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 15\r\n"
                      "\r\n"
                      "use GET or POST",
        .example_request = "DELETE / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::content_range_syntax,
        .id = "content-range.syntax",
        .catalog = "F11",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §14.4",
        .summary = "the Content-Range is malformed or describes an impossible range",
        .explanation =
            "Content-Range is a unit, then first-last/complete-length or */complete-length "
            "(RFC 9110 §14.4); it is invalid when last is below first or complete-length is "
            "not above last. A recipient MUST NOT combine an invalid Content-Range with "
            "other parts of the representation, and a cache must not store it. Check how "
            "the range is computed.",
        .violating = "HTTP/1.1 206 Partial Content\r\n"
                     "Content-Range: bytes 5-1/10\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 206 Partial Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Range: bytes 0-4/10\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=0-4\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::content_range_status,
        .id = "content-range.status",
        .catalog = "F12",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 9110 §14.4",
        .summary = "Content-Range does not fit the status (not 206 or 416, */length in 206, a "
                   "range in 416)",
        .explanation =
            "Content-Range has a meaning only in 206 (Partial Content) and 416 (Range Not "
            "Satisfiable) responses, and \"*/length\" only in a 416 (RFC 9110 §14.4). In a "
            "200 it contradicts the status: some caches treat the response as partial and "
            "others as complete. Remove it, or send a 206 if the content is partial.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Range: bytes 0-4/10\r\n"
                     "Content-Length: 5\r\n"
                     "\r\n"
                     "hello",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "hello",
    },
    {
        .rule = Rule::content_range_length_consistency,
        .id = "content-range.length-consistency",
        .catalog = "F13",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §15.3.7.1; RFC 2616 §10.2.7",
        .summary = "a 206's content length differs from the range in Content-Range",
        .explanation =
            "A single-part 206 carries exactly the range that Content-Range names, so its "
            "length is last - first + 1 (RFC 9110 §15.3.7.1; RFC 2616 §10.2.7). A mismatch "
            "means the range or the content is wrong, and a client that combines the parts "
            "builds a corrupt representation. Do not combine or cache it.",
        .violating = "HTTP/1.1 206 Partial Content\r\n"
                     "Content-Range: bytes 0-4/10\r\n"
                     "Content-Length: 10\r\n"
                     "\r\n"
                     "0123456789",
        .conforming = "HTTP/1.1 206 Partial Content\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Range: bytes 0-4/10\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 5\r\n"
                      "\r\n"
                      "01234",
        .example_request = "GET / HTTP/1.1\r\n"
                           "Host: a\r\n"
                           "Range: bytes=0-4\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::cache_control_syntax,
        .id = "cache-control.syntax",
        .catalog = "F14",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9111 §5.2, §5.2.2.1, §5.2.2.4, §5.2.2.10, §1.2.2",
        .summary = "the Cache-Control is malformed, its directives conflict, or it has a request "
                   "directive",
        .explanation =
            "A cache directive is token [ \"=\" ( token / quoted-string ) ] (RFC 9111 §5.2): "
            "max-age and s-maxage MUST NOT use the quoted form, no-cache and private SHOULD "
            "NOT list fields in token form, request directives do not belong in a response, "
            "and public conflicts with private. Caches resolve such errors differently, so "
            "one stores the response and another does not. A proxy passes the directives "
            "through unchanged.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Cache-Control: max-age=\"60\", public, private\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Cache-Control: max-age=60, public\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::cache_control_must_understand,
        .id = "cache-control.must-understand",
        .catalog = "F15",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9111 §5.2.2.3",
        .summary = "must-understand is used without no-store",
        .explanation =
            "must-understand lets a cache store the response only if it understands the "
            "caching rules of its status code, and it SHOULD come with no-store (RFC 9111 "
            "§5.2.2.3) so that caches that do not know must-understand do not store the "
            "response either. Add no-store.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Cache-Control: must-understand, max-age=60\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Cache-Control: must-understand, no-store, max-age=60\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::age_syntax,
        .id = "age.syntax",
        .catalog = "F16",
        .severity = Severity::warning,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9111 §5.1",
        .summary = "the Age is not a single non-negative number of seconds",
        .explanation =
            "Age is one non-negative whole number of seconds (RFC 9111 §5.1); a cache uses "
            "the first value of a list and SHOULD ignore an invalid one. A negative or "
            "non-numeric Age makes caches compute different ages, and so different "
            "freshness. Send a number of seconds, once.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Age: -5\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Age: 5\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::expires_syntax,
        .id = "expires.syntax",
        .catalog = "F17",
        .severity = Severity::info,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9111 §5.3",
        .summary = "the Expires is not a valid HTTP-date, so it means \"already expired\"",
        .explanation =
            "Expires is an HTTP-date (RFC 9111 §5.3), and a cache MUST read an invalid "
            "value, \"0\" above all, as a time in the past: the response is already stale. "
            "That effect is defined, but Cache-Control says it explicitly, and Expires is "
            "ignored anyway when max-age is present. Send an IMF-fixdate, or use "
            "Cache-Control.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Expires: 0\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Expires: Mon, 01 Jan 2024 01:00:00 GMT\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::etag_syntax,
        .id = "etag.syntax",
        .catalog = "F18",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §8.8.3",
        .summary = "the ETag is not a valid entity tag",
        .explanation =
            "An entity tag is a quoted string, optionally prefixed with the case-sensitive "
            "\"W/\" for a weak tag (RFC 9110 §8.8.3); \"w/\" or a missing quote makes it "
            "invalid, and ETag appears only once. Clients and caches cannot use an invalid "
            "tag in If-None-Match or If-Match, or compare it differently. Send a quoted "
            "tag, with \"W/\" if it is weak.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "ETag: w/\"abc\"\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: W/\"abc\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::vary_syntax,
        .id = "vary.syntax",
        .catalog = "F19",
        .severity = Severity::warning,
        .level = Requirement::must_not,
        .context = Context::none,
        .source = "RFC 9110 §12.5.5",
        .summary = "the Vary is not \"*\" or a comma-separated list of field names",
        .explanation =
            "Vary is a comma-separated list of \"*\" and field names (RFC 9110 §12.5.5); "
            "\"Accept Encoding\" is not a field name. A cache that cannot parse Vary may "
            "serve a variant to clients it was not selected for, or not cache at all. A "
            "proxy MUST NOT generate \"Vary: *\". A list with \"*\" and names is valid and "
            "means \"*\" (a note).",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Vary: Accept Encoding\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Vary: Accept-Encoding\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::connection_options,
        .id = "connection.options",
        .catalog = "F20",
        .severity = Severity::warning,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §7.6.1; RFC 9112 §9.3, §9.6",
        .summary = "the Connection field is not a comma-separated list of tokens",
        .explanation =
            "Connection is a comma-separated list of tokens (RFC 9110 §7.6.1). A recipient "
            "that cannot parse it may miss \"close\" and reuse a connection the server is "
            "about to close, or miss fields a hop must remove. A proxy closes the "
            "connection when Connection cannot be parsed.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Connection: close;\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Connection: close\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::upgrade_syntax,
        .id = "upgrade.syntax",
        .catalog = "F21",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 9110 §7.8",
        .summary =
            "Upgrade is malformed, or lacks a \"Connection: upgrade\" that every parser reads",
        .explanation =
            "Upgrade is a list of protocol names, each optionally with \"/\" and a version, "
            "compared case-insensitively, and a sender of Upgrade MUST also send "
            "\"Connection: upgrade\" so that intermediaries do not forward it (RFC 9110 "
            "§7.8). On a 101, a missing or unparsable Upgrade leaves proxies unsure whether "
            "the connection is now a tunnel, and a proxy should reject it. So does an "
            "upgrade option followed by HTAB: it is the option (HTAB is OWS), but llhttp, "
            "Node.js's parser, does not read it so and takes the tunnel's bytes for HTTP.",
        .violating = "HTTP/1.1 101 Switching Protocols\r\n"
                     "Upgrade: websocket\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 101 Switching Protocols\r\n"
                      "Connection: Upgrade\r\n"
                      "Upgrade: websocket\r\n"
                      "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                      "\r\n",
        .example_request = "GET /chat HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Connection: Upgrade\r\n"
                           "Upgrade: websocket\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::authenticate_syntax,
        .id = "authenticate.syntax",
        .catalog = "F22",
        .severity = Severity::warning,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 9110 §11.6.1, §11.7.1",
        .summary = "a WWW-Authenticate or Proxy-Authenticate challenge is malformed",
        .explanation =
            "A challenge is an auth-scheme, optionally followed by a token68 or by "
            "comma-separated auth-params (RFC 9110 §11.6.1, §11.7.1); \"realm=...\" alone has "
            "no scheme. Clients cannot answer a challenge they cannot parse. A proxy MUST "
            "NOT modify WWW-Authenticate, so fix it at the origin.",
        .violating = "HTTP/1.1 401 Unauthorized\r\n"
                     "WWW-Authenticate: realm=\"x\"\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 401 Unauthorized\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "WWW-Authenticate: Basic realm=\"x\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 13\r\n"
                      "\r\n"
                      "sign in first",
    },
    {
        .rule = Rule::server_product,
        .id = "server.product",
        .catalog = "F23",
        .severity = Severity::info,
        .level = Requirement::should_not,
        .context = Context::none,
        .source = "RFC 9110 §10.2.4",
        .summary = "the Server field is malformed or needlessly detailed",
        .explanation =
            "Server is a product name with an optional version, and optional comments (RFC "
            "9110 §10.2.4); a server SHOULD NOT send needlessly fine-grained detail in it. "
            "Exact versions of the server and its modules help attackers find known "
            "vulnerabilities. Limit it to the product name.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Server: Apache/2.4.1 (Unix) PHP/5.3.3 mod_ssl/2.2.3 OpenSSL/0.9.8e\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Server: Apache\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::content_type_present,
        .id = "content-type.present",
        .catalog = "F24",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9110 §8.3, §8.4",
        .summary = "content without a valid Content-Type, or Content-Encoding lists identity",
        .explanation =
            "A sender that generates content SHOULD send Content-Type, unless the media "
            "type is unknown (RFC 9110 §8.3); without it, clients guess (content sniffing), "
            "which has security consequences. A Content-Type that is not type \"/\" subtype "
            "with \";\" parameters (§8.3.1, no whitespace around \"=\") leaves them guessing "
            "too: a warning, as for other field values. Content-Encoding SHOULD NOT list "
            "\"identity\" (§8.4). Add a valid Content-Type.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Length: 2\r\n"
                     "\r\n"
                     "ok",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 2\r\n"
                      "\r\n"
                      "ok",
    },
    // G. Historic dialects (W3C 1992 HTRESP, RFC 1945, RFC 2068)
    {
        .rule = Rule::htresp_status_line_ws,
        .id = "htresp.status-line-ws",
        .catalog = "G01",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTTP Response.html (1992)",
        .summary = "the status line fields are separated by whitespace other than one blank (1992 "
                   "dialect)",
        .explanation =
            "The 1992 text delimits the status line fields by a single blank, but says "
            "parsers should accept any amount of white space. h1resp accepts it in the 1992 "
            "dialect; in RFC 9112 terms it is status.sp-separator, which can split "
            "responses. A proxy translating to modern HTTP re-serialises the status line "
            "with single SPs.",
        .violating = "HTTP/1.0  200  OK\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 12\r\n"
                      "\r\n"
                      "<p>hello</p>",
    },
    {
        .rule = Rule::htresp_version_bnf_erratum,
        .id = "htresp.version-bnf-erratum",
        .catalog = "G02",
        .severity = Severity::error,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTTP Response.html (1992)",
        .summary = "the version is not HTTP/1.0, the only one the 1992 text knows (BNF erratum)",
        .explanation =
            "The 1992 BNF says <http version> ::= 3*<digit>, which contradicts its own "
            "prose (\"HTTP/1.0\"). A status line that starts with digits matches that BNF but "
            "means nothing; only HTTP/1.0 is accepted. h1resp rejects it.",
        .violating = "100 200 OK\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 12\r\n"
                      "\r\n"
                      "<p>hello</p>",
    },
    {
        .rule = Rule::htresp_status_code_digits,
        .id = "htresp.status-code-digits",
        .catalog = "G03",
        .severity = Severity::error,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTTP Response.html (1992)",
        .summary = "the status code is not three digits (1992 BNF erratum)",
        .explanation =
            "The 1992 BNF says <status code> ::= 3*<digit>, three or more, which "
            "contradicts the prose \"a three digit ASCII decimal number\". h1resp enforces "
            "exactly three digits and rejects longer codes, as RFC 9112 does "
            "(status.code-3digit).",
        .violating = "HTTP/1.0 2000 OK\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 12\r\n"
                      "\r\n"
                      "<p>hello</p>",
    },
    {
        .rule = Rule::htresp_reason_line,
        .id = "htresp.reason-line",
        .catalog = "G04",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTTP Response.html (1992); W3C HTRESP (1992-1994)",
        .summary = "a 201's reason line does not give the URI of the new document (1992 dialect)",
        .explanation =
            "In the 1992 text the reason line is free text and may be empty, but in a 201 "
            "(Created) \"the textual part of the response line indicates the URI by which "
            "the newly created document should be known\". Here it does not, so the client "
            "cannot learn the new document's URI. A proxy translating to modern HTTP puts "
            "that URI in Location.",
        .violating = "HTTP/1.0 201 Created\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 201 http://example.com/new-doc\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::htresp_code_set,
        .id = "htresp.code-set",
        .catalog = "G05",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary = "the code is outside the 1992 text's 18 codes, or means something else today",
        .explanation =
            "The 1992 text defines exactly 18 codes (200-204, 301-304, 400-404 and 500-503) "
            "and no 1xx class at all. Any other code has no meaning in that dialect, and a "
            "client of that time treats it as an error or ignores it. Use one of the 18 "
            "codes, or modern HTTP. Two of them mean something else today under the same "
            "number, which a note (info) says: 203 Partial Information (not Non-Authoritative "
            "Information) and 303 Method (not See Other); 502 and 503 are G10's.",
        .violating = "HTTP/1.0 100 Continue\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 12\r\n"
                      "\r\n"
                      "<p>hello</p>",
    },
    {
        .rule = Rule::htresp_3xx_uri_lines,
        .id = "htresp.3xx-uri-lines",
        .catalog = "G06",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary = "a 301 or 302 has no URI line (1992 dialect)",
        .explanation =
            "In the 1992 text a 301 (Moved) or 302 (Found) carries one or more \"URI: <url> "
            "String\" lines giving the new address; the String is an optional comment, and "
            "several lines give alternatives. Without a URI line the client has nowhere to "
            "go. RFC 1945 replaced these lines with Location, so a proxy translating to "
            "modern HTTP uses the first <url> as Location.",
        .violating = "HTTP/1.0 301 Moved\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 301 Moved\r\n"
                      "URI: http://example.com/new new home\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::htresp_uri_line_parse,
        .id = "htresp.uri-line-parse",
        .catalog = "G07",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994); RFC 1945 §10.11",
        .summary = "a URI line does not start with an absolute URL (1992 dialect)",
        .explanation =
            "A URI line is split at the first whitespace into <url> and a comment, and "
            "<url> must be an absolute URL: the 1992 text defines no resolution of relative "
            "URLs (RFC 1945 §10.11 also requires an absolute URI in Location). A relative "
            "<url> cannot be followed reliably. Send an absolute URL.",
        .violating = "HTTP/1.0 302 Found\r\n"
                     "URI: /local moved here\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 302 Found\r\n"
                      "URI: http://example.com/local moved here\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::htresp_303_method,
        .id = "htresp.303-method",
        .catalog = "G08",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary =
            "a 1992 303 lacks its \"Method: <method> <url>\" line, or a modern response has one",
        .explanation =
            "The 1992 303 (Method) carries a header line \"Method: <method> <url>\" and a "
            "body that \"contains the parameters to be used for the method\"; it was marked "
            "for discussion only. It is not the modern 303 (See Other), which means GET the "
            "Location. Here <url> is missing; a proxy must never translate such a response "
            "blindly to a modern 303. In the modern dialect a Method: line is an obsolete "
            "field, noted as info (like URI:, G17).",
        .violating = "HTTP/1.0 303 Method\r\n"
                     "Method: POST\r\n"
                     "\r\n"
                     "q=1",
        .conforming = "HTTP/1.0 303 Method\r\n"
                      "Method: POST http://example.com/search\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 3\r\n"
                      "\r\n"
                      "q=1",
    },
    {
        .rule = Rule::htresp_304_headers,
        .id = "htresp.304-headers",
        .catalog = "G09",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994); RFC 1945 §9.3",
        .summary = "a 1992 304 (Not Modified) has a body or headers beyond the cache-relevant ones",
        .explanation =
            "A 1992 304 (Not Modified) has no document body, and its headers are those of a "
            "HEAD request limited to cache-relevant ones such as Date, Server and Expires "
            "(RFC 1945 §9.3 also forbids a body). The document's Content-Type and "
            "Content-Length do not belong in it, and a body would be read as the next "
            "response. Send only the cache-relevant headers.",
        .violating = "HTTP/1.0 304 Not Modified\r\n"
                     "Content-Type: text/html\r\n"
                     "Content-Length: 120\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 304 Not Modified\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Expires: Mon, 01 Jan 2024 01:00:00 GMT\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::htresp_5xx_renumbering,
        .id = "htresp.5xx-renumbering",
        .catalog = "G10",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary = "a 1994 502 or 503 means what modern 503 or 504 means",
        .explanation =
            "In the 1994 additions to the 1992 text, 502 means \"Service temporarily "
            "overloaded\" (modern 503) and 503 means \"Gateway timeout\" (modern 504); both "
            "were marked to be discussed, and modern 502 is Bad Gateway. In this dialect do "
            "not apply RFC 9110 semantics to 502 and 503: translated to modern HTTP they "
            "become 503 and 504.",
        .violating = "HTTP/1.0 503 Gateway timeout\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 504 Gateway Timeout\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 35\r\n"
                      "\r\n"
                      "the upstream did not answer in time",
    },
    {
        .rule = Rule::htresp_2xx_semantics,
        .id = "htresp.2xx-semantics",
        .catalog = "G11",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary =
            "a 1992 2xx is used with its modern meaning (e.g. a 204 No Response with a body)",
        .explanation =
            "1992 2xx codes differ from today's: 203 \"Partial Information\" is "
            "metainformation from a private overlaid web, 204 \"No Response\" means the "
            "server has nothing to send and the client stays in the same document view, and "
            "202 has no facility for status returns. So a 204 has no body, and text after "
            "it is read as something else. Send no body with 204.",
        .violating = "HTTP/1.0 204 No Response\r\n"
                     "\r\n"
                     "some text",
        .conforming = "HTTP/1.0 204 No Response\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::htresp_401_402_parameter,
        .id = "htresp.401-402-parameter",
        .catalog = "G12",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "W3C HTRESP (1992-1994)",
        .summary = "a 1992 401 or 402 gives no authorization or charging schemes",
        .explanation =
            "In the 1992 text the parameter of a 401 (Unauthorized) gives the authorization "
            "schemes, and that of a 402 (PaymentRequired) the charging schemes; the client "
            "retries with Authorization or ChargeTo. Where the parameter goes is never "
            "specified. RFC 1945 put the 401 challenge in WWW-Authenticate, and 402 is "
            "reserved today.",
        .violating = "HTTP/1.0 401 Unauthorized\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 401 Unauthorized\r\n"
                      "WWW-Authenticate: Basic realm=\"x\"\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 20\r\n"
                      "\r\n"
                      "<p>sign in first</p>",
    },
    {
        .rule = Rule::htresp_body_media_types,
        .id = "htresp.body-media-types",
        .catalog = "G13",
        .severity = Severity::warning,
        .level = Requirement::definition,
        .context = Context::request,
        .source = "W3C HTRESP (1992-1994); W3C HTTP Response.html (1992)",
        .summary =
            "the body is not text/plain, text/html or a type the request accepted (1992 dialect)",
        .explanation =
            "Success objects and error documents of the 1992 protocol are MIME and \"may "
            "only be in text/plain, text/html or one [of] the formats specified as "
            "acceptable in the request\". A client of that time that asked for text/html may "
            "not be able to show anything else. Send text/plain, text/html or a type the "
            "request accepts.",
        .violating = "HTTP/1.0 404 Not found\r\n"
                     "Content-Type: application/pdf\r\n"
                     "\r\n"
                     "%PDF",
        .conforming = "HTTP/1.0 404 Not found\r\n"
                      "Content-Type: text/html\r\n"
                      "Content-Length: 16\r\n"
                      "\r\n"
                      "<p>not found</p>",
        .example_request = "GET /doc HTTP/1.0\r\n"
                           "Accept: text/html\r\n"
                           "\r\n",
    },
    {
        .rule = Rule::http10_version_multidigit,
        .id = "http10.version-multidigit",
        .catalog = "G14",
        .severity = Severity::error,
        .level = Requirement::grammar,
        .context = Context::none,
        .source = "RFC 1945 §3.1; RFC 2616 §3.1; RFC 9112 §2.3",
        .summary = "a version number has more than one digit (e.g. HTTP/1.00)",
        .explanation =
            "RFC 1945 allowed several digits on each side of the version (\"HTTP/1.00\"), and "
            "RFC 2616 §3.1 says leading zeros are ignored, but RFC 9112 §2.3 allows exactly "
            "one digit each. Parsers disagree on whether and how to read such a version, "
            "and so on the framing rules that apply. A proxy rejects it, or normalises it "
            "to HTTP/1.0 or HTTP/1.1.",
        .violating = "HTTP/1.00 200 OK\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::http10_body_or_cl0,
        .id = "http10.body-or-cl0",
        .catalog = "G15",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 1945 §7.2, §7.2.2",
        .summary = "an HTTP/1.0 response has neither a body nor Content-Length: 0",
        .explanation =
            "RFC 1945 §7.2: apart from responses to HEAD and 1xx, 204 and 304 responses, "
            "\"all other responses must include an entity body or a Content-Length header "
            "field defined with a value of zero (0)\". An HTTP/1.0 body ends at "
            "Content-Length or at the close, with no chunked coding, so an empty "
            "close-delimited body cannot be told from a failed transfer. Send "
            "Content-Length: 0 when there is no body.",
        .violating = "HTTP/1.0 200 OK\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::http10_location_absolute,
        .id = "http10.location-absolute",
        .catalog = "G16",
        .severity = Severity::warning,
        .level = Requirement::must,
        .context = Context::none,
        .source = "RFC 1945 §9.3, §10.11",
        .summary = "an HTTP/1.0 redirect lacks Location, or its Location is not absolute",
        .explanation =
            "RFC 1945 requires 301 and 302 to give the new URL in Location (§9.3), and "
            "Location to be an absolute URI (§10.11). An HTTP/1.0 client may not resolve a "
            "relative Location. RFC 9110 allows relative references, so this matters only "
            "to HTTP/1.0 recipients; send an absolute URI.",
        .violating = "HTTP/1.0 302 Moved Temporarily\r\n"
                     "Location: /new\r\n"
                     "\r\n",
        .conforming = "HTTP/1.0 302 Found\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: http://example.com/new\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::rfc2068_uri_header,
        .id = "rfc2068.uri-header",
        .catalog = "G17",
        .severity = Severity::info,
        .level = Requirement::definition,
        .context = Context::none,
        .source = "RFC 2068 §19.6.2.5",
        .summary = "the deprecated URI field is present",
        .explanation =
            "RFC 2068 §19.6.2.5 deprecated the URI field, which combined the jobs of "
            "Location, Content-Location, Vary and Alternates; its syntax also differs from "
            "the 1992 \"URI: <url> String\" form. Current clients ignore it, so a redirect "
            "that gives its target only in URI has no target. Send Location, and never "
            "derive Location from URI.",
        .violating = "HTTP/1.1 301 Moved Permanently\r\n"
                     "URI: <http://example.com/new>\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 301 Moved Permanently\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: http://example.com/new\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    // H. Unofficial codes and reason phrases
    {
        .rule = Rule::unofficial_1xx,
        .id = "unofficial.1xx",
        .catalog = "H01",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; RFC 9110 §15, §15.2; RFC 7234 §5.5; Internet "
                  "Explorer (122)",
        .summary = "an unofficial 1xx code (103 Checkpoint, 122, warn-codes 110-113 or 199)",
        .explanation =
            "103 \"Checkpoint\" (a resumable-upload proposal older than RFC 8297), 122 "
            "\"Request-URI too long\" (internal to Internet Explorer) and Warning codes "
            "110-113 and 199 used as status codes are not registered 1xx meanings. Every "
            "1xx is interim, so the client keeps waiting for a final response, and the "
            "exchange hangs or is mis-framed if none follows. The registered code for 122 "
            "is 414 (URI Too Long).",
        .violating = "HTTP/1.1 122 Request-URI too long\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 414 URI Too Long\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 19\r\n"
                      "\r\n"
                      "the URI is too long",
    },
    {
        .rule = Rule::unofficial_2xx,
        .id = "unofficial.2xx",
        .catalog = "H02",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; Apache HTTP Server (218)",
        .summary = "an unofficial 2xx code (218 This is fine, warn-codes 214 or 299)",
        .explanation =
            "218 \"This is fine\" (Apache) and Warning codes 214 and 299 used as status codes "
            "are not registered. Clients handle them as 200 (RFC 9110 §15), but an "
            "unregistered 2xx is not heuristically cacheable. Use 200 or another registered "
            "2xx code.",
        .violating = "HTTP/1.1 218 This is fine\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::unofficial_308_resume_incomplete,
        .id = "unofficial.308-resume-incomplete",
        .catalog = "H03",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; RFC 7538 §3; Google resumable uploads (308 "
                  "Resume Incomplete)",
        .summary = "a 308 that reads as Google's \"Resume Incomplete\", not as Permanent Redirect",
        .explanation =
            "Google's resumable uploads answer 308 \"Resume Incomplete\" with a Range field "
            "and no Location, which collides with the registered 308 (Permanent Redirect, "
            "RFC 7538 §3). A 308 is heuristically cacheable and means \"go to Location\", so "
            "caches and clients may store or follow it as a redirect. Caches should not "
            "store a 308 without Location.",
        .violating = "HTTP/1.1 308 Resume Incomplete\r\n"
                     "Range: bytes=0-42\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 308 Permanent Redirect\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/new\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::unofficial_4xx_vendor,
        .id = "unofficial.4xx-vendor",
        .catalog = "H04",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; Laravel (419); Twitter, Spring (420); Shopify "
                  "(430); Microsoft (440, 449, 450); Esri (498, 499)",
        .summary = "an unofficial vendor 4xx code (419, 420, 430, 440, 449, 450, 498, 499)",
        .explanation =
            "419 (Laravel), 420 (Twitter's Enhance Your Calm, Spring's Method Failure), 430 "
            "(Shopify), 440, 449 and 450 (Microsoft), 498 and 499 (Esri) are vendor codes "
            "that IANA lists as unassigned. Clients handle them as 400, and their meaning "
            "depends on the vendor. Use a registered 4xx code.",
        .violating = "HTTP/1.1 419 Page Expired\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 400 Bad Request\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 20\r\n"
                      "\r\n"
                      "the form has expired",
    },
    {
        .rule = Rule::unofficial_nginx,
        .id = "unofficial.nginx",
        .catalog = "H05",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; nginx src/http/ngx_http_special_response.c "
                  "(444, 494-497, 499)",
        .summary = "an nginx-internal code (444, 494-497, 499) appears on the wire",
        .explanation =
            "nginx closes the connection without a response for 444 and only logs 499 "
            "(client closed request), so neither belongs on the wire, and for 494-497 it "
            "writes 400 in the status line. Seeing them in a response means another "
            "component or a custom mapping produced them. Clients handle them as 400.",
        .violating = "HTTP/1.1 499 Client Closed Request\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 400 Bad Request\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 11\r\n"
                      "\r\n"
                      "bad request",
    },
    {
        .rule = Rule::unofficial_cdn_5xx,
        .id = "unofficial.cdn-5xx",
        .catalog = "H06",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; Cloudflare (520-527, 530); AWS Elastic Load "
                  "Balancing (561)",
        .summary = "an unofficial CDN or load balancer 5xx code (520-527, 529, 530, 561)",
        .explanation =
            "Cloudflare's 520-527 and 530, 529 (site overloaded) and AWS ELB's 561 report "
            "errors between a CDN or load balancer and the origin; IANA lists 512-599 as "
            "unassigned. Clients handle them as 500, and caches must not store them "
            "heuristically. The registered equivalents are 502 (Bad Gateway) and 504 "
            "(Gateway Timeout).",
        .violating = "HTTP/1.1 522 Connection Timed Out\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 504 Gateway Timeout\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 33\r\n"
                      "\r\n"
                      "the origin did not answer in time",
    },
    {
        .rule = Rule::unofficial_509_598_599,
        .id = "unofficial.509-598-599",
        .catalog = "H07",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; cPanel, Apache modules (509); proxies (598, "
                  "599)",
        .summary = "an unofficial 5xx code (509, 598, 599)",
        .explanation =
            "509 \"Bandwidth Limit Exceeded\" (cPanel, Apache modules) and 598 and 599 "
            "(network read or connect timeouts reported by some proxies) are not "
            "registered. Clients handle them as 500. Use 503 (Service Unavailable) or 504 "
            "(Gateway Timeout) instead.",
        .violating = "HTTP/1.1 599 Network Connect Timeout Error\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 504 Gateway Timeout\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 39\r\n"
                      "\r\n"
                      "could not connect to the origin in time",
    },
    {
        .rule = Rule::unofficial_out_of_range,
        .id = "unofficial.out-of-range",
        .catalog = "H08",
        .severity = Severity::info,
        .level = Requirement::should,
        .context = Context::none,
        .source = "IANA HTTP Status Code Registry; RFC 9110 §15; LinkedIn (999)",
        .summary = "a code outside 100..599, as some libraries and vendors send (e.g. 999)",
        .explanation =
            "Codes 000-099 and 600-999 are not valid HTTP status codes, although some "
            "libraries and services send them (LinkedIn's 999 \"Request denied\" is well "
            "known). A client SHOULD process them as 5xx (RFC 9110 §15; see "
            "status.code-range), and a proxy should replace them with 502. The registered "
            "code for a refused request is 403 (Forbidden).",
        .violating = "HTTP/1.1 999 Request denied\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 403 Forbidden\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Content-Type: text/plain\r\n"
                      "Content-Length: 14\r\n"
                      "\r\n"
                      "request denied",
    },
    {
        .rule = Rule::unofficial_legacy_reason_phrases,
        .id = "unofficial.legacy-reason-phrases",
        .catalog = "H09",
        .severity = Severity::info,
        .level = Requirement::informative,
        .context = Context::none,
        .source = "RFC 9112 §4; RFC 9110 §15.1; IANA HTTP Status Code Registry",
        .summary = "the reason phrase is a legacy or vendor name for the code",
        .explanation =
            "Old or vendor reason phrases, such as 302 \"Moved Temporarily\" (RFC 1945, RFC "
            "2068), 413 \"Request Entity Too Large\", 414 \"Request-URI Too Long\", 416 "
            "\"Requested Range Not Satisfiable\", 422 \"Unprocessable Entity\" or 404 \"File Not "
            "Found\", differ from the current registry. Reason phrases carry no meaning (RFC "
            "9112 §4), so this is only worth knowing.",
        .violating = "HTTP/1.1 302 Moved Temporarily\r\n"
                     "Location: /x\r\n"
                     "Content-Length: 0\r\n"
                     "\r\n",
        .conforming = "HTTP/1.1 302 Found\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "Location: https://example.com/x\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    // L. h1resp's own limits and stream states; each refines the catalog entry it names.
    {
        .rule = Rule::limit_section_size,
        .id = "field.limits.section-size",
        .catalog = "B12",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §5.4",
        .summary = "the header section is longer than the configured limit",
        .explanation =
            "The status line, the field lines and the empty line that ends them exceed "
            "max_header_section_bytes (64 KiB by default). RFC 9110 §5.4 leaves such limits "
            "to each implementation; very large header sections are a denial-of-service "
            "vector and a sign of a broken or hostile upstream. h1resp stops parsing and "
            "rejects the response; raise the limit only for trusted upstreams.",
        .violating = kLargeSection.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X-Fill: aaaa\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::limit_field_count,
        .id = "field.limits.field-count",
        .catalog = "B12",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §5.4",
        .summary = "a header or trailer section has more field lines than the configured limit",
        .explanation =
            "The header section has more field lines than max_fields (128 by default). RFC "
            "9110 §5.4 leaves such limits to each implementation; thousands of tiny fields "
            "cost memory and time in every recipient and are a denial-of-service vector. "
            "h1resp rejects the response; raise the limit only for trusted upstreams.",
        .violating = kManyFields.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X: a\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::limit_line_length,
        .id = "field.limits.line-length",
        .catalog = "B12",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §5.4",
        .summary = "a line of the header section is longer than the configured limit",
        .explanation =
            "A line of the header section (the status line, or a field line with its folds) "
            "is longer than max_line_bytes (16 KiB by default). RFC 9110 §5.4 leaves such "
            "limits to each implementation; a client MAY discard or truncate a field it can "
            "safely drop, but never a framing field. h1resp rejects the response; raise the "
            "limit only for trusted upstreams.",
        .violating = kLongLine.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "X-Fill: aaaa\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::limit_chunk_extension,
        .id = "chunked.limits.extension-size",
        .catalog = "C24",
        .severity = Severity::error,
        .level = Requirement::should,
        .context = Context::none,
        .source = "RFC 9112 §7.1.1",
        .summary = "a chunk's extensions are longer than the configured limit",
        .explanation =
            "The extensions of one chunk are longer than max_chunk_extension_bytes (1 KiB "
            "by default). RFC 9112 §7.1.1 says a server SHOULD limit the total length of "
            "the chunk extensions it receives, as for other parts of a message, and a "
            "client has the same reason to: unbounded extensions are a denial-of-service "
            "vector. h1resp rejects the response.",
        .violating = kLongChunkExtension.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Type: text/plain\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "5;x=aaaa\r\n"
                      "hello\r\n"
                      "0\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::limit_trailer_section,
        .id = "chunked.limits.trailer-size",
        .catalog = "B12",
        .severity = Severity::error,
        .level = Requirement::may,
        .context = Context::none,
        .source = "RFC 9110 §5.4; RFC 9112 §7.1.2",
        .summary = "the trailer section of a chunked body is longer than the configured limit",
        .explanation =
            "The trailer section after the last chunk is longer than "
            "max_trailer_section_bytes (16 KiB by default). Like the header section it is "
            "limited by each implementation (RFC 9110 §5.4), and large trailers are a "
            "denial-of-service vector. h1resp rejects the response.",
        .violating = kLargeTrailer.view(),
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Trailer: Server-Timing\r\n"
                      "Transfer-Encoding: chunked\r\n"
                      "\r\n"
                      "0\r\n"
                      "Server-Timing: total;dur=12\r\n"
                      "\r\n",
    },
    {
        .rule = Rule::message_incomplete,
        .id = "message.incomplete",
        .catalog = "C18",
        .severity = Severity::error,
        .level = Requirement::must,
        .context = Context::stream,
        .source = "RFC 9112 §8",
        .summary = "the input ended before the end of the message",
        .explanation =
            "The input ended before the response was complete, for example in the middle of "
            "the header section. An incomplete message MUST be recorded as incomplete (RFC "
            "9112 §8) and never treated as a complete response: a cache must not store it "
            "and a proxy must not forward it as complete. The rules framing.cl-incorrect "
            "and chunked.incomplete cover bodies that are cut short.",
        .violating = "HTTP/1.1 200 OK\r\n"
                     "Content-Type: text/pl",
        .conforming = "HTTP/1.1 200 OK\r\n"
                      "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                      "ETag: \"v1\"\r\n"
                      "Content-Length: 0\r\n"
                      "\r\n",
    },
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    if (kRules[i].rule != static_cast<Rule>(i)) return false;
  }
  return true;
}
static_assert(kRules.size() == static_cast<std::size_t>(Rule::count_));
static_assert(in_enum_order(), "entry i must describe static_cast<Rule>(i)");

constexpr bool ids_unique() {
  for (std::size_t i = 0; i < kRules.size(); ++i) {
    for (std::size_t j = i + 1; j < kRules.size(); ++j) {
      if (kRules[i].id == kRules[j].id) return false;
    }
  }
  return true;
}
static_assert(ids_unique(), "rule ids must be unique");

// Summaries are one line under 90 characters without a final period; explanations are one line.
constexpr bool texts_well_formed() {
  for (const RuleInfo& info : kRules) {
    if (info.id.empty() || info.catalog.size() != 3 || info.source.empty()) return false;
    if (info.summary.empty() || info.summary.size() >= 90 || info.summary.back() == '.') {
      return false;
    }
    if (info.explanation.empty() || info.explanation.find('\n') != std::string_view::npos) {
      return false;
    }
    if (info.violating.empty() || info.conforming.empty()) return false;
  }
  return true;
}
static_assert(texts_well_formed());

}  // namespace

const RuleInfo& rule_info(Rule rule) noexcept {
  // Rule::count_ (no rule) and anything past it: an entry that says so, never a read past the
  // table.
  static constexpr RuleInfo kNoRule{Rule::count_,
                                    "none",
                                    "",
                                    Severity::info,
                                    Requirement::informative,
                                    Context::none,
                                    "",
                                    "no rule",
                                    "",
                                    "",
                                    ""};
  const auto index = static_cast<std::size_t>(rule);
  return index < kRules.size() ? kRules[index] : kNoRule;
}

std::optional<Rule> find_rule(std::string_view id_or_catalog) noexcept {
  // Group L shares catalog entries with A-H; those come first, so "B12" finds field.limits.
  for (const RuleInfo& info : kRules) {
    if (info.id == id_or_catalog || info.catalog == id_or_catalog) return info.rule;
  }
  return std::nullopt;
}

std::span<const RuleInfo> all_rules() noexcept {
  return kRules;
}

std::string_view to_string(Severity severity) noexcept {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "?";
}

std::string_view to_string(Requirement level) noexcept {
  switch (level) {
    case Requirement::must:
      return "MUST";
    case Requirement::must_not:
      return "MUST NOT";
    case Requirement::should:
      return "SHOULD";
    case Requirement::should_not:
      return "SHOULD NOT";
    case Requirement::may:
      return "MAY";
    case Requirement::grammar:
      return "grammar";
    case Requirement::definition:
      return "definition";
    case Requirement::informative:
      return "informative";
  }
  return "?";
}

std::string_view to_string(Context context) noexcept {
  switch (context) {
    case Context::none:
      return "none";
    case Context::request_method:
      return "request-method";
    case Context::request:
      return "request";
    case Context::reference_200:
      return "reference-200";
    case Context::stream:
      return "stream";
    case Context::proxy_output:
      return "proxy-output";
    case Context::cache:
      return "cache";
  }
  return "?";
}

}  // namespace h1resp
