// Field names are case-insensitive (RFC 9110 §5.1): every input read again with its field names
// in lower case, and in upper case, must give the same messages, framing and findings at the
// same bytes. Judged on every rule's examples in their exchange (strict and lenient), and on the
// sample corpus, the streams of the validate fuzz corpus and streams whose rules compare names
// (both dialects, strict and lenient, GET and HEAD). The validate fuzz target makes the same
// comparison on every input, with the input's own policy.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "rule_example_exchange.hpp"
#include "support/name_case.hpp"
#include "support/readings.hpp"

namespace h1resp::testing {
namespace {

TEST(NameCase, OnlyTheLettersOfNamesChange) {
  const std::string bytes =
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nx-a1: Keep-Alive\r\n\r\nokHTTP/1.1 204 No Content"
      "\r\nDATE: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n";
  const RequestMethod get[1] = {RequestMethod::get};  // outlives the options' view of it
  StreamOptions options;
  options.methods = get;
  const NameCaseVariants variants = read_with_name_case_variants(bytes, options);
  EXPECT_EQ(variants.lower,
            "HTTP/1.1 200 OK\r\ncontent-length: 2\r\nx-a1: Keep-Alive\r\n\r\nokHTTP/1.1 204 No "
            "Content\r\ndate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");
  EXPECT_EQ(variants.upper,
            "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 2\r\nX-A1: Keep-Alive\r\n\r\nokHTTP/1.1 204 No "
            "Content\r\nDATE: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");
}

TEST(NameCase, TheComparisonSeesAReadingThatDiffers) {
  // The readings compared must show a difference when there is one: "http/1.1" is not
  // HTTP-version (it is case-sensitive, RFC 9112 §2.3), so it reads as another message.
  const std::string bytes = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
  StreamOptions options;
  std::string other = bytes;
  other[0] = 'h';
  EXPECT_NE(stream_reading(bytes, options), stream_reading(other, options));
  EXPECT_TRUE(compare_name_case(bytes, options).names_changed);
  EXPECT_EQ(compare_name_case(bytes, options).difference, "");
}

TEST(NameCase, RuleExamplesReadTheSameInEitherCase) {
  std::size_t changed = 0;
  for (const RuleInfo& info : all_rules()) {
    const RuleExampleExchange exchange(info);
    for (const bool lenient : {false, true}) {
      StreamOptions options = exchange.options();
      if (lenient) options.policy.leniencies = Policy::lenient().leniencies;
      for (const std::string_view example : {info.violating, info.conforming}) {
        const NameCaseComparison result = compare_name_case(example, options);
        changed += result.names_changed ? 1 : 0;
        EXPECT_EQ(result.difference, "") << info.id << (lenient ? " (lenient)" : "") << ":\n"
                                         << example;
      }
    }
  }
  EXPECT_GT(changed, all_rules().size());  // most examples have field names
}

// Names that rules look up or compare with other names: framing fields, Connection options that
// name fields, singletons repeated in another case, the 1992 dialect's lines, obsolete and
// request-only fields, Trailer and Vary naming fields.
std::vector<std::string> name_heavy_streams() {
  return {
      "HTTP/1.1 200 OK\r\ncontent-length: 3\r\nCONTENT-LENGTH: 3\r\n\r\nabc",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nTrailer: Expires\r\n\r\n"
      "1\r\na\r\n0\r\nexpires: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n",
      "HTTP/1.1 200 OK\r\nConnection: close, Content-Length, x-hop\r\nX-Hop: 1\r\n"
      "Content-Length: 0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
      "Content-Length: 0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\ncontent-type: text/plain\r\n"
      "Content-Length: 0\r\n\r\n",
      "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
      "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\ncontent-type: text/html\r\n"
      "Content-Length: 0\r\nVary: Accept-Encoding, cookie\r\n\r\n",
      "HTTP/1.1 302 Found\r\nURI: <http://a.example/> a comment\r\nlocation: /b\r\n"
      "Public: GET\r\nHost: a.example\r\nContent-Length: 0\r\n\r\n",
      "HTTP/1.0 303 See Other\r\nMETHOD: GET /search\r\nuri: </x>\r\n\r\n",
      "HTTP/1.1 401 Unauthorized\r\nwww-authenticate: Basic realm=\"x\"\r\n"
      "Content-Length: 0\r\n\r\n",
      "HTTP/1.1 405 Method Not Allowed\r\nALLOW: GET, HEAD\r\nRetry-After: 5\r\n"
      "Content-Length: 0\r\n\r\n",
  };
}

TEST(NameCase, StreamsReadTheSameInEitherCase) {
  std::vector<std::string> streams = name_heavy_streams();
  const std::vector<std::string> corpus = corpus_streams();
  ASSERT_GT(corpus.size(), 1000U);  // the fuzz corpus is there
  streams.insert(streams.end(), corpus.begin(), corpus.end());
  std::size_t changed = 0;
  for_each_reading([&](const StreamOptions& options) {
    for (const std::string& bytes : streams) {
      const NameCaseComparison result = compare_name_case(bytes, options);
      changed += result.names_changed ? 1 : 0;
      EXPECT_EQ(result.difference, "") << to_string(options.policy.dialect) << ":\n" << bytes;
    }
  });
  EXPECT_GT(changed, streams.size());
}

}  // namespace
}  // namespace h1resp::testing
