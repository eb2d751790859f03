// What a valid header section parses into: version, code, reason, field spans, header size.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "h1resp/validator.hpp"
#include "parse_harness.hpp"

namespace h1resp::testing {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

TEST(TokenizerAccept, MinimalResponse) {
  const Outcome o = parse_everywhere("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  ASSERT_EQ(o.status, ParseStatus::complete) << o;
  EXPECT_EQ(o.version_major, 1);
  EXPECT_EQ(o.version_minor, 1);
  EXPECT_EQ(o.code, 200);
  EXPECT_EQ(o.reason, "OK");
  EXPECT_EQ(o.fields, (Fields{{"Content-Length", "0"}}));
  EXPECT_EQ(o.header_size, 38U);
  EXPECT_TRUE(o.findings.empty());
}

TEST(TokenizerAccept, HeaderSizeStopsAtTheEmptyLineWhateverFollows) {
  // The body is not the tokenizer's business: even a NUL or a bare CR after the header section
  // changes nothing.
  const std::string head = "HTTP/1.0 404 Not Found\r\nX: y\r\n\r\n";
  for (std::string body : {std::string("hello"), bytes("\x00\r\r\n"), std::string("HTTP/1.1 ")}) {
    const Outcome o = parse_everywhere(head + body);
    ASSERT_EQ(o.status, ParseStatus::complete) << o;
    EXPECT_EQ(o.header_size, head.size());
    EXPECT_EQ(o.version_minor, 0);
    EXPECT_EQ(o.code, 404);
  }
}

TEST(TokenizerAccept, ReasonPhrases) {
  struct Case {
    std::string line;
    std::string reason;
  };
  const Case cases[] = {
      {"HTTP/1.1 204 \r\n", ""},            // empty reason after the required SP
      {"HTTP/1.1 200  OK\r\n", " OK"},      // the reason may start with SP
      {"HTTP/1.1 200 OK \t\r\n", "OK \t"},  // and end with whitespace
      {"HTTP/1.1 200 Tr\xc3\xa8s bien\r\n", "Tr\xc3\xa8s bien"},  // obs-text
      {"HTTP/1.1 201 http://example.com/a b\r\n", "http://example.com/a b"},
      {"HTTP/1.1 999 Whatever\r\n", "Whatever"},  // range is the validator's business
      {"HTTP/1.2 200 OK\r\n", "OK"},              // so is a higher minor version
  };
  for (const Case& c : cases) {
    const Outcome o = parse_everywhere(c.line + "\r\n");
    ASSERT_EQ(o.status, ParseStatus::complete) << o;
    EXPECT_EQ(o.reason, c.reason);
  }
}

TEST(TokenizerAccept, FieldValuesAreTrimmedOfOwsOnly) {
  const Outcome o = parse_everywhere(
      "HTTP/1.1 200 OK\r\n"
      "A:value\r\n"
      "B: \t value \t \r\n"
      "C:\r\n"
      "D:   \r\n"
      "E: a \t b\r\n"
      "F: \xa0x\xa0\r\n"  // obs-text is not whitespace (catalog B08)
      "!#$%&'*+-.^_`|~09azAZ: tchar\r\n"
      "\r\n");
  ASSERT_EQ(o.status, ParseStatus::complete) << o;
  EXPECT_EQ(o.fields, (Fields{{"A", "value"},
                              {"B", "value"},
                              {"C", ""},
                              {"D", ""},
                              {"E", "a \t b"},
                              {"F", "\xa0x\xa0"},
                              {"!#$%&'*+-.^_`|~09azAZ", "tchar"}}));
}

TEST(TokenizerAccept, RepeatedFieldsKeepTheirOrder) {
  const Outcome o =
      parse_everywhere("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX: 1\r\nSet-Cookie: b=2\r\n\r\n");
  ASSERT_EQ(o.status, ParseStatus::complete) << o;
  EXPECT_EQ(o.fields, (Fields{{"Set-Cookie", "a=1"}, {"X", "1"}, {"Set-Cookie", "b=2"}}));
}

TEST(TokenizerAccept, IncompleteUntilTheEmptyLine) {
  const std::string full = "HTTP/1.1 200 OK\r\nX: y\r\n\r\n";
  for (std::size_t n = 0; n < full.size(); ++n) {
    BasicResponseParser<> parser;
    EXPECT_EQ(parser.feed(std::string_view(full).substr(0, n)), ParseStatus::incomplete) << n;
  }
}

TEST(TokenizerAccept, LongValuesCrossManyScannerWindows) {
  // Values longer than the scanner's window (512 bytes) and a CR exactly at window edges.
  for (std::size_t length :
       {0U, 1U, 62U, 63U, 64U, 65U, 446U, 447U, 448U, 511U, 512U, 513U, 1500U, 5000U}) {
    const std::string value(length, 'v');
    const std::string input = "HTTP/1.1 200 OK\r\nSet-Cookie: " + value + "\r\nX: y\r\n\r\n";
    BasicResponseParser<> parser;
    ASSERT_EQ(parser.parse(input), ParseStatus::complete) << length;
    EXPECT_EQ(parser.response().field(0).value, value);
    EXPECT_EQ(parser.response().field(1).name, "X");
  }
  const Outcome o =
      parse_everywhere("HTTP/1.1 200 OK\r\nCSP: " + std::string(900, 'c') + "\r\n\r\n");
  EXPECT_EQ(o.status, ParseStatus::complete);
}

TEST(TokenizerAccept, LinesOfEveryLengthAtEveryOffsetOfABlock) {
  // The hot loop walks the masks block by block: a name or a line may end in the block it
  // starts in, in the next one, or in the next scanner window, and a line's LF may be the first
  // bit of a block. Every line length around those edges, at every offset in a block (the
  // reason phrase shifts the lines), on every kernel, must read as written, in order; short
  // lines first move the lines of interest to the scanner window's last two blocks.
  const std::string names[] = {"X", "Content-Type", std::string(70, 'n')};
  for (const KernelId kernel : supported_kernels()) {
    BasicResponseParser<> parser;
    ASSERT_TRUE(parser.use_kernel(kernel));
    for (std::size_t shift = 0; shift < 64; ++shift) {
      for (std::size_t length = 0; length <= 140; ++length) {
        const std::string& name = names[length % 3];
        const std::string value(length, static_cast<char>('a' + length % 26));
        std::string input = "HTTP/1.1 200 " + std::string(shift, 'R') + "\r\n";
        // Short lines until the first line of interest starts near offset `shift` of the block
        // before the window's last (384 + shift); the second one crosses the window's edge.
        while (input.size() < 384 + shift)
          input += "A: b\r\n";
        input += name + ": " + value + "\r\n" + name + ":" + value + " \r\nZ: z\r\n\r\n";
        ASSERT_EQ(parser.parse(input), ParseStatus::complete)
            << to_string(kernel) << " shift " << shift << " length " << length;
        const Response& r = parser.response();
        ASSERT_GE(r.field_count(), 3U);
        const std::size_t n = r.field_count();
        EXPECT_EQ(r.field(n - 3).name, name);
        EXPECT_EQ(r.field(n - 3).value, value);
        EXPECT_EQ(r.field(n - 2).name, name);
        EXPECT_EQ(r.field(n - 2).value, value);
        EXPECT_EQ(r.field(n - 1).name, "Z");
        EXPECT_EQ(parser.header_size(), input.size());
      }
    }
  }
}

TEST(TokenizerAccept, LimitsAreInclusive) {
  const std::string input = "HTTP/1.1 200 OK\r\nX: 0123456789\r\n\r\n";  // 34 bytes
  Policy exact;
  exact.limits.max_header_section_bytes = 34;
  exact.limits.max_line_bytes = 15;  // "HTTP/1.1 200 OK" and "X: 0123456789" are 15 and 13
  exact.limits.max_fields = 1;
  EXPECT_EQ(parse_everywhere(input, exact).status, ParseStatus::complete);
  Policy one_less = exact;
  one_less.limits.max_header_section_bytes = 33;
  EXPECT_EQ(parse_everywhere(input, one_less).error_rule, Rule::limit_section_size);
  one_less = exact;
  one_less.limits.max_line_bytes = 14;
  EXPECT_EQ(parse_everywhere(input, one_less).error_rule, Rule::limit_line_length);
}

// A header section limit of 0 leaves no room for any section: the parser fails at once, even on
// an empty feed, instead of waiting for bytes it could never accept (policy.hpp).
TEST(TokenizerAccept, ZeroSectionLimitFailsOnTheFirstFeed) {
  Policy zero;
  zero.limits.max_header_section_bytes = 0;
  BasicResponseParser<> parser(zero);
  EXPECT_EQ(parser.feed(""), ParseStatus::error);
  EXPECT_EQ(parser.error().rule, Rule::limit_section_size);
  EXPECT_EQ(parser.error().offset, 0U);
}

TEST(TokenizerAccept, FieldStorageSmallerThanPolicyLimit) {
  std::array<FieldLine, 2> storage;
  ResponseParser parser(storage);  // policy allows 128, storage holds 2
  EXPECT_EQ(parser.parse("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\n"), ParseStatus::complete);
  EXPECT_EQ(parser.parse("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"), ParseStatus::error);
  EXPECT_EQ(parser.error().rule, Rule::limit_field_count);
}

TEST(TokenizerAccept, CompleteAndErrorAreFinalUntilReset) {
  BasicResponseParser<> parser;
  ASSERT_EQ(parser.feed("HTTP/1.1 200 OK\r\n\r\n"), ParseStatus::complete);
  EXPECT_EQ(parser.feed("garbage"), ParseStatus::complete);
  parser.reset();
  EXPECT_EQ(parser.feed("garbage that is long enough"), ParseStatus::error);
  EXPECT_EQ(parser.feed("HTTP/1.1 200 OK\r\n\r\n"), ParseStatus::error);
  parser.reset();
  EXPECT_EQ(parser.feed("HTTP/1.1 200 OK\r\n\r\n"), ParseStatus::complete);
}

TEST(TokenizerAccept, LenientReadingsKeepRawBytesAndFlagThem) {
  const Outcome folded = parse_everywhere(
      "HTTP/1.1 200 OK\r\nX-A: a \r\n \t b\r\n  c\r\nY:\r\n d\r\n\r\n", Policy::lenient());
  ASSERT_EQ(folded.status, ParseStatus::complete) << folded;
  ASSERT_EQ(folded.fields.size(), 2U);
  EXPECT_EQ(folded.fields[0].second, "a \r\n \t b\r\n  c");
  EXPECT_EQ(normalized_value(folded.fields[0].second), "a b c");
  EXPECT_EQ(folded.field_flags[0], FieldLine::obs_folded);
  EXPECT_EQ(folded.fields[1].second, "d");  // an empty first line: the value is the fold's
  EXPECT_EQ(folded.field_flags[1], FieldLine::obs_folded);

  const Outcome bare_cr =
      parse_everywhere("HTTP/1.1 200 OK\r\nX: a\rbc\r\n\r\n", Policy::lenient());
  ASSERT_EQ(bare_cr.status, ParseStatus::complete);
  EXPECT_EQ(bare_cr.fields[0].second, "a\rbc");
  EXPECT_EQ(normalized_value(bare_cr.fields[0].second), "a bc");
  EXPECT_EQ(bare_cr.field_flags[0], FieldLine::bare_cr);

  const Outcome ws = parse_everywhere("HTTP/1.1 200 OK\r\nX \t: y\r\n\r\n", Policy::lenient());
  ASSERT_EQ(ws.status, ParseStatus::complete);
  EXPECT_EQ(ws.fields[0].first, "X");
  EXPECT_EQ(ws.field_flags[0], FieldLine::ws_before_colon);
}

TEST(TokenizerAccept, LenientStatusLineWhitespace) {
  const Outcome o = parse_everywhere("HTTP/1.1 \t 200 \x0bOK \t\r\n\r\n",
                                     Policy().allow(Leniency::status_line_whitespace));
  ASSERT_EQ(o.status, ParseStatus::complete) << o;
  EXPECT_EQ(o.code, 200);
  // The separator's whitespace is not part of the reason; trailing whitespace is, as strictly.
  EXPECT_EQ(o.reason, "OK \t");
}

TEST(TokenizerAccept, W3c1992DialectAcceptsAnyStatusLineWhitespaceAsInfo) {
  Policy p;
  p.dialect = Dialect::w3c1992;
  BasicResponseParser<> parser(p);
  ASSERT_EQ(parser.parse("HTTP/1.0  302  Found\r\nURI: http://a/ moved\r\n\r\n"),
            ParseStatus::complete);
  ASSERT_EQ(parser.findings().size(), 2U);
  EXPECT_EQ(parser.findings()[0].rule, Rule::htresp_status_line_ws);
  EXPECT_EQ(parser.findings()[0].severity, Severity::info);
  EXPECT_EQ(parser.response().reason_phrase(), "Found");
}

TEST(TokenizerAccept, ResponseViewFollowsTheBufferAcrossMoves) {
  // The caller may reallocate between feeds: spans are offsets, views use the last bytes.
  BasicResponseParser<> parser;
  std::string first = "HTTP/1.1 200 OK\r\nServer: a";
  ASSERT_EQ(parser.feed(first), ParseStatus::incomplete);
  std::string moved = first + "bc\r\n\r\n";
  first.assign(first.size(), '#');  // the old bytes are gone
  ASSERT_EQ(parser.feed(moved), ParseStatus::complete);
  EXPECT_EQ(parser.response().field(0).value, "abc");
  EXPECT_EQ(parser.response().reason_phrase(), "OK");
}

TEST(TokenizerAccept, AfterCompleteTheViewFollowsBytesThatHoldTheHeaderSection) {
  // A caller that kept only the header section (the body forwarded, its buffer freed) feeds it
  // again: the views point into the bytes of that call, not into the freed ones.
  const std::string whole = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
  BasicResponseParser<> parser;
  auto first = std::make_unique<std::string>(whole);
  ASSERT_EQ(parser.feed(*first), ParseStatus::complete);
  const std::string header = whole.substr(0, parser.header_size());
  first.reset();
  ASSERT_EQ(parser.feed(header), ParseStatus::complete);
  EXPECT_EQ(parser.response().bytes.data(), header.data());
  EXPECT_EQ(parser.response().reason_phrase(), "OK");
  EXPECT_EQ(parser.response().field(0).value, "5");
  // Bytes that end inside the header section cannot be what the response refers to.
  const std::string cut = header.substr(0, 20);
  ASSERT_EQ(parser.feed(cut), ParseStatus::complete);
  EXPECT_EQ(parser.response().bytes.data(), header.data());
}

TEST(TokenizerAccept, AShorterViewWhileIncompleteNeverThrows) {
  // feed()'s pre-condition broken (the bytes shrank): the result is unspecified, but reading
  // the response neither throws (std::terminate, in noexcept code) nor reads outside the bytes.
  // Heap blocks of exactly their size, so that AddressSanitizer sees a read past them; the
  // validator (whose field index loads words of the names) reads the response too.
  BasicResponseParser<> parser;
  const ExactBuffer first("HTTP/1.1 200 OK\r\nContent-Security-Policy-Report-Only: b\r\nC");
  ASSERT_EQ(parser.feed(first.view()), ParseStatus::incomplete);
  // 24 bytes and more after the name's start, not all of the name: a word load at the name's
  // end would read past the bytes.
  const ExactBuffer shorter("HTTP/1.1 200 OK\r\nContent-Security-Policy-Re");
  (void)parser.feed(shorter.view());
  const Response& r = parser.response();
  for (std::size_t i = 0; i < r.field_count(); ++i) {
    const Field f = r.field(i);
    EXPECT_LE(f.name.size() + f.value.size(), shorter.view().size());
  }
  EXPECT_LE(r.reason_phrase().size(), shorter.view().size());
  FindingList findings;
  (void)examine(r, {}, parser.policy(), findings);
}

}  // namespace
}  // namespace h1resp::testing
