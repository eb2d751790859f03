// The test harness for the parser: every input runs on every kernel the CPU supports, one-shot,
// split in two at every point, and fed byte by byte; all of them must give the same outcome.
//
// Each feed() gets its bytes in a fresh heap block of exactly that size (at a new address), so
// AddressSanitizer catches any read past the end, and the parser cannot rely on the address.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "h1resp/parser.hpp"

namespace h1resp::testing {

// Everything observable about one parse, as values (no views into freed buffers).
struct Outcome {
  ParseStatus status = ParseStatus::incomplete;
  Rule error_rule = Rule::count_;
  std::uint32_t error_offset = 0;
  std::uint32_t error_length = 0;
  std::string error_detail;
  std::uint32_t header_size = 0;
  int version_major = 0;
  int version_minor = 0;
  int code = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<int> field_flags;
  std::vector<std::pair<Rule, std::uint64_t>> findings;  // rule and offset, what tests expect
  // And the rest of each finding, so that kernels and split points are compared on all of it.
  struct FindingRest {
    Severity severity;
    std::uint32_t length;
    std::string detail;
    friend bool operator==(const FindingRest&, const FindingRest&) = default;
  };
  std::vector<FindingRest> finding_rests;

  friend bool operator==(const Outcome&, const Outcome&) = default;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o);

// The bytes a C-like escape string stands for: "\r\n", "\x00", ... are already decoded by the
// compiler; this keeps NULs by taking the size from the literal.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

// Copies `data` to a heap block of exactly its size, so ASan sees reads past its end.
class ExactBuffer {
 public:
  explicit ExactBuffer(std::string_view data)
      : storage_(std::make_unique<char[]>(data.size() == 0 ? 1 : data.size())), size_(data.size()) {
    if (size_ != 0) std::memcpy(storage_.get(), data.data(), size_);
  }
  [[nodiscard]] std::string_view view() const { return {storage_.get(), size_}; }

 private:
  std::unique_ptr<char[]> storage_;
  std::size_t size_;
};

// Feeds `input` in the pieces that end at `cuts` (increasing, each < input.size()), then the
// rest; with `finish`, tells the parser the input has ended.
Outcome parse_in_pieces(std::string_view input, const Policy& policy, KernelId kernel,
                        const std::vector<std::size_t>& cuts, bool finish);

// Parses `input` one-shot with the scalar kernel, then checks that every supported kernel, every
// split point and byte-by-byte feeding give the same outcome (reported as test failures).
Outcome parse_everywhere(std::string_view input, const Policy& policy = Policy::strict(),
                         bool finish = false);

}  // namespace h1resp::testing
