// A message reads the same on its own as it does after other messages on the connection
// (support/standalone.hpp): no state of one response leaks into the next. Judged on streams of
// two rule examples back to back (each rule's violating example after another rule's
// conforming one, and the other way round), on the sample corpus, the streams of the validate
// fuzz corpus, and streams whose first response leaves the most state behind, in both dialects,
// strict and lenient, answering GET and HEAD. The validate fuzz target makes the same comparison
// on every input, with the input's own policy and requests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "support/readings.hpp"
#include "support/standalone.hpp"

namespace h1resp::testing {
namespace {

// First responses that leave state behind in the parser, the chunked decoder or the stream:
// leniencies used, a trailer section, interim responses, a full finding list, a Date that sets
// the reference year of two-digit years, a 1992-dialect response.
std::vector<std::string> stateful_streams() {
  std::string many_findings = "HTTP/1.1 200 OK\r\n";
  for (int i = 0; i < 60; ++i)
    many_findings += "Host: a\r\n";
  many_findings += "Content-Length: 0\r\n\r\n";
  const std::string clean =
      "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nok";
  return {
      "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 0\r\n\r\n" + clean,
      "HTTP/1.1 200 OK\r\nX-A : a\r\nContent-Length: 0\n\r\n" + clean,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-T\r\n\r\n"
      "1;a=b\r\nx\r\n0\r\nX-T: 1\r\n\r\n" +
          clean,
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n001 ; a = \"b\"\nx\r\n0\r\n"
      "X-T: 1\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n" +
          clean + "HTTP/1.1 100 Continue\r\n\r\n" + clean,
      many_findings + clean,
      "HTTP/1.1 200 OK\r\nDate: Sunday, 06-Nov-94 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n"
      "HTTP/1.1 200 OK\r\nExpires: Monday, 07-Nov-94 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n",
      "HTTP/1.0 302 Found\r\nURI: <http://a.example/> here\r\nContent-Length: 0\r\n"
      "Connection: keep-alive\r\n\r\n" +
          clean,
      "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n" + clean,
      // An interim response's close ends the connection after the final one: the final
      // response's persistence is its surroundings', the rest of its reading is its own.
      "HTTP/1.1 103 Early Hints\r\nConnection: close\r\n\r\n" + clean + clean,
  };
}

std::vector<std::string> example_pairs() {
  std::vector<std::string> streams;
  const auto rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& next = rules[(i + 1) % rules.size()];
    streams.push_back(std::string(rules[i].conforming) + std::string(next.violating));
    streams.push_back(std::string(rules[i].violating) + std::string(next.conforming));
  }
  return streams;
}

TEST(Standalone, EachMessageIsReadWithTheMethodItAnswered) {
  // The second response answers HEAD: its Content-Length frames no body. Read alone as an answer
  // to GET it would wait for five bytes: the comparison reads each message with its own method.
  const std::string bytes =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
  const std::vector<RequestMethod> methods{RequestMethod::get, RequestMethod::head};
  StreamOptions options;
  options.methods = methods;
  const StandaloneComparison result = compare_standalone(bytes, options);
  EXPECT_EQ(result.messages, 2U);
  EXPECT_EQ(result.difference, "");
  // own_reading() shows what differs between two messages.
  ResponseStream a(bytes, options);
  StreamMessage first;
  StreamMessage second;
  ASSERT_TRUE(a.next(first));
  const std::string first_reading = own_reading(first);
  ASSERT_TRUE(a.next(second));
  EXPECT_NE(first_reading, own_reading(second));
}

TEST(Standalone, MessagesReadTheSameOnTheirOwn) {
  std::vector<std::string> streams = stateful_streams();
  const std::vector<std::string> pairs = example_pairs();
  const std::vector<std::string> corpus = corpus_streams();
  streams.insert(streams.end(), pairs.begin(), pairs.end());
  streams.insert(streams.end(), corpus.begin(), corpus.end());
  std::size_t compared = 0;
  for_each_reading([&](const StreamOptions& options) {
    for (const std::string& bytes : streams) {
      const StandaloneComparison result = compare_standalone(bytes, options);
      compared += result.messages;
      EXPECT_EQ(result.difference, "") << to_string(options.policy.dialect) << ":\n" << bytes;
    }
  });
  // Most streams hold two messages or more.
  EXPECT_GT(compared, 8 * streams.size() * 3 / 2);
}

}  // namespace
}  // namespace h1resp::testing
