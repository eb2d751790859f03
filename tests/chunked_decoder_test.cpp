// The chunked decoder (RFC 9112 §7.1): each trace is input bytes -> the data, trailers, status
// and error (rule and offset) expected. Every trace runs one-shot, split in two at every point,
// and byte by byte, and all of them must give the same outcome as the one-shot run.
//
// The harness plays the caller: bytes arrive in pieces; the caller feeds the bytes it has not
// had consumed yet, copied to a heap block of exactly that size (so AddressSanitizer sees any
// read past the end), feeds the rest again after each data piece, and waits for more bytes after
// `incomplete`. Inside the trailer section `consumed` stays at the section's start, so the
// section's bytes are passed again with the new ones appended.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "h1resp/chunked.hpp"
#include "h1resp/kernel.hpp"
#include "parse_harness.hpp"

namespace h1resp {
namespace {

using Status = ChunkedDecoder::Status;
using Pairs = std::vector<std::pair<std::string, std::string>>;
using Notes = std::vector<std::pair<Rule, std::uint64_t>>;

std::string_view to_string(Status s) {
  switch (s) {
    case Status::incomplete:
      return "incomplete";
    case Status::data:
      return "data";
    case Status::complete:
      return "complete";
    case Status::error:
      return "error";
  }
  return "?";
}

using testing::bytes;
using testing::ExactBuffer;

// Everything observable about one decoding, as values.
struct Outcome {
  Status status = Status::incomplete;
  std::string data;          // every data piece, concatenated
  Rule rule = Rule::count_;  // status error
  std::uint32_t at = 0;      // status error: error().offset
  std::uint64_t end = 0;     // bytes of the input consumed in all (complete: the body's end)
  Pairs trailers;            // status complete
  Notes findings;
  std::uint64_t content_length = 0;
  std::uint32_t chunk_count = 0;
  std::uint64_t trailer_offset = 0;
  bool in_trailers = false;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  os << "{" << to_string(o.status);
  if (o.status == Status::error) os << " " << to_string(o.rule) << " @" << o.at;
  os << " end=" << o.end << " data=[" << o.data << "] length=" << o.content_length
     << " chunks=" << o.chunk_count << " trailer_offset=" << o.trailer_offset
     << (o.in_trailers ? " in-trailers" : "");
  for (const auto& [name, value] : o.trailers)
    os << " (" << name << ": " << value << ")";
  for (const auto& [rule, offset] : o.findings)
    os << " note " << to_string(rule) << " @" << offset;
  return os << "}";
}

// Decodes `input`, whose bytes arrive in the pieces that end at `cuts` (increasing, each <
// input.size()) and then the rest; with `finish`, the input ends there.
Outcome decode_in_pieces(std::string_view input, const Policy& policy, std::uint64_t body_offset,
                         const std::vector<std::size_t>& cuts, bool finish) {
  std::array<FieldLine, 16> storage{};
  ChunkedDecoder decoder(storage, policy, body_offset);
  Outcome o;
  std::size_t start = 0;  // the first byte not consumed
  bool done = false;
  auto arrive = [&](std::size_t received) {
    // Bounded: each round either consumes a byte (data) or waits for the next piece.
    for (std::size_t rounds = 0; !done; ++rounds) {
      if (rounds > 4 * input.size() + 8) {
        ADD_FAILURE() << "feed() does not make progress";
        done = true;
        return;
      }
      const ExactBuffer buffer(input.substr(start, received - start));
      const std::string_view piece = buffer.view();
      const ChunkedDecoder::Result r = decoder.feed(piece);
      EXPECT_LE(r.consumed, piece.size());
      start += r.consumed;
      o.status = r.status;
      switch (r.status) {
        case Status::data:
          EXPECT_FALSE(r.data.empty()) << "an empty data piece";
          // A view into this input, ending where `consumed` ends.
          EXPECT_EQ(r.data.data() + r.data.size(), piece.data() + r.consumed);
          EXPECT_GE(r.data.data(), piece.data());
          o.data.append(r.data);
          break;
        case Status::incomplete:
          // Everything is consumed, but in the trailer section, which is passed again.
          if (!decoder.in_trailers()) {
            EXPECT_EQ(r.consumed, piece.size());
          }
          return;
        case Status::complete: {
          // Read the trailers while the bytes they refer to are alive.
          const Response& t = decoder.trailers();
          for (std::size_t i = 0; i < t.field_count(); ++i) {
            const Field f = t.field(i);
            o.trailers.emplace_back(std::string(f.name), std::string(f.value));
          }
          done = true;
          return;
        }
        case Status::error:
          done = true;
          return;
      }
    }
  };
  for (std::size_t cut : cuts)
    arrive(cut);
  arrive(input.size());
  if (finish) {
    o.status = decoder.finish();
    EXPECT_EQ(decoder.finish(), o.status) << "finish() twice";
  }
  if (o.status == Status::error) {
    o.rule = decoder.error().rule;
    o.at = decoder.error().offset;
  }
  o.end = start;
  for (const Finding& f : decoder.findings())
    o.findings.emplace_back(f.rule, f.offset);
  o.content_length = decoder.content_length();
  o.chunk_count = decoder.chunk_count();
  o.trailer_offset = decoder.trailer_offset();
  o.in_trailers = decoder.in_trailers();
  return o;
}

// The one-shot outcome, after checking that every split gives the same.
// Decodes `input` with the scalar kernel, then checks that every split point, pieces, and every
// kernel the CPU supports (the trailer section's parser takes the active one) give the same.
Outcome decode_everywhere(std::string_view input, const Policy& policy = Policy::strict(),
                          bool finish = false, std::uint64_t body_offset = 0) {
  const KernelId active = active_kernel();
  force_kernel(KernelId::scalar);
  const Outcome reference = decode_in_pieces(input, policy, body_offset, {}, finish);
  for (const KernelId kernel : supported_kernels()) {
    force_kernel(kernel);
    EXPECT_EQ(decode_in_pieces(input, policy, body_offset, {}, finish), reference)
        << "kernel " << to_string(kernel);
  }
  force_kernel(active);
  const std::size_t step = input.size() > 4096 ? input.size() / 128 + 1 : 1;
  for (std::size_t cut = 1; cut < input.size(); cut += step) {
    EXPECT_EQ(decode_in_pieces(input, policy, body_offset, {cut}, finish), reference)
        << "split at " << cut;
  }
  const std::size_t piece = input.size() > 4096 ? 61 : 1;
  std::vector<std::size_t> cuts;
  for (std::size_t cut = piece; cut < input.size(); cut += piece)
    cuts.push_back(cut);
  EXPECT_EQ(decode_in_pieces(input, policy, body_offset, cuts, finish), reference)
      << "in pieces of " << piece;
  return reference;
}

Policy with(Leniency l) {
  return Policy::strict().allow(l);
}
Policy with_extension_limit(std::uint32_t bytes) {
  Policy p;
  p.limits.max_chunk_extension_bytes = bytes;
  return p;
}
Policy with_trailer_limit(std::uint32_t bytes) {
  Policy p;
  p.limits.max_trailer_section_bytes = bytes;
  return p;
}

// One trace. `end` is what the decoder consumed in all: for a complete body, its length.
struct Trace {
  const char* name;
  std::string input;
  Status status;
  std::string data = {};
  Rule rule = Rule::count_;  // status error
  std::uint32_t at = 0;      // status error: the offset
  std::uint64_t end = 0;
  Pairs trailers = {};
  Notes findings = {};
  Policy policy = Policy::strict();
  bool finish = false;
};

void PrintTo(const Trace& t, std::ostream* os) {
  *os << t.name;
}

Trace ok(const char* name, std::string input, std::string data, Pairs trailers = {},
         Notes findings = {}, Policy policy = Policy::strict()) {
  const std::uint64_t end = input.size();
  return {name, std::move(input),    Status::complete,    std::move(data), Rule::count_, 0,
          end,  std::move(trailers), std::move(findings), policy,          false};
}
Trace bad(const char* name, std::string input, Rule rule, std::uint32_t at,
          Policy policy = Policy::strict(), bool finish = false) {
  return {name, std::move(input), Status::error, {}, rule, at, 0, {}, {}, policy, finish};
}
// The input has ended (the peer closed) after `input`.
Trace closed(const char* name, std::string input, std::uint32_t at,
             Policy policy = Policy::strict()) {
  return bad(name, std::move(input), Rule::chunked_incomplete, at, policy, true);
}

const Trace kTraces[] = {
    // Chunks (RFC 9112 §7.1)
    ok("empty_body", "0\r\n\r\n", ""),
    ok("single_chunk", "5\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("two_chunks", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
    ok("uppercase_hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
    ok("lowercase_hex", "a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
    ok("mixed_case_hex", "1aB\r\n" + std::string(0x1ab, 'x') + "\r\n0\r\n\r\n",
       std::string(0x1ab, 'x')),
    ok("leading_zeros", "00000000000000000005\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("last_chunk_many_zeros", "3\r\nabc\r\n000\r\n\r\n", "abc"),
    ok("data_holds_crlf", "4\r\n\r\n\r\n\r\n0\r\n\r\n", "\r\n\r\n"),
    ok("data_holds_nul", bytes("3\r\na\x00z\r\n0\r\n\r\n"), bytes("a\x00z")),
    ok("sixteen_digits_fit", "000000000000000000000000000000001\r\nx\r\n0\r\n\r\n", "x"),
    // C22 chunked.size-overflow: at the 17th significant digit
    bad("overflow_17_digits", "10000000000000005\r\nhello\r\n0\r\n\r\n",
        Rule::chunked_size_overflow, 16),
    bad("overflow_all_f", "fffffffffffffffff\r\n", Rule::chunked_size_overflow, 16),
    bad("overflow_after_zeros", "0010000000000000000\r\n", Rule::chunked_size_overflow, 18),
    // Leading zeros after the first count against the chunk line's budget: an endless run of
    // them fails instead of keeping the decoder busy.
    ok("zeros_within_budget", std::string(9, '0') + "5\r\nhello\r\n0\r\n\r\n", "hello", {}, {},
       with_extension_limit(8)),
    bad("zeros_beyond_budget", std::string(10, '0') + "5\r\nhello\r\n", Rule::limit_chunk_extension,
        1, with_extension_limit(8)),
    // C21 chunked.size-syntax: 1*HEXDIG and nothing else
    bad("hex_prefix", "0x5\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 1),
    bad("plus_sign", "+5\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 0),
    bad("minus_sign", "-5\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 0),
    bad("leading_space", " 5\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 0),
    // At the whitespace, not at the line ending after it.
    bad("trailing_space", "5 \r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 1),
    bad("trailing_ws_run", "005 \t \r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 3),
    bad("trailing_tab", "5\t\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 1),
    bad("empty_size", "\r\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 0),
    bad("empty_size_after_chunk", "1\r\na\r\n\r\n", Rule::chunked_size_syntax, 6),
    bad("underscore", "5_0\r\n", Rule::chunked_size_syntax, 1),
    bad("not_hex", "g\r\n", Rule::chunked_size_syntax, 0),
    bad("letter_after_digits", "5g\r\nhello\r\n", Rule::chunked_size_syntax, 1),
    bad("size_bare_lf", "5\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 1),
    bad("size_bare_cr", "5\rhello\r\n0\r\n\r\n", Rule::chunked_ext_syntax, 1),
    bad("last_chunk_bare_lf", "0\n\r\n", Rule::chunked_size_syntax, 1),
    // Extensions (RFC 9112 §7.1.1): checked, then ignored
    ok("ext_token_value", "5;a=b\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_quoted_with_bws", "5 ; a = \"q\\\"x\"\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_bws_before_semicolon", "5 ;ext\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_several", "5;a;b=c\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_bws_everywhere", "5\t;\ta\t=\tb ; c\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_quoted_specials", "5;a=\"; =\\\\ \t\x80\"\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_empty_quoted", "5;a=\"\";b\r\nhello\r\n0\r\n\r\n", "hello"),
    ok("ext_on_last_chunk", "5\r\nhello\r\n0;sig=\"abc\";n=1\r\n\r\n", "hello"),
    bad("ext_junk_without_semicolon", "5 junk\r\nhello\r\n0\r\n\r\n", Rule::chunked_ext_syntax, 2),
    bad("ext_semicolon_alone", "5;\r\nhello\r\n0\r\n\r\n", Rule::chunked_ext_syntax, 2),
    bad("ext_no_name", "5;=x\r\nhello\r\n0\r\n\r\n", Rule::chunked_ext_syntax, 2),
    bad("ext_double_semicolon", "5;a;;b\r\nhello\r\n", Rule::chunked_ext_syntax, 4),
    bad("ext_unterminated_quote", "5;a=\"unterminated\r\nhello\r\n0\r\n\r\n",
        Rule::chunked_ext_syntax, 17),
    bad("ext_cr_in_quotes", "5;a=\"x\ry\"\r\nhello\r\n", Rule::chunked_ext_syntax, 6),
    bad("ext_lf_in_quotes", "5;a=\"x\ny\"\r\nhello\r\n", Rule::chunked_ext_syntax, 6),
    bad("ext_bare_cr_in_name", "5;a\rb\r\nhello\r\n", Rule::chunked_ext_syntax, 3),
    bad("ext_bare_cr_before_semicolon", "5\r;a\r\nhello\r\n", Rule::chunked_ext_syntax, 1),
    bad("ext_missing_value", "5;a=\r\nhello\r\n", Rule::chunked_ext_syntax, 4),
    bad("ext_trailing_ws", "5;a \r\nhello\r\n", Rule::chunked_ext_syntax, 4),
    bad("ext_trailing_ws_after_value", "5;a=b\t\r\nhello\r\n", Rule::chunked_ext_syntax, 6),
    bad("ext_space_in_name", "5;a b\r\nhello\r\n", Rule::chunked_ext_syntax, 4),
    bad("ext_space_in_value", "5;a=b c\r\nhello\r\n", Rule::chunked_ext_syntax, 6),
    bad("ext_junk_after_quotes", "5;a=\"b\"c\r\nhello\r\n", Rule::chunked_ext_syntax, 7),
    bad("ext_not_token", "5;a@=b\r\nhello\r\n", Rule::chunked_ext_syntax, 3),
    bad("ext_nul_in_quotes", bytes("5;a=\"\x00\"\r\nhello\r\n"), Rule::chunked_ext_syntax, 5),
    bad("ext_del_after_backslash", "5;a=\"\\\x7f\"\r\nhello\r\n", Rule::chunked_ext_syntax, 6),
    bad("ext_bare_lf_strict", "5;a=b\nhello\r\n0\r\n\r\n", Rule::chunked_size_syntax, 5),
    // chunked.limits.extension-size counts everything after the size up to the line ending:
    // "; a=bc" is 6 bytes. Reported at the extension's start.
    ok("ext_at_limit", "5; a=bc\r\nhello\r\n0\r\n\r\n", "hello", {}, {}, with_extension_limit(6)),
    bad("ext_over_limit", "5; a=bc\r\nhello\r\n0\r\n\r\n", Rule::limit_chunk_extension, 1,
        with_extension_limit(5)),
    ok("ext_limit_per_line", "5;abcd\r\nhello\r\n0;wxyz\r\n\r\n", "hello", {}, {},
       with_extension_limit(5)),
    bad("ext_limit_zero", "5;a\r\nhello\r\n", Rule::limit_chunk_extension, 1,
        with_extension_limit(0)),
    bad("ext_endless", "5;" + std::string(3000, 'a'), Rule::limit_chunk_extension, 1),
    // Leading zeros and extensions count, the significant digits between them do not: the
    // finding starts at the first byte counted (the second zero).
    bad("zeros_digits_then_extension", "000F;abcdefgh\r\n", Rule::limit_chunk_extension, 1,
        with_extension_limit(8)),
    // C23 chunked.data-crlf: at the first byte that is not the CRLF
    bad("data_longer_than_size", "5\r\nhelloXX0\r\n\r\n", Rule::chunked_data_crlf, 8),
    bad("data_bare_lf_strict", "5\r\nhello\n0\r\n\r\n", Rule::chunked_data_crlf, 8),
    bad("data_cr_then_junk", "5\r\nhello\rX0\r\n\r\n", Rule::chunked_data_crlf, 9),
    bad("data_cr_cr", "5\r\nhello\r\r\n0\r\n\r\n", Rule::chunked_data_crlf, 9),
    // "hello\r" is the data; the LF after it is a bare LF
    bad("data_shorter_than_size", "6\r\nhello\r\n0\r\n\r\n", Rule::chunked_data_crlf, 9),
    // Bare LF line endings with Leniency::bare_lf: accepted, each recorded as a warning
    ok("bare_lf_everywhere", "5\nhello\r\n0\n\n", "hello", {},
       {{Rule::chunked_size_syntax, 1},
        {Rule::chunked_size_syntax, 10},
        {Rule::field_line_ending_lf, 11}},
       with(Leniency::bare_lf)),
    // ... but not after chunk data, which ends no line: recipients that skip two bytes there
    // read "\n1" as the CRLF and "00" as the last chunk.
    bad("bare_lf_lenient_not_after_data", "5\r\nhello\n100\r\n", Rule::chunked_data_crlf, 8,
        with(Leniency::bare_lf)),
    ok("bare_lf_after_extension", "5;a=\"b\"\nhello\r\n0\r\n\r\n", "hello", {},
       {{Rule::chunked_size_syntax, 7}}, with(Leniency::bare_lf)),
    bad("bare_lf_lenient_still_no_bare_cr", "5\r\nhello\rX", Rule::chunked_data_crlf, 9,
        with(Leniency::bare_lf)),
    // Trailer section (RFC 9112 §7.1.2): parsed like a header section
    ok("trailer", "0\r\nServer-Timing: a\r\n\r\n", "", {{"Server-Timing", "a"}}),
    ok("two_trailers", "3\r\nabc\r\n0\r\nA: 1\r\nB:  2 \r\n\r\n", "abc", {{"A", "1"}, {"B", "2"}}),
    bad("trailer_obs_fold_strict", "0\r\nX: a\r\n b\r\n\r\n", Rule::field_obs_fold, 9),
    ok("trailer_obs_fold_lenient", "0\r\nX: a\r\n b\r\n\r\n", "", {{"X", "a\r\n b"}},
       {{Rule::field_obs_fold, 9}}, with(Leniency::obs_fold)),
    bad("trailer_no_colon", "1\r\nz\r\n0\r\nbad\r\n\r\n", Rule::field_no_colon, 9),
    // The next response where the trailer section belongs: the body's final CRLF is missing.
    bad("status_line_after_last_chunk", "0\r\nHTTP/1.1 200 OK\r\n\r\n", Rule::field_no_colon, 3),
    // The finding covers the trailer section up to the limit: it starts after "0\r\n".
    bad("trailer_over_limit", "0\r\nServer-Timing: a\r\n\r\n", Rule::limit_trailer_section, 3,
        with_trailer_limit(19)),
    ok("trailer_at_limit", "0\r\nServer-Timing: a\r\n\r\n", "", {{"Server-Timing", "a"}}, {},
       with_trailer_limit(20)),
    // The limit counts the empty line that ends the body (policy.hpp), trailers or not.
    ok("no_trailers_at_limit", "3\r\nabc\r\n0\r\n\r\n", "abc", {}, {}, with_trailer_limit(2)),
    bad("no_trailers_over_limit", "3\r\nabc\r\n0\r\n\r\n", Rule::limit_trailer_section, 11,
        with_trailer_limit(1)),
    ok("no_trailers_bare_lf_at_limit", "0\n\n", "", {},
       {{Rule::chunked_size_syntax, 1}, {Rule::field_line_ending_lf, 2}},
       with_trailer_limit(1).allow(Leniency::bare_lf)),
    // The end of input before the end of the body: C25 chunked.incomplete, where the input ends
    closed("closed_empty", "", 0),
    closed("closed_in_size", "5", 1),
    closed("closed_in_extension", "5;a=\"x", 6),
    closed("closed_after_cr", "5\r", 2),
    closed("closed_in_data", "5\r\nhel", 6),
    closed("closed_before_data_crlf", "5\r\nhello", 8),
    closed("closed_after_chunk", "5\r\nhello\r\n", 10),
    closed("closed_after_last_chunk", "5\r\nhello\r\n0\r\n", 13),
    closed("closed_in_trailers", "5\r\nhello\r\n0\r\nServer-Timing: a\r\n", 31),
    closed("closed_before_final_crlf", "0\r\nX: y\r\n\r", 10),
    // Errors win over the end of input
    bad("error_then_closed", "5\r\nhelloXX", Rule::chunked_data_crlf, 8, Policy::strict(), true),
};

class TraceTest : public ::testing::TestWithParam<Trace> {};

TEST_P(TraceTest, DecodesTheSameAtEverySplit) {
  const Trace& t = GetParam();
  const Outcome o = decode_everywhere(t.input, t.policy, t.finish);
  ASSERT_EQ(to_string(o.status), to_string(t.status)) << o;
  if (t.status == Status::error) {
    EXPECT_EQ(to_string(o.rule), to_string(t.rule)) << o;
    EXPECT_EQ(o.at, t.at) << o;
  } else {
    EXPECT_EQ(o.data, t.data) << o;
    EXPECT_EQ(o.end, t.end) << o;
    EXPECT_EQ(o.content_length, t.data.size()) << o;
  }
  EXPECT_EQ(o.trailers, t.trailers) << o;
  EXPECT_EQ(o.findings, t.findings) << o;
}

INSTANTIATE_TEST_SUITE_P(Chunked, TraceTest, ::testing::ValuesIn(kTraces),
                         [](const auto& info) { return std::string(info.param.name); });

// The body ends at the final CRLF: what follows (the next response) is not consumed.
TEST(ChunkedDecoder, StopsAtTheEndOfTheBody) {
  const std::string body = "5\r\nhello\r\n0\r\nX: y\r\n\r\n";
  const Outcome o = decode_everywhere(body + "HTTP/1.1 200 OK\r\n");
  ASSERT_EQ(o.status, Status::complete) << o;
  EXPECT_EQ(o.end, body.size());
  EXPECT_EQ(o.data, "hello");
  EXPECT_EQ(o.trailer_offset, 13U);
  EXPECT_EQ(o.trailers, (Pairs{{"X", "y"}}));
}

TEST(ChunkedDecoder, CountsChunksAndTheirSizes) {
  const Outcome o = decode_everywhere("5\r\nhello\r\n1\r\n \r\n5;x=y\r\nworld\r\n0\r\n\r\n");
  ASSERT_EQ(o.status, Status::complete) << o;
  EXPECT_EQ(o.data, "hello world");
  EXPECT_EQ(o.content_length, 11U);
  EXPECT_EQ(o.chunk_count, 3U);
}

// Offsets of errors and findings count from the response's first byte.
TEST(ChunkedDecoder, BodyOffsetShiftsEveryOffset) {
  constexpr std::uint64_t kHeader = 100;
  Outcome o = decode_everywhere("5\r\nhelloXX", Policy::strict(), false, kHeader);
  ASSERT_EQ(o.status, Status::error) << o;
  EXPECT_EQ(o.rule, Rule::chunked_data_crlf);
  EXPECT_EQ(o.at, kHeader + 8);

  o = decode_everywhere("5\nhello\r\n0\r\nX: a\n b\r\n\r\n", Policy::lenient(), false, kHeader);
  ASSERT_EQ(o.status, Status::complete) << o;
  EXPECT_EQ(o.trailer_offset, kHeader + 12);
  EXPECT_EQ(o.findings, (Notes{{Rule::chunked_size_syntax, kHeader + 1},
                               {Rule::field_line_ending_lf, kHeader + 16},
                               {Rule::field_obs_fold, kHeader + 17}}));

  o = decode_everywhere("0\r\nX: a\r\n b\r\n\r\n", Policy::strict(), false, kHeader);
  ASSERT_EQ(o.status, Status::error) << o;
  EXPECT_EQ(o.rule, Rule::field_obs_fold);
  EXPECT_EQ(o.at, kHeader + 9);

  o = decode_everywhere("5\r\nhel", Policy::strict(), true, kHeader);
  ASSERT_EQ(o.status, Status::error) << o;
  EXPECT_EQ(o.rule, Rule::chunked_incomplete);
  EXPECT_EQ(o.at, kHeader + 6);
}

// Data split across many feeds comes out in order, each piece a view into its own input.
TEST(ChunkedDecoder, DataArrivingInManyPieces) {
  std::string payload;
  for (int i = 0; i < 300; ++i)
    payload += static_cast<char>('a' + i % 26);
  const std::string input = "12c\r\n" + payload + "\r\n0\r\n\r\n";  // 0x12c = 300
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage);
  std::string data;
  std::size_t pieces = 0;
  std::size_t start = 0;
  for (std::size_t received = 7; received <= input.size() + 6; received += 7) {
    const std::size_t have = std::min(received, input.size());
    for (;;) {
      const ExactBuffer buffer(std::string_view(input).substr(start, have - start));
      const auto r = decoder.feed(buffer.view());
      start += r.consumed;
      if (r.status != Status::data) break;
      data.append(r.data);
      ++pieces;
    }
  }
  EXPECT_EQ(data, payload);
  EXPECT_GE(pieces, 40U);  // every arrival of 7 bytes inside the data gives one piece
  EXPECT_EQ(start, input.size());
  EXPECT_EQ(decoder.finish(), Status::complete);
}

// A chunk larger than any buffer: pieces of it as the bytes come, nothing stored.
TEST(ChunkedDecoder, HugeDeclaredChunkIsStreamed) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage);
  const ExactBuffer first("ffffffff\r\nabc");
  auto r = decoder.feed(first.view());
  ASSERT_EQ(r.status, Status::data);
  EXPECT_EQ(r.data, "abc");
  EXPECT_EQ(r.consumed, 13U);
  EXPECT_EQ(decoder.content_length(), 0xffffffffU);
  EXPECT_EQ(decoder.chunk_count(), 1U);

  const ExactBuffer second("defg");
  r = decoder.feed(second.view());
  ASSERT_EQ(r.status, Status::data);
  EXPECT_EQ(r.data, "defg");
  EXPECT_EQ(r.data.data(), second.view().data());  // zero-copy
  EXPECT_EQ(r.consumed, 4U);

  r = decoder.feed({});
  EXPECT_EQ(r.status, Status::incomplete);
  EXPECT_EQ(r.consumed, 0U);

  EXPECT_EQ(decoder.finish(), Status::error);
  EXPECT_EQ(decoder.error().rule, Rule::chunked_incomplete);
  EXPECT_EQ(decoder.error().offset, 17U);
}

TEST(ChunkedDecoder, LargestChunkSizeFits) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage);
  const ExactBuffer input("ffffffffffffffff\r\nxy");
  const auto r = decoder.feed(input.view());
  ASSERT_EQ(r.status, Status::data);
  EXPECT_EQ(r.data, "xy");
  EXPECT_EQ(decoder.content_length(), 0xffffffffffffffffU);
}

// Inside the trailer section `consumed` stays at its start until the section is complete.
TEST(ChunkedDecoder, TrailerBytesArePassedAgain) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage, Policy::strict(), 50);
  const ExactBuffer a("0\r\nServer-Tim");
  auto r = decoder.feed(a.view());
  EXPECT_EQ(r.status, Status::incomplete);
  EXPECT_EQ(r.consumed, 3U);
  EXPECT_TRUE(decoder.in_trailers());
  EXPECT_EQ(decoder.trailer_offset(), 53U);

  const ExactBuffer b("Server-Timing: a\r\n");
  r = decoder.feed(b.view());
  EXPECT_EQ(r.status, Status::incomplete);
  EXPECT_EQ(r.consumed, 0U);

  const ExactBuffer c("Server-Timing: a\r\n\r\nnext");
  r = decoder.feed(c.view());
  ASSERT_EQ(r.status, Status::complete);
  EXPECT_EQ(r.consumed, 20U);
  EXPECT_FALSE(decoder.in_trailers());
  ASSERT_EQ(decoder.trailers().field_count(), 1U);
  EXPECT_EQ(decoder.trailers().field(0).value, "a");
  EXPECT_EQ(decoder.trailers().header_size, 20U);

  // Complete stays complete.
  r = decoder.feed(c.view().substr(20));
  EXPECT_EQ(r.status, Status::complete);
  EXPECT_EQ(r.consumed, 0U);
  EXPECT_EQ(decoder.finish(), Status::complete);
}

TEST(ChunkedDecoder, ErrorIsFinal) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage);
  const ExactBuffer input("5\r\nhelloXX");
  auto r = decoder.feed(input.view());
  ASSERT_EQ(r.status, Status::data);
  r = decoder.feed(input.view().substr(r.consumed));
  ASSERT_EQ(r.status, Status::error);
  EXPECT_EQ(r.consumed, 0U);  // the offending byte is not consumed
  EXPECT_EQ(decoder.error().rule, Rule::chunked_data_crlf);
  EXPECT_EQ(decoder.error().offset, 8U);
  EXPECT_EQ(decoder.error().length, 1U);
  EXPECT_FALSE(decoder.error().message().empty());
  EXPECT_EQ(decoder.feed("0\r\n\r\n").status, Status::error);
  EXPECT_EQ(decoder.finish(), Status::error);
  EXPECT_EQ(decoder.error().rule, Rule::chunked_data_crlf);
}

// A status line where a trailer field or the empty line belongs is blamed on the missing empty
// line, not only on the field name it fails to be; a trailer field that is not a token keeps
// the plain message.
TEST(ChunkedDecoder, MissingFinalCrlfIsNamed) {
  auto error_of = [](std::string_view bytes) {
    std::array<FieldLine, 4> storage{};
    ChunkedDecoder decoder(storage);
    const ExactBuffer input(bytes);
    EXPECT_EQ(decoder.feed(input.view()).status, Status::error) << bytes;
    return decoder.error();
  };
  const ParseError missing = error_of("0\r\nHTTP/1.1 200 OK\r\n\r\n");
  EXPECT_EQ(missing.rule, Rule::field_no_colon);
  EXPECT_EQ(missing.offset, 3U);
  EXPECT_EQ(missing.length, 15U);
  EXPECT_NE(missing.message().find("no empty line ends the chunked body"), std::string_view::npos)
      << missing.message();
  const ParseError field = error_of("0\r\nX/Y: 1\r\n\r\n");
  EXPECT_EQ(field.rule, Rule::field_name_token);
  EXPECT_EQ(field.message().find("chunked body"), std::string_view::npos) << field.message();
  const ParseError later = error_of("0\r\nA: 1\r\nHTTP/1.1 200 OK\r\n\r\n");
  EXPECT_NE(later.message().find("chunked body"), std::string_view::npos) << later.message();
  const ParseError inside = error_of("0\r\nAHTTP/1.1 200 OK\r\n\r\n");
  EXPECT_EQ(inside.message().find("chunked body"), std::string_view::npos) << inside.message();
}

// A trailer section's notes name the trailer section, not the header section.
TEST(ChunkedDecoder, TrailerNotesNameTheTrailerSection) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage, Policy::strict().allow(Leniency::bare_lf));
  const ExactBuffer input("0\r\nX: y\r\n\n");
  ASSERT_EQ(decoder.feed(input.view()).status, Status::complete);
  bool noted = false;
  for (const Finding& f : decoder.findings()) {
    if (f.rule != Rule::field_line_ending_lf) continue;
    noted = true;
    EXPECT_NE(f.detail.find("trailer section"), std::string_view::npos) << f.detail;
  }
  EXPECT_TRUE(noted);
}

TEST(ChunkedDecoder, ResetStartsOver) {
  std::array<FieldLine, 4> storage{};
  ChunkedDecoder decoder(storage, Policy::lenient());
  const ExactBuffer broken("0\r\nX: y\n\r\nZ");
  EXPECT_EQ(decoder.feed(broken.view()).status, Status::complete);
  EXPECT_FALSE(decoder.findings().empty());

  decoder.reset(10);
  EXPECT_FALSE(decoder.in_trailers());
  EXPECT_TRUE(decoder.findings().empty());
  EXPECT_EQ(decoder.content_length(), 0U);
  EXPECT_EQ(decoder.chunk_count(), 0U);
  EXPECT_EQ(decoder.trailer_offset(), 0U);
  const ExactBuffer input("1\r\na\r\n0\r\nA: b\r\n\r\n");
  auto r = decoder.feed(input.view());
  ASSERT_EQ(r.status, Status::data);
  r = decoder.feed(input.view().substr(r.consumed));
  ASSERT_EQ(r.status, Status::complete);
  EXPECT_EQ(decoder.trailer_offset(), 19U);
  ASSERT_EQ(decoder.trailers().field_count(), 1U);
  EXPECT_EQ(decoder.trailers().field(0).name, "A");
  EXPECT_TRUE(decoder.findings().empty());
}

// Bad bytes of every kind, at every position of a valid body: the decoder always stops in a
// defined state, at once, without reading past its input (each run is also split everywhere).
TEST(ChunkedDecoder, EveryCorruptionEndsCleanly) {
  const std::string valid = "5;a=\"b\"\r\nhello\r\n0\r\nT: v\r\n\r\n";
  const char kBad[] = {'\0', '\r', '\n', ' ', ';', '"', '\\', 'g', '\x7f', '\xff'};
  for (std::size_t i = 0; i < valid.size(); ++i) {
    for (char c : kBad) {
      std::string input = valid;
      input[i] = c;
      SCOPED_TRACE(::testing::PrintToString(input));
      for (const Policy& policy : {Policy::strict(), Policy::lenient()}) {
        const Outcome o = decode_everywhere(input, policy, true);
        EXPECT_NE(o.status, Status::incomplete) << o;
        if (o.status == Status::error) {
          EXPECT_LE(o.at, input.size()) << o;
        }
      }
    }
  }
}

}  // namespace
}  // namespace h1resp
