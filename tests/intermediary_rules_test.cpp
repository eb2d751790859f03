// The rules a cache or proxy judges with its side of the exchange: a 304 freshening the stored
// response (E08, RFC 9111 §4.3.4), a proxy's 200 to a matching conditional request (E09,
// RFC 9110 §15.4.5, §13.1.2, §13.1.3), and a proxy's forwarding of 1xx responses (D10, §15.2).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

constexpr const char* kDate = "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n";

// The findings of `response` (one header section, no body) judged with `request`.
FindingList judge(const std::string& response, const RequestContext& request) {
  BasicResponseParser<> parser;
  EXPECT_EQ(parser.parse(response), ParseStatus::complete) << response;
  FindingList findings;
  examine(parser.response(), request, parser.policy(), findings);
  return findings;
}

struct FreshenCase {
  const char* stored;  // the stored 200's validator lines
  const char* fresh;   // the 304's validator lines
  bool reported;
};

const FreshenCase kFreshenCases[] = {
    {"ETag: \"v1\"\r\n", "ETag: \"v1\"\r\n", false},
    {"ETag: \"v1\"\r\n", "ETag: \"v2\"\r\n", true},
    // A strong validator identifies only stored responses with the same strong validator.
    {"ETag: W/\"v1\"\r\n", "ETag: \"v1\"\r\n", true},
    // A weak one matches by the weak comparison: the weak flags do not matter.
    {"ETag: \"v1\"\r\n", "ETag: W/\"v1\"\r\n", false},
    {"ETag: W/\"v1\"\r\n", "ETag: W/\"v1\"\r\n", false},
    {"ETag: W/\"v1\"\r\n", "ETag: W/\"v2\"\r\n", true},
    {"", "ETag: \"v1\"\r\n", true},
    // The ETag decides when there is one, whatever Last-Modified says.
    {"ETag: \"v1\"\r\nLast-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n",
     "ETag: \"v1\"\r\nLast-Modified: Sat, 30 Dec 2023 00:00:00 GMT\r\n", false},
    // Without an ETag, Last-Modified: the same date, in any of the three formats.
    {"Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n",
     "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", false},
    {"Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n",
     "Last-Modified: Sunday, 31-Dec-23 00:00:00 GMT\r\n", false},
    {"Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n",
     "Last-Modified: Sun, 31 Dec 2023 00:00:01 GMT\r\n", true},
    {"ETag: \"v1\"\r\n", "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", true},
    // No validator: only a stored response without one is identified.
    {"", "", false},
    {"ETag: \"v1\"\r\n", "", true},
    {"Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", "", true},
    // A malformed validator is no validator (etag.syntax reports it).
    {"", "ETag: v1\r\n", false},
};

TEST(Freshening, A304UpdatesOnlyTheStoredResponseItsValidatorIdentifies) {
  for (const FreshenCase& c : kFreshenCases) {
    const std::string stored_bytes =
        std::string("HTTP/1.1 200 OK\r\n") + kDate + c.stored + "Content-Length: 0\r\n\r\n";
    const std::string fresh =
        std::string("HTTP/1.1 304 Not Modified\r\n") + kDate + c.fresh + "\r\n";
    SCOPED_TRACE(stored_bytes + fresh);
    BasicResponseParser<> stored_parser;
    ASSERT_EQ(stored_parser.parse(stored_bytes), ParseStatus::complete);
    RequestContext request;
    request.reference_200 = &stored_parser.response();
    const FindingList findings = judge(fresh, request);
    EXPECT_EQ(findings.contains(Rule::code_304_freshen_match), c.reported);
    // Without the stored response there is nothing to judge.
    EXPECT_FALSE(judge(fresh, {}).contains(Rule::code_304_freshen_match));
  }
}

TEST(Freshening, TheFindingPointsAtTheValidator) {
  const std::string stored_bytes = "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nContent-Length: 0\r\n\r\n";
  const std::string fresh = "HTTP/1.1 304 Not Modified\r\nETag: \"v2\"\r\n\r\n";
  BasicResponseParser<> stored_parser;
  ASSERT_EQ(stored_parser.parse(stored_bytes), ParseStatus::complete);
  RequestContext request;
  request.reference_200 = &stored_parser.response();
  for (const Finding& f : judge(fresh, request)) {
    if (f.rule != Rule::code_304_freshen_match) continue;
    EXPECT_EQ(f.offset, fresh.find("ETag"));
    EXPECT_EQ(f.length, std::string_view("ETag: \"v2\"").size());
    return;
  }
  ADD_FAILURE() << "no 304.freshen-match";
}

struct ConditionalCase {
  const char* request;     // the client's conditional fields
  const char* validators;  // the proxy's 200's validator lines
  bool reported;
};

const ConditionalCase kConditionalCases[] = {
    {"If-None-Match: \"v1\"\r\n", "ETag: \"v1\"\r\n", true},
    {"If-None-Match: \"v2\"\r\n", "ETag: \"v1\"\r\n", false},
    // A list, and the weak comparison (RFC 9110 §13.1.2).
    {"If-None-Match: \"a\", W/\"v1\"\r\n", "ETag: \"v1\"\r\n", true},
    {"If-None-Match: \"v1\"\r\n", "ETag: W/\"v1\"\r\n", true},
    {"If-None-Match: \"a,b\"\r\n", "ETag: \"a,b\"\r\n", true},
    {"If-None-Match: \"a,b\"\r\n", "ETag: \"a\"\r\n", false},
    {"If-None-Match: *\r\n", "ETag: \"v1\"\r\n", true},
    {"If-None-Match: *\r\n", "", true},
    {"If-None-Match: \"v1\"\r\n", "", false},
    // If-Modified-Since: not modified since (§13.1.3)...
    {"If-Modified-Since: Sun, 31 Dec 2023 00:00:00 GMT\r\n",
     "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", true},
    {"If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT\r\n",
     "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", true},
    {"If-Modified-Since: Sat, 30 Dec 2023 00:00:00 GMT\r\n",
     "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", false},
    {"If-Modified-Since: Sun, 31 Dec 2023 00:00:00 GMT\r\n", "", false},
    // ...ignored when it is not a date, and when If-None-Match is present.
    {"If-Modified-Since: yesterday\r\n", "Last-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", false},
    {"If-None-Match: \"v2\"\r\nIf-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT\r\n",
     "ETag: \"v1\"\r\nLast-Modified: Sun, 31 Dec 2023 00:00:00 GMT\r\n", false},
    {"", "ETag: \"v1\"\r\n", false},
};

TEST(ConditionalAnswer, AProxysFullAnswerToAMatchingConditionIsReported) {
  for (const ConditionalCase& c : kConditionalCases) {
    const std::string request_bytes =
        std::string("GET / HTTP/1.1\r\nHost: a\r\n") + c.request + "\r\n";
    const std::string response = std::string("HTTP/1.1 200 OK\r\n") + kDate + c.validators +
                                 "Content-Type: text/plain\r\nContent-Length: 0\r\n\r\n";
    SCOPED_TRACE(request_bytes + response);
    RequestContext request = request_context(request_bytes);
    request.proxy_output = true;
    EXPECT_EQ(judge(response, request).contains(Rule::code_304_forwarding), c.reported);
    // Only a proxy's own output is judged, and only a 200 to GET or HEAD.
    request.proxy_output = false;
    EXPECT_FALSE(judge(response, request).contains(Rule::code_304_forwarding));
    request.proxy_output = true;
    request.method = RequestMethod::post;
    EXPECT_FALSE(judge(response, request).contains(Rule::code_304_forwarding));
  }
}

TEST(ConditionalAnswer, TheRequestContextKeepsTheConditions) {
  const RequestContext request = request_context(
      "GET / HTTP/1.1\r\nIf-None-Match:  \"x\", W/\"y\" \r\n"
      "if-modified-since: Sun, 31 Dec 2023 00:00:00 GMT\r\n\r\n");
  EXPECT_TRUE(request.conditional);
  EXPECT_EQ(request.if_none_match, "\"x\", W/\"y\"");
  EXPECT_EQ(request.if_modified_since, "Sun, 31 Dec 2023 00:00:00 GMT");
}

TEST(ConditionalAnswer, ARequestLineEndsWithItsVersion) {
  const RequestContext http10 = request_context("HEAD /a%20b HTTP/1.0\r\n\r\n");
  EXPECT_TRUE(http10.known);
  EXPECT_EQ(http10.method, RequestMethod::head);
  EXPECT_EQ(http10.version_minor, 0);
  // A status line, or a line without a version, describes no request.
  for (const char* line :
       {"HTTP/1.1 200 OK\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/x.1\r\n", "GET\r\n"}) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(request_context(line).known);
  }
}

// The D10 findings of a proxy's output stream, given the 1xx responses it received per request.
int forwarding_findings(const std::string& stream_bytes, std::uint8_t upstream_interim,
                        const char* request_line = "GET / HTTP/1.1") {
  StreamOptions options;
  options.request = request_context(std::string(request_line) + "\r\nHost: a\r\n\r\n");
  options.request.proxy_output = true;
  options.request.upstream_interim = upstream_interim;
  ResponseStream stream(stream_bytes, options);
  StreamMessage m;
  int count = 0;
  while (stream.next(m)) {
    EXPECT_EQ(m.status, ParseStatus::complete);
    for (const Finding& f : m.findings) {
      if (f.rule != Rule::code_1xx_proxy_forward) continue;
      ++count;
      EXPECT_GE(m.response.status, 200U) << "only a final response lacks its 1xx";
      EXPECT_EQ(f.offset, 0U);
    }
  }
  return count;
}

TEST(InterimForwarding, AProxyForwardsThe1xxItReceived) {
  const std::string ok = std::string("HTTP/1.1 200 OK\r\n") + kDate + "Content-Length: 0\r\n\r\n";
  const std::string cont = "HTTP/1.1 100 Continue\r\n\r\n";
  const std::string hints = "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n";
  EXPECT_EQ(forwarding_findings(ok, 0), 0);
  EXPECT_EQ(forwarding_findings(ok, 1), 1);
  EXPECT_EQ(forwarding_findings(cont + ok, 1), 0);
  EXPECT_EQ(forwarding_findings(cont + ok, 2), 1);
  EXPECT_EQ(forwarding_findings(hints + cont + ok, 2), 0);
  // The count starts again with each request's exchange.
  EXPECT_EQ(forwarding_findings(cont + ok + cont + ok, 1), 0);
  EXPECT_EQ(forwarding_findings(cont + ok + ok, 1), 1);
  // An HTTP/1.0 client must not get 1xx responses at all (RFC 9110 §15.2).
  EXPECT_EQ(forwarding_findings(ok, 1, "GET / HTTP/1.0"), 0);
}

TEST(InterimForwarding, ValidateTakesTheCountsFromTheCaller) {
  const std::string ok = std::string("HTTP/1.1 200 OK\r\n") + kDate + "Content-Length: 0\r\n\r\n";
  RequestContext request;
  request.proxy_output = true;
  request.upstream_interim = 1;
  EXPECT_TRUE(judge(ok, request).contains(Rule::code_1xx_proxy_forward));
  request.interim_sent = 1;
  EXPECT_FALSE(judge(ok, request).contains(Rule::code_1xx_proxy_forward));
  request.interim_sent = 0;
  request.proxy_output = false;  // an upstream's response: not a proxy's forwarding
  EXPECT_FALSE(judge(ok, request).contains(Rule::code_1xx_proxy_forward));
}

// RFC 9110 §7.6.1 on a proxy's own output: the fields its upstream's Connection named, and
// Proxy-Connection and Keep-Alive without an option of the proxy's own, were for the previous
// hop. The proxy's own Connection is not reported.
TEST(HopByHop, AProxyIsToldOfTheFieldsMeantForThePreviousHop) {
  struct Case {
    const char* fields;
    const char* reported_line;  // the start of the line reported, or nullptr for none
  };
  const Case cases[] = {
      {"Connection: close\r\n", nullptr},
      {"Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n", nullptr},
      {"Connection: Keep-Alive, close\r\nKeep-Alive: timeout=5\r\n", nullptr},
      {"Keep-Alive: timeout=5\r\n", "Keep-Alive"},
      {"Connection: X-Internal\r\nX-Internal: secret\r\n", "X-Internal"},
      {"Connection: close, x-internal\r\nX-INTERNAL: secret\r\n", "X-INTERNAL"},
      {"X-Internal: secret\r\nConnection: X-Internal\r\n", "X-Internal"},
      {"Connection: X-Gone\r\n", nullptr},  // names nothing the response carries
      {"Proxy-Connection: keep-alive\r\n", "Proxy-Connection"},
      {"Connection: upgrade\r\nUpgrade: h2c\r\n", nullptr},
  };
  for (const Case& c : cases) {
    const std::string response =
        std::string("HTTP/1.1 200 OK\r\n") + kDate + c.fields + "Content-Length: 0\r\n\r\n";
    SCOPED_TRACE(response);
    RequestContext proxy;
    proxy.proxy_output = true;
    const FindingList findings = judge(response, proxy);
    std::vector<std::uint64_t> offsets;
    for (const Finding& f : findings) {
      if (f.rule == Rule::field_hop_by_hop_forwarded) offsets.push_back(f.offset);
    }
    if (c.reported_line == nullptr) {
      EXPECT_TRUE(offsets.empty());
    } else {
      EXPECT_EQ(offsets,
                std::vector<std::uint64_t>{response.find(std::string("\n") + c.reported_line) + 1});
    }
    // An origin's response is not a proxy's output: nothing to judge.
    EXPECT_FALSE(judge(response, {}).contains(Rule::field_hop_by_hop_forwarded));
  }
}

}  // namespace
}  // namespace h1resp::testing
