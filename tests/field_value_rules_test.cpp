// What the validator says of field values that their RFCs allow or forbid, beyond the grammars
// (tests/field_values_test.cpp): the severity a value gets in a response, and which line.
#include <gtest/gtest.h>

#include <string>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

constexpr const char* kDate = "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n";

// The most severe finding of `rule` on `status_line` + Date + `fields`, or none (info - 1).
struct Worst {
  bool found = false;
  Severity severity = Severity::info;
};

Worst worst(const std::string& status_line, const std::string& fields, Rule rule) {
  const std::string bytes = status_line + "\r\n" + kDate + fields + "Content-Length: 0\r\n\r\n";
  BasicResponseParser<> parser;
  EXPECT_EQ(parser.parse(bytes), ParseStatus::complete) << bytes;
  FindingList findings;
  (void)examine(parser.response(), {}, parser.policy(), findings);
  Worst w;
  for (const Finding& f : findings) {
    if (f.rule != rule) continue;
    w.severity = !w.found || f.severity > w.severity ? f.severity : w.severity;
    w.found = true;
  }
  return w;
}

// RFC 9110 §12.5.5: Vary = #( "*" / field-name ): "*" with names is a list that means "*".
TEST(FieldValueRules, VaryStarWithNamesIsANoteNotAWarning) {
  for (const char* fields :
       {"Vary: Accept-Encoding, *\r\n", "Vary: Accept-Encoding\r\nVary: *\r\n"}) {
    SCOPED_TRACE(fields);
    const Worst w =
        worst("HTTP/1.1 200 OK", std::string("ETag: \"a\"\r\n") + fields, Rule::vary_syntax);
    EXPECT_TRUE(w.found);
    EXPECT_EQ(w.severity, Severity::info);
  }
  EXPECT_FALSE(worst("HTTP/1.1 200 OK", "ETag: \"a\"\r\nVary: *\r\n", Rule::vary_syntax).found);
  EXPECT_EQ(worst("HTTP/1.1 200 OK", "ETag: \"a\"\r\nVary: Accept Encoding\r\n", Rule::vary_syntax)
                .severity,
            Severity::warning);
}

// A server may send Accept-Encoding (RFC 7694 §3; RFC 9110 §12.5.3), and Accept in a 415
// (RFC 9110 §15.5.16); Accept elsewhere, and Host, are request fields.
TEST(FieldValueRules, AcceptFieldsAServerMaySend) {
  const Rule rule = Rule::field_request_only;
  EXPECT_FALSE(worst("HTTP/1.1 200 OK", "ETag: \"a\"\r\nAccept-Encoding: gzip\r\n", rule).found);
  EXPECT_FALSE(worst("HTTP/1.1 415 Unsupported Media Type",
                     "Accept: application/json\r\nAccept-Encoding: identity\r\n", rule)
                   .found);
  EXPECT_TRUE(worst("HTTP/1.1 200 OK", "ETag: \"a\"\r\nAccept: text/html\r\n", rule).found);
  EXPECT_TRUE(worst("HTTP/1.1 415 Unsupported Media Type", "Host: a.example\r\n", rule).found);
}

// RFC 9110 §5.6.7: senders MUST generate IMF-fixdate in every HTTP-date field, Expires and
// Retry-After too, with the right day name.
TEST(FieldValueRules, EveryDateFieldIsAnImfFixdate) {
  const struct {
    const char* fields;
    Rule rule;
  } cases[] = {
      {"Expires: Sunday, 06-Nov-94 08:49:37 GMT\r\n", Rule::date_http_date},
      {"Expires: Sun Nov  6 08:49:37 1994\r\n", Rule::date_http_date},
      {"Expires: Mon, 06 Nov 1994 08:49:37 GMT\r\n", Rule::date_strict_form},
      {"Retry-After: Friday, 31-Dec-99 23:59:59 GMT\r\n", Rule::date_http_date},
      {"Retry-After: Sat, 31 Dec 1999 23:59:59 GMT\r\n", Rule::date_strict_form},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fields);
    const std::string fields = std::string("ETag: \"a\"\r\n") + c.fields;
    EXPECT_EQ(worst("HTTP/1.1 503 Service Unavailable", fields, c.rule).severity,
              Severity::warning);
    EXPECT_TRUE(worst("HTTP/1.1 503 Service Unavailable", fields, c.rule).found);
  }
  for (const char* fields :
       {"Expires: Sun, 06 Nov 1994 08:49:37 GMT\r\n",
        "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT\r\n", "Retry-After: 120\r\n"}) {
    SCOPED_TRACE(fields);
    EXPECT_FALSE(worst("HTTP/1.1 503 Service Unavailable", fields, Rule::date_http_date).found);
    EXPECT_FALSE(worst("HTTP/1.1 503 Service Unavailable", fields, Rule::date_strict_form).found);
  }
}

// An obsolete date form is one finding; its detail also says when the day name is wrong
// (6 November 1994 was a Sunday).
TEST(FieldValueRules, AnObsoleteDateSaysAWrongDayName) {
  const struct {
    const char* value;
    bool wrong_day;
  } cases[] = {
      {"Sunday, 06-Nov-94 08:49:37 GMT", false},
      {"Monday, 06-Nov-94 08:49:37 GMT", true},
      {"Sun Nov  6 08:49:37 1994", false},
      {"Mon Nov  6 08:49:37 1994", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    const std::string bytes = std::string("HTTP/1.1 200 OK\r\nDate: ") + c.value +
                              "\r\nETag: \"a\"\r\nContent-Length: 0\r\n\r\n";
    BasicResponseParser<> parser;
    ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
    FindingList findings;
    (void)examine(parser.response(), {}, parser.policy(), findings);
    std::size_t reported = 0;
    for (const Finding& f : findings) {
      if (f.rule != Rule::date_http_date) continue;
      ++reported;
      EXPECT_EQ(f.detail.find("day name") != std::string_view::npos, c.wrong_day) << f.detail;
    }
    EXPECT_EQ(reported, 1U);
    EXPECT_FALSE(findings.contains(Rule::date_strict_form));
  }
}

// RFC 9110 §8.3.1: media-type = type "/" subtype parameters, with no whitespace around "=".
// One that is not is F24's warning (as good as none); a valid one is nothing.
TEST(FieldValueRules, AContentTypeThatIsNotAMediaTypeIsAWarning) {
  const Rule rule = Rule::content_type_present;
  for (const char* value :
       {"text/html", "text/html; charset=utf-8", "text/html;charset=\"utf-8\"", "text/html;",
        "multipart/byteranges; boundary=THIS_STRING_SEPARATES", "application/vnd.api+json"}) {
    SCOPED_TRACE(value);
    EXPECT_FALSE(worst("HTTP/1.1 200 OK",
                       std::string("ETag: \"a\"\r\nContent-Type: ") + value + "\r\n", rule)
                     .found);
  }
  for (const char* value : {"text", "text/", "/html", "text html", "text/html; charset",
                            "text/html; charset = utf-8", "text/html; charset=", "text/html,"}) {
    SCOPED_TRACE(value);
    const Worst w = worst("HTTP/1.1 200 OK",
                          std::string("ETag: \"a\"\r\nContent-Type: ") + value + "\r\n", rule);
    EXPECT_TRUE(w.found);
    EXPECT_EQ(w.severity, Severity::warning);
  }
}

}  // namespace
}  // namespace h1resp::testing
