// Class and per-code rules (RFC 9110 §15, RFC 7725) beyond each rule's own two examples
// (rule_examples_test.cpp): what the request offered, empty values, case, and the dialect.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

constexpr const char* kDate = "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n";

struct Exchange {
  std::string response;
  std::string request = {};  // raw bytes; empty: not known
  RequestMethod method = RequestMethod::get;
  Dialect dialect = Dialect::modern;
};

// The most severe finding of `rule` that examine() reports for the exchange, or none.
std::optional<Severity> judged(const Exchange& e, Rule rule) {
  Policy policy = Policy::strict();
  policy.dialect = e.dialect;
  BasicResponseParser<> parser(policy);
  EXPECT_EQ(parser.parse(e.response), ParseStatus::complete) << e.response;
  RequestContext request;
  if (!e.request.empty()) {
    request = request_context(e.request);
    EXPECT_TRUE(request.known) << e.request;
  } else {
    request.method = e.method;
  }
  FindingList findings;
  (void)examine(parser.response(), request, policy, findings);
  std::optional<Severity> worst;
  for (const Finding& f : findings) {
    if (f.rule == rule && (!worst || f.severity > *worst)) worst = f.severity;
  }
  return worst;
}

std::string switching(const std::string& upgrade) {
  return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: " + upgrade +
         "\r\nConnection: Upgrade\r\n\r\n";
}

std::string offering(const std::string& upgrade) {
  return "GET /chat HTTP/1.1\r\nHost: a.example\r\nUpgrade: " + upgrade +
         "\r\nConnection: Upgrade\r\n\r\n";
}

// RFC 9110 §7.8: a server MUST NOT switch to a protocol the client did not indicate. Names
// compare case-insensitively; a version must match when both sides give one.
TEST(ClassRules, A101SwitchesOnlyToAnOfferedProtocol) {
  const struct {
    const char* offered;
    const char* chosen;
    bool accepted;
  } cases[] = {
      {"websocket", "websocket", true},
      {"websocket", "WebSocket", true},
      {"h2c, websocket", "websocket", true},
      {"HTTP/2.0", "HTTP/2.0", true},
      {"websocket", "websocket/13", true},
      {"HTTP/2.0, SHTTP/1.3", "SHTTP/1.3, HTTP/2.0", true},
      {"websocket", "h2c", false},
      {"HTTP/2.0", "HTTP/3.0", false},
      {"websocket", "websocket, h2c", false},
      {"web", "websocket", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.offered) + " -> " + c.chosen);
    const auto found = judged({.response = switching(c.chosen), .request = offering(c.offered)},
                              Rule::code_101_upgrade);
    if (c.accepted) {
      EXPECT_FALSE(found.has_value());
    } else {
      EXPECT_EQ(found, Severity::error);
    }
  }
  // Without the request, what it offered is unknown: nothing to compare.
  EXPECT_FALSE(judged({.response = switching("h2c")}, Rule::code_101_upgrade).has_value());
}

// Upgrade = #protocol: an Upgrade that names none (or none readable) leaves the protocol after
// a 101 unknown, like a missing one (an error); on a 426 it is the missing field's warning.
TEST(ClassRules, AnUpgradeThatNamesNoProtocolIsLikeNone) {
  for (const char* value : {"", ",", " , "}) {
    SCOPED_TRACE(std::string("Upgrade: ") + value);
    EXPECT_EQ(judged({.response = switching(value)}, Rule::code_101_upgrade), Severity::error);
    const std::string required = std::string("HTTP/1.1 426 Upgrade Required\r\n") + kDate +
                                 "Upgrade: " + value +
                                 "\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n";
    EXPECT_EQ(judged({.response = required}, Rule::code_426_upgrade), Severity::warning);
  }
  EXPECT_FALSE(judged({.response = switching("websocket")}, Rule::code_101_upgrade).has_value());
  // Catalog F21: an Upgrade that is not protocol-name ["/" protocol-version] is an error on a
  // 101, reported once; elsewhere a warning.
  EXPECT_EQ(judged({.response = switching("web socket")}, Rule::upgrade_syntax), Severity::error);
  EXPECT_FALSE(judged({.response = switching("web socket")}, Rule::code_101_upgrade).has_value());
  const std::string ok = std::string("HTTP/1.1 200 OK\r\n") + kDate +
                         "ETag: \"a\"\r\nUpgrade: web socket\r\nConnection: Upgrade\r\n"
                         "Content-Length: 0\r\n\r\n";
  EXPECT_EQ(judged({.response = ok}, Rule::upgrade_syntax), Severity::warning);
}

// Methods are case-sensitive (RFC 9110 §9.1): an Allow listing "get" does not list GET.
TEST(ClassRules, A405AllowListsTheRefusedMethodByExactName) {
  const auto refused = [](const char* allow) {
    return std::string("HTTP/1.1 405 Method Not Allowed\r\n") + kDate + "Allow: " + allow +
           "\r\nContent-Length: 0\r\n\r\n";
  };
  const std::string get = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n";
  EXPECT_EQ(judged({.response = refused("GET, HEAD"), .request = get}, Rule::code_405_allow),
            Severity::warning);
  EXPECT_FALSE(
      judged({.response = refused("get, HEAD"), .request = get}, Rule::code_405_allow).has_value());
  EXPECT_FALSE(judged({.response = refused("POST, HEAD"), .request = get}, Rule::code_405_allow)
                   .has_value());
}

// RFC 7725 §3, §4: a 451 SHOULD carry a Link whose relation is "blocked-by"; the words in its
// address are no relation.
TEST(ClassRules, A451NeedsTheBlockedByRelationNotTheText) {
  const auto blocked = [](const char* link) {
    return std::string("HTTP/1.1 451 Unavailable For Legal Reasons\r\n") + kDate + "Link: " + link +
           "\r\nContent-Length: 0\r\n\r\n";
  };
  const Rule rule = Rule::code_511_captive_portal;  // D29 covers 511 and 451
  EXPECT_FALSE(
      judged({.response = blocked("<https://a.example/r>; rel=\"blocked-by\"")}, rule).has_value());
  EXPECT_FALSE(judged({.response = blocked("<https://a.example/r>; rel=\"help Blocked-By\"")}, rule)
                   .has_value());
  EXPECT_EQ(
      judged({.response = blocked("<https://a.example/why-blocked-by-court>; rel=\"help\"")}, rule),
      Severity::warning);
  EXPECT_EQ(judged({.response = blocked("<https://a.example/r>; title=\"blocked-by\"")}, rule),
            Severity::warning);
}

// RFC 9110 §6.6.1 puts Date on origin servers; a 2xx to CONNECT is the proxy's own answer.
TEST(ClassRules, A2xxToConnectNeedsNoDate) {
  const std::string established = "HTTP/1.1 200 Connection Established\r\n\r\n";
  EXPECT_FALSE(
      judged({.response = established, .method = RequestMethod::connect}, Rule::date_required)
          .has_value());
  EXPECT_EQ(judged({.response = established, .method = RequestMethod::get}, Rule::date_required),
            Severity::warning);
  const std::string refused = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
  EXPECT_EQ(judged({.response = refused, .method = RequestMethod::connect}, Rule::date_required),
            Severity::warning);
}

// The 1992 dialect has neither WWW-Authenticate nor a Date requirement on 304: its own notes
// (htresp.*) judge those responses, not RFC 9110's MUSTs.
TEST(ClassRules, TheHistoricDialectSkipsModernFieldRequirements) {
  const std::string unauthorized =
      "HTTP/1.0 401 Unauthorized\r\nContent-Type: text/html\r\n"
      "Content-Length: 1\r\n\r\nx";
  const std::string not_modified = "HTTP/1.0 304 Not Modified\r\nServer: CERN/2.15\r\n\r\n";
  EXPECT_EQ(judged({.response = unauthorized}, Rule::code_401_www_authenticate), Severity::warning);
  EXPECT_FALSE(judged({.response = unauthorized, .dialect = Dialect::w3c1992},
                      Rule::code_401_www_authenticate)
                   .has_value());
  EXPECT_TRUE(judged({.response = unauthorized, .dialect = Dialect::w3c1992},
                     Rule::htresp_401_402_parameter)
                  .has_value());
  EXPECT_EQ(judged({.response = not_modified}, Rule::code_304_date), Severity::warning);
  EXPECT_FALSE(judged({.response = not_modified, .dialect = Dialect::w3c1992}, Rule::code_304_date)
                   .has_value());
}

}  // namespace
}  // namespace h1resp::testing
