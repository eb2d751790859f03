// Cache-Control as the validator reads it (RFC 9111 §5.2): how many syntax findings each value
// gets, empty list elements, and what the summary says about freshness.
#include <gtest/gtest.h>

#include <string>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

struct Case {
  const char* value;
  int syntax;      // cache-control.syntax findings
  bool empty;      // field.empty-list-element
  bool freshness;  // explicit freshness: no class.heuristic-cacheability on a 302
};

const Case kCases[] = {
    {"public, max-age=300, must-revalidate", 0, false, true},
    {"no-cache=\"Set-Cookie, Set-Cookie2\", max-age=5", 0, false, true},
    {"s-maxage=60", 0, false, true},
    {"private", 0, false, false},
    {"max-age=\"60\"", 1, false, true},          // MUST NOT be quoted
    {"max-age=sixty", 1, false, true},           // not delta-seconds
    {"max-age=60, max-age=70", 1, false, true},  // repeated
    {"no-cache=Set-Cookie", 1, false, false},    // a field list SHOULD be quoted
    {"public, private", 1, false, false},        // conflict
    // A private with a field list keeps only those fields from shared caches (RFC 9111
    // §5.2.2.7): with public it makes sense.
    {"public, max-age=3600, private=\"Set-Cookie\"", 0, false, true},
    {"max-stale=5", 1, false, false},  // a request directive
    {"max-age=", 1, false, false},
    {"=5", 1, false, false},
    {"max age", 1, false, false},
    {"no-cache=\"unterminated, max-age=5", 1, false, false},  // the quote runs to the end
    {"public,, max-age=5", 0, true, true},
    {", public", 0, true, false},
    {"public ,", 0, true, false},
    {"   ", 0, false, false},  // OWS is trimmed: an empty value, an empty list
    {"x-custom=\"a,b\", max-age=1", 0, false, true},
    {"MAX-AGE=5", 0, false, true},  // directive names are case-insensitive
};

TEST(CacheControl, FindingsFollowTheGrammar) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.value);
    // A 302 with Last-Modified: without explicit freshness it gets D02.
    const std::string bytes = std::string(
                                  "HTTP/1.1 302 Found\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
                                  "Location: /x\r\nLast-Modified: Mon, 01 Jan 2024 00:00:00 "
                                  "GMT\r\nContent-Length: 0\r\nCache-Control: ") +
                              c.value + "\r\n\r\n";
    BasicResponseParser<> parser;
    ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
    FindingList findings;
    examine(parser.response(), {}, parser.policy(), findings);
    int syntax = 0;
    for (const Finding& f : findings)
      syntax += f.rule == Rule::cache_control_syntax;
    EXPECT_EQ(syntax, c.syntax);
    EXPECT_EQ(findings.contains(Rule::field_empty_list_element), c.empty);
    EXPECT_EQ(!findings.contains(Rule::class_heuristic_cacheability), c.freshness);
  }
}

}  // namespace
}  // namespace h1resp::testing
