// HTAB after a framing token: "chunked<HTAB>" and "upgrade<HTAB>" are the token (HTAB is OWS,
// RFC 9110 §5.6.3), but llhttp 8.1, Node.js's parser, lets only SP follow the tokens it
// recognises and reads another token. Where that moves the end of the response (a final chunked:
// llhttp reads until close; the upgrade option of a 101: llhttp does not switch protocols and
// reads the tunnel as HTTP), h1resp refuses the response. Each case is judged against llhttp's
// own reading of the same bytes, so the refusal follows llhttp's rule exactly, no more.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"
#include "llhttp/llhttp_responses.hpp"

namespace h1resp::testing {
namespace {

// h1resp's verdict on the response at the start of `bytes`, with every rule or errors only.
Verdict verdict_of(const std::string& bytes, Validation validation) {
  Policy policy = Policy::strict();
  policy.validation = validation;
  BasicResponseParser<> parser(policy);
  EXPECT_EQ(parser.feed(bytes), ParseStatus::complete);
  FindingList findings = parser.findings();
  (void)examine(parser.response(), RequestContext{}, policy, findings);
  return findings.verdict();
}

// The values around the token: HTAB right after it, after SPs, before a comma; SP only; HTAB
// before it; the token in another case.
struct Spelling {
  const char* value;
  bool htab_follows;
};

// For each spelling, in `before` + spelling + `after`: llhttp reads the token (its first
// message's body is `token_body`) exactly when no HTAB follows it, and h1resp refuses the
// response, with every rule and with errors only, exactly when llhttp does not read the token.
void expect_refused_where_llhttp_reads_another_token(std::span<const Spelling> spellings,
                                                     std::string_view before,
                                                     std::string_view after,
                                                     interop::LlhttpBody token_body) {
  for (const Spelling& s : spellings) {
    SCOPED_TRACE(::testing::PrintToString(std::string(s.value)));
    const std::string bytes = std::string(before) + s.value + std::string(after);
    const interop::LlhttpResult ll = interop::llhttp_read_responses(bytes, {});
    ASSERT_FALSE(ll.messages.empty());
    const bool llhttp_reads_token = ll.messages[0].body == token_body;
    EXPECT_EQ(llhttp_reads_token, !s.htab_follows);
    for (const Validation v : {Validation::every_rule, Validation::errors_only}) {
      EXPECT_EQ(verdict_of(bytes, v) == Verdict::reject, !llhttp_reads_token);
    }
  }
}

// A final chunked: llhttp reads until close instead of decoding chunks.
TEST(HtabAfterToken, FinalChunkedIsRefusedWhereLlhttpReadsUntilClose) {
  const Spelling spellings[] = {
      {"chunked\t", true},       {"chunked \t", true},       {"Chunked\t ", true},
      {"gzip, chunked\t", true}, {"chunked", false},         {"\tchunked", false},
      {"gzip,\tchunked", false}, {"gzip\t, chunked", false},
  };
  expect_refused_where_llhttp_reads_another_token(
      spellings, "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nTransfer-Encoding: ",
      "\r\n\r\n1\r\na\r\n0\r\n\r\n", interop::LlhttpBody::chunked);
}

// The upgrade option of a 101: llhttp does not switch protocols and reads the tunnel as HTTP.
TEST(HtabAfterToken, UpgradeOptionOfA101IsRefusedWhereLlhttpDoesNotSwitch) {
  const Spelling spellings[] = {
      {"upgrade\t", true},
      {"upgrade \t", true},
      {"Upgrade\t, keep-alive", true},
      {"keep-alive, upgrade\t", true},
      {"upgrade", false},
      {"upgrade ", false},
      {"\tupgrade", false},
      {"keep-alive,\tupgrade", false},
  };
  expect_refused_where_llhttp_reads_another_token(
      spellings, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: ",
      "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", interop::LlhttpBody::upgrade);
}

// On a Connection option that does not move the end of the response, HTAB is only a documented
// divergence (llhttp-misses-connection-option-before-htab): h1resp reads "keep-alive<HTAB>" as
// the option, as the RFC says, and does not refuse the response.
TEST(HtabAfterToken, KeepAliveIsReadAsTheOption) {
  const std::string bytes =
      "HTTP/1.0 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nConnection: keep-alive\t\r\n"
      "Content-Length: 0\r\n\r\n";
  BasicResponseParser<> parser;
  ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
  FindingList findings;
  const Framing framing = decide_framing(parser.response(), RequestMethod::get, findings);
  EXPECT_TRUE(framing.persistent);
  EXPECT_NE(findings.verdict(), Verdict::reject);
  EXPECT_FALSE(interop::llhttp_read_responses(bytes, {}).messages.at(0).keep_alive);
}

}  // namespace
}  // namespace h1resp::testing
