// The tool's building blocks: the excerpt and caret under a finding, finding messages, the JSON
// writer, and the probe's URL parser.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "probe/url.hpp"
#include "report/format.hpp"
#include "report/json_writer.hpp"

namespace h1resp::report {
namespace {

// The column of the caret, and how many columns it marks ('^' and '~').
struct Mark {
  std::size_t column;
  std::size_t width;
};

Mark mark_of(const SourceExcerpt& e) {
  const std::size_t column = e.caret.find('^');
  EXPECT_NE(column, std::string::npos) << e.caret;
  return {column, e.caret.size() - column};
}

TEST(Excerpt, MarksTheStatusCodeInTheStatusLine) {
  const std::string input = "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n";
  const SourceExcerpt e = excerpt(input, 9, 4);
  EXPECT_EQ(e.text, "HTTP/1.1 2000 OK\\r\\n");
  EXPECT_EQ(e.caret, "         ^~~~");
  EXPECT_EQ(e.line_offset, 0U);
}

TEST(Excerpt, ShowsTheLineOfALaterField) {
  const std::string input = "HTTP/1.1 200 OK\r\nA: 1\r\nContent-Length: x\r\n\r\n";
  const std::size_t at = input.find("Content-Length");
  const SourceExcerpt e = excerpt(input, at, 17);
  EXPECT_EQ(e.text, "Content-Length: x\\r\\n");
  EXPECT_EQ(e.caret, "^~~~~~~~~~~~~~~~~");
  EXPECT_EQ(e.line_offset, at);
}

TEST(Excerpt, MarksABareLfAtTheLineEnd) {
  const std::string input = "HTTP/1.1 200 OK\nDate: x\n\n";
  const SourceExcerpt e = excerpt(input, 15, 1);
  EXPECT_EQ(e.text, "HTTP/1.1 200 OK\\n");
  EXPECT_EQ(e.caret, std::string(15, ' ') + "^~");
}

TEST(Excerpt, MarksTheCrOfACrlfAsTwoColumns) {
  const std::string input = "HTTP/1.1 200 OK\r\n\r\n";
  const SourceExcerpt e = excerpt(input, 15, 2);
  EXPECT_EQ(e.caret, std::string(15, ' ') + "^~~~");
}

TEST(Excerpt, AnOffsetPastTheEndIsAPositionAfterTheLastByte) {
  const std::string input = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc";
  for (const std::uint64_t offset : {input.size(), input.size() + 100}) {
    const SourceExcerpt e = excerpt(input, offset, 5);
    EXPECT_EQ(e.text, "abc");
    EXPECT_EQ(e.caret, "   ^");
  }
}

TEST(Excerpt, APositionAfterAFinalLfStaysOnThatLine) {
  const std::string input = "HTTP/1.1 200 OK\r\nDate: x\r\n";
  const SourceExcerpt e = excerpt(input, input.size(), 0);
  EXPECT_EQ(e.text, "Date: x\\r\\n");
  EXPECT_EQ(mark_of(e).column, e.text.size());
  EXPECT_EQ(mark_of(e).width, 1U);
}

TEST(Excerpt, APositionMarksOneColumn) {
  const std::string input = "HTTP/1.1 301 Moved\r\n\r\n";
  const SourceExcerpt e = excerpt(input, 0, 0);
  EXPECT_EQ(e.caret, "^");
}

TEST(Excerpt, ControlBytesAreVisibleAndTheCaretCoversThem) {
  const std::string input = std::string("HTTP/1.1 200 OK\r\nX: a\x01z\x7f\xff\r\n\r\n", 30);
  const std::size_t at = input.find('\x01');
  const SourceExcerpt e = excerpt(input, at, 1);
  EXPECT_EQ(e.text, "X: a\\x01z\\x7f\\xff\\r\\n");
  EXPECT_EQ(e.caret, "    ^~~~");
  EXPECT_EQ(visible(std::string("\t\\", 2)), "\\t\\\\");
}

TEST(Excerpt, ARangeAcrossLinesIsUnderlinedToTheEndOfTheFirst) {
  const std::string input = "HTTP/1.1 200 OK\r\nX: a\r\n b\r\n\r\n";
  const std::size_t at = input.find("X:");
  const SourceExcerpt e = excerpt(input, at, 10);
  EXPECT_EQ(e.text, "X: a\\r\\n");
  EXPECT_EQ(e.caret, "^~~~~~~~");
}

TEST(Excerpt, ALongLineIsCutToAWindowAroundTheCaret) {
  const std::string value = std::string(300, 'a') + '\x01' + std::string(300, 'b');
  const std::string input = "HTTP/1.1 200 OK\r\nX-Long: " + value + "\r\n\r\n";
  const std::size_t at = input.find('\x01');
  const SourceExcerpt e = excerpt(input, at, 1, ExcerptLimits{.max_columns = 80});
  EXPECT_TRUE(e.text.starts_with("...")) << e.text;
  EXPECT_TRUE(e.text.ends_with("...")) << e.text;
  EXPECT_LE(e.text.size(), 80U + 6U);
  const Mark m = mark_of(e);
  EXPECT_EQ(e.text.substr(m.column, 4), "\\x01");
  EXPECT_EQ(m.width, 4U);
}

TEST(Excerpt, ALongLineNearItsEndShowsTheEnd) {
  const std::string input = "HTTP/1.1 200 OK\r\nX-Long: " + std::string(500, 'a') + "!\r\n\r\n";
  const std::size_t at = input.find('!');
  const SourceExcerpt e = excerpt(input, at, 1, ExcerptLimits{.max_columns = 60});
  EXPECT_TRUE(e.text.starts_with("..."));
  EXPECT_TRUE(e.text.ends_with("!\\r\\n")) << e.text;
  EXPECT_EQ(e.text[mark_of(e).column], '!');
}

TEST(Excerpt, ALongMarkedRangeStopsAtTheWindow) {
  const std::string input = "X: " + std::string(400, 'v') + "\r\n";
  const SourceExcerpt e = excerpt(input, 0, input.size(), ExcerptLimits{.max_columns = 50});
  EXPECT_EQ(mark_of(e).column, 0U);
  EXPECT_LE(e.caret.size(), 50U);
  EXPECT_TRUE(e.text.ends_with("..."));
}

TEST(Excerpt, ABodyWithoutLineEndsIsNotScannedWhole) {
  const std::string input = std::string(1 << 20, 'x') + "!" + std::string(1 << 20, 'y');
  const SourceExcerpt e = excerpt(input, 1 << 20, 1);
  EXPECT_TRUE(e.text.starts_with("..."));
  EXPECT_TRUE(e.text.ends_with("..."));
  EXPECT_EQ(e.text[mark_of(e).column], '!');
  EXPECT_EQ(e.line_offset, (1U << 20) - 4096);
}

TEST(Excerpt, AnEmptyInputHasAPosition) {
  const SourceExcerpt e = excerpt("", 0, 3);
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(e.caret, "^");
}

TEST(FindingMessage, DropsADetailThatOnlyRephrasesTheSummary) {
  EXPECT_EQ(finding_message("there is no status line (an HTTP/0.9 response, or not HTTP at all)",
                            "no status line: an HTTP/0.9 response or not HTTP at all"),
            "there is no status line (an HTTP/0.9 response, or not HTTP at all)");
  EXPECT_EQ(finding_message("a 2xx, 3xx or 4xx response has no Date",
                            "no Date in a 2xx, 3xx or 4xx response"),
            "a 2xx, 3xx or 4xx response has no Date");
  EXPECT_EQ(finding_message("chunked is applied more than once",
                            "chunked applied more than once (RFC 9112 §6.1)"),
            "chunked is applied more than once");
  EXPECT_EQ(finding_message("a redirect has no Location", "a redirect without Location"),
            "a redirect has no Location");
}

TEST(FindingMessage, KeepsADetailThatSaysMore) {
  EXPECT_EQ(finding_message("the status line ends in a bare LF instead of CRLF",
                            "bare LF accepted as a line ending"),
            "the status line ends in a bare LF instead of CRLF; bare LF accepted as a line "
            "ending");
  EXPECT_EQ(
      finding_message("a 304 carries representation metadata such as Content-Type", "Content-Type"),
      "a 304 carries representation metadata such as Content-Type: Content-Type");
  EXPECT_EQ(finding_message("an unofficial 2xx code",
                            "A catch-all that lets an error body pass. Handle as 200."),
            "an unofficial 2xx code. A catch-all that lets an error body pass. Handle as 200.");
  EXPECT_EQ(finding_message("summary", ""), "summary");
  EXPECT_EQ(finding_message("summary", "summary"), "summary");
}

TEST(FindingMessage, OfAFindingUsesTheRuleTable) {
  const Finding f{Rule::status_code_3digit, Severity::error, 9, 4,
                  "the status code has more than three digits"};
  EXPECT_EQ(finding_message(f),
            "the status code is not three digits; the status code has more than three digits");
  // Twice: the second comes from the cache and must be the same.
  EXPECT_EQ(finding_message(f), finding_message(f));
}

TEST(JsonWriter, WritesValidJsonForAnyBytes) {
  std::string out;
  JsonWriter j(out);
  const std::string nasty("a\"b\\c\r\n\t\x01\x7f\xff\xc3\xa9\xed\xa0\x80\xf0\x9f\x98\x80 end");
  j.begin_object()
      .member("text", nasty)
      .member("n", 18446744073709551615ULL)
      .member("neg", -3)
      .member("yes", true)
      .key("none")
      .null()
      .key("list")
      .begin_array()
      .value(1)
      .begin_array()
      .end_array()
      .begin_object()
      .end_object()
      .value("x")
      .end_array()
      .end_object();
  const nlohmann::json parsed = nlohmann::json::parse(out);
  // Invalid UTF-8 (a lone \xff, an encoded surrogate) becomes U+FFFD; valid sequences stay.
  EXPECT_EQ(parsed["text"].get<std::string>(),
            "a\"b\\c\r\n\t\x01\x7f\xef\xbf\xbd\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
            "\xf0\x9f\x98\x80 end");
  EXPECT_EQ(parsed["n"].get<std::uint64_t>(), 18446744073709551615ULL);
  EXPECT_EQ(parsed["neg"].get<int>(), -3);
  EXPECT_TRUE(parsed["yes"].get<bool>());
  EXPECT_TRUE(parsed["none"].is_null());
  EXPECT_EQ(parsed["list"].dump(), R"([1,[],{},"x"])");
}

}  // namespace
}  // namespace h1resp::report

namespace h1resp::probe {
namespace {

Url must_parse(std::string_view text) {
  auto r = parse_url(text);
  if (const std::string* why = std::get_if<std::string>(&r)) {
    ADD_FAILURE() << text << ": " << *why;
    return {};
  }
  return std::get<Url>(r);
}

std::string error_of(std::string_view text) {
  auto r = parse_url(text);
  const std::string* why = std::get_if<std::string>(&r);
  return why != nullptr ? *why : std::string();
}

TEST(ProbeUrl, ParsesHostPortAndTarget) {
  const Url a = must_parse("http://Example.COM:8080/a/b?x=1#frag");
  EXPECT_EQ(a.host, "Example.COM");
  EXPECT_EQ(a.port, 8080);
  EXPECT_EQ(a.target, "/a/b?x=1");
  EXPECT_EQ(a.authority, "example.com:8080");
  EXPECT_EQ(a.text(), "http://example.com:8080/a/b?x=1");

  const Url b = must_parse("HTTP://127.0.0.1");
  EXPECT_EQ(b.port, 80);
  EXPECT_EQ(b.target, "/");
  EXPECT_EQ(b.authority, "127.0.0.1");

  const Url c = must_parse("http://[::1]:81?q");
  EXPECT_EQ(c.host, "::1");
  EXPECT_EQ(c.authority, "[::1]:81");
  EXPECT_EQ(c.target, "/?q");

  EXPECT_EQ(must_parse("http://h/a b\"").target, "/a%20b%22");
}

TEST(ProbeUrl, RejectsWhatItCannotProbe) {
  EXPECT_NE(error_of("https://example.com/").find("https is not supported"), std::string::npos);
  EXPECT_FALSE(error_of("ftp://example.com/").empty());
  EXPECT_FALSE(error_of("example.com").empty());
  EXPECT_FALSE(error_of("http:///path").empty());
  EXPECT_FALSE(error_of("http://h:0/").empty());
  EXPECT_FALSE(error_of("http://h:65536/").empty());
  EXPECT_FALSE(error_of("http://h:8x/").empty());
  EXPECT_FALSE(error_of("http://user@h/").empty());
  EXPECT_FALSE(error_of("http://[::1/").empty());
  EXPECT_FALSE(error_of("http://h h/").empty());
}

}  // namespace
}  // namespace h1resp::probe
