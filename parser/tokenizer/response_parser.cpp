// The driver of the tokenizer: feed(), finish(), reset(), and how steps end (complete, fail,
// wait). The phases themselves are in status_line.cpp and field_lines.cpp.
#include <algorithm>

#include "h1resp/parser.hpp"
#include "scanner/block_masks.hpp"
#include "tokenizer/phases.hpp"
#include "tokenizer/scan.hpp"

namespace h1resp {

std::string_view to_string(ParseStatus status) noexcept {
  switch (status) {
    case ParseStatus::incomplete:
      return "incomplete";
    case ParseStatus::complete:
      return "complete";
    case ParseStatus::error:
      return "error";
  }
  return "?";
}

std::string_view ParseError::message() const noexcept {
  if (!detail.empty()) return detail;
  return rule == Rule::count_ ? std::string_view{} : rule_info(rule).summary;
}

ResponseParser::ResponseParser(std::span<FieldLine> field_storage, const Policy& policy) noexcept
    : policy_(policy),
      storage_(field_storage),
      max_fields_(static_cast<std::uint32_t>(
          std::min<std::size_t>(field_storage.size(), policy.limits.max_fields))),
      classify_(detail::classify_function(active_kernel())),
      kernel_(active_kernel()) {
  reset();
}

void ResponseParser::reset(Section section) noexcept {
  section_ = section;
  reset();
}

void ResponseParser::reset() noexcept {
  response_ = Response{};
  findings_.clear();
  error_ = ParseError{};
  status_ = ParseStatus::incomplete;
  phase_ =
      static_cast<std::uint8_t>(section_ == Section::response ? Phase::leading : Phase::line_start);
  line_flags_ = 0;
  line_start_ = 0;
  name_end_ = 0;
  value_from_ = 0;
  scan_from_ = 0;
  eof_rule_ = Rule::count_;
  field_count_ = 0;
  empty_lines_ = 0;
  bytes_classified_ = 0;
}

bool ResponseParser::use_kernel(KernelId kernel) noexcept {
  if (!kernel_supported(kernel)) return false;
  kernel_ = kernel;
  classify_ = detail::classify_function(kernel);
  return true;
}

ParseStatus ResponseParser::feed(std::string_view received) noexcept {
  if (status_ != ParseStatus::incomplete) {
    // Already decided: only follow the caller's bytes, which may have moved, and may now end
    // anywhere after the bytes the response refers to (a caller that kept the header section
    // and let the body go).
    const std::size_t referred = status_ == ParseStatus::complete
                                     ? response_.header_size
                                     : std::max(scan_from_, line_start_);
    if (received.size() >= referred) response_.bytes = received;
    return status_;
  }
  response_.bytes = received;
  eof_rule_ = Rule::count_;  // a byte that waited is looked at again below
  // Pre-condition check: the caller only appends. A shorter view cannot hold the bytes the
  // tokenizer already relies on; nothing can be done with it.
  if (received.size() < std::max(scan_from_, line_start_)) return status_;
  Scan scan(received, section_limit(), classify_);
  Step step = Step::next;
  while (step == Step::next) {
    switch (static_cast<Phase>(phase_)) {
      case Phase::leading:
        step = leading_lines(scan);
        break;
      case Phase::status_line:
        step = status_line(scan);
        break;
      case Phase::reason:
        step = reason(scan);
        break;
      case Phase::done:
        step = Step::stop;
        break;
      default:
        step = field_lines(scan);
        break;
    }
  }
  response_.field_lines = storage_.first(field_count_);
  bytes_classified_ += scan.classified();
  return status_;
}

ParseStatus ResponseParser::finish() noexcept {
  if (status_ != ParseStatus::incomplete) return status_;
  const std::string_view bytes = response_.bytes;
  // Too short to tell what the first line is: decide now, from what there is.
  // (A view shorter than the bytes already read breaks feed()'s pre-condition: nothing is read
  // outside it, and the result is message.incomplete.)
  if (static_cast<Phase>(phase_) == Phase::status_line && bytes.size() >= line_start_) {
    constexpr std::string_view kHttp = "HTTP/";
    const std::size_t have = std::min(bytes.size() - line_start_, kHttp.size());
    const std::string_view head = bytes.substr(line_start_, have);
    if (head != kHttp.substr(0, have)) {
      Scan scan(bytes, section_limit(), classify_);
      std::size_t mismatch = line_start_;
      while (bytes[mismatch] == kHttp[mismatch - line_start_])
        ++mismatch;
      not_a_status_line(scan, mismatch, true);
      bytes_classified_ += scan.classified();
      return status_;
    }
  }
  // A VT or FF that waited for the byte after it (ctl_rule()): with none, it is not before a
  // line ending, so the bytes already break the rule of a control character.
  if (eof_rule_ != Rule::count_) {
    fail(eof_rule_, eof_at_, 1);
    return status_;
  }
  if (section_ == Section::trailers) {
    fail(Rule::chunked_incomplete, bytes.size(), 0,
         "the connection closed before the end of the trailer section");
  } else {
    fail(Rule::message_incomplete, bytes.size(), 0,
         bytes.empty() ? "the connection closed before any byte of a response"
                       : "the connection closed before the end of the header section");
  }
  return status_;
}

ResponseParser::Step ResponseParser::complete(std::size_t header_size) noexcept {
  response_.header_size = static_cast<std::uint32_t>(header_size);
  status_ = ParseStatus::complete;
  phase_ = static_cast<std::uint8_t>(Phase::done);
  return Step::stop;
}

ResponseParser::Step ResponseParser::fail(Rule rule, std::size_t offset, std::size_t length,
                                          std::string_view detail) noexcept {
  error_ = ParseError{rule, offset, static_cast<std::uint32_t>(length), detail};
  status_ = ParseStatus::error;
  phase_ = static_cast<std::uint8_t>(Phase::done);
  return Step::stop;
}

std::size_t ResponseParser::section_limit() const noexcept {
  return section_ == Section::response ? policy_.limits.max_header_section_bytes
                                       : policy_.limits.max_trailer_section_bytes;
}

ResponseParser::Step ResponseParser::out_of_bytes(const Scan& scan) noexcept {
  if (!scan.at_limit()) return Step::wait;
  // The finding covers the section's bytes up to the limit, all received (the byte after them
  // may not be yet: the span must not depend on where the input was split).
  if (section_ == Section::trailers) {
    return fail(Rule::limit_trailer_section, 0, scan.limit(),
                "the trailer section is longer than max_trailer_section_bytes");
  }
  return fail(Rule::limit_section_size, 0, scan.limit(),
              "the header section is longer than max_header_section_bytes");
}

void ResponseParser::note(Rule rule, std::size_t offset, std::size_t length,
                          std::string_view detail, Severity severity) noexcept {
  findings_.add(rule, severity, offset, static_cast<std::uint32_t>(length), detail);
}

}  // namespace h1resp
