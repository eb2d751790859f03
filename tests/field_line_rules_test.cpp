// The checks every field line gets (catalog group B), at every length and position: the
// validator finds obs-text with one pass over the whole header section and looks at the lines
// only when that pass says so, and reads VT and FF at a value's ends only on lines the parser
// flagged. These tests pin that the shortcuts lose nothing.
#include <gtest/gtest.h>

#include <string>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

const std::string kStatusAndDate = "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n";

struct Lines {
  FindingList findings;
  bool parsed = false;
};

// Parses and validates `bytes` (a whole header section): the findings of the validator.
Lines validate_bytes(const std::string& bytes, const Policy& policy = Policy::strict()) {
  BasicResponseParser<> parser(policy);
  Lines out;
  out.parsed = parser.parse(bytes) == ParseStatus::complete;
  if (!out.parsed) return out;
  (void)examine(parser.response(), RequestContext{}, policy, out.findings);
  return out;
}

// One byte above 0x7F in a value of each length up to 300, at each position: found on its line,
// and the same bytes without it give no finding. Values before and after the line make the
// section's length vary across the 16- and 128-byte steps of the pass.
TEST(FieldLineRules, ObsTextIsFoundAtEveryPosition) {
  for (std::size_t length = 1; length <= 300; length += length < 40 ? 1 : 7) {
    const std::string clean(length, 'v');
    const std::string before = kStatusAndDate + "A: " + std::string(length % 23, 'a') + "\r\n";
    const std::string after =
        "B: " + std::string(length % 17, 'b') + "\r\nContent-Length: 0\r\n\r\n";
    const Lines without = validate_bytes(before + "X: " + clean + "\r\n" + after);
    ASSERT_TRUE(without.parsed);
    EXPECT_FALSE(without.findings.contains(Rule::field_value_obs_text)) << length;
    for (std::size_t at = 0; at < length; ++at) {
      std::string value = clean;
      value[at] = '\xA0';
      const std::string line = "X: " + value;
      const std::string bytes = before + line + "\r\n" + after;
      const Lines with = validate_bytes(bytes);
      ASSERT_TRUE(with.parsed) << length << " " << at;
      std::size_t found = 0;
      for (const Finding& f : with.findings) {
        if (f.rule != Rule::field_value_obs_text) continue;
        ++found;
        EXPECT_EQ(f.offset, before.size()) << length << " " << at;  // the line, from its name
        EXPECT_EQ(f.length, line.size()) << length << " " << at;
      }
      EXPECT_EQ(found, 1U) << length << " " << at;
    }
  }
}

// obs-text in the reason phrase is not in any field value: no field-value finding.
TEST(FieldLineRules, ObsTextOutsideValuesIsNotAFieldFinding) {
  const Lines lines = validate_bytes(
      "HTTP/1.1 200 Tr\xC3\xA8s bien\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
      "Content-Length: 0\r\n\r\n");
  ASSERT_TRUE(lines.parsed);
  EXPECT_FALSE(lines.findings.contains(Rule::field_value_obs_text));
}

// VT or FF kept at a value's end (the value_ctl leniency) is reported on that line only; a VT
// inside a value is not trimmed by anyone and is not this rule.
TEST(FieldLineRules, ControlBytesAtValueEndsNeedTheLeniencyAndAreReported) {
  const Policy lenient = Policy::strict().allow(Leniency::value_ctl);
  for (const char ctl : {'\x0B', '\x0C'}) {
    for (const std::string& value :
         {std::string(1, ctl) + "x", "x" + std::string(1, ctl), "x" + std::string(1, ctl) + "y"}) {
      const std::string bytes =
          kStatusAndDate + "A: a\r\nX: " + value + "\r\nContent-Length: 0\r\n\r\n";
      EXPECT_FALSE(validate_bytes(bytes).parsed);  // strict: a CTL in a value is an error
      const Lines lines = validate_bytes(bytes, lenient);
      ASSERT_TRUE(lines.parsed);
      const bool at_an_end = value.front() == ctl || value.back() == ctl;
      EXPECT_EQ(lines.findings.contains(Rule::field_ows_only_sp_htab), at_an_end) << value;
    }
  }
}

// RFC 9110 §5.3: a singleton field repeated is a warning; a Location or Content-Type whose
// values differ is an error (recipients that take the first and the last disagree), whichever
// line differs, and it is reported at that line.
TEST(FieldLineRules, ASingletonRepeatedWithAnotherValueAnywhereIsAnError) {
  struct Case {
    std::string fields;
    Severity severity;
    std::size_t line;  // the field line reported, counted from 0
  };
  const Case cases[] = {
      {"Location: /a\r\nLocation: /a\r\n", Severity::warning, 1},
      {"Location: /a\r\nLocation: /b\r\n", Severity::error, 1},
      {"Location: /a\r\nLocation: /a\r\nLocation: https://evil.example/\r\n", Severity::error, 2},
      {"Location: /a\r\nX: y\r\nLocation: /a\r\nLocation: /a\r\nLocation: /c\r\n", Severity::error,
       4},
      {"Content-Type: text/plain\r\nContent-Type: text/plain\r\nContent-Type: text/html\r\n",
       Severity::error, 2},
      // An ETag repeated is a singleton's warning whatever the values.
      {"ETag: \"a\"\r\nETag: \"a\"\r\nETag: \"b\"\r\n", Severity::warning, 1},
  };
  for (const Case& c : cases) {
    const std::string bytes = "HTTP/1.1 302 Found\r\n" + c.fields + "Content-Length: 0\r\n\r\n";
    SCOPED_TRACE(bytes);
    BasicResponseParser<> parser;
    ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
    FindingList findings;
    (void)examine(parser.response(), RequestContext{}, Policy::strict(), findings);
    std::size_t reported = 0;
    for (const Finding& f : findings) {
      if (f.rule != Rule::field_singleton_repeated) continue;
      ++reported;
      EXPECT_EQ(f.severity, c.severity);
      EXPECT_EQ(f.offset, parser.response().field_lines[c.line].name.offset);
    }
    EXPECT_EQ(reported, 1U);
  }
}

}  // namespace
}  // namespace h1resp::testing
