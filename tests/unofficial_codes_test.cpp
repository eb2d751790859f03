// The unofficial meanings of registered codes (catalog H): each is reported once, at the bytes
// that show it, and only when the response really looks like the unofficial use.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

// The offsets of every finding of `rule` for a complete response.
std::vector<std::size_t> offsets_of(Rule rule, std::string_view bytes) {
  BasicResponseParser<> parser;
  EXPECT_EQ(parser.parse(bytes), ParseStatus::complete) << bytes;
  FindingList findings;
  const Framing framing = decide_framing(parser.response(), RequestMethod::get, findings);
  validate(parser.response(), framing, {}, parser.policy(), findings);
  std::vector<std::size_t> offsets;
  for (const Finding& f : findings) {
    if (f.rule == rule) offsets.push_back(f.offset);
  }
  return offsets;
}

constexpr Rule kResume = Rule::unofficial_308_resume_incomplete;

TEST(Unofficial308, PhraseAndRangeGiveOneFindingAtThePhrase) {
  // Both signs of Google's resumable upload: the phrase and Range without Location.
  const auto at = offsets_of(kResume,
                             "HTTP/1.1 308 Resume Incomplete\r\nRange: bytes=0-42\r\n"
                             "Content-Length: 0\r\n\r\n");
  ASSERT_EQ(at.size(), 1U);
  EXPECT_EQ(at[0], 13U);  // the reason phrase
}

TEST(Unofficial308, RangeWithoutLocationIsReportedAtTheStatusLine) {
  const auto at = offsets_of(kResume,
                             "HTTP/1.1 308 Permanent Redirect\r\nRange: bytes=0-42\r\n"
                             "Content-Length: 0\r\n\r\n");
  ASSERT_EQ(at.size(), 1U);
  EXPECT_EQ(at[0], 0U);
}

TEST(Unofficial308, PhraseAloneIsReportedAtThePhrase) {
  const auto at =
      offsets_of(kResume, "HTTP/1.1 308 Resume Incomplete\r\nContent-Length: 0\r\n\r\n");
  ASSERT_EQ(at.size(), 1U);
  EXPECT_EQ(at[0], 13U);
}

TEST(Unofficial308, RegisteredRedirectIsNotReported) {
  EXPECT_TRUE(offsets_of(kResume,
                         "HTTP/1.1 308 Permanent Redirect\r\nLocation: /new\r\n"
                         "Range: bytes=0-42\r\nContent-Length: 0\r\n\r\n")
                  .empty());
}

// The findings of `bytes` with `policy`: rule, severity and detail.
FindingList judge(std::string_view bytes, const Policy& policy = Policy::strict()) {
  BasicResponseParser<> parser(policy);
  EXPECT_EQ(parser.parse(bytes), ParseStatus::complete) << bytes;
  FindingList findings;
  (void)examine(parser.response(), {}, policy, findings);
  return findings;
}

std::string_view detail_of(const FindingList& findings, Rule rule) {
  for (const Finding& f : findings) {
    if (f.rule == rule) return f.detail;
  }
  return "(none)";
}

// A code several vendors use: the note is the one of the name the reason phrase is.
TEST(UnofficialCodes, TheNoteIsTheNameThePhraseIs) {
  const FindingList nginx =
      judge("HTTP/1.1 499 Client Closed Request\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(detail_of(nginx, Rule::unofficial_nginx).find("nginx"), std::string_view::npos)
      << detail_of(nginx, Rule::unofficial_nginx);
  EXPECT_EQ(detail_of(nginx, Rule::unofficial_nginx).find("oken"), std::string_view::npos);
  const FindingList esri = judge("HTTP/1.1 499 Token Required\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(detail_of(esri, Rule::unofficial_4xx_vendor).find("oken"), std::string_view::npos)
      << detail_of(esri, Rule::unofficial_4xx_vendor);
  const FindingList spring = judge("HTTP/1.1 420 Method Failure\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(detail_of(spring, Rule::unofficial_4xx_vendor).find("Spring"), std::string_view::npos)
      << detail_of(spring, Rule::unofficial_4xx_vendor);
}

// 306 and 418 are registered as (Unused): the warning says what the phrase's old meaning was
// when the phrase names it, and stays plain otherwise.
TEST(UnofficialCodes, UnusedCodesSayTheMeaningThePhraseNames) {
  const FindingList proxy = judge("HTTP/1.1 306 Switch Proxy\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(detail_of(proxy, Rule::code_306_reserved).find("Switch Proxy"), std::string_view::npos)
      << detail_of(proxy, Rule::code_306_reserved);
  const FindingList teapot = judge("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n");
  EXPECT_NE(detail_of(teapot, Rule::code_418_unused).find("teapot"), std::string_view::npos)
      << detail_of(teapot, Rule::code_418_unused);
  EXPECT_EQ(
      detail_of(judge("HTTP/1.1 418 Unused\r\nContent-Length: 0\r\n\r\n"), Rule::code_418_unused),
      "");
  EXPECT_EQ(detail_of(judge("HTTP/1.1 306 \r\nContent-Length: 0\r\n\r\n"), Rule::code_306_reserved),
            "");
}

Policy w3c1992() {
  Policy p = Policy::strict();
  p.dialect = Dialect::w3c1992;
  return p;
}

// The 1992 dialect: a code outside 100..599 is as invalid as in the modern one (also with
// errors_only); a 201's reason may give the new URI in angle brackets; a 204 that declares
// content gets the 1992 note as well as the framing error.
TEST(W3c1992, CodesRangeBracketsAnd204) {
  const FindingList out_of_range = judge("HTTP/1.0 600 X\r\nContent-Length: 0\r\n\r\n", w3c1992());
  EXPECT_TRUE(out_of_range.contains(Rule::status_code_range));
  EXPECT_FALSE(out_of_range.contains(Rule::htresp_code_set));
  Policy errors_only = w3c1992();
  errors_only.validation = Validation::errors_only;
  EXPECT_EQ(judge("HTTP/1.0 600 X\r\nContent-Length: 0\r\n\r\n", errors_only).verdict(),
            Verdict::reject);
  EXPECT_FALSE(
      judge("HTTP/1.0 201 <http://example.com/new>\r\nContent-Length: 0\r\n\r\n", w3c1992())
          .contains(Rule::htresp_reason_line));
  EXPECT_TRUE(judge("HTTP/1.0 201 new\r\nContent-Length: 0\r\n\r\n", w3c1992())
                  .contains(Rule::htresp_reason_line));
  EXPECT_TRUE(judge("HTTP/1.0 204 No Response\r\nContent-Length: 9\r\n\r\n", w3c1992())
                  .contains(Rule::htresp_2xx_semantics));
  EXPECT_FALSE(
      judge("HTTP/1.0 204 No Response\r\n\r\n", w3c1992()).contains(Rule::htresp_2xx_semantics));
}

// The 1992 codes whose number means something else today get a note of the code set's
// meanings (G05, info) saying so; 502 and 503 are G10's; the rest, 204 included, none.
TEST(W3c1992, CodesThatMeanSomethingElseTodayAreNoted) {
  const auto note = [](std::string_view bytes) -> std::string_view {
    for (const Finding& f : judge(bytes, w3c1992())) {
      if (f.rule == Rule::htresp_code_set) {
        EXPECT_EQ(f.severity, Severity::info);
        EXPECT_EQ(bytes.substr(f.offset, f.length), bytes.substr(9, 3));
        return f.detail;
      }
    }
    return {};
  };
  EXPECT_NE(note("HTTP/1.0 203 Partial Information\r\nContent-Length: 0\r\n\r\n")
                .find("Non-Authoritative Information"),
            std::string_view::npos);
  EXPECT_NE(
      note("HTTP/1.0 303 Method\r\nMethod: POST http://a.example/s\r\n\r\n").find("See Other"),
      std::string_view::npos);
  EXPECT_TRUE(note("HTTP/1.0 204 No Response\r\n\r\n").empty());
  EXPECT_TRUE(note("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").empty());
  EXPECT_TRUE(
      note("HTTP/1.0 502 Service temporarily overloaded\r\nContent-Length: 0\r\n\r\n").empty());
}

// In the modern dialect a Method: line is an obsolete field, noted like URI: (G08, G17).
TEST(W3c1992, AMethodLineInTheModernDialectIsANote) {
  const std::string_view bytes =
      "HTTP/1.1 303 See Other\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
      "Location: /s\r\nMethod: POST http://a.example/s\r\nContent-Length: 0\r\n\r\n";
  std::size_t notes = 0;
  for (const Finding& f : judge(bytes)) {
    if (f.rule != Rule::htresp_303_method) continue;
    ++notes;
    EXPECT_EQ(f.severity, Severity::info);
    EXPECT_EQ(bytes.substr(f.offset, f.length), "Method: POST http://a.example/s");
  }
  EXPECT_EQ(notes, 1U);
  EXPECT_EQ(judge(bytes).verdict(), Verdict::accept);
}

// A reason phrase that names another code is noted with the registered meaning of the code it
// comes with (issue 3); for an unregistered code, and in the 1992 dialect, with the name the
// phrase is: a registered one before a 1992 or vendor one (in the 1992 dialect, the 1992 one
// first).
TEST(ReasonPhrase, NamesTheRegisteredMeaningOrTheOtherCodeAsMatched) {
  const auto named = [](std::string_view status_line, const Policy& policy) {
    const std::string bytes = std::string(status_line) + "\r\nContent-Length: 0\r\n\r\n";
    return std::string(detail_of(judge(bytes, policy), Rule::status_reason_not_semantic));
  };
  EXPECT_EQ(named("HTTP/1.1 502 Gateway Timeout", Policy::strict()), "registered: 502 Bad Gateway");
  EXPECT_EQ(named("HTTP/1.1 200 Request Header Fields Too Large", Policy::strict()),
            "registered: 200 OK");
  EXPECT_EQ(named("HTTP/1.1 200 Not Found", Policy::strict()), "registered: 200 OK");
  EXPECT_EQ(named("HTTP/1.1 299 Gateway Timeout", Policy::strict()), "Gateway Timeout");
  EXPECT_EQ(named("HTTP/1.1 299 gateway timeout", Policy::strict()), "Gateway Timeout");
  EXPECT_EQ(named("HTTP/1.0 200 No Response", w3c1992()), "No Response");
  EXPECT_EQ(named("HTTP/1.0 200 gateway timeout", w3c1992()), "Gateway timeout");
  // The 1992 names of 502 and 503 are noted however the phrase is spaced.
  for (const char* line : {"HTTP/1.1 502  Service temporarily overloaded",
                           "HTTP/1.1 502 Service temporarily overloaded\t"}) {
    EXPECT_TRUE(judge(std::string(line) + "\r\nContent-Length: 0\r\n\r\n")
                    .contains(Rule::htresp_5xx_renumbering))
        << line;
  }
}

}  // namespace
}  // namespace h1resp::testing
