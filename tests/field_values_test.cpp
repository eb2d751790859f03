// Tests for the field value grammars (parser/validator/field_values.cpp): RFC 9110 §5.6, §5.6.7,
// §7.8, §8.3.1, §8.6, §8.8.3, §10.2.2-§10.2.4, §11.6.1, §14.4; RFC 9111 §1.2.2, §5.2; RFC 9112 §7;
// RFC 3986 §4.1; and the two 1992 W3C lines.
#include "validator/field_values.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace h1resp::detail::values {
namespace {

using namespace std::string_view_literals;

// Shows control and non-ASCII bytes of a test input readably in failure messages.
std::string Printable(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// Every function is noexcept, as the contract says.
static_assert(noexcept(is_token(""sv)));
static_assert(noexcept(quoted_string_length(""sv)));
static_assert(noexcept(parse_decimal(""sv)));
static_assert(noexcept(parse_content_length(""sv)));
static_assert(noexcept(parse_http_date(""sv, 2026)));
static_assert(noexcept(parse_retry_after(""sv, 2026)));
static_assert(noexcept(parse_transfer_coding(""sv)));
static_assert(noexcept(parse_content_range(""sv)));
static_assert(noexcept(parse_media_type(""sv)));
static_assert(noexcept(parse_entity_tag(""sv)));
static_assert(noexcept(parse_uri_reference(""sv)));
static_assert(noexcept(parse_cache_directive(""sv)));
static_assert(noexcept(parse_delta_seconds(""sv)));
static_assert(noexcept(is_protocol(""sv)));
static_assert(noexcept(is_challenge_list(""sv)));
static_assert(noexcept(server_products(""sv)));
static_assert(noexcept(parse_w3c_uri_line(""sv)));
static_assert(noexcept(parse_w3c_method_line(""sv)));

// ---- token (RFC 9110 §5.6.2) ------------------------------------------------------------------

TEST(IsToken, EveryByteAlone) {
  const std::string_view tchars =
      "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    EXPECT_EQ(is_token(std::string_view(&ch, 1)), tchars.find(ch) != std::string_view::npos)
        << "byte " << c;
  }
}

TEST(IsToken, Strings) {
  EXPECT_TRUE(is_token("chunked"));
  EXPECT_TRUE(is_token("x-custom.ext+1"));
  EXPECT_TRUE(is_token("!#$%&'*+-.^_`|~09azAZ"));
  EXPECT_FALSE(is_token(""));
  EXPECT_FALSE(is_token("a b"));
  EXPECT_FALSE(is_token("a,b"));
  EXPECT_FALSE(is_token("a/b"));
  EXPECT_FALSE(is_token("\"a\""));
  EXPECT_FALSE(is_token("a\t"));
  EXPECT_FALSE(is_token("a\x80"));
  EXPECT_FALSE(is_token("a\0b"sv));
}

// ---- quoted-string (RFC 9110 §5.6.4) ----------------------------------------------------------

TEST(QuotedStringLength, Table) {
  const struct {
    std::string_view input;
    std::size_t length;
  } rows[] = {
      {R"("")", 2},      {R"("abc")", 5}, {R"("a,b")", 5},
      {R"("a\"b")", 6},  {R"("a\\")", 5}, {R"("abc"rest)", 5},
      {R"("a" "b")", 3}, {"\"\t \"", 4},  {"\"\x80\xff\"", 4},
      {"\"\\\x80\"", 4},                                    // quoted-pair of obs-text
      {"\"\\\t\"", 4},                                      // quoted-pair of HTAB
      {"", 0},           {"abc", 0},      {" \"abc\"", 0},  // must start at the DQUOTE
      {R"("abc)", 0},                                       // unterminated
      {R"(")", 0},       {R"("a\)", 0},                     // backslash at the end
      {R"("a\")", 0},                                       // the closing quote is escaped
      {"\"a\x7f\"", 0},                                     // DEL
      {"\"a\nb\"", 0},                                      // LF
      {"\"a\0b\""sv, 0},                                    // NUL
      {"\"\\\x01\"", 0},                                    // quoted-pair of a CTL
      {"\"\\\x7f\"", 0},                                    // quoted-pair of DEL
  };
  for (const auto& row : rows) {
    EXPECT_EQ(quoted_string_length(row.input), row.length) << Printable(row.input);
  }
}

TEST(QuotedStringLength, EveryByteAsQdtextAndQuotedPair) {
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    const bool qdtext = c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) ||
                        (c >= 0x5D && c <= 0x7E) || c >= 0x80;
    const bool escapable = c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x7E) || c >= 0x80;
    const std::string plain = std::string("\"") + ch + "\"";
    const std::string pair = std::string("\"\\") + ch + "\"";
    if (c != '"') {
      EXPECT_EQ(quoted_string_length(plain), qdtext ? 3U : 0U) << "byte " << c;
    }
    EXPECT_EQ(quoted_string_length(pair), escapable ? 4U : 0U) << "byte " << c;
  }
}

// ---- #rule lists (RFC 9110 §5.6.1) ------------------------------------------------------------

struct ListRow {
  std::string_view value;
  std::vector<std::string_view> elements;
  std::uint32_t empty;
};

TEST(ListReader, Table) {
  const ListRow rows[] = {
      {"", {}, 0},
      {"a", {"a"}, 0},
      {"a,b", {"a", "b"}, 0},
      {" a , b ", {"a", "b"}, 0},
      {"a,\tb", {"a", "b"}, 0},
      {"chunked, gzip,deflate", {"chunked", "gzip", "deflate"}, 0},
      {",a", {"a"}, 1},
      {"a,", {"a"}, 1},
      {"a,,b", {"a", "b"}, 1},
      {"a, ,b", {"a", "b"}, 1},
      {",", {}, 2},
      {",,", {}, 3},
      {" ", {}, 1},
      {"\t", {}, 1},
      {" , ", {}, 2},
      {", a ,, b ,", {"a", "b"}, 3},
      {R"("a,b", c)", {R"("a,b")", "c"}, 0},
      {R"(W/"x", "y")", {R"(W/"x")", R"("y")"}, 0},
      {"bytes 0-1/2", {"bytes 0-1/2"}, 0},
      {R"(a="x,y";q=1, b)", {R"(a="x,y";q=1)", "b"}, 0},
      {R"("a\",b", c)", {R"("a\",b")", "c"}, 0},
      {R"("a\\",b)", {R"("a\\")", "b"}, 0},
      {R"("unterminated, x)", {R"("unterminated, x)"}, 0},
      {R"("a\)", {R"("a\)"}, 0},
      {R"(Basic realm="a, b", Bearer)", {R"(Basic realm="a, b")", "Bearer"}, 0},
  };
  for (const ListRow& row : rows) {
    SCOPED_TRACE(Printable(row.value));
    ListReader list(row.value);
    std::vector<std::string_view> got;
    std::string_view element;
    while (list.next(element))
      got.push_back(element);
    EXPECT_EQ(got, row.elements);
    EXPECT_EQ(list.empty_elements(), row.empty);
    EXPECT_FALSE(list.next(element)) << "stays at the end";
    EXPECT_EQ(list.empty_elements(), row.empty) << "no more empties after the end";
  }
}

TEST(ListReader, ElementsPointIntoTheValue) {
  const std::string_view value = " a , bc ";
  ListReader list(value);
  std::string_view element;
  ASSERT_TRUE(list.next(element));
  EXPECT_EQ(element.data(), value.data() + 1);
  ASSERT_TRUE(list.next(element));
  EXPECT_EQ(element.data(), value.data() + 5);
  EXPECT_EQ(element.size(), 2U);
}

TEST(ListReader, EmptiesAreCountedAsTheyAreSkipped) {
  ListReader list(",a,,b");
  std::string_view element;
  ASSERT_TRUE(list.next(element));
  EXPECT_EQ(element, "a");
  EXPECT_EQ(list.empty_elements(), 1U);
  ASSERT_TRUE(list.next(element));
  EXPECT_EQ(element, "b");
  EXPECT_EQ(list.empty_elements(), 2U);
}

// ---- 1*DIGIT ----------------------------------------------------------------------------------

TEST(ParseDecimal, Table) {
  const struct {
    std::string_view input;
    Decimal::Status status;
    std::uint64_t value;
  } rows[] = {
      {"0", Decimal::ok, 0},
      {"7", Decimal::ok, 7},
      {"007", Decimal::ok, 7},
      {"1234567890", Decimal::ok, 1234567890},
      {"18446744073709551615", Decimal::ok, UINT64_MAX},
      {"000000000000000000000000018446744073709551615", Decimal::ok, UINT64_MAX},
      {"18446744073709551616", Decimal::overflow, 0},
      {"18446744073709551620", Decimal::overflow, 0},
      {"99999999999999999999999", Decimal::overflow, 0},
      {"", Decimal::syntax, 0},
      {"+1", Decimal::syntax, 0},
      {"-1", Decimal::syntax, 0},
      {" 1", Decimal::syntax, 0},
      {"1 ", Decimal::syntax, 0},
      {"1a", Decimal::syntax, 0},
      {"0x1", Decimal::syntax, 0},
      {"1.0", Decimal::syntax, 0},
      {"1e3", Decimal::syntax, 0},
      {"\xef\xbc\x91", Decimal::syntax, 0},  // FULLWIDTH DIGIT ONE
      {"99999999999999999999x", Decimal::syntax, 0},
  };
  for (const auto& row : rows) {
    const Decimal d = parse_decimal(row.input);
    EXPECT_EQ(d.status, row.status) << Printable(row.input);
    EXPECT_EQ(d.value, row.value) << Printable(row.input);  // 0 unless ok
  }
}

// ---- Content-Length (RFC 9110 §8.6) -----------------------------------------------------------

TEST(ParseContentLength, Table) {
  const struct {
    std::string_view input;
    ContentLength::Status status;
    std::uint64_t value;
    std::uint32_t members;
    std::size_t bad_offset;
    std::size_t bad_length;
  } rows[] = {
      {"0", ContentLength::ok, 0, 1, 0, 0},
      {"42", ContentLength::ok, 42, 1, 0, 0},
      {"007", ContentLength::ok, 7, 1, 0, 0},
      {"9223372036854775807", ContentLength::ok, 9223372036854775807ULL, 1, 0, 0},
      {"42, 42", ContentLength::ok, 42, 2, 0, 0},
      {"42,42,42", ContentLength::ok, 42, 3, 0, 0},
      {"42 ,\t42", ContentLength::ok, 42, 2, 0, 0},
      {"42, 042", ContentLength::ok, 42, 2, 0, 0},  // equal as numbers
      {"9223372036854775808", ContentLength::overflow, 0, 1, 0, 19},
      {"18446744073709551615", ContentLength::overflow, 0, 1, 0, 20},
      {"18446744073709551621", ContentLength::overflow, 0, 1, 0, 20},
      {"5, 9223372036854775808", ContentLength::overflow, 0, 2, 3, 19},
      {"42, 43", ContentLength::conflict, 0, 2, 4, 2},
      {"1,1,2", ContentLength::conflict, 0, 3, 4, 1},
      {"5, 6, x", ContentLength::conflict, 0, 3, 3, 1},  // the first problem wins
      {"", ContentLength::syntax, 0, 1, 0, 0},
      {"+5", ContentLength::syntax, 0, 1, 0, 2},
      {"-5", ContentLength::syntax, 0, 1, 0, 2},
      {"0x10", ContentLength::syntax, 0, 1, 0, 4},
      {"5 5", ContentLength::syntax, 0, 1, 0, 3},
      {"5.0", ContentLength::syntax, 0, 1, 0, 3},
      {"1e3", ContentLength::syntax, 0, 1, 0, 3},
      {"five", ContentLength::syntax, 0, 1, 0, 4},
      {"\"5\"", ContentLength::syntax, 0, 1, 0, 3},
      {"5;5", ContentLength::syntax, 0, 1, 0, 3},
      {"5,,5", ContentLength::syntax, 0, 3, 2, 0},
      {"5,", ContentLength::syntax, 0, 2, 2, 0},
      {",5", ContentLength::syntax, 0, 2, 0, 0},
      {"5, x", ContentLength::syntax, 0, 2, 3, 1},
      {"5, 5 5", ContentLength::syntax, 0, 2, 3, 3},
      {"5, 5, +5", ContentLength::syntax, 0, 3, 6, 2},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const ContentLength cl = parse_content_length(row.input);
    EXPECT_EQ(cl.status, row.status);
    EXPECT_EQ(cl.value, row.value);
    EXPECT_EQ(cl.members, row.members);
    EXPECT_EQ(cl.bad_offset, row.bad_offset);
    EXPECT_EQ(cl.bad_length, row.bad_length);
  }
}

// ---- HTTP-date (RFC 9110 §5.6.7) --------------------------------------------------------------

struct DateRow {
  std::string_view input;
  HttpDate::Form form;
  std::int64_t seconds;
  bool weekday_matches;
  int reference_year = 2026;
};

void CheckDates(const DateRow* begin, const DateRow* end) {
  for (const DateRow* row = begin; row != end; ++row) {
    SCOPED_TRACE(Printable(row->input) + " reference " + std::to_string(row->reference_year));
    const HttpDate date = parse_http_date(row->input, row->reference_year);
    EXPECT_EQ(date.form, row->form);
    EXPECT_EQ(date.seconds, row->seconds);
    EXPECT_EQ(date.weekday_matches, row->weekday_matches);
  }
}

TEST(ParseHttpDate, TheRfcExamples) {
  const DateRow rows[] = {
      {"Sun, 06 Nov 1994 08:49:37 GMT", HttpDate::imf_fixdate, 784111777, true},
      {"Sunday, 06-Nov-94 08:49:37 GMT", HttpDate::rfc850, 784111777, true},
      {"Sun Nov  6 08:49:37 1994", HttpDate::asctime, 784111777, true},
  };
  CheckDates(std::begin(rows), std::end(rows));
}

TEST(ParseHttpDate, ValidDates) {
  const DateRow rows[] = {
      {"Thu, 01 Jan 1970 00:00:00 GMT", HttpDate::imf_fixdate, 0, true},
      {"Wed, 31 Dec 1969 23:59:59 GMT", HttpDate::imf_fixdate, -1, true},
      {"Fri, 31 Dec 1999 23:59:59 GMT", HttpDate::imf_fixdate, 946684799, true},
      {"Sun, 30 Apr 2023 00:00:00 GMT", HttpDate::imf_fixdate, 1682812800, true},
      // Leap years: 2000 (divisible by 400), 2024; 1900 is not one (below).
      {"Tue, 29 Feb 2000 00:00:00 GMT", HttpDate::imf_fixdate, 951782400, true},
      {"Thu, 29 Feb 2024 12:00:00 GMT", HttpDate::imf_fixdate, 1709208000, true},
      {"Wed, 28 Feb 1900 00:00:00 GMT", HttpDate::imf_fixdate, -2203977600, true},
      {"Thu, 01 Mar 1900 00:00:00 GMT", HttpDate::imf_fixdate, -2203891200, true},
      // A leap second is the same instant as the next second 0.
      {"Sat, 31 Dec 2016 23:59:60 GMT", HttpDate::imf_fixdate, 1483228800, true},
      // The ends of 4DIGIT.
      {"Sat, 01 Jan 0000 00:00:00 GMT", HttpDate::imf_fixdate, -62167219200, true},
      {"Mon, 01 Jan 0001 00:00:00 GMT", HttpDate::imf_fixdate, -62135596800, true},
      {"Fri, 31 Dec 9999 23:59:59 GMT", HttpDate::imf_fixdate, 253402300799, true},
      // A wrong day name is still a date.
      {"Mon, 06 Nov 1994 08:49:37 GMT", HttpDate::imf_fixdate, 784111777, false},
      {"Monday, 06-Nov-94 08:49:37 GMT", HttpDate::rfc850, 784111777, false},
      {"Mon Nov  6 08:49:37 1994", HttpDate::asctime, 784111777, false},
      // asctime: the day as 2DIGIT or SP DIGIT.
      {"Thu Jan  1 00:00:00 1970", HttpDate::asctime, 0, true},
      {"Thu Jan 01 00:00:00 1970", HttpDate::asctime, 0, true},
      {"Wed Nov 16 08:49:37 1994", HttpDate::asctime, 784111777 + 10 * 86400, true},
      {"Thu Feb 29 12:00:00 2024", HttpDate::asctime, 1709208000, true},
      {"Tuesday, 29-Feb-00 00:00:00 GMT", HttpDate::rfc850, 951782400, true},
      {"Friday, 31-Dec-99 23:59:59 GMT", HttpDate::rfc850, 946684799, true},
  };
  CheckDates(std::begin(rows), std::end(rows));
}

// RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is the most recent past
// year with those digits; a year exactly 50 years ahead is kept.
TEST(ParseHttpDate, Rfc850Century) {
  const DateRow rows[] = {
      {"Wednesday, 01-Jan-76 00:00:00 GMT", HttpDate::rfc850, 3345062400, true},  // 2076
      {"Saturday, 01-Jan-77 00:00:00 GMT", HttpDate::rfc850, 220924800, true},    // 1977
      {"Thursday, 01-Jan-26 00:00:00 GMT", HttpDate::rfc850, 1767225600, true},   // 2026
      {"Saturday, 01-Jan-00 00:00:00 GMT", HttpDate::rfc850, 946684800, true},    // 2000
      {"Friday, 01-Jan-99 00:00:00 GMT", HttpDate::rfc850, 915148800, true},      // 1999
      // Another reference year moves the window.
      {"Friday, 01-Jan-44 00:00:00 GMT", HttpDate::rfc850, 2335219200, true, 1994},     // 2044
      {"Monday, 01-Jan-45 00:00:00 GMT", HttpDate::rfc850, -788918400, true, 1994},     // 1945
      {"Monday, 01-Jan-25 00:00:00 GMT", HttpDate::rfc850, 4891363200, true, 2075},     // 2125
      {"Wednesday, 01-Jan-25 00:00:00 GMT", HttpDate::rfc850, 1735689600, true, 2074},  // 2025
      // Against a reference year near 0 (a Date of year 0000), the window starts before year 0:
      // proleptic Gregorian years -6 and -394, down to kMinYear (-400).
      {"Sunday, 06-Nov-94 08:49:37 GMT", HttpDate::rfc850, -62329792223, true, 0},
      {"Monday, 06-Nov-06 08:49:37 GMT", HttpDate::rfc850, -74573881823, true, -444},
  };
  CheckDates(std::begin(rows), std::end(rows));
  // Below kMinYear there are no dates.
  EXPECT_EQ(parse_http_date("Monday, 06-Nov-06 08:49:37 GMT", -460).form,
            HttpDate::invalid);  // -494
}

TEST(ParseHttpDate, OutOfRange) {
  const std::string_view rows[] = {
      "Thu, 29 Feb 1900 00:00:00 GMT",  // 1900 is not a leap year
      "Fri, 29 Feb 2019 00:00:00 GMT",    "Fri, 30 Feb 2024 00:00:00 GMT",
      "Mon, 31 Apr 2023 00:00:00 GMT",    "Thu, 00 Jan 1970 00:00:00 GMT",
      "Thu, 32 Jan 1970 00:00:00 GMT",    "Thu, 01 Jan 1970 24:00:00 GMT",
      "Thu, 01 Jan 1970 00:60:00 GMT",    "Thu, 01 Jan 1970 00:00:61 GMT",
      "Thu, 01 Jan 1970 99:99:99 GMT",    "Thursday, 00-Jan-70 00:00:00 GMT",
      "Thursday, 29-Feb-01 00:00:00 GMT", "Thu Jan  0 00:00:00 1970",
      "Thu Jan 32 00:00:00 1970",         "Thu Feb 29 00:00:00 1900",
  };
  for (const std::string_view input : rows) {
    EXPECT_EQ(parse_http_date(input, 2026).form, HttpDate::invalid) << Printable(input);
  }
}

TEST(ParseHttpDate, NotTheGrammar) {
  const std::string_view rows[] = {
      "",
      "0",
      "784111777",
      "2024-01-01T00:00:00Z",
      "Sun, 06 Nov 1994 08:49:37 GMT ",  // trailing SP
      " Sun, 06 Nov 1994 08:49:37 GMT",  // leading SP
      "Sun,  06 Nov 1994 08:49:37 GMT",  // two SP
      "Sun,06 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994  08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37  GMT",
      "Sun, 06\tNov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37 gmt",  // case-sensitive
      "Sun, 06 Nov 1994 08:49:37 UTC",
      "Sun, 06 Nov 1994 08:49:37 +0000",
      "Sun, 06 Nov 1994 08:49:37",
      "sun, 06 Nov 1994 08:49:37 GMT",
      "SUN, 06 Nov 1994 08:49:37 GMT",
      "Sun, 06 nov 1994 08:49:37 GMT",
      "Sun, 06 NOV 1994 08:49:37 GMT",
      "Sun, 06 November 1994 08:49:37 GMT",
      "Sun, 6 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 94 08:49:37 GMT",
      "Sun, 06 Nov 01994 08:49:37 GMT",
      "Sun, 06 Nov 1994 8:49:37 GMT",
      "Sun, 06 Nov 1994 08:49 GMT",
      "Sun, 06 Nov 1994 08.49.37 GMT",
      "Sunday, 06 Nov 1994 08:49:37 GMT",  // long day name in IMF-fixdate
      "Sun, 06-Nov-94 08:49:37 GMT",       // short day name in rfc850
      "Sunday, 06-Nov-1994 08:49:37 GMT",
      "Sunday, 6-Nov-94 08:49:37 GMT",
      "Sunday 06-Nov-94 08:49:37 GMT",
      "sunday, 06-Nov-94 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37 gmt",
      "Sunday, 06-Nov-94 08:49:37",
      "Sun Nov 6 08:49:37 1994",  // asctime: one SP then one DIGIT
      "Sun Nov  06 08:49:37 1994",
      "Sun Nov  6 08:49:37 94",
      "Sun Nov  6 08:49:37 1994 GMT",
      "Sun Nov  6 08:49:37 1994 ",
      "Sun, Nov  6 08:49:37 1994",
      "Sun Nov\t 6 08:49:37 1994",
      "Sun, 06 Nov 1994 08:49:37 GMT\0"sv,
      "\0\0\0, 06 Nov 1994 08:49:37 GMT"sv,  // names come from a table: bytes it lacks
      "Sun, 06 \0\0\0 1994 08:49:37 GMT"sv,
      "\xff\xff\xff, 06 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nox 1994 08:49:37 GMT",
      "Sum, 06 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT",
  };
  for (const std::string_view input : rows) {
    const HttpDate date = parse_http_date(input, 2026);
    EXPECT_EQ(date.form, HttpDate::invalid) << Printable(input);
    EXPECT_EQ(date.seconds, 0) << Printable(input);
    EXPECT_FALSE(date.weekday_matches) << Printable(input);
  }
}

// Every day from 1890 to 2110, formatted in the three forms from an independent day count, parses
// back to the same instant with a matching day name.
TEST(ParseHttpDate, RoundTripEveryDay) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kLongDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
  std::int64_t days = 0;  // days from 1970-01-01 to 1890-01-01, counted year by year
  for (int y = 1890; y < 1970; ++y)
    days -= leap(y) ? 366 : 365;
  for (int y = 1890; y <= 2110; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int lengths[] = {31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      for (int d = 1; d <= lengths[m - 1]; ++d, ++days) {
        const int weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
        const std::int64_t expected = days * 86400 + 13 * 3600 + 5 * 60 + 9;
        char imf[64];
        char rfc850[64];
        char asctime[64];
        std::snprintf(imf, sizeof imf, "%s, %02d %s %04d 13:05:09 GMT", kDays[weekday], d,
                      kMonths[m - 1], y);
        std::snprintf(rfc850, sizeof rfc850, "%s, %02d-%s-%02d 13:05:09 GMT", kLongDays[weekday], d,
                      kMonths[m - 1], y % 100);
        std::snprintf(asctime, sizeof asctime, "%s %s %2d 13:05:09 %04d", kDays[weekday],
                      kMonths[m - 1], d, y);
        const HttpDate a = parse_http_date(imf, 2026);
        ASSERT_EQ(a.form, HttpDate::imf_fixdate) << imf;
        ASSERT_EQ(a.seconds, expected) << imf;
        ASSERT_TRUE(a.weekday_matches) << imf;
        const HttpDate c = parse_http_date(asctime, 2026);
        ASSERT_EQ(c.form, HttpDate::asctime) << asctime;
        ASSERT_EQ(c.seconds, expected) << asctime;
        ASSERT_TRUE(c.weekday_matches) << asctime;
        // A reference year 50 below the window's end puts every year in range back in place.
        const int reference = y - (y % 100) + 49;  // window (reference - 50, reference + 50]
        const HttpDate b = parse_http_date(rfc850, reference);
        ASSERT_EQ(b.form, HttpDate::rfc850) << rfc850;
        ASSERT_EQ(b.seconds, expected) << rfc850;
        ASSERT_TRUE(b.weekday_matches) << rfc850;
      }
    }
  }
}

// ---- Retry-After (RFC 9110 §10.2.3) -----------------------------------------------------------

TEST(ParseRetryAfter, Table) {
  const struct {
    std::string_view input;
    bool valid;
    bool is_date;
    std::uint64_t delay;
  } rows[] = {
      {"120", true, false, 120},
      {"0", true, false, 0},
      {"007", true, false, 7},
      {"18446744073709551615", true, false, UINT64_MAX},
      {"18446744073709551616", true, false, UINT64_MAX},  // 1*DIGIT, saturated
      {"Fri, 31 Dec 1999 23:59:59 GMT", true, true, 0},
      {"Friday, 31-Dec-99 23:59:59 GMT", true, true, 0},
      {"Fri Dec 31 23:59:59 1999", true, true, 0},
      {"Mon, 31 Dec 1999 23:59:59 GMT", true, true, 0},  // wrong day name: still a date
      {"-5", false, false, 0},
      {"+5", false, false, 0},
      {"1.5", false, false, 0},
      {"2 minutes", false, false, 0},
      {"5s", false, false, 0},
      {" 5", false, false, 0},
      {"", false, false, 0},
      {"Fri, 31 Dec 1999 23:59:59 gmt", false, false, 0},
      {"Fri, 31 Feb 1999 23:59:59 GMT", false, false, 0},
      {"1999-12-31", false, false, 0},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const RetryAfter r = parse_retry_after(row.input, 2026);
    EXPECT_EQ(r.valid, row.valid);
    EXPECT_EQ(r.is_date, row.is_date);
    EXPECT_EQ(r.delay_seconds, row.delay);
  }
}

// ---- transfer-coding (RFC 9112 §7) ------------------------------------------------------------

TEST(ParseTransferCoding, Table) {
  const struct {
    std::string_view input;
    bool valid;
    std::string_view name;
    bool has_parameters;
  } rows[] = {
      {"chunked", true, "chunked", false},
      {"Chunked", true, "Chunked", false},
      {"gzip", true, "gzip", false},
      {"x-custom!#", true, "x-custom!#", false},
      {"gzip;level=9", true, "gzip", true},
      {"gzip ; level = 9", true, "gzip", true},  // OWS around ";", BWS around "="
      {"gzip;\tlevel=\"9\"", true, "gzip", true},
      {"gzip;a=1;b=\"x;y\"", true, "gzip", true},
      {"gzip; a=1 ;b=2", true, "gzip", true},
      {"gzip;a=\"\"", true, "gzip", true},
      {"gzip;a=\"q\\\"\"", true, "gzip", true},
      {"", false, "", false},
      {"\"chunked\"", false, "", false},
      {"chunked;", false, "", false},
      {"chunked; ", false, "", false},
      {"chunked;;a=1", false, "", false},
      {"chunked;a", false, "", false},
      {"chunked;a=", false, "", false},
      {"chunked;=1", false, "", false},
      {"chunked;a=1;", false, "", false},
      {"chunked;a=\"x", false, "", false},
      {"chunked;a=b c", false, "", false},
      {"chunked;a=1 junk", false, "", false},
      {"\xa0"
       "chunked",
       false, "", false},
      {"chunked\xa0", false, "", false},
      {"chunked junk", false, "", false},
      {"chunked,gzip", false, "", false},
      {"chun ked", false, "", false},
      {" chunked", false, "", false},
      {"chunked ", false, "", false},
      {"chunked\0"sv, false, "", false},
      {"chunked/1", false, "", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const TransferCoding coding = parse_transfer_coding(row.input);
    EXPECT_EQ(coding.valid, row.valid);
    EXPECT_EQ(coding.name, row.name);
    EXPECT_EQ(coding.has_parameters, row.has_parameters);
  }
}

TEST(ParseTransferCoding, NamePointsIntoTheElement) {
  const std::string_view element = "chunked;a=1";
  EXPECT_EQ(parse_transfer_coding(element).name.data(), element.data());
}

// ---- Content-Range (RFC 9110 §14.4) -----------------------------------------------------------

TEST(ParseContentRange, Valid) {
  const struct {
    std::string_view input;
    ContentRange::Form form;
    std::string_view unit;
    std::uint64_t first;
    std::uint64_t last;
    bool length_known;
    std::uint64_t complete_length;
  } rows[] = {
      {"bytes 0-4/10", ContentRange::range, "bytes", 0, 4, true, 10},
      {"bytes 42-1233/1234", ContentRange::range, "bytes", 42, 1233, true, 1234},
      {"bytes 0-0/1", ContentRange::range, "bytes", 0, 0, true, 1},
      {"bytes 9-9/10", ContentRange::range, "bytes", 9, 9, true, 10},
      {"bytes 00-04/010", ContentRange::range, "bytes", 0, 4, true, 10},
      {"bytes 0-4/*", ContentRange::range, "bytes", 0, 4, false, 0},
      {"bytes 42-1233/*", ContentRange::range, "bytes", 42, 1233, false, 0},
      {"bytes 0-18446744073709551614/18446744073709551615", ContentRange::range, "bytes", 0,
       18446744073709551614ULL, true, UINT64_MAX},
      {"bytes */10", ContentRange::unsatisfied, "bytes", 0, 0, true, 10},
      {"bytes */1234", ContentRange::unsatisfied, "bytes", 0, 0, true, 1234},
      {"bytes */0", ContentRange::unsatisfied, "bytes", 0, 0, true, 0},
      {"items 0-4/10", ContentRange::range, "items", 0, 4, true, 10},
      {"x-unit! 1-2/3", ContentRange::range, "x-unit!", 1, 2, true, 3},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const ContentRange r = parse_content_range(row.input);
    EXPECT_EQ(r.form, row.form);
    EXPECT_EQ(r.problem, ContentRange::none);
    EXPECT_EQ(r.unit, row.unit);
    EXPECT_EQ(r.first, row.first);
    EXPECT_EQ(r.last, row.last);
    EXPECT_EQ(r.length_known, row.length_known);
    EXPECT_EQ(r.complete_length, row.complete_length);
  }
}

TEST(ParseContentRange, Invalid) {
  const struct {
    std::string_view input;
    ContentRange::Problem problem;
  } rows[] = {
      {"0-4/10", ContentRange::missing_unit},
      {"/10", ContentRange::missing_unit},
      {"", ContentRange::missing_unit},
      {"bytes", ContentRange::missing_unit},
      {"bytes=0-4/10", ContentRange::missing_unit},
      {"bytes\t0-4/10", ContentRange::missing_unit},
      {" bytes 0-4/10", ContentRange::missing_unit},
      {"\"bytes\" 0-4/10", ContentRange::missing_unit},
      {"bytes 0-4", ContentRange::missing_slash},
      {"bytes ", ContentRange::missing_slash},
      {"bytes *", ContentRange::missing_slash},
      {"bytes 04/10", ContentRange::missing_hyphen},
      {"bytes 0_4/10", ContentRange::missing_hyphen},
      {"bytes */*", ContentRange::invalid_asterisk},
      {"bytes *-5/10", ContentRange::invalid_asterisk},
      {"bytes 0-*/10", ContentRange::invalid_asterisk},
      {"bytes *-*/*", ContentRange::invalid_asterisk},
      {"bytes **/10", ContentRange::invalid_asterisk},
      {"bytes */", ContentRange::bad_integer},
      {"bytes 0-4/", ContentRange::bad_integer},
      {"bytes -4/10", ContentRange::bad_integer},
      {"bytes 0-/10", ContentRange::bad_integer},
      {"bytes 0--4/10", ContentRange::bad_integer},
      {"bytes +0-4/10", ContentRange::bad_integer},
      {"bytes 0-4/1x", ContentRange::bad_integer},
      {"bytes 0-4/10/20", ContentRange::bad_integer},
      {"bytes 0-4/-1", ContentRange::bad_integer},
      {"bytes  0-4/10", ContentRange::bad_integer},  // exactly one SP after the unit
      {"bytes 0-4/10 ", ContentRange::bad_integer},
      {"bytes 0 - 4/10", ContentRange::bad_integer},
      {"bytes 0-4 /10", ContentRange::bad_integer},
      {"bytes 0-18446744073709551616/*", ContentRange::bad_integer},
      {"bytes */18446744073709551616", ContentRange::bad_integer},
      {"bytes 5-1/10", ContentRange::last_before_first},
      {"bytes 1-0/*", ContentRange::last_before_first},
      {"bytes 0-10/10", ContentRange::length_not_after_last},
      {"bytes 0-11/10", ContentRange::length_not_after_last},
      {"bytes 0-0/0", ContentRange::length_not_after_last},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const ContentRange r = parse_content_range(row.input);
    EXPECT_EQ(r.form, ContentRange::invalid);
    EXPECT_EQ(r.problem, row.problem);
  }
}

TEST(ParseContentRange, InvalidRangesKeepWhatWasRead) {
  const ContentRange r = parse_content_range("bytes 5-1/10");
  EXPECT_EQ(r.unit, "bytes");
  EXPECT_EQ(r.first, 5U);
  EXPECT_EQ(r.last, 1U);
  EXPECT_EQ(r.complete_length, 10U);
}

// ---- media-type (RFC 9110 §8.3.1) -------------------------------------------------------------

TEST(ParseMediaType, Table) {
  const struct {
    std::string_view input;
    bool valid;
    std::string_view type;
    std::string_view subtype;
    bool has_boundary;
  } rows[] = {
      {"text/html", true, "text", "html", false},
      {"Text/HTML", true, "Text", "HTML", false},
      {"application/vnd.api+json", true, "application", "vnd.api+json", false},
      {"text/html;charset=utf-8", true, "text", "html", false},
      {"text/html; charset=utf-8", true, "text", "html", false},
      {"text/html ; charset=\"utf-8\"", true, "text", "html", false},
      {"text/html;\tcharset=utf-8 ;q=1", true, "text", "html", false},
      {"text/html; charset=\"a;b\\\"c\"", true, "text", "html", false},
      {"multipart/byteranges; boundary=THIS_STRING_SEPARATES", true, "multipart", "byteranges",
       true},
      {"multipart/form-data; BOUNDARY=\"a b\"", true, "multipart", "form-data", true},
      {"multipart/mixed;charset=y;Boundary=x", true, "multipart", "mixed", true},
      {"text/plain; boundaryx=1", true, "text", "plain", false},
      {"text/plain; x=boundary", true, "text", "plain", false},
      // Empty parameters (RFC 9110 §5.6.6: parameters = *( OWS ";" OWS [ parameter ] )).
      {"text/plain;", true, "text", "plain", false},
      {"text/plain; ", true, "text", "plain", false},
      {"text/plain;;", true, "text", "plain", false},
      {"text/plain; ;charset=x", true, "text", "plain", false},
      {"text/plain ;", true, "text", "plain", false},
      {"", false, "", "", false},
      {"text", false, "", "", false},
      {"text/", false, "", "", false},
      {"/html", false, "", "", false},
      {"text/html/x", false, "", "", false},
      {"text /html", false, "", "", false},
      {"text/ html", false, "", "", false},
      {"text/html ", false, "", "", false},
      {"text/html; charset", false, "", "", false},
      {"text/html; charset=", false, "", "", false},
      {"text/html; =utf-8", false, "", "", false},
      {"text/html; charset = utf-8", false, "", "", false},  // no BWS in media-type parameters
      {"text/html; charset =utf-8", false, "", "", false},
      {"text/html; charset=\"utf-8", false, "", "", false},
      {"text/html; a=b c=d", false, "", "", false},
      {"text/html charset=x", false, "", "", false},
      {"text/html;charset=utf-8;=x", false, "", "", false},
      {"text/html, text/plain", false, "", "", false},
      {"\"text/html\"", false, "", "", false},
      {"text/h\xc3\xa9", false, "", "", false},
      {"text/html; charset=utf-8\0"sv, false, "", "", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const MediaType m = parse_media_type(row.input);
    EXPECT_EQ(m.valid, row.valid);
    EXPECT_EQ(m.type, row.type);
    EXPECT_EQ(m.subtype, row.subtype);
    EXPECT_EQ(m.has_boundary, row.has_boundary);
  }
}

// ---- entity-tag (RFC 9110 §8.8.3) -------------------------------------------------------------

TEST(ParseEntityTag, Table) {
  const struct {
    std::string_view input;
    bool valid;
    bool weak;
    bool lowercase_weak;
    bool unquoted;
    std::string_view opaque;
  } rows[] = {
      {R"("abc")", true, false, false, false, "abc"},
      {R"(W/"abc")", true, true, false, false, "abc"},
      {R"("")", true, false, false, false, ""},
      {R"(W/"")", true, true, false, false, ""},
      {R"("xyzzy")", true, false, false, false, "xyzzy"},
      {R"("a\b")", true, false, false, false, R"(a\b)"},  // no quoted-pair: "\" is etagc
      {R"("!#~/W")", true, false, false, false, "!#~/W"},
      {"\"\x80\xff\"", true, false, false, false, "\x80\xff"},
      {R"(w/"abc")", false, false, true, false, ""},
      {"abc", false, false, false, true, ""},
      {"W/abc", false, false, false, true, ""},
      {"*", false, false, false, true, ""},
      {"", false, false, false, false, ""},
      {R"("a b")", false, false, false, false, ""},
      {"\"a\tb\"", false, false, false, false, ""},
      {"\"a\x7f\"", false, false, false, false, ""},
      {R"("a"b")", false, false, false, false, ""},
      {R"("abc)", false, false, false, false, ""},
      {R"(abc")", false, false, false, false, ""},
      {R"(")", false, false, false, false, ""},
      {R"("abc" )", false, false, false, false, ""},
      {R"( "abc")", false, false, false, false, ""},
      {R"(W/ "abc")", false, false, false, false, ""},
      {R"(W"abc")", false, false, false, false, ""},
      {R"(W/W/"abc")", false, false, false, false, ""},
      {R"(w/"a b")", false, false, false, false, ""},
      {R"("a", "b")", false, false, false, false, ""},
      {"abc def", false, false, false, false, ""},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const EntityTag tag = parse_entity_tag(row.input);
    EXPECT_EQ(tag.valid, row.valid);
    EXPECT_EQ(tag.weak, row.weak);
    EXPECT_EQ(tag.lowercase_weak, row.lowercase_weak);
    EXPECT_EQ(tag.unquoted, row.unquoted);
    EXPECT_EQ(tag.opaque, row.opaque);
  }
}

// ---- Location = URI-reference (RFC 3986 §4.1) -------------------------------------------------

TEST(ParseUriReference, Valid) {
  const struct {
    std::string_view input;
    bool absolute;
  } rows[] = {
      {"http://www.example.org/pub/WWW/People.html", true},
      {"https://example.com:8443/a/b?c=d&e#frag", true},
      {"http://user:pass@example.com/", true},
      {"http://[2001:db8::1]:8080/", true},
      {"http://[::ffff:192.0.2.1]/", true},
      {"http://[v1.fe]/", true},
      {"http://[::1]/", true},
      {"http://[1:2:3:4:5:6:7:8]/", true},
      {"http://[1:2:3:4:5:6:7::]/", true},
      {"http://[::1.2.3.4]/", true},
      {"http://[fe80::1%25eth0]/", true},  // a zone ID (RFC 6874)
      {"http://[fe80::1%25en%301]/", true},
      {"http://[v1.fe80::a+en1]/", true},
      {"http://user@[::1]:80/", true},
      {"http://192.0.2.1/", true},
      {"http://example.com", true},
      {"http://example.com:/", true},  // port = *DIGIT
      {"http://%41/", true},
      {"http://example.com/?#", true},
      {"http://example.com/a?b?c/d#e?f/g", true},
      {"http:", true},    // path-empty
      {"http://", true},  // an empty reg-name
      {"http:relative", true},
      {"mailto:user@example.com", true},
      {"urn:isbn:0451450523", true},
      {"HTTP://EXAMPLE.COM/", true},
      {"a+b-c.d:x", true},
      {"h2:x:y", true},
      {"", false},  // the same document
      {"/", false},
      {"/pub/WWW/People.html", false},
      {".", false},
      {"..", false},
      {"../a", false},
      {"a/b:c", false},  // the ":" is after the first segment
      {"./a:b", false},
      {"/a:b", false},
      {"?q=1", false},
      {"#frag", false},
      {"//example.com/path", false},
      {"//[::1]/", false},
      {"/%7Euser", false},
      {"/%7euser", false},
      {"/a?b?c/d", false},
      {"/a#b?c/d", false},
      {"/path;params=1,2", false},
      {"/!$&'()*+,;=:@", false},
      {"/-._~", false},
      {"@x", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const UriReference r = parse_uri_reference(row.input);
    EXPECT_TRUE(r.valid);
    EXPECT_EQ(r.absolute, row.absolute);
    EXPECT_EQ(r.bad_offset, 0U);
  }
}

TEST(ParseUriReference, Invalid) {
  const struct {
    std::string_view input;
    std::size_t bad_offset;
  } rows[] = {
      {"http://example.com/a b", 20},
      {"/a b", 2},
      {" /a", 0},
      {"/a\tb", 2},
      {"/a\x7f", 2},
      {"/a\x01", 2},
      {"/a\0"sv, 2},
      {"/caf\xc3\xa9", 4},
      {"http://example.com/\xff", 19},
      {"/a\\b", 2},
      {"/a\"b", 2},
      {"/<a>", 1},
      {"/a^b", 2},
      {"/a`b", 2},
      {"/a{b", 2},
      {"/a|b", 2},
      {"/a}b", 2},
      {"/a#b#c", 4},
      {"##", 1},
      {"/%", 1},
      {"/%4", 1},
      {"/%zz", 1},
      {"/%4g", 1},
      {"/a%2", 2},
      {"/a?%", 3},
      {"/[a]", 1},
      {"/a?[", 3},
      {"http://example.com/[x]", 19},
      {"1abc:def", 4},  // no scheme (starts with a digit): path-noscheme has no ":"
      {":foo", 0},
      {"-x:y", 2},
      {"a b:c", 1},
      {"http://exa mple.com/", 10},
      {"http://example.com:80a/", 21},
      {"http://example.com:80:90/", 21},
      {"http://[::1/", 7},  // no "]" in the authority
      {"http://[]/", 8},
      {"http://[::1]x/", 12},
      {"http://[::%31]/", 10},
      // The structure of an IP-literal, not only its bytes (RFC 3986 §3.2.2).
      {"http://[hello-world]/", 8},
      {"http://[zz]/", 8},
      {"http://[1:2:3:4:5:6:7:8:9]/", 8},
      {"http://[1::2::3]/", 8},
      {"http://[::ffff:300.0.0.1]/", 8},
      {"http://[::ffff:1.2.3.04]/", 8},
      {"http://[12345::]/", 8},
      {"http://[1:2:3:4:5:6:7:8::]/", 8},
      {"http://[fe80::1%25]/", 15},  // an empty zone ID
      {"http://[v1]/", 10},
      {"http://[v.x]/", 9},
      {"http://[v1.]/", 10},
      {"http://a@b@c/", 10},
      {"http://ex[a]mple/", 9},
      {"http://a%zz/", 8},
      {"http://us er@a/", 9},
      {"http://a/b c", 10},
      {"http://a/?b c", 11},
      {"http://a/#b c", 11},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const UriReference r = parse_uri_reference(row.input);
    EXPECT_FALSE(r.valid);
    EXPECT_EQ(r.bad_offset, row.bad_offset);
  }
}

TEST(ParseUriReference, EveryByteInAPath) {
  const std::string_view allowed =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?#";
  for (int c = 0; c < 256; ++c) {
    const std::string input = std::string("/a") + static_cast<char>(c) + "b";
    const UriReference r = parse_uri_reference(input);
    const bool expected = allowed.find(static_cast<char>(c)) != std::string_view::npos;
    EXPECT_EQ(r.valid, expected) << "byte " << c;
    EXPECT_EQ(r.bad_offset, expected ? 0U : 2U) << "byte " << c;
  }
}

// ---- Cache-Control (RFC 9111 §5.2) ------------------------------------------------------------

TEST(ParseCacheDirective, Table) {
  const struct {
    std::string_view input;
    bool valid;
    std::string_view name;
    std::string_view value;
    bool has_value;
    bool quoted;
  } rows[] = {
      {"no-cache", true, "no-cache", "", false, false},
      {"Max-Age=0", true, "Max-Age", "0", true, false},
      {"max-age=60", true, "max-age", "60", true, false},
      {"max-age=\"60\"", true, "max-age", "60", true, true},
      {"no-cache=\"Set-Cookie, Set-Cookie2\"", true, "no-cache", "Set-Cookie, Set-Cookie2", true,
       true},
      {"private=\"a\\\"b\"", true, "private", "a\\\"b", true, true},  // raw, escapes kept
      {"ext=\"\"", true, "ext", "", true, true},
      {"x-ext=tok!en", true, "x-ext", "tok!en", true, false},
      {"", false, "", "", false, false},
      {"max-age=", false, "", "", false, false},
      {"=5", false, "", "", false, false},
      {"max age", false, "", "", false, false},
      {"max-age=\"60", false, "", "", false, false},
      {"max-age =60", false, "", "", false, false},
      {"max-age= 60", false, "", "", false, false},
      {"max-age=60 ", false, "", "", false, false},
      {"max-age=6 0", false, "", "", false, false},
      {"max-age=60;x", false, "", "", false, false},
      {"max-age==60", false, "", "", false, false},
      {"max-age=\"60\"x", false, "", "", false, false},
      {"max-age=\"6\x01"
       "0\"",
       false, "", "", false, false},
      {"\"max-age\"", false, "", "", false, false},
      {"max-age=60, public", false, "", "", false, false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const CacheDirective d = parse_cache_directive(row.input);
    EXPECT_EQ(d.valid, row.valid);
    EXPECT_EQ(d.name, row.name);
    EXPECT_EQ(d.value, row.value);
    EXPECT_EQ(d.has_value, row.has_value);
    EXPECT_EQ(d.quoted, row.quoted);
  }
}

// ---- delta-seconds (RFC 9111 §1.2.2) ----------------------------------------------------------

TEST(ParseDeltaSeconds, Table) {
  const struct {
    std::string_view input;
    bool valid;
    std::uint64_t value;
    bool capped;
  } rows[] = {
      {"0", true, 0, false},
      {"60", true, 60, false},
      {"0060", true, 60, false},
      {"2147483647", true, 2147483647, false},
      {"2147483648", true, 2147483648, false},
      {"2147483649", true, 2147483648, true},
      {"18446744073709551615", true, 2147483648, true},
      {"99999999999999999999999", true, 2147483648, true},  // beyond 64 bits
      {"", false, 0, false},
      {"-1", false, 0, false},
      {"+1", false, 0, false},
      {"1.0", false, 0, false},
      {" 1", false, 0, false},
      {"1 ", false, 0, false},
      {"0x10", false, 0, false},
      {"\"60\"", false, 0, false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const DeltaSeconds d = parse_delta_seconds(row.input);
    EXPECT_EQ(d.valid, row.valid);
    EXPECT_EQ(d.value, row.value);
    EXPECT_EQ(d.capped, row.capped);
  }
}

// ---- protocol (RFC 9110 §7.8) -----------------------------------------------------------------

TEST(IsProtocol, Table) {
  for (const std::string_view valid :
       {"HTTP/2.0", "websocket", "h2c", "IRC/6.9", "RTA/x11", "a/b"}) {
    EXPECT_TRUE(is_protocol(valid)) << Printable(valid);
  }
  for (const std::string_view invalid : {"", "/1", "HTTP/", "HTTP/2.0/x", "HTTP 2", "HTTP/ 2",
                                         "HTTP/2,0", "HTTP/2.0 ", " HTTP/2.0", "HTTP//2"}) {
    EXPECT_FALSE(is_protocol(invalid)) << Printable(invalid);
  }
}

// ---- challenge (RFC 9110 §11.6.1) -------------------------------------------------------------

TEST(ChallengeList, Table) {
  const struct {
    std::string_view input;
    bool expected;
  } rows[] = {
      {R"(Basic realm="x")", true},
      {"Bearer", true},
      {"Negotiate abc==", true},
      {R"(Digest realm="a", qop="auth")", true},
      {"Basic realm", true},   // a token68
      {"Basic  realm", true},  // 1*SP, then a token68
      {"Basic realm=x", true},
      {R"(Basic realm = "x")", true},  // BWS around "="
      {R"(Basic realm="")", true},
      {R"(Basic realm="a,b")", true},
      {R"(Basic realm="x" )", true},
      {"Bearer abc.def-ghi_jkl~mno+pqr/stu=", true},
      {"Bearer mF_9.B5f-4.1JqM", true},
      {"Negotiate, NTLM", true},  // two challenges without parameters
      {"Basic,", true},
      {"Basic ,realm=x", true},  // an empty auth-param list element
      {R"(Bearer realm="example", error="invalid_token")", true},
      {R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")", true},
      // Every challenge is checked, not only the first.
      {R"(Basic realm="x", Bearer abc def)", false},
      {R"(Basic realm="x", Bearer)", true},
      {R"(Basic realm="x", , Bearer abc==)", true},  // an empty element (reported elsewhere)
      {"Bearer abc, realm=x", false},                // a token68 challenge takes no auth-params
      {"Basic, realm=x", false},                     // nor does a scheme alone
      {R"(Basic realm="x", Bearer realm="y" junk)", false},
      {",", false},             // no challenge at all
      {R"(realm="x")", false},  // no auth-scheme
      {R"("")", false},
      {"", false},
      {" Basic", false},
      {"Basic\trealm=\"x\"", false},  // SP only between scheme and parameters
      {R"(Basic realm="x)", false},
      {"Basic realm junk", false},
      {"Basic realm=", true},  // a token68: "realm" then one "="
      {"Basic =x", false},
      {"Bearer =", false},
      {"Bearer a=b=c", false},
      {R"(Basic realm="x" junk)", false},
      {R"(Basic realm="x"junk)", false},
      {"Basic/1 realm", false},
      {"(Basic)", false},
      {"Basic r\xe9"
       "alm",
       false},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(is_challenge_list(row.input), row.expected) << Printable(row.input);
  }
}

// ---- Server (RFC 9110 §10.2.4) ----------------------------------------------------------------

// The count of products (comments are not products), 0 when the value is not a Server value.
TEST(ServerProducts, Table) {
  const struct {
    std::string_view input;
    std::size_t expected;
  } rows[] = {
      {"Apache/2.4.1 (Unix) PHP/5.3.3", 2},
      {"nginx", 1},
      {"a/1 b/2 (c d e) f g", 4},
      {"CERN/3.0 libwww/2.17", 2},
      {"Apache (Debian)", 1},
      {"a (x) (y)", 1},
      {"a (comment (nested) x)", 1},
      {"a (((deep)))", 1},
      {R"(a (with \) escaped))", 1},
      {R"(a (\(\)))", 1},
      {"a ()", 1},
      {"a\t(x)", 1},
      {"a  b", 2},
      {"a (caf\xc3\xa9)", 1},
      {"a (1;2,3/4 \"q\")", 1},
      {"", 0},
      {"/1.0", 0},
      {"a (unclosed", 0},
      {"a (x))", 0},
      {"a (x", 0},
      {"a ((x)", 0},
      {"a/", 0},
      {"a /1", 0},
      {"a(x)", 0},  // RWS required
      {"a (x)(y)", 0},
      {"a (x)b", 0},
      {"(x)", 0},
      {"a (x\x01)", 0},
      {"a (x\x7f)", 0},
      {"a (x\\", 0},
      {"a (x\\\x01)", 0},
      {"a ", 0},
      {" a", 0},
      {"a, b", 0},
      {"a/1/2", 0},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(server_products(row.input), row.expected) << Printable(row.input);
  }
}

// ---- Link (RFC 8288 §3) -----------------------------------------------------------------------

// Whether a link's rel names "blocked-by" (RFC 7725 §4), found by the grammar, not by the text.
TEST(LinkHasRelation, Table) {
  const struct {
    std::string_view input;
    bool expected;
  } rows[] = {
      {R"(<https://a.example/why>; rel="blocked-by")", true},
      {"<https://a.example/why>; rel=blocked-by", true},
      {"<https://a.example/why>;rel=blocked-by", true},
      {"<https://a.example/why> ; rel = \"blocked-by\"", true},
      {R"(<x>; REL="Blocked-By")", true},
      {R"(<x>; rel="help blocked-by")", true},
      {R"(<x>; rel="blocked-by  help")", true},
      {R"(<x>; rel="help", <y>; rel="blocked-by")", true},
      {R"(<https://a.example/a,b;c>; rel="blocked-by")", true},
      {R"(<x>; title="a, b; rel=help"; rel=blocked-by)", true},
      {R"(<x>; anchor; rel=blocked-by)", true},
      {R"(, <x>; rel=blocked-by)", true},
      {R"(<https://a.example/why-blocked-by-court>; rel="help")", false},
      {R"(<https://a.example/blocked-by>)", false},
      {R"(<x>; title="rel=blocked-by")", false},
      {R"(<x>; rel="blocked-byx")", false},
      {R"(<x>; rel="xblocked-by")", false},
      {R"(<x>; rel="blocked")", false},
      // RFC 8288 §3.3: a second rel in the same link-value is ignored; another link's counts.
      {R"(<x>; rel=help; rel=blocked-by)", false},
      {R"(<x>; rel=help, <y>; rel=blocked-by)", true},
      {"blocked-by", false},
      {R"(rel="blocked-by")", false},
      {R"(<x; rel=blocked-by)", false},
      {R"(<x>; rel="blocked-by)", false},
      {R"(<x> rel=blocked-by)", false},
      {R"(<x>; =blocked-by)", false},
      {R"(<x>; rel=)", false},
      {"", false},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(link_has_relation(row.input, "blocked-by"), row.expected) << Printable(row.input);
  }
}

// ---- The 1992 W3C lines -----------------------------------------------------------------------

TEST(ParseW3cUriLine, Table) {
  const struct {
    std::string_view input;
    std::string_view address;
    std::string_view comment;
    bool absolute;
  } rows[] = {
      {"http://info.cern.ch/hypertext/WWW/TheProject.html The project",
       "http://info.cern.ch/hypertext/WWW/TheProject.html", "The project", true},
      {"<http://a/> String", "http://a/", "String", true},
      {"<http://a/>", "http://a/", "", true},
      {"http://a/", "http://a/", "", true},
      {"ftp://host/file  two  spaces  ", "ftp://host/file", "two  spaces", true},
      {"  http://a/\tcomment", "http://a/", "comment", true},
      {"news:comp.infosystems", "news:comp.infosystems", "", true},
      {"/relative/path", "/relative/path", "", false},
      {"<relative> x", "relative", "x", false},
      {"1http://a/", "1http://a/", "", false},
      {"<http://a/", "<http://a/", "", false},
      {"<>", "", "", false},
      {"", "", "", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const W3cUriLine line = parse_w3c_uri_line(row.input);
    EXPECT_EQ(line.address, row.address);
    EXPECT_EQ(line.comment, row.comment);
    EXPECT_EQ(line.address_absolute, row.absolute);
  }
}

TEST(ParseW3cMethodLine, Table) {
  const struct {
    std::string_view input;
    bool valid;
    std::string_view method;
    std::string_view url;
  } rows[] = {
      {"GET http://info.cern.ch/", true, "GET", "http://info.cern.ch/"},
      {"POST\t/x", true, "POST", "/x"},
      {"SEARCH  http://a/?q", true, "SEARCH", "http://a/?q"},
      {"GET /caf\xc3\xa9", true, "GET", "/caf\xc3\xa9"},
      {"", false, "", ""},
      {"GET", false, "", ""},
      {"GET ", false, "", ""},
      {" GET /", false, "", ""},
      {"GET /a /b", false, "", ""},
      {"GET /a ", false, "", ""},
      {"G(T /", false, "", ""},
      {"GET /a\x01", false, "", ""},
      {"GET\0/a"sv, false, "", ""},
      {"GET:/a", false, "", ""},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(Printable(row.input));
    const W3cMethodLine line = parse_w3c_method_line(row.input);
    EXPECT_EQ(line.valid, row.valid);
    EXPECT_EQ(line.method, row.method);
    EXPECT_EQ(line.url, row.url);
  }
}

// ---- Robustness -------------------------------------------------------------------------------

// Random short values over the bytes the grammars care about: nothing reads out of bounds (the
// sanitizers check), and every returned view lies inside the input.
TEST(FieldValues, RandomInputsStayInBounds) {
  const std::string_view alphabet = "aZ09 \t,;=/\"\\()<>[]@:?#%*-+._~W\x01\x7f\x80\xff";
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto inside = [](std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() &&
                            part.data() + part.size() <= whole.data() + whole.size());
  };
  for (int round = 0; round < 20000; ++round) {
    std::string input(next() % 24, ' ');
    for (char& c : input)
      c = alphabet[next() % alphabet.size()];
    // A heap copy of exactly the input's size, so an overrun is caught.
    const std::vector<char> bytes(input.begin(), input.end());
    const std::string_view v(bytes.data(), bytes.size());
    SCOPED_TRACE(Printable(v));

    ListReader list(v);
    std::string_view element;
    int elements = 0;
    while (list.next(element)) {
      ASSERT_TRUE(inside(element, v));
      ASSERT_LE(++elements, 64);
    }
    EXPECT_LE(quoted_string_length(v), v.size());
    (void)is_token(v);
    (void)parse_decimal(v);
    const ContentLength cl = parse_content_length(v);
    EXPECT_LE(cl.bad_offset + cl.bad_length, v.size());
    (void)parse_http_date(v, 2026);
    (void)parse_retry_after(v, 2026);
    EXPECT_TRUE(inside(parse_transfer_coding(v).name, v));
    const ContentRange cr = parse_content_range(v);
    EXPECT_TRUE(inside(cr.unit, v));
    const MediaType mt = parse_media_type(v);
    EXPECT_TRUE(inside(mt.type, v) && inside(mt.subtype, v));
    EXPECT_TRUE(inside(parse_entity_tag(v).opaque, v));
    const UriReference uri = parse_uri_reference(v);
    EXPECT_TRUE(uri.valid || uri.bad_offset < v.size());
    const CacheDirective cd = parse_cache_directive(v);
    EXPECT_TRUE(inside(cd.name, v) && inside(cd.value, v));
    (void)parse_delta_seconds(v);
    (void)is_protocol(v);
    (void)is_challenge_list(v);
    (void)server_products(v);
    (void)link_has_relation(v, "blocked-by");
    const W3cUriLine ul = parse_w3c_uri_line(v);
    EXPECT_TRUE(inside(ul.address, v) && inside(ul.comment, v));
    const W3cMethodLine ml = parse_w3c_method_line(v);
    EXPECT_TRUE(inside(ml.method, v) && inside(ml.url, v));
  }
}

}  // namespace
}  // namespace h1resp::detail::values
