// Fuzz target `chunked`: the ChunkedDecoder gives the same result whatever the split.
//
// Input: the policy bytes (fuzz_common.hpp; the chunk extension and trailer limits are the ones
// that matter here); harness flag bit 0: finish() after the last byte (the peer closed); one byte
// of split mode (split_points()); one byte for the body's offset in the response
// (body_offset = 61 * b, so offsets in findings and errors are shifted); then the body bytes.
//
// The harness plays a caller that receives the body in pieces: it feeds the bytes not consumed
// yet, copied into an exactly sized heap buffer, again after each data piece, and waits for the
// next piece after `incomplete` (inside the trailer section `consumed` stays at the section's
// start, so the section is passed again with the new bytes). The one-shot and the split decoding
// must give the same data (concatenated), status, error rule/offset, trailers, findings, sizes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "h1resp/chunked.hpp"

namespace h1resp::fuzz {
namespace {

using Status = ChunkedDecoder::Status;

struct ChunkedOutcome {
  Status status = Status::incomplete;
  std::string data;  // every data piece, concatenated
  Rule rule = Rule::count_;
  std::uint64_t at = 0;
  std::uint32_t length = 0;
  std::uint64_t end = 0;  // bytes consumed in all: for a complete body, its length
  std::vector<std::pair<std::string, std::string>> trailers;
  std::vector<std::pair<Rule, std::uint64_t>> findings;
  std::uint64_t content_length = 0;
  std::uint32_t chunk_count = 0;
  std::uint64_t trailer_offset = 0;
  bool in_trailers = false;

  friend bool operator==(const ChunkedOutcome&, const ChunkedOutcome&) = default;
};

std::string describe(const ChunkedOutcome& o) {
  std::string s = "{status=" + std::to_string(static_cast<int>(o.status));
  if (o.status == Status::error) {
    s += " " + std::string(to_string(o.rule)) + " @" + std::to_string(o.at);
  }
  s += " end=" + std::to_string(o.end) + " data=[" + printable(o.data) +
       "] length=" + std::to_string(o.content_length) + " chunks=" + std::to_string(o.chunk_count) +
       " trailer_offset=" + std::to_string(o.trailer_offset) +
       (o.in_trailers ? " in-trailers" : "");
  for (const auto& [name, value] : o.trailers)
    s += " (" + printable(name) + ": " + printable(value) + ")";
  for (const auto& [rule, offset] : o.findings)
    s += " note " + std::string(to_string(rule)) + " @" + std::to_string(offset);
  return s + "}";
}

ChunkedOutcome decode(std::string_view input, const Policy& policy, std::uint64_t body_offset,
                      const std::vector<std::size_t>& cuts, bool finish) {
  std::array<FieldLine, 32> storage{};
  ChunkedDecoder decoder(storage, policy, body_offset);
  ChunkedOutcome o;
  std::size_t start = 0;  // the first byte not consumed
  bool done = false;
  auto arrive = [&](std::size_t received) {
    // Each round consumes at least one byte (data) or waits for the next piece: bounded.
    for (std::size_t rounds = 0; !done; ++rounds) {
      check(rounds <= input.size() + 2, "feed() does not make progress");
      const ExactBuffer buffer(input.substr(start, received - start));
      const std::string_view piece = buffer.view();
      const ChunkedDecoder::Result r = decoder.feed(piece);
      check(r.consumed <= piece.size(), "consumed more than the input");
      start += r.consumed;
      o.status = r.status;
      switch (r.status) {
        case Status::data:
          check(!r.data.empty(), "an empty data piece");
          check(r.data.data() >= piece.data() &&
                    r.data.data() + r.data.size() == piece.data() + r.consumed,
                "a data piece that is not the input's, ending where `consumed` ends");
          o.data.append(r.data);
          break;
        case Status::incomplete:
          if (!decoder.in_trailers()) check(r.consumed == piece.size(), "incomplete, not all used");
          return;
        case Status::complete: {
          // Read the trailers while the bytes they refer to are alive.
          const Response& t = decoder.trailers();
          check(t.header_size <= r.consumed, "a trailer section longer than what was consumed");
          for (std::size_t i = 0; i < t.field_count(); ++i) {
            const FieldLine& line = t.field_lines[i];
            check(line.name.end() <= t.header_size && line.value.end() <= t.header_size,
                  "a trailer field outside the trailer section");
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
  for (const std::size_t cut : cuts)
    arrive(cut);
  arrive(input.size());
  if (finish) {
    o.status = decoder.finish();
    check(o.status == Status::complete || o.status == Status::error, "finish() left it open");
    check(decoder.finish() == o.status, "finish() twice");
  }
  if (o.status == Status::error) {
    o.rule = decoder.error().rule;
    o.at = decoder.error().offset;
    o.length = decoder.error().length;
  }
  o.end = start;
  for (const Finding& f : decoder.findings())
    o.findings.emplace_back(f.rule, f.offset);
  o.content_length = decoder.content_length();
  o.chunk_count = decoder.chunk_count();
  o.trailer_offset = decoder.trailer_offset();
  o.in_trailers = decoder.in_trailers();

  // What must hold of any decoding.
  const std::uint64_t body_end = body_offset + input.size();
  check(o.data.size() <= o.content_length, "more data than the chunk sizes add up to");
  check(o.end <= input.size(), "consumed past the end");
  if (o.status == Status::complete) {
    check(o.data.size() == o.content_length, "a complete body short of its chunk sizes");
    check(o.trailer_offset >= body_offset && o.trailer_offset <= body_offset + o.end,
          "the trailer section outside the body");
  }
  if (o.status == Status::error) {
    check(o.rule != Rule::count_, "an error without a rule");
    check(o.at >= body_offset && inside(o.at, o.length, body_end), "the error outside the body");
  }
  for (const Finding& f : decoder.findings()) {
    check(f.offset >= body_offset && inside(f.offset, f.length, body_end),
          "a finding outside the body");
  }
  return o;
}

}  // namespace
}  // namespace h1resp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace h1resp;
  using namespace h1resp::fuzz;
  Reader in(data, size);
  std::uint8_t flags = 0;
  const Policy policy = read_policy(in, flags);
  const bool finish = (flags & 1U) != 0;
  const std::uint8_t mode = in.byte();
  const std::uint64_t body_offset = 61U * in.byte();
  const std::string_view input = in.rest();

  const ChunkedOutcome once = decode(input, policy, body_offset, {}, finish);
  const ChunkedOutcome split =
      decode(input, policy, body_offset, split_points(input, mode), finish);
  if (!(once == split)) [[unlikely]] {
    fail("one-shot and split decodings differ",
         "  expected " + describe(once) + "\n  got      " + describe(split));
  }
  return 0;
}
