// Tests for the status code registry (parser/registry/status_registry.cpp) against the IANA HTTP
// Status Code Registry of 2025-09-15, RFC 9110 §15, RFC 6585, RFC 7725, the 1992 W3C status
// code text, and the unofficial names of response-rules.md group H.
#include "h1resp/status_registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace h1resp {
namespace {

// The IANA registry as of 2025-09-15: 100-104, 200-208, 226, 300-308, 400-418, 421-426, 428,
// 429, 431, 451, 500-508, 510, 511. Written as ranges, independently of the table under test.
std::set<unsigned> IanaRegisteredCodes() {
  const std::pair<unsigned, unsigned> ranges[] = {
      {100, 104}, {200, 208}, {226, 226}, {300, 308}, {400, 418}, {421, 426},
      {428, 429}, {431, 431}, {451, 451}, {500, 508}, {510, 511},
  };
  std::set<unsigned> codes;
  for (const auto& [first, last] : ranges) {
    for (unsigned c = first; c <= last; ++c)
      codes.insert(c);
  }
  return codes;
}

std::set<unsigned> CodesWithFlag(StatusInfo::Flag flag) {
  std::set<unsigned> codes;
  for (const StatusInfo& info : all_status_codes()) {
    if (info.has(flag)) codes.insert(info.code);
  }
  return codes;
}

bool HasAlias(std::span<const StatusAlias> aliases, std::string_view name) {
  return std::any_of(aliases.begin(), aliases.end(),
                     [&](const StatusAlias& a) { return a.name == name; });
}

std::vector<PhraseMatch> Find(std::string_view phrase) {
  std::array<PhraseMatch, 16> buf{};
  const std::size_t n = find_reason_phrase(phrase, buf);
  return {buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n)};
}

TEST(StatusRegistryTest, EveryIanaCodeIsRegisteredWithNameAndSource) {
  const std::set<unsigned> iana = IanaRegisteredCodes();
  ASSERT_EQ(iana.size(), 64U);
  for (unsigned code : iana) {
    SCOPED_TRACE(code);
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->code, code);
    EXPECT_TRUE(info->has(StatusInfo::registered));
    EXPECT_FALSE(info->name.empty());
    EXPECT_FALSE(info->source.empty());
  }
}

TEST(StatusRegistryTest, NoOtherCodeIsRegistered) {
  const std::set<unsigned> iana = IanaRegisteredCodes();
  for (unsigned code = 0; code < 1000; ++code) {
    if (iana.count(code) != 0) continue;
    SCOPED_TRACE(code);
    const StatusInfo* info = status_info(code);
    if (info == nullptr) continue;
    EXPECT_FALSE(info->has(StatusInfo::registered));
    // An unregistered code has no registered name and only the unofficial names it is here for.
    EXPECT_TRUE(info->name.empty());
    EXPECT_FALSE(info->unofficial_names.empty());
    EXPECT_EQ(info->flags, 0U);
  }
  EXPECT_EQ(CodesWithFlag(StatusInfo::registered), iana);
}

TEST(StatusRegistryTest, ExplicitlyUnassignedCodesAreNotRegistered) {
  // IANA lists 427, 430 and 509 as Unassigned, though vendors use 430 and 509.
  EXPECT_EQ(status_info(427), nullptr);
  for (unsigned code : {430U, 509U}) {
    SCOPED_TRACE(code);
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr);
    EXPECT_FALSE(info->has(StatusInfo::registered));
  }
}

TEST(StatusRegistryTest, UnknownAndOutOfRangeCodesHaveNoInfo) {
  for (unsigned code : {0U, 99U, 105U, 209U, 309U, 452U, 512U, 600U, 999U, 1000U, 65535U}) {
    EXPECT_EQ(status_info(code), nullptr) << code;
  }
}

TEST(StatusRegistryTest, TableIsSortedUniqueAndIndexed) {
  const std::span<const StatusInfo> all = all_status_codes();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1].code, all[i].code) << "at index " << i;
  }
  for (const StatusInfo& info : all) {
    EXPECT_EQ(status_info(info.code), &info) << info.code;
    EXPECT_NE(status_class(info.code), StatusClass::invalid) << info.code;
  }
}

// Every code of the IANA HTTP Status Code Registry with its name, as the registry lists them
// (RFC 9110 §15 and the RFCs it cites; 104 from the resumable-upload draft): the registry knows
// exactly these codes as registered, no more.
TEST(StatusRegistryTest, RegisteredNamesAreTheCurrentIanaNames) {
  const std::pair<unsigned, std::string_view> expected[] = {
      {100, "Continue"},
      {101, "Switching Protocols"},
      {102, "Processing"},
      {103, "Early Hints"},
      {104, "Upload Resumption Supported"},
      {200, "OK"},
      {201, "Created"},
      {202, "Accepted"},
      {203, "Non-Authoritative Information"},
      {204, "No Content"},
      {205, "Reset Content"},
      {206, "Partial Content"},
      {207, "Multi-Status"},
      {208, "Already Reported"},
      {226, "IM Used"},
      {300, "Multiple Choices"},
      {301, "Moved Permanently"},
      {302, "Found"},
      {303, "See Other"},
      {304, "Not Modified"},
      {305, "Use Proxy"},
      {306, "(Unused)"},
      {307, "Temporary Redirect"},
      {308, "Permanent Redirect"},
      {400, "Bad Request"},
      {401, "Unauthorized"},
      {402, "Payment Required"},
      {403, "Forbidden"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {406, "Not Acceptable"},
      {407, "Proxy Authentication Required"},
      {408, "Request Timeout"},
      {409, "Conflict"},
      {410, "Gone"},
      {411, "Length Required"},
      {412, "Precondition Failed"},
      {413, "Content Too Large"},
      {414, "URI Too Long"},
      {415, "Unsupported Media Type"},
      {416, "Range Not Satisfiable"},
      {417, "Expectation Failed"},
      {418, "(Unused)"},
      {421, "Misdirected Request"},
      {422, "Unprocessable Content"},
      {423, "Locked"},
      {424, "Failed Dependency"},
      {425, "Too Early"},
      {426, "Upgrade Required"},
      {428, "Precondition Required"},
      {429, "Too Many Requests"},
      {431, "Request Header Fields Too Large"},
      {451, "Unavailable For Legal Reasons"},
      {500, "Internal Server Error"},
      {501, "Not Implemented"},
      {502, "Bad Gateway"},
      {503, "Service Unavailable"},
      {504, "Gateway Timeout"},
      {505, "HTTP Version Not Supported"},
      {506, "Variant Also Negotiates"},
      {507, "Insufficient Storage"},
      {508, "Loop Detected"},
      {510, "Not Extended"},
      {511, "Network Authentication Required"},
  };
  for (const auto& [code, name] : expected) {
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr) << code;
    EXPECT_EQ(info->name, name) << code;
    EXPECT_TRUE(info->has(StatusInfo::registered)) << code;
  }
  std::size_t registered = 0;
  for (const StatusInfo& info : all_status_codes())
    registered += info.has(StatusInfo::registered) ? 1 : 0;
  EXPECT_EQ(registered, std::size(expected));
}

TEST(StatusRegistryTest, SourcesNameTheDefiningDocument) {
  // Codes defined outside RFC 9110, and the document that defines each.
  const std::pair<unsigned, std::string_view> outside_9110[] = {
      {102, "RFC 2518"}, {103, "RFC 8297"}, {104, "draft-ietf-httpbis-resumable-upload"},
      {207, "RFC 4918"}, {208, "RFC 5842"}, {226, "RFC 3229"},
      {423, "RFC 4918"}, {424, "RFC 4918"}, {425, "RFC 8470"},
      {428, "RFC 6585"}, {429, "RFC 6585"}, {431, "RFC 6585"},
      {451, "RFC 7725"}, {506, "RFC 2295"}, {507, "RFC 4918"},
      {508, "RFC 5842"}, {510, "RFC 2774"}, {511, "RFC 6585"},
  };
  std::set<unsigned> elsewhere;
  for (const auto& [code, doc] : outside_9110) {
    elsewhere.insert(code);
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr) << code;
    EXPECT_EQ(info->source.substr(0, doc.size()), doc) << code;
  }
  // Every other registered code is in RFC 9110 §15.2-§15.6, in the subsection of its class.
  for (unsigned code : IanaRegisteredCodes()) {
    if (elsewhere.count(code) != 0) continue;
    const std::string prefix = "RFC 9110 §15." + std::to_string(code / 100 + 1) + ".";
    EXPECT_EQ(status_info(code)->source.substr(0, prefix.size()), prefix) << code;
  }
  // 422 moved into the core.
  EXPECT_EQ(status_info(422)->source, "RFC 9110 §15.5.21");
}

// The note a finding points to for a code's registered meaning: the code and its name, for
// registered codes only, and for every code of the range.
TEST(StatusRegistryTest, RegisteredNotesNameTheCodeAndItsName) {
  std::size_t registered = 0;
  for (unsigned code = 0; code < 1000; ++code) {
    const StatusInfo* info = status_info(code);
    if (info != nullptr && info->has(StatusInfo::registered)) {
      ++registered;
      EXPECT_EQ(registered_note(code),
                "registered: " + std::to_string(code) + " " + std::string(info->name));
    } else {
      EXPECT_TRUE(registered_note(code).empty()) << code;
    }
  }
  EXPECT_EQ(registered, 64U);
  EXPECT_EQ(registered_note(308), "registered: 308 Permanent Redirect");
}

TEST(StatusRegistryTest, RegistryMarkers) {
  EXPECT_EQ(CodesWithFlag(StatusInfo::obsolete), std::set<unsigned>({510}));
  EXPECT_EQ(CodesWithFlag(StatusInfo::deprecated), std::set<unsigned>({305}));
  EXPECT_EQ(CodesWithFlag(StatusInfo::unused), std::set<unsigned>({306, 418}));
  EXPECT_EQ(CodesWithFlag(StatusInfo::temporary), std::set<unsigned>({104}));
}

TEST(StatusRegistryTest, HeuristicallyCacheableSetIsExactlyRfc9110AndRfc7725) {
  EXPECT_EQ(CodesWithFlag(StatusInfo::heuristically_cacheable),
            std::set<unsigned>({200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501}));
}

TEST(StatusRegistryTest, NeverStoredSetIsExactlyRfc6585) {
  EXPECT_EQ(CodesWithFlag(StatusInfo::never_stored), std::set<unsigned>({428, 429, 431, 511}));
}

TEST(StatusRegistryTest, W3c1992CodesAndNames) {
  const std::pair<unsigned, std::string_view> expected[] = {
      {200, "OK"},
      {201, "Created"},
      {202, "Accepted"},
      {203, "Partial Information"},
      {204, "No Response"},
      {301, "Moved"},
      {302, "Found"},
      {303, "Method"},
      {304, "Not Modified"},
      {400, "Bad request"},
      {401, "Unauthorized"},
      {402, "PaymentRequired"},
      {403, "Forbidden"},
      {404, "Not found"},
      {500, "Internal Error"},
      {501, "Not implemented"},
      {502, "Service temporarily overloaded"},
      {503, "Gateway timeout"},
  };
  std::set<unsigned> codes;
  for (const auto& [code, name] : expected) {
    SCOPED_TRACE(code);
    codes.insert(code);
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr);
    EXPECT_TRUE(info->has(StatusInfo::in_w3c1992));
    EXPECT_EQ(info->w3c1992_name, name);
    EXPECT_FALSE(info->w3c1992_meaning.empty());
  }
  EXPECT_EQ(CodesWithFlag(StatusInfo::in_w3c1992), codes);
  EXPECT_EQ(CodesWithFlag(StatusInfo::in_w3c1992).size(), 18U);
  // No 1992 name or meaning without the flag.
  for (const StatusInfo& info : all_status_codes()) {
    if (info.has(StatusInfo::in_w3c1992)) continue;
    EXPECT_TRUE(info.w3c1992_name.empty()) << info.code;
    EXPECT_TRUE(info.w3c1992_meaning.empty()) << info.code;
    EXPECT_EQ(info.w3c1992_modern_code, 0U) << info.code;
  }
}

TEST(StatusRegistryTest, W3c1992FiveHundredsMovedUpByOne) {
  EXPECT_EQ(status_info(502)->w3c1992_modern_code, 503U);
  EXPECT_EQ(status_info(503)->w3c1992_modern_code, 504U);
  // Every other 1992 meaning stayed with its number (even where it drifted, as 203/204/303).
  for (const StatusInfo& info : all_status_codes()) {
    if (info.code == 502 || info.code == 503) continue;
    EXPECT_EQ(info.w3c1992_modern_code, 0U) << info.code;
  }
}

TEST(StatusRegistryTest, RequiredUnofficialNames) {
  const std::pair<unsigned, std::string_view> expected[] = {
      {103, "Checkpoint"},
      {110, "Response is Stale"},
      {111, "Revalidation Failed"},
      {112, "Disconnected Operation"},
      {113, "Heuristic Expiration"},
      {122, "Request-URI too long"},
      {199, "Miscellaneous Warning"},
      {214, "Transformation Applied"},
      {218, "This is fine"},
      {299, "Miscellaneous Persistent Warning"},
      {306, "Switch Proxy"},
      {308, "Resume Incomplete"},
      {418, "I'm a teapot"},
      {419, "Page Expired"},
      {420, "Enhance Your Calm"},
      {420, "Method Failure"},
      {430, "Request Header Fields Too Large"},
      {440, "Login Time-out"},
      {444, "No Response"},
      {449, "Retry With"},
      {450, "Blocked by Windows Parental Controls"},
      {494, "Request header too large"},
      {495, "SSL Certificate Error"},
      {496, "SSL Certificate Required"},
      {497, "HTTP Request Sent to HTTPS Port"},
      {498, "Invalid Token"},
      {499, "Token Required"},
      {499, "Client Closed Request"},
      {509, "Bandwidth Limit Exceeded"},
      {520, "Web Server Returned an Unknown Error"},
      {521, "Web Server Is Down"},
      {522, "Connection Timed Out"},
      {523, "Origin Is Unreachable"},
      {524, "A Timeout Occurred"},
      {525, "SSL Handshake Failed"},
      {526, "Invalid SSL Certificate"},
      {527, "Railgun Error"},
      {529, "Site is overloaded"},
      {561, "Unauthorized"},
      {598, "Network read timeout error"},
      {599, "Network connect timeout error"},
  };
  for (const auto& [code, name] : expected) {
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr) << code;
    EXPECT_TRUE(HasAlias(info->unofficial_names, name)) << code << " " << name;
  }
  // 530 has a Cloudflare and a Pantheon meaning.
  ASSERT_NE(status_info(530), nullptr);
  EXPECT_GE(status_info(530)->unofficial_names.size(), 2U);
}

TEST(StatusRegistryTest, EveryAliasSaysWhereItComesFromAndWhatToDo) {
  for (const StatusInfo& info : all_status_codes()) {
    for (auto aliases : {info.legacy_names, info.unofficial_names}) {
      for (const StatusAlias& alias : aliases) {
        SCOPED_TRACE(std::to_string(info.code) + " " + std::string(alias.name));
        EXPECT_FALSE(alias.name.empty());
        EXPECT_FALSE(alias.origin.empty());
        EXPECT_FALSE(alias.note.empty());
        // An alias repeating the registered name would be noise.
        EXPECT_NE(alias.name, info.name);
      }
    }
  }
}

TEST(StatusRegistryTest, LegacyNames) {
  const std::pair<unsigned, std::string_view> expected[] = {
      {302, "Moved Temporarily"},        {404, "File Not Found"},
      {413, "Request Entity Too Large"}, {413, "Payload Too Large"},
      {414, "Request-URI Too Long"},     {416, "Requested Range Not Satisfiable"},
      {422, "Unprocessable Entity"},
  };
  for (const auto& [code, name] : expected) {
    const StatusInfo* info = status_info(code);
    ASSERT_NE(info, nullptr) << code;
    EXPECT_TRUE(HasAlias(info->legacy_names, name)) << code << " " << name;
  }
  // Legacy names belong to codes that are registered today.
  for (const StatusInfo& info : all_status_codes()) {
    if (!info.legacy_names.empty()) {
      EXPECT_TRUE(info.has(StatusInfo::registered)) << info.code;
    }
  }
}

TEST(FindReasonPhraseTest, ResumeIncompleteIsGoogles308) {
  const auto m = Find("Resume Incomplete");
  ASSERT_EQ(m.size(), 1U);
  EXPECT_EQ(m[0].code, 308);
  EXPECT_EQ(m[0].kind, PhraseMatch::unofficial);
  ASSERT_NE(m[0].alias, nullptr);
  EXPECT_EQ(m[0].alias->name, "Resume Incomplete");
  EXPECT_TRUE(HasAlias(status_info(308)->unofficial_names, m[0].alias->name));
}

TEST(FindReasonPhraseTest, MovedTemporarilyIsLegacy302) {
  const auto m = Find("moved temporarily");
  ASSERT_EQ(m.size(), 1U);
  EXPECT_EQ(m[0].code, 302);
  EXPECT_EQ(m[0].kind, PhraseMatch::legacy);
  ASSERT_NE(m[0].alias, nullptr);
  EXPECT_EQ(m[0].alias->name, "Moved Temporarily");
}

TEST(FindReasonPhraseTest, FoundNames302TodayAndIn1992) {
  const auto m = Find("Found");
  ASSERT_EQ(m.size(), 2U);
  EXPECT_EQ(m[0].code, 302);
  EXPECT_EQ(m[0].kind, PhraseMatch::registered);
  EXPECT_EQ(m[0].alias, nullptr);
  EXPECT_EQ(m[1].code, 302);
  EXPECT_EQ(m[1].kind, PhraseMatch::w3c1992);
  EXPECT_EQ(m[1].alias, nullptr);
}

TEST(FindReasonPhraseTest, TrimsSpaceAndTabOnly) {
  const auto m = Find(" Not Found ");
  ASSERT_EQ(m.size(), 2U);
  EXPECT_EQ(m[0].code, 404);
  EXPECT_EQ(m[0].kind, PhraseMatch::registered);
  EXPECT_EQ(m[1].code, 404);
  EXPECT_EQ(m[1].kind, PhraseMatch::w3c1992);  // "Not found"

  EXPECT_EQ(Find("\t\tNOT FOUND \t").size(), 2U);
  // Other whitespace is part of the phrase, so it names nothing.
  EXPECT_TRUE(Find("\vNot Found").empty());
  EXPECT_TRUE(Find("Not Found\r").empty());
  EXPECT_TRUE(Find("Not  Found").empty());
}

TEST(FindReasonPhraseTest, GatewayTimeoutIs504TodayAnd503In1992) {
  const auto m = Find("gateway timeout");
  ASSERT_EQ(m.size(), 2U);
  // Ordered by code: the 1992 503 comes first.
  EXPECT_EQ(m[0].code, 503);
  EXPECT_EQ(m[0].kind, PhraseMatch::w3c1992);
  EXPECT_EQ(m[1].code, 504);
  EXPECT_EQ(m[1].kind, PhraseMatch::registered);
}

TEST(FindReasonPhraseTest, SamePhraseOnSeveralCodes) {
  // Shopify's 430 reuses the name registered for 431.
  const auto m = Find("Request Header Fields Too Large");
  ASSERT_EQ(m.size(), 2U);
  EXPECT_EQ(m[0].code, 430);
  EXPECT_EQ(m[0].kind, PhraseMatch::unofficial);
  EXPECT_EQ(m[1].code, 431);
  EXPECT_EQ(m[1].kind, PhraseMatch::registered);

  // AWS's 561 reuses 401's name, which 401 also had in 1992: order is code, then kind.
  const auto u = Find("unauthorized");
  ASSERT_EQ(u.size(), 3U);
  EXPECT_EQ(u[0].code, 401);
  EXPECT_EQ(u[0].kind, PhraseMatch::registered);
  EXPECT_EQ(u[1].code, 401);
  EXPECT_EQ(u[1].kind, PhraseMatch::w3c1992);
  EXPECT_EQ(u[2].code, 561);
  EXPECT_EQ(u[2].kind, PhraseMatch::unofficial);
}

TEST(FindReasonPhraseTest, StopsAtOutputSize) {
  std::array<PhraseMatch, 1> one{};
  ASSERT_EQ(find_reason_phrase("gateway timeout", one), 1U);
  EXPECT_EQ(one[0].code, 503);
  EXPECT_EQ(find_reason_phrase("gateway timeout", std::span<PhraseMatch>{}), 0U);

  // "Found" matches twice within one code (302 registered and 1992): the second match must not
  // be written past the end of a one-element span.
  const PhraseMatch sentinel{999, PhraseMatch::legacy, nullptr};
  std::array<PhraseMatch, 2> buf{PhraseMatch{}, sentinel};
  ASSERT_EQ(find_reason_phrase("Found", std::span<PhraseMatch>(buf).first(1)), 1U);
  EXPECT_EQ(buf[0].code, 302);
  EXPECT_EQ(buf[0].kind, PhraseMatch::registered);
  EXPECT_EQ(buf[1].code, 999);
}

TEST(FindReasonPhraseTest, NamesNothing) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find(" \t ").empty());
  EXPECT_TRUE(Find("Whatever").empty());
  EXPECT_TRUE(Find("Not Foun").empty());
  // The unregistered entries' empty names must not match anything either.
  EXPECT_TRUE(Find("x").empty());
}

TEST(FindReasonPhraseTest, EveryNameInTheTableIsFound) {
  for (const StatusInfo& info : all_status_codes()) {
    const auto expect_found = [&](std::string_view name, PhraseMatch::Kind kind) {
      const auto m = Find(name);
      EXPECT_TRUE(
          std::any_of(m.begin(), m.end(),
                      [&](const PhraseMatch& p) { return p.code == info.code && p.kind == kind; }))
          << info.code << " " << name;
    };
    if (info.has(StatusInfo::registered)) expect_found(info.name, PhraseMatch::registered);
    if (info.has(StatusInfo::in_w3c1992)) expect_found(info.w3c1992_name, PhraseMatch::w3c1992);
    for (const StatusAlias& a : info.legacy_names)
      expect_found(a.name, PhraseMatch::legacy);
    for (const StatusAlias& a : info.unofficial_names) {
      expect_found(a.name, PhraseMatch::unofficial);
    }
  }
}

TEST(StatusClassTest, Edges) {
  EXPECT_EQ(status_class(0), StatusClass::invalid);
  EXPECT_EQ(status_class(99), StatusClass::invalid);
  EXPECT_EQ(status_class(100), StatusClass::informational);
  EXPECT_EQ(status_class(199), StatusClass::informational);
  EXPECT_EQ(status_class(200), StatusClass::successful);
  EXPECT_EQ(status_class(399), StatusClass::redirection);
  EXPECT_EQ(status_class(400), StatusClass::client_error);
  EXPECT_EQ(status_class(599), StatusClass::server_error);
  EXPECT_EQ(status_class(600), StatusClass::invalid);
  EXPECT_EQ(status_class(999), StatusClass::invalid);
}

TEST(StatusClassTest, ToString) {
  EXPECT_EQ(to_string(StatusClass::invalid), "invalid");
  EXPECT_EQ(to_string(StatusClass::informational), "1xx informational");
  EXPECT_EQ(to_string(StatusClass::successful), "2xx successful");
  EXPECT_EQ(to_string(StatusClass::redirection), "3xx redirection");
  EXPECT_EQ(to_string(StatusClass::client_error), "4xx client error");
  EXPECT_EQ(to_string(StatusClass::server_error), "5xx server error");
}

TEST(HandledAsTest, UnknownCodesFallBackToX00) {
  EXPECT_EQ(handled_as(299), 200U);
  EXPECT_EQ(handled_as(199), 100U);
  EXPECT_EQ(handled_as(420), 400U);
  EXPECT_EQ(handled_as(599), 500U);
  EXPECT_EQ(handled_as(600), 0U);
  EXPECT_EQ(handled_as(99), 0U);
  EXPECT_EQ(handled_as(0), 0U);
  // Static checks too, since both are constexpr.
  static_assert(handled_as(100) == 100);
  static_assert(handled_as(1000) == 0);
}

}  // namespace
}  // namespace h1resp
