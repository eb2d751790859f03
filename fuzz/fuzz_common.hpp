// What the fuzz harnesses share: reading the harness' choices from the input, exactly sized
// buffers, split points, and everything observable about a parse as comparable values.
//
// Every harness is a libFuzzer target (LLVMFuzzerTestOneInput) in its own .cpp. The same sources
// also build without libFuzzer, with the normal compiler, into tests/fuzz_replay/, which runs the
// committed corpus through every harness on every build. A broken invariant prints what broke
// and stops with __builtin_trap(): libFuzzer keeps the input as a crash, the replay test fails.
//
// Input layout. The first bytes are choices, the rest is the bytes under test:
//   [0] leniency bits 0-7 (Leniency values)
//   [1] bit 0: Leniency::value_ctl; bit 1: Dialect::w3c1992; bit 2: small limits;
//       bits 3-7: the harness' own flags (see each harness)
//   [2] limits: max_header_section_bytes = 32 + 8 * b          (with small limits only)
//   [3] limits: max_line_bytes = 4 + 4 * b
//   [4] limits: max_fields = b & 31, max_leading_empty_lines = b >> 5
//   [5] limits: max_chunk_extension_bytes = b, max_trailer_section_bytes = 16 + 8 * b
//   then the harness' own bytes (split mode, methods, ...), then the bytes under test.
// Small limits are within reach of short inputs, so every limit is hit; without them the
// defaults apply, as a real deployment would have them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/policy.hpp"

namespace h1resp::fuzz {

inline constexpr std::size_t kPolicyBytes = 6;

// A broken invariant: say which, then stop so that libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "h1resp fuzz: invariant broken: %s\n%s%s", what, detail.c_str(),
               detail.empty() ? "" : "\n");
  std::fflush(stderr);
  __builtin_trap();
}

inline void check(bool ok, const char* what) {
  if (!ok) [[unlikely]]
    fail(what);
}

// The harness' choices, taken from the front of the input. Past the end every byte reads as 0,
// so a short input is a valid input (strict policy, default limits).
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

  std::uint8_t byte() noexcept { return pos_ < size_ ? data_[pos_++] : 0; }
  // Everything not taken yet: the bytes under test.
  [[nodiscard]] std::string_view rest() const noexcept {
    return {reinterpret_cast<const char*>(data_) + pos_, size_ - pos_};
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// Reads the policy bytes; `harness_flags` receives bits 3-7 of byte [1], shifted down.
inline Policy read_policy(Reader& in, std::uint8_t& harness_flags) noexcept {
  Policy p;
  const std::uint8_t lenient = in.byte();
  const std::uint8_t flags = in.byte();
  p.leniencies = static_cast<std::uint16_t>(lenient | ((flags & 1U) << 8));
  p.dialect = (flags & 2U) != 0 ? Dialect::w3c1992 : Dialect::modern;
  harness_flags = static_cast<std::uint8_t>(flags >> 3);
  const std::uint8_t section = in.byte();
  const std::uint8_t line = in.byte();
  const std::uint8_t counts = in.byte();
  const std::uint8_t chunked = in.byte();
  if ((flags & 4U) != 0) {
    p.limits.max_header_section_bytes = 32U + 8U * section;
    p.limits.max_line_bytes = 4U + 4U * line;
    p.limits.max_fields = counts & 31U;
    p.limits.max_leading_empty_lines = counts >> 5;
    p.limits.max_chunk_extension_bytes = chunked;
    p.limits.max_trailer_section_bytes = 16U + 8U * chunked;
  }
  return p;
}

// RequestMethod from 4 bits (10 methods; the others wrap around).
inline RequestMethod method_from_bits(unsigned bits) noexcept {
  return static_cast<RequestMethod>(bits % 10U);
}

// A copy of `data` in a heap block that ends exactly where the data ends, `misalign` bytes past
// the block's start: AddressSanitizer reports any read past the end, and the code under test
// sees a fresh address each time, so it cannot keep pointers into an earlier buffer.
class ExactBuffer {
 public:
  explicit ExactBuffer(std::string_view data, std::size_t misalign = 0)
      : storage_(std::make_unique<char[]>(misalign + data.size() + (data.empty() ? 1 : 0))),
        data_(storage_.get() + misalign),
        size_(data.size()) {
    if (size_ != 0) std::memcpy(data_, data.data(), size_);
  }
  [[nodiscard]] std::string_view view() const noexcept { return {data_, size_}; }

 private:
  std::unique_ptr<char[]> storage_;
  char* data_;
  std::size_t size_;
};

// Where the bytes arrive in pieces: increasing cut points, each in (0, size). `mode` picks how:
//   0: byte by byte (pieces of 7 past 1 KiB, to keep a run fast);
//   1: after every CR, LF, ':' and ';' and before every CR (where tokens end);
//   2: pieces of pseudo-random length 1 .. 2^k, seeded from the mode and the bytes;
//   3: two cuts at fractions of the size chosen by the mode, plus one byte before the end.
inline std::vector<std::size_t> split_points(std::string_view bytes, std::uint8_t mode) {
  std::vector<std::size_t> cuts;
  const std::size_t size = bytes.size();
  auto add = [&](std::size_t cut) {
    if (cut > 0 && cut < size && (cuts.empty() || cut > cuts.back())) cuts.push_back(cut);
  };
  switch (mode & 3U) {
    case 0: {
      const std::size_t step = size > 1024 ? 7 : 1;
      for (std::size_t cut = step; cut < size; cut += step)
        add(cut);
      break;
    }
    case 1:
      for (std::size_t i = 0; i < size; ++i) {
        const char c = bytes[i];
        if (c == '\r') add(i);
        if (c == '\r' || c == '\n' || c == ':' || c == ';') add(i + 1);
      }
      break;
    case 2: {
      std::uint32_t state = 0x9E3779B9U ^ mode;
      for (std::size_t i = 0; i < std::min<std::size_t>(size, 16); ++i)
        state = state * 31U + static_cast<unsigned char>(bytes[i]);
      const unsigned range = 1U << ((mode >> 2) & 7U);
      for (std::size_t cut = 0; cut < size;) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        cut += 1 + state % range;
        add(cut);
      }
      break;
    }
    default: {
      const std::size_t a = size * ((mode >> 2) & 7U) / 8;
      const std::size_t b = size * (8 + ((mode >> 5) & 7U)) / 16;
      add(std::min(a, b));
      add(std::max(a, b));
      if (size >= 1) add(size - 1);
      break;
    }
  }
  return cuts;
}

inline bool inside(std::uint64_t offset, std::uint64_t length, std::uint64_t size) noexcept {
  return offset <= size && length <= size - offset;
}

// Everything observable about one ResponseParser run, as values (no views into buffers that a
// later feed() replaces).
struct ParseOutcome {
  ParseStatus status = ParseStatus::incomplete;
  Rule error_rule = Rule::count_;
  std::uint64_t error_offset = 0;
  std::uint32_t error_length = 0;
  std::uint32_t header_size = 0;
  int version_major = 0;
  int version_minor = 0;
  int code = 0;
  Span status_line;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<FieldLine> lines;
  std::vector<Finding> findings;
  std::uint32_t dropped = 0;

  friend bool operator==(const ParseOutcome& a, const ParseOutcome& b) noexcept {
    if (a.lines.size() != b.lines.size() || a.findings.size() != b.findings.size()) return false;
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
      const FieldLine& x = a.lines[i];
      const FieldLine& y = b.lines[i];
      if (x.name != y.name || x.value != y.value || x.flags != y.flags) return false;
    }
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
      const Finding& x = a.findings[i];
      const Finding& y = b.findings[i];
      if (x.rule != y.rule || x.severity != y.severity || x.offset != y.offset ||
          x.length != y.length) {
        return false;
      }
    }
    return a.status == b.status && a.error_rule == b.error_rule &&
           a.error_offset == b.error_offset && a.error_length == b.error_length &&
           a.header_size == b.header_size && a.version_major == b.version_major &&
           a.version_minor == b.version_minor && a.code == b.code &&
           a.status_line == b.status_line && a.reason == b.reason && a.fields == b.fields &&
           a.dropped == b.dropped;
  }
};

inline std::string printable(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '\\') {
      out += c;
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", u);
      out += hex;
    }
  }
  return out;
}

// (A stream, not string concatenation: GCC 12 reports a false -Wrestrict on `"..." + string`.)
inline std::string describe(const ParseOutcome& o) {
  std::ostringstream s;
  s << "{" << to_string(o.status);
  if (o.status == ParseStatus::error) {
    s << " " << to_string(o.error_rule) << " @" << o.error_offset << "+" << o.error_length;
  }
  s << " header_size=" << o.header_size << " HTTP/" << o.version_major << "." << o.version_minor
    << " " << o.code << " [" << printable(o.reason) << "]";
  for (std::size_t i = 0; i < o.fields.size(); ++i) {
    s << " (" << printable(o.fields[i].first) << ": " << printable(o.fields[i].second) << " #"
      << static_cast<int>(o.lines[i].flags) << ")";
  }
  for (const Finding& f : o.findings) {
    s << " note " << to_string(f.rule) << " @" << f.offset << "+" << f.length;
  }
  s << "}";
  return s.str();
}

// The outcome of `parser`, whose last feed() got `bytes`.
inline ParseOutcome observe(const ResponseParser& parser) {
  ParseOutcome o;
  o.status = parser.status();
  if (o.status == ParseStatus::error) {
    o.error_rule = parser.error().rule;
    o.error_offset = parser.error().offset;
    o.error_length = parser.error().length;
  }
  const Response& r = parser.response();
  if (o.status == ParseStatus::complete) o.header_size = parser.header_size();
  o.version_major = r.version_major;
  o.version_minor = r.version_minor;
  o.code = r.status;
  o.status_line = r.status_line;
  o.reason = std::string(r.reason_phrase());
  for (std::size_t i = 0; i < r.field_count(); ++i) {
    const Field f = r.field(i);
    o.fields.emplace_back(std::string(f.name), std::string(f.value));
    o.lines.push_back(r.field_lines[i]);
  }
  o.findings.assign(parser.findings().begin(), parser.findings().end());
  o.dropped = parser.findings().dropped();
  return o;
}

inline void check_same(const ParseOutcome& a, const ParseOutcome& b, const char* what) {
  if (!(a == b)) [[unlikely]]
    fail(what, "  expected " + describe(a) + "\n  got      " + describe(b));
}

// Feeds `input` to `parser` in the pieces that end at `cuts`, then whole, each piece in a fresh
// exactly sized buffer; optionally finish(). Checks that a decided status never changes. Returns
// the outcome, observed while the last buffer is alive.
inline ParseOutcome feed_in_pieces(ResponseParser& parser, std::string_view input,
                                   const std::vector<std::size_t>& cuts, bool finish) {
  std::unique_ptr<ExactBuffer> buffer;
  ParseStatus decided = ParseStatus::incomplete;
  std::size_t previous = 0;  // the bytes of the previous feed
  auto feed_prefix = [&](std::size_t n) {
    buffer = std::make_unique<ExactBuffer>(input.substr(0, n));
    const std::uint64_t classified_before = parser.bytes_classified();
    const ParseStatus s = parser.feed(buffer->view());
    if (decided != ParseStatus::incomplete) check(s == decided, "a decided status changed");
    decided = s;
    // The incremental guarantee (parser.hpp): besides the new bytes, only the line left
    // unfinished by the previous feed (after its last LF) is classified again. An obs-folded
    // field is one line across line endings: not checked under that leniency.
    if (!parser.policy().allows(Leniency::obs_fold) && n >= previous) {
      const std::size_t lf = input.substr(0, previous).rfind('\n');
      const std::size_t unfinished = lf == std::string_view::npos ? 0 : lf + 1;
      check(parser.bytes_classified() - classified_before <= n - unfinished,
            "a feed classified bytes before the unfinished line again");
    }
    previous = n;
  };
  for (const std::size_t cut : cuts)
    feed_prefix(cut);
  feed_prefix(input.size());
  if (finish) parser.finish();
  return observe(parser);
}

}  // namespace h1resp::fuzz
