// The unofficial meanings of registered codes (catalog H): each is reported once, at the bytes
// that show it, and only when the response really looks like the unofficial use.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace h1resp::testing
