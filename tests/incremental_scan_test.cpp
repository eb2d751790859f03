// The incremental guarantee of the scanner (issue 4): fed in pieces, the parser classifies a byte
// again only when it belongs to the line that was unfinished when the previous feed() returned,
// and within one feed() never. Measured by ResponseParser::bytes_classified(), on every kernel,
// one-shot, byte by byte and in random pieces, with bounds computed from the input alone.
#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/kernel.hpp"
#include "h1resp/parser.hpp"
#include "parse_harness.hpp"

namespace h1resp::testing {
namespace {

struct Input {
  Policy policy;
  std::string bytes;
};

// Responses whose lines cross 64-byte blocks and 512-byte windows (no obs-fold: a folded field
// is one line across several line endings), and lines that the fast paths leave to the general
// steps after the window has moved past their start.
std::vector<Input> inputs() {
  std::vector<Input> out;
  const Policy strict = Policy::strict();
  out.push_back({strict, "HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n"});
  std::string realistic =
      "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: text/html\r\n"
      "Set-Cookie: id=" +
      std::string(700, 'a') + "; Path=/; Secure\r\nCache-Control: max-age=60\r\n" +
      "Content-Security-Policy: default-src 'self'; " + std::string(1500, 'b') +
      "\r\nContent-Length: 5\r\n\r\nhello";
  out.push_back({strict, realistic});
  std::string many = "HTTP/1.1 404 Not Found\r\n";
  for (int i = 0; i < 90; ++i)
    many += "X-Field-" + std::to_string(i) + ": " +
            std::string(static_cast<std::size_t>(i % 40), 'v') + "\r\n";
  many += "\r\n";
  out.push_back({strict, many});
  out.push_back(
      {strict, "HTTP/1.1 500 " + std::string(900, 'r') + "\r\nContent-Length: 0\r\n\r\n"});
  // A line that starts at byte 520, in the first window, and whose name (whitespace before the
  // colon) or value (a control byte) is irregular past byte 525, in the second.
  Policy lenient = Policy::strict();
  lenient.allow(Leniency::ws_before_colon).allow(Leniency::value_ctl).allow(Leniency::bare_lf);
  const std::string first_line = "HTTP/1.1 200 OK\r\nA: " + std::string(498, 'v') + "\r\n";
  out.push_back({lenient, first_line + "Name-Past-The-Window : y\r\n\r\n"});
  out.push_back({lenient, first_line + "X-Long: " + std::string(40, 'w') + "\x01w\r\n\r\n"});
  // A reason phrase that ends in a bare LF past the first window.
  out.push_back({lenient, "HTTP/1.1 200 " + std::string(600, 'r') + "\nA: b\r\n\r\n"});
  return out;
}

// The first byte of the line that holds input[at - 1]'s successor: where a line unfinished after
// `at` bytes started (just after the last LF among them).
std::size_t unfinished_line_start(std::string_view input, std::size_t at) {
  const std::size_t lf = input.substr(0, at).rfind('\n');
  return lf == std::string_view::npos ? 0 : lf + 1;
}

// Feeds `input` in pieces ending at `cuts` (then the rest), each in a buffer of exactly its size,
// and checks each feed() against the bound. Returns the total classified.
std::uint64_t feed_and_check(const Input& in, KernelId kernel,
                             const std::vector<std::size_t>& cuts) {
  const std::string_view input = in.bytes;
  BasicResponseParser<> parser(in.policy);
  EXPECT_TRUE(parser.use_kernel(kernel));
  std::size_t previous_end = 0;
  std::vector<std::size_t> ends = cuts;
  ends.push_back(input.size());
  for (const std::size_t end : ends) {
    const ExactBuffer buffer(input.substr(0, end));
    const std::uint64_t before = parser.bytes_classified();
    const ParseStatus status = parser.feed(buffer.view());
    const std::uint64_t classified = parser.bytes_classified() - before;
    // New bytes, and again at most the line that was unfinished (it starts after the last LF
    // of what the previous call had).
    const std::size_t bound = end - unfinished_line_start(input, previous_end);
    EXPECT_LE(classified, bound) << "feed of bytes [0, " << end << ") after [0, " << previous_end
                                 << "), kernel " << to_string(kernel);
    previous_end = end;
    if (status != ParseStatus::incomplete) {
      EXPECT_EQ(status, ParseStatus::complete);
      break;
    }
  }
  EXPECT_EQ(parser.status(), ParseStatus::complete);
  return parser.bytes_classified();
}

TEST(IncrementalScan, OneShotClassifiesEachByteAtMostOnce) {
  for (const Input& input : inputs()) {
    for (const KernelId kernel : supported_kernels()) {
      const std::uint64_t total = feed_and_check(input, kernel, {});
      EXPECT_LE(total, input.bytes.size());
      // The whole header section went through stage 1 except, at most, the status line's
      // fixed prefix, which is compared directly.
      BasicResponseParser<> parser(input.policy);
      parser.use_kernel(kernel);
      ASSERT_EQ(parser.parse(input.bytes), ParseStatus::complete);
      EXPECT_GE(parser.bytes_classified() + 16, parser.header_size());
    }
  }
}

TEST(IncrementalScan, ByteByByteRescansOnlyTheUnfinishedLine) {
  for (const Input& input : inputs()) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < input.bytes.size(); ++i)
      cuts.push_back(i);
    for (const KernelId kernel : supported_kernels())
      feed_and_check(input, kernel, cuts);
  }
}

TEST(IncrementalScan, RandomPiecesRescanOnlyTheUnfinishedLine) {
  std::mt19937 rng(20261126);
  for (const Input& input : inputs()) {
    for (int round = 0; round < 40; ++round) {
      std::vector<std::size_t> cuts;
      for (std::size_t at = 1 + rng() % 97; at < input.bytes.size(); at += 1 + rng() % 97)
        cuts.push_back(at);
      for (const KernelId kernel : supported_kernels())
        feed_and_check(input, kernel, cuts);
    }
  }
}

TEST(IncrementalScan, ResetStartsTheCountAgain) {
  BasicResponseParser<> parser;
  ASSERT_EQ(parser.parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), ParseStatus::complete);
  EXPECT_GT(parser.bytes_classified(), 0U);
  parser.reset();
  EXPECT_EQ(parser.bytes_classified(), 0U);
}

}  // namespace
}  // namespace h1resp::testing
