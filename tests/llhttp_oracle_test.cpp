// llhttp as an oracle for the tokenizer: both parsers read the same responses; where both accept
// they must see the same version, status, reason, fields and header size, and every other
// difference must be an entry of the divergence table (interop/llhttp/divergences.cpp).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "llhttp/compare.hpp"
#include "llhttp/divergences.hpp"
#include "llhttp/llhttp_responses.hpp"
#include "parse_harness.hpp"

namespace h1resp::testing {
namespace {

const std::string kOk = "HTTP/1.1 200 OK\r\n";
const std::string kEnd = "Content-Length: 0\r\n\r\n";

const std::string kInputs[] = {
    // Valid: both must agree on everything.
    kOk + kEnd,
    "HTTP/1.0 404 Not Found\r\nServer: x\r\n" + kEnd,
    "HTTP/1.1 204 \r\n\r\n",
    "HTTP/1.1 200  OK\r\n" + kEnd,
    "HTTP/1.1 200 O\xe9K\r\n" + kEnd,
    "HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/\r\n" + kEnd,
    kOk + "Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nX:  padded \t \r\n" + kEnd,
    kOk +
        "X:\r\nY: \xa0"
        "b\r\n" +
        kEnd,
    kOk + "!#$%&'*+-.^_`|~09azAZ: tchar\r\n" + kEnd,
    kOk + "Cache-Control: max-age=60, public\r\nVary: Accept-Encoding\r\n" + kEnd,
    kOk + "X: " + std::string(3000, 'v') + "\r\n" + kEnd,
    "HTTP/1.1 600 Custom\r\n" + kEnd,
    // Invalid: h1resp rejects; llhttp rejects too, or the divergence table says why not.
    "HTTP/2.0 200 OK\r\n" + kEnd,
    "HTTP/1.01 200 OK\r\n" + kEnd,
    "http/1.1 200 OK\r\n" + kEnd,
    "HTTP/1.1  200 OK\r\n" + kEnd,
    "HTTP/1.1\t200 OK\r\n" + kEnd,
    "HTTP/1.1 2000 OK\r\n" + kEnd,
    "HTTP/1.1 20 OK\r\n" + kEnd,
    "HTTP/1.1 200\r\n" + kEnd,
    bytes("HTTP/1.1 200 O\x00K\r\nContent-Length: 0\r\n\r\n"),
    "HTTP/1.1 200 O\x01K\r\n" + kEnd,
    "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
    "HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n",
    "\r\nHTTP/1.1 200 OK\r\n" + kEnd,
    "xHTTP/1.1 200 OK\r\n" + kEnd,
    kOk + " X: y\r\n" + kEnd,
    kOk + "\tX: y\r\n" + kEnd,
    "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n",
    "HTTP/1.1 204 No Content\r\n\n",
    kOk + "X: a\x0b\r\n" + kEnd,
    "HTTP/1.1 204 No Content\r\n X: y\r\n\r\n",
    kOk + ": x\r\n" + kEnd,
    kOk + "X Y: z\r\n" + kEnd,
    kOk + "X : z\r\n" + kEnd,
    kOk + "foo\r\n" + kEnd,
    kOk + "X: a\r\n b\r\n" + kEnd,
    kOk + "X: a\rb\r\n" + kEnd,
    bytes("HTTP/1.1 200 OK\r\nX: a\x00"
          "b\r\nContent-Length: 0\r\n\r\n"),
    kOk +
        "X: a\x0c"
        "b\r\n" +
        kEnd,
    kOk + "X\xe9: a\r\n" + kEnd,
    // Valid for h1resp, refused by llhttp (divergence table).
    "HTTP/1.2 200 OK\r\n" + kEnd,
};

// The rules the tokenizer can fail a header section with (catalog A and B01-B07, G14).
bool is_parse_rule(Rule rule) {
  const RuleInfo& info = rule_info(rule);
  return (info.catalog[0] == 'A' && rule != Rule::status_code_range &&
          rule != Rule::status_version_minor_higher && rule != Rule::status_reason_not_semantic &&
          rule != Rule::status_1xx_to_http10) ||
         (info.catalog >= "B01" && info.catalog <= "B07") ||
         rule == Rule::http10_version_multidigit;
}

std::string trim_ows_right(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.pop_back();
  return s;
}

TEST(LlhttpOracle, AgreesOrTheDivergenceIsDocumented) {
  std::set<std::string_view> used;
  // llhttp as Node.js runs it, with its lenient header flag (some divergences show only so),
  // and its strict build (LLHTTP_STRICT_MODE).
  interop::LlhttpOptions lenient_headers;
  lenient_headers.lenient_headers = true;
  interop::LlhttpOptions strict;
  strict.strict = true;
  for (const interop::LlhttpOptions& options :
       {interop::LlhttpOptions{}, lenient_headers, strict}) {
    SCOPED_TRACE(options.strict ? "strict llhttp" : "default llhttp");
    for (const std::string& input : kInputs) {
      SCOPED_TRACE(::testing::PrintToString(input));
      const Outcome h1 = parse_everywhere(input);
      const interop::LlhttpResult ll = interop::llhttp_read_responses(input, {}, options);
      const bool h1_accepts = h1.status == ParseStatus::complete;
      const bool ll_accepts = ll.error == 0 && !ll.messages.empty();
      if (h1_accepts && ll_accepts) {
        const interop::LlhttpMessage& m = ll.messages.front();
        EXPECT_EQ(m.version_major, h1.version_major);
        EXPECT_EQ(m.version_minor, h1.version_minor);
        EXPECT_EQ(m.status, h1.code);
        EXPECT_EQ(m.reason, h1.reason);
        EXPECT_EQ(m.header_end, h1.header_size);
        ASSERT_EQ(m.fields.size(), h1.fields.size());
        for (std::size_t i = 0; i < m.fields.size(); ++i) {
          EXPECT_EQ(m.fields[i].first, h1.fields[i].first);
          // llhttp keeps trailing OWS in values; RFC 9112 §5.1 excludes it.
          EXPECT_EQ(trim_ows_right(m.fields[i].second), h1.fields[i].second);
        }
      } else if (!h1_accepts && ll_accepts) {
        const interop::Divergence* d = interop::h1resp_stricter(h1.error_rule);
        ASSERT_NE(d, nullptr) << "undocumented: h1resp rejects (" << to_string(h1.error_rule)
                              << "), llhttp accepts";
        used.insert(d->id);
      } else if (h1_accepts && !ll_accepts) {
        const interop::Divergence* d = interop::llhttp_stricter(ll.error_name, input);
        ASSERT_NE(d, nullptr) << "undocumented: llhttp rejects (" << ll.error_name << ": "
                              << ll.reason << "), h1resp accepts";
        used.insert(d->id);
      }
    }
  }
  // Every entry about what the tokenizer refuses is still a real divergence: none is left
  // stale. (Entries about framing, streams and validation are the differential fuzzer's.)
  for (const interop::Divergence& d : interop::all_divergences()) {
    if (d.side != interop::DivergenceSide::h1resp_rejects || !is_parse_rule(d.rule)) continue;
    EXPECT_TRUE(used.contains(d.id)) << d.id << " is not exercised by any input";
  }
  EXPECT_TRUE(used.contains("llhttp-rejects-higher-minor-versions"));
}

// The second oracle is really llhttp's strict build: what only its strict mode refuses.
TEST(LlhttpOracle, StrictBuildRefusesWhatTheDefaultBuildAccepts) {
  interop::LlhttpOptions strict;
  strict.strict = true;
  // Strict mode's own checks (llhttp.c under LLHTTP_STRICT_MODE): data after "Connection:
  // close", CRLF after chunk data.
  for (const std::string input :
       {"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY0\r\n\r\n"}) {
    SCOPED_TRACE(::testing::PrintToString(input));
    EXPECT_EQ(interop::llhttp_read_responses(input, {}).error, 0);
    EXPECT_NE(interop::llhttp_read_responses(input, {}, strict).error, 0);
  }
}

// Whole streams through interop::compare_streams(): each disagreement is found, of the expected
// kind, and named by the expected table entry ("" for none: the readings agree).
TEST(LlhttpOracle, StreamDisagreementsAreFoundAndDocumented) {
  const std::string k101 =
      "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: ws\r\n";
  const struct {
    std::string bytes;
    std::size_t disagreements;
    interop::Disagreement::Kind kind;
    std::string_view entry;
  } cases[] = {
      {kOk + kEnd + kOk + kEnd, 0, {}, ""},
      // Both switch protocols after the empty line; the tunnel's bytes are no one's body.
      {k101 + "\r\nanything", 0, {}, ""},
      // A 101 that declares a body: llhttp reads the body first (and then switches), so it
      // fails where the declared body is missing; h1resp refuses the declaration: both refuse.
      {k101 + "Transfer-Encoding: chunked\r\n\r\n", 0, {}, ""},
      {k101 + "Content-Length: 5\r\n\r\n", 0, {}, ""},
      // A 1xx or 204 that declares a body llhttp can read: llhttp reads it, h1resp refuses.
      {k101 + "Content-Length: 5\r\n\r\nhello", 1, interop::Disagreement::h1resp_rejects,
       "llhttp-reads-body-of-1xx"},
      {"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello", 1,
       interop::Disagreement::h1resp_rejects, "llhttp-reads-body-of-204"},
      {"HTTP/1.1 100 Continue\r\nContent-Length: 2\r\n\r\nab" + kOk + kEnd, 1,
       interop::Disagreement::h1resp_rejects, "llhttp-reads-body-of-1xx"},
      // A 304's Content-Length is the representation's (RFC 9110 §8.6): h1resp ends the 304 at
      // its empty line and reads on; the oracle's llhttp reads a body (Node.js skips it).
      {"HTTP/1.1 304 Not Modified\r\nContent-Length: 2\r\n\r\nab" + kOk + kEnd, 1,
       interop::Disagreement::framing, "llhttp-reads-body-of-304"},
      // llhttp lets only SP follow a token it recognises in Transfer-Encoding and Connection;
      // HTAB (also OWS, RFC 9110 §5.6.3) makes it another token. A final chunked: llhttp reads
      // until close, h1resp refuses the obfuscation.
      {kOk + "Transfer-Encoding: chunked\t\r\n\r\n1\r\na\r\n0\r\n\r\n" + kOk + kEnd, 1,
       interop::Disagreement::h1resp_rejects, "llhttp-accepts-unknown-transfer-codings"},
      // A 101 whose upgrade option is followed by HTAB: llhttp does not switch and reads what
      // follows as HTTP; h1resp refuses it (it would have started the tunnel).
      {"HTTP/1.1 101 Switching Protocols\r\nUpgrade: ws\r\nConnection: upgrade\t\r\n\r\n" + kOk +
           kEnd,
       1, interop::Disagreement::h1resp_rejects,
       "llhttp-accepts-upgrade-without-connection-option"},
      // An HTTP/1.0 keep-alive: both read the next response; followed by HTAB, llhttp closes
      // after it, h1resp reads the next response.
      {"HTTP/1.0 200 OK\r\nConnection: keep-alive \r\n" + kEnd + kOk + kEnd, 0, {}, ""},
      // llhttp honours Proxy-Connection as if it were Connection; h1resp does not.
      {kOk + "Proxy-Connection: close\r\n" + kEnd + kOk + kEnd, 1,
       interop::Disagreement::llhttp_rejects, "llhttp-reads-proxy-connection-as-connection"},
      // An interim response that says "close": llhttp ends the connection there, h1resp reads
      // the final response (and closes after it).
      {"HTTP/1.1 103 Early Hints\r\nConnection: close\r\n\r\n" + kOk + kEnd, 1,
       interop::Disagreement::llhttp_rejects, "llhttp-stops-after-interim-without-keep-alive"},
      {"HTTP/1.0 200 OK\r\nConnection: keep-alive\t\r\n" + kEnd + kOk + kEnd, 1,
       interop::Disagreement::llhttp_rejects, "llhttp-misses-connection-option-before-htab"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.bytes));
    const std::vector<interop::Disagreement> found =
        interop::compare_streams(c.bytes, {}, Policy::strict(), {});
    ASSERT_EQ(found.size(), c.disagreements);
    if (found.empty()) continue;
    EXPECT_EQ(to_string(found[0].kind), to_string(c.kind)) << found[0].what;
    ASSERT_NE(found[0].divergence, nullptr) << found[0].what;
    EXPECT_EQ(found[0].divergence->id, c.entry);
  }
}

TEST(LlhttpOracle, DivergenceEntriesAreComplete) {
  std::set<std::string_view> ids;
  for (const interop::Divergence& d : interop::all_divergences()) {
    EXPECT_TRUE(ids.insert(d.id).second) << "duplicate id " << d.id;
    EXPECT_FALSE(d.what.empty()) << d.id;
    EXPECT_NE(d.why.find("RFC"), std::string_view::npos) << d.id << " cites no RFC";
    if (d.side == interop::DivergenceSide::llhttp_rejects) {
      EXPECT_FALSE(d.llhttp_error.empty()) << d.id;
    } else {
      EXPECT_NE(d.rule, Rule::count_) << d.id;
    }
  }
}

}  // namespace
}  // namespace h1resp::testing
