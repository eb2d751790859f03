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

// What request_context() reads of Range (RFC 9110 §14.1.1): whether there is one, and whether
// it asks for exactly one range.
TEST(ClassRules, TheRequestContextCountsTheRangesAsked) {
  const struct {
    const char* range;
    bool single;
  } cases[] = {{"bytes=0-4", true},     {"bytes=-500", true}, {"bytes=0-4, 10-20", false},
               {"bytes=0-4,,", true},   {"bytes=", false},    {"bytes", false},
               {"bytes=0-4,10-", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.range);
    const RequestContext request = request_context(
        std::string("GET / HTTP/1.1\r\nHost: a.example\r\nRange: ") + c.range + "\r\n\r\n");
    EXPECT_TRUE(request.has_range);
    EXPECT_EQ(request.single_range, c.single);
  }
  EXPECT_FALSE(request_context("GET / HTTP/1.1\r\nHost: a.example\r\n\r\n").single_range);
}

// RFC 9110 §15.3.7: a single part carries Content-Range; several parts are multipart/byteranges
// with a boundary, without a header-level Content-Range, and never the answer to one range.
TEST(ClassRules, A206IsOnePartWithContentRangeOrAMultipartWithABoundary) {
  const auto partial = [](const std::string& fields) {
    return std::string("HTTP/1.1 206 Partial Content\r\n") + kDate + "ETag: \"a\"\r\n" + fields +
           "Content-Length: 0\r\n\r\n";
  };
  const std::string multipart = "Content-Type: multipart/byteranges; boundary=THIS\r\n";
  const std::string one = "GET / HTTP/1.1\r\nHost: a.example\r\nRange: bytes=0-4\r\n\r\n";
  const std::string two = "GET / HTTP/1.1\r\nHost: a.example\r\nRange: bytes=0-4,9-\r\n\r\n";
  const Rule rule = Rule::code_206_content_range;
  EXPECT_FALSE(judged({.response = partial("Content-Range: bytes 0-4/10\r\n")}, rule));
  EXPECT_FALSE(judged({.response = partial(multipart)}, rule));
  EXPECT_FALSE(judged({.response = partial(multipart), .request = two}, rule));
  EXPECT_EQ(judged({.response = partial(multipart), .request = one}, rule), Severity::warning);
  EXPECT_EQ(judged({.response = partial("")}, rule), Severity::warning);
  EXPECT_EQ(judged({.response = partial("Content-Type: multipart/byteranges\r\n")}, rule),
            Severity::warning);
  EXPECT_EQ(judged({.response = partial(multipart + "Content-Range: bytes 0-4/10\r\n")}, rule),
            Severity::warning);
  EXPECT_EQ(judged({.response = partial("Content-Range: bytes 0-4/10\r\n"),
                    .request = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"},
                   rule),
            Severity::warning);
  // F12: "*/length" belongs in a 416, a satisfied range in a 206.
  EXPECT_EQ(
      judged({.response = partial("Content-Range: bytes */10\r\n")}, Rule::content_range_status),
      Severity::warning);
  const auto unsatisfiable = [](const std::string& fields) {
    return std::string("HTTP/1.1 416 Range Not Satisfiable\r\n") + kDate + fields +
           "Content-Length: 0\r\n\r\n";
  };
  EXPECT_FALSE(judged({.response = unsatisfiable("Content-Range: bytes */10\r\n")},
                      Rule::code_416_content_range));
  EXPECT_TRUE(judged({.response = unsatisfiable("Content-Range: bytes 0-4/10\r\n")},
                     Rule::code_416_content_range));
  EXPECT_TRUE(judged({.response = unsatisfiable("")}, Rule::code_416_content_range));
}

// Retry-After where the status says the condition is temporary (RFC 9110 §15.5.14, RFC 6585
// §4, RFC 9110 §15.6.4 for 503).
TEST(ClassRules, TemporaryRefusalsAdviseRetryAfter) {
  for (const char* status :
       {"413 Content Too Large", "429 Too Many Requests", "503 Service Unavailable"}) {
    SCOPED_TRACE(status);
    const std::string head = std::string("HTTP/1.1 ") + status + "\r\n" + kDate;
    EXPECT_TRUE(
        judged({.response = head + "Content-Length: 0\r\n\r\n"}, Rule::retry_after_advisable));
    EXPECT_FALSE(judged({.response = head + "Retry-After: 120\r\nContent-Length: 0\r\n\r\n"},
                        Rule::retry_after_advisable));
  }
  EXPECT_FALSE(judged({.response = std::string("HTTP/1.1 400 Bad Request\r\n") + kDate +
                                   "Content-Length: 0\r\n\r\n"},
                      Rule::retry_after_advisable));
}

// RFC 9110 §6.6.1: Date in every 2xx, 3xx and 4xx; MAY in 1xx and 5xx.
TEST(ClassRules, DateIsRequiredIn2xx3xxAnd4xx) {
  for (const char* status : {"200 OK", "204 No Content", "301 Moved Permanently",
                             "307 Temporary Redirect", "404 Not Found", "451 Unavailable"}) {
    SCOPED_TRACE(status);
    EXPECT_EQ(judged({.response = std::string("HTTP/1.1 ") + status +
                                  "\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n"},
                     Rule::date_required),
              Severity::warning);
  }
  for (const char* status : {"100 Continue", "500 Internal Server Error", "503 Unavailable"}) {
    SCOPED_TRACE(status);
    EXPECT_FALSE(
        judged({.response = std::string("HTTP/1.1 ") + status + "\r\n\r\n"}, Rule::date_required));
  }
}

// A 101 answers a request that offered an Upgrade (RFC 9110 §15.2.2).
TEST(ClassRules, A101AnswersOnlyAnUpgradeOffer) {
  EXPECT_EQ(judged({.response = switching("websocket"),
                    .request = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"},
                   Rule::code_101_upgrade),
            Severity::error);
}

// RFC 9110 §15.4.5: a 304 carries no representation metadata other than what guides cache
// updates; Content-Length there must be the 200's, and "0" without the 200 is the trap a cache
// could store.
TEST(ClassRules, A304CarriesOnlyTheMetadataCachesUpdate) {
  const auto not_modified = [](const std::string& fields) {
    return std::string("HTTP/1.1 304 Not Modified\r\n") + kDate + "ETag: \"a\"\r\n" + fields +
           "\r\n";
  };
  for (const char* field :
       {"Content-Type: text/html\r\n", "Content-Encoding: gzip\r\n", "Content-Language: en\r\n",
        "Content-Range: bytes 0-4/10\r\n", "Content-MD5: x\r\n"}) {
    SCOPED_TRACE(field);
    EXPECT_EQ(judged({.response = not_modified(field)}, Rule::code_304_representation_metadata),
              Severity::warning);
  }
  for (const char* field :
       {"Content-Location: /a\r\n", "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n",
        "Cache-Control: max-age=60\r\n", "Vary: Accept\r\n", "X-Other: 1\r\n"}) {
    SCOPED_TRACE(field);
    EXPECT_FALSE(judged({.response = not_modified(field)}, Rule::code_304_representation_metadata));
  }
  EXPECT_EQ(judged({.response = not_modified("Content-Length: 0\r\n")},
                   Rule::code_304_content_length_value),
            Severity::info);
  EXPECT_FALSE(judged({.response = not_modified("Content-Length: 1234\r\n")},
                      Rule::code_304_content_length_value));
}

}  // namespace
}  // namespace h1resp::testing
