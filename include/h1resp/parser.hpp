// The incremental parser of a response's status line and header section (RFC 9112 §2-§5).
//
//   h1resp::BasicResponseParser<> parser;            // strict policy, room for 128 fields
//   switch (parser.feed(received_so_far)) {          // all bytes of this response so far
//     case h1resp::ParseStatus::incomplete: ...      // read more, append, feed again
//     case h1resp::ParseStatus::complete:  ...      // parser.response(), header_size()
//     case h1resp::ParseStatus::error:     ...      // parser.error(): rule and offset
//   }
//
// The caller owns the bytes and appends to them between feed() calls; the parser remembers where
// it stopped, so bytes already tokenized are not scanned again, and the result is the same
// whatever the split points. It never allocates, never writes to the caller's bytes, and never
// reads past the end of the view it is given.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/kernel.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"
#include "h1resp/rules.hpp"

namespace h1resp {

namespace detail {
struct BlockMasks;
using ClassifyFn = void (*)(const char* data, std::size_t size, BlockMasks* out) noexcept;
}  // namespace detail

// What the parser reads: a response's header section, or the trailer section of a chunked body
// (RFC 9112 §7.1.2: field lines and the empty line, under the same rules, limited by
// Limits::max_trailer_section_bytes).
enum class Section : std::uint8_t { response, trailers };

enum class ParseStatus : std::uint8_t {
  incomplete,  // the header section has not ended yet: feed more bytes
  complete,    // the header section ended after header_size() bytes
  error,       // the bytes break a rule: see error()
};

[[nodiscard]] std::string_view to_string(ParseStatus status) noexcept;

struct ParseError {
  Rule rule = Rule::count_;
  std::uint64_t offset = 0;  // the first offending byte, from the first byte of the response
  std::uint32_t length = 0;  // how many bytes are concerned (at least 1 when there is a byte)
  std::string_view detail;   // static text that refines the rule's summary; may be empty

  // The detail where there is one (it names the case), else the rule's summary. Static storage.
  [[nodiscard]] std::string_view message() const noexcept;
};

class ResponseParser {
 public:
  // `field_storage` receives the field lines; it must outlive the parser. The number of fields
  // accepted is the smaller of its size and policy.limits.max_fields.
  explicit ResponseParser(std::span<FieldLine> field_storage,
                          const Policy& policy = Policy::strict()) noexcept;

  // Parses the header section of one response.
  // Pre-condition: `received` holds every byte of this response received so far, from its
  //   first byte; bytes passed before are unchanged (the caller only appends). It may live at
  //   another address than last time. Otherwise the result is unspecified (never a read
  //   outside `received`, never an exception).
  // Side effects: records the response view, findings (uses of a leniency), or the error.
  // Returns: incomplete (feed again with more bytes), complete, or error. Once complete or error,
  //   further calls return the same status until reset(); they only make response() refer to
  //   the new bytes. An error is returned as soon as the bytes decide its rule; a field name
  //   with a byte that is not a tchar waits for its line's colon or end (B01 or B03), at most
  //   Limits::max_line_bytes.
  ParseStatus feed(std::string_view received) noexcept;

  // One-shot: reset(), then feed(bytes). The same result as feeding the bytes in any pieces.
  ParseStatus parse(std::string_view bytes) noexcept {
    reset();
    return feed(bytes);
  }

  // Tells the parser that no more bytes will come (the peer closed). An incomplete header
  // section becomes an error: message.incomplete, or the rule the bytes so far already break
  // (e.g. status.http09 for a response too short to tell). Returns the final status.
  // Pre-condition: the bytes of the last feed() are still readable where they were (finish()
  //   may read a few of them); after moving them (a buffer grown before the read that found the
  //   close), feed() them again first.
  ParseStatus finish() noexcept;

  // Forgets the response; keeps the policy, the field storage and the kernel. Reads `section`
  // from now on (the default: the same as before).
  void reset() noexcept;
  void reset(Section section) noexcept;

  // Uses `kernel` for scanning from now on. Returns false when the CPU cannot run it.
  bool use_kernel(KernelId kernel) noexcept;

  [[nodiscard]] ParseStatus status() const noexcept { return status_; }
  // Bytes of the status line and header section, including the final empty line. Valid when
  // status() is complete; the body (if any) starts at this offset.
  [[nodiscard]] std::uint32_t header_size() const noexcept { return response_.header_size; }
  // The response as parsed so far (complete: all of it).
  [[nodiscard]] const Response& response() const noexcept { return response_; }
  [[nodiscard]] const ParseError& error() const noexcept { return error_; }
  // Uses of leniencies (warnings) and other notes of the tokenizer, in byte order.
  [[nodiscard]] const FindingList& findings() const noexcept { return findings_; }
  [[nodiscard]] const Policy& policy() const noexcept { return policy_; }
  [[nodiscard]] KernelId kernel() const noexcept { return kernel_; }
  // Bytes the scanner's first stage (the kernel) classified since reset(), a byte counted each
  // time it is classified: what the incremental guarantee is measured by. Across feed() calls a
  // byte is classified again only if it belongs to the line that was unfinished when the
  // previous call returned; within one call, never.
  [[nodiscard]] std::uint64_t bytes_classified() const noexcept { return bytes_classified_; }

 private:
  class Scan;  // the tokenizer's view of the bytes during one feed() (parser/tokenizer/scan.hpp)
  enum class Phase : std::uint8_t;
  enum class Step : std::uint8_t;
  // What may end a line, and which rule each unexpected control byte breaks.
  struct LineRules {
    Rule bare_cr;
    Rule bare_lf;
    Rule nul;
    Rule ctl;
    bool bare_cr_allowed;
    bool ctl_allowed;
    Severity leniency_severity = Severity::warning;
  };
  struct LineEnd {
    Step step;         // next: found
    std::size_t end;   // the first byte of the line ending
    std::size_t next;  // the first byte after it
  };

  Step leading_lines(Scan& scan) noexcept;
  Step status_line(Scan& scan) noexcept;
  bool ordinary_status_line(Scan& scan) noexcept;
  Step status_line_prefix(Scan& scan) noexcept;
  Step not_a_status_line(Scan& scan, std::size_t mismatch, bool final) noexcept;
  Step whitespace_run(Scan& scan, std::size_t from, std::size_t& end) noexcept;
  Step reason(Scan& scan) noexcept;
  Step field_lines(Scan& scan) noexcept;
  Step field_line(Scan& scan) noexcept;
  Step ordinary_field_lines(Scan& scan) noexcept;
  Step field_name(Scan& scan) noexcept;
  Step bad_field_name(Scan& scan) noexcept;
  Step field_value(Scan& scan) noexcept;
  Step ignored_line(Scan& scan) noexcept;
  LineEnd line_end(Scan& scan, std::size_t origin, const LineRules& rules) noexcept;
  Rule ctl_rule(const Scan& scan, std::size_t at, const LineRules& rules) const noexcept;
  Step complete(std::size_t header_size) noexcept;
  Step fail(Rule rule, std::size_t offset, std::size_t length,
            std::string_view detail = {}) noexcept;
  // Out of bytes: wait for more, unless the section limit is reached.
  Step out_of_bytes(const Scan& scan) noexcept;
  // Out of bytes inside a line: the line limit, or out_of_bytes().
  Step out_of_line_bytes(const Scan& scan, std::size_t start, std::size_t bound,
                         std::size_t line_limit) noexcept;
  [[nodiscard]] std::size_t section_limit() const noexcept;
  void note(Rule rule, std::size_t offset, std::size_t length, std::string_view detail,
            Severity severity = Severity::warning) noexcept;
  void note_status_whitespace(std::size_t offset, std::size_t length) noexcept;

  Policy policy_;
  std::span<FieldLine> storage_;
  std::uint32_t max_fields_;
  detail::ClassifyFn classify_;
  KernelId kernel_;
  Section section_ = Section::response;

  Response response_{};
  FindingList findings_{};
  ParseError error_{};
  ParseStatus status_ = ParseStatus::incomplete;
  std::uint8_t phase_ = 0;        // a Phase
  std::uint8_t line_flags_ = 0;   // FieldLine flags of the line being tokenized
  std::uint32_t line_start_ = 0;  // first byte of the line being tokenized
  // End of the current field name: its colon, whitespace, or (Phase::bad_name) the first byte
  // that is neither a tchar nor the colon.
  std::uint32_t name_end_ = 0;
  std::uint32_t value_from_ = 0;  // first byte after the colon (or of the reason phrase)
  std::uint32_t scan_from_ = 0;   // where the interrupted search resumes
  // A byte whose rule waits for the byte after it (a VT or FF in a value), set by the feed that
  // waited: the rule it breaks if no byte follows, and where. finish() reports it without
  // reading the bytes, which may be gone by then (a chunked decoder's earlier input).
  Rule eof_rule_ = Rule::count_;
  std::uint32_t eof_at_ = 0;
  std::uint32_t field_count_ = 0;
  std::uint32_t empty_lines_ = 0;       // leading empty lines skipped
  std::uint64_t bytes_classified_ = 0;  // see bytes_classified()
};

// A parser with room for N field lines of its own.
// Room for as many field lines as Limits::max_fields allows by default: the field storage of a
// header or trailer section, unless the policy allows more.
inline constexpr std::size_t kDefaultFieldCapacity = 128;

template <std::size_t N = kDefaultFieldCapacity>
class BasicResponseParser : private std::array<FieldLine, N>, public ResponseParser {
 public:
  explicit BasicResponseParser(const Policy& policy = Policy::strict()) noexcept
      : std::array<FieldLine, N>{}, ResponseParser(std::span<FieldLine>(*this), policy) {}
};

}  // namespace h1resp
