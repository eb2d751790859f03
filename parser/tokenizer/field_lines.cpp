// Field lines and the empty line that ends the header section (RFC 9112 §5, §2.2):
//   field-line = field-name ":" OWS field-value OWS
//   field-name = token                                        (RFC 9110 §5.1)
//   OWS = *( SP / HTAB )                                      (RFC 9110 §5.6.3)
//
// The hot path: for each line, one search for the first byte that is not a tchar (it must be
// the colon) and one for the first CTL after it (it must be the CR of CRLF). Both walk the
// scanner's bit masks; everything else here is the slow path for the bytes that are wrong.
#include "scanner/char_classes.hpp"
#include "tokenizer/phases.hpp"
#include "tokenizer/scan.hpp"

namespace h1resp {
namespace {
using detail::is_ows;
}  // namespace

ResponseParser::Step ResponseParser::field_lines(Scan& scan) noexcept {
  Step step = Step::next;
  switch (static_cast<Phase>(phase_)) {  // finish the line an earlier feed() stopped in
    case Phase::field_name:
      step = field_name(scan);
      break;
    case Phase::field_value:
    case Phase::fold_value:
      step = field_value(scan);
      break;
    case Phase::ignored_line:
      step = ignored_line(scan);
      break;
    default:
      break;
  }
  while (step == Step::next && static_cast<Phase>(phase_) == Phase::line_start) {
    step = field_line(scan);
  }
  return step;
}

// At the first byte of a line: a field name, the empty line, or a line starting with whitespace.
ResponseParser::Step ResponseParser::field_line(Scan& scan) noexcept {
  const std::size_t start = line_start_;
  if (start >= scan.avail()) return out_of_bytes(scan);
  scan_from_ = line_start_;
  switch (scan.at(start)) {
    case '\r':
      if (start + 1 >= scan.avail()) return out_of_bytes(scan);
      if (scan.at(start + 1) == '\n') return complete(start + 2);
      return fail(Rule::status_bare_cr, start, 1, "bare CR at the start of a line");
    case '\n':
      if (!policy_.allows(Leniency::bare_lf)) return fail(Rule::field_line_ending_lf, start, 1);
      note(Rule::field_line_ending_lf, start, 1,
           "bare LF accepted as the end of the header section");
      return complete(start + 1);
    case ' ':
    case '\t':
      if (field_count_ == 0) {
        // RFC 9112 §2.2: whitespace between the start line and the first field line: reject,
        // or ignore each whitespace-preceded line.
        if (!policy_.allows(Leniency::ws_preceded_lines)) {
          return fail(Rule::status_ws_after_start_line, start, 1);
        }
        note(Rule::status_ws_after_start_line, start, 1, "whitespace-preceded line ignored");
        phase_ = static_cast<std::uint8_t>(Phase::ignored_line);
        return ignored_line(scan);
      }
      // RFC 9112 §5.2: obs-fold. A user agent or proxy may replace it by SP instead of
      // rejecting the message.
      if (!policy_.allows(Leniency::obs_fold)) return fail(Rule::field_obs_fold, start, 1);
      note(Rule::field_obs_fold, start, 1, "obs-fold read as SP");
      line_flags_ = FieldLine::obs_folded;
      phase_ = static_cast<std::uint8_t>(Phase::fold_value);
      return field_value(scan);
    default:
      phase_ = static_cast<std::uint8_t>(Phase::field_name);
      return field_name(scan);
  }
}

// field-name = token, then ":" at once (RFC 9112 §5.1: no whitespace before the colon).
ResponseParser::Step ResponseParser::field_name(Scan& scan) noexcept {
  const std::size_t start = line_start_;
  const std::size_t line_limit = start + policy_.limits.max_line_bytes + 1;
  const std::size_t bound = std::min(scan.avail(), line_limit);
  const std::size_t end = scan.next_not_tchar(scan_from_, bound);
  if (end == bound) {
    scan_from_ = static_cast<std::uint32_t>(end);
    if (bound == line_limit) {
      return fail(Rule::limit_line_length, start, bound - start,
                  "the line is longer than max_line_bytes");
    }
    return out_of_bytes(scan);
  }
  const unsigned char c = scan.at(end);
  std::size_t colon = end;
  if (c != ':') {
    if (c == '\r' || c == '\n') {
      return fail(Rule::field_no_colon, start, end - start, "a field line without a colon");
    }
    if (!is_ows(c)) return fail(Rule::field_name_token, end, 1, "not a token character");
    // Whitespace after the name: before a colon it is B02; otherwise the name is not a token.
    while (colon < bound && is_ows(scan.at(colon)))
      ++colon;
    if (colon == bound) {
      scan_from_ = static_cast<std::uint32_t>(end);  // resume at the whitespace
      if (bound == line_limit) {
        return fail(Rule::limit_line_length, start, bound - start,
                    "the line is longer than max_line_bytes");
      }
      return out_of_bytes(scan);
    }
    if (scan.at(colon) != ':') {
      return fail(Rule::field_name_token, end, 1, "whitespace inside a field name");
    }
    if (!policy_.allows(Leniency::ws_before_colon)) {
      return fail(Rule::field_ws_before_colon, end, colon - end);
    }
    note(Rule::field_ws_before_colon, end, colon - end, "whitespace before the colon stripped");
    line_flags_ |= FieldLine::ws_before_colon;
  }
  if (end == start) return fail(Rule::field_name_token, start, 1, "empty field name");
  name_end_ = static_cast<std::uint32_t>(end);
  value_from_ = static_cast<std::uint32_t>(colon + 1);
  scan_from_ = value_from_;
  phase_ = static_cast<std::uint8_t>(Phase::field_value);
  return field_value(scan);
}

// The value runs to the line ending; OWS at both ends is not part of it (RFC 9112 §5.1).
// In a fold_value phase the line continues the previous field's value (obs-fold).
ResponseParser::Step ResponseParser::field_value(Scan& scan) noexcept {
  const bool fold = static_cast<Phase>(phase_) == Phase::fold_value;
  // A folded field is one logical line: its length counts from its name.
  const std::size_t origin = fold ? storage_[field_count_ - 1].name.offset : line_start_;
  const LineRules rules{
      .bare_cr = Rule::field_value_cr_lf_nul,
      .bare_lf = Rule::field_line_ending_lf,
      .nul = Rule::field_value_cr_lf_nul,
      .ctl = Rule::field_value_ctl,
      .bare_cr_allowed = policy_.allows(Leniency::bare_cr),
      .ctl_allowed = policy_.allows(Leniency::value_ctl),
  };
  const LineEnd end = line_end(scan, origin, rules);
  if (end.step != Step::next) return end.step;

  std::size_t first = fold ? line_start_ : value_from_;
  std::size_t last = end.end;
  while (first < last && is_ows(scan.at(first)))
    ++first;
  while (last > first && is_ows(scan.at(last - 1)))
    --last;

  if (fold) {
    FieldLine& field = storage_[field_count_ - 1];
    if (first < last) {
      if (field.value.empty()) field.value.offset = static_cast<std::uint32_t>(first);
      field.value.length = static_cast<std::uint32_t>(last - field.value.offset);
    }
    field.flags |= line_flags_;
  } else {
    if (field_count_ >= max_fields_) {
      return fail(Rule::limit_field_count, line_start_, end.end - line_start_,
                  "more field lines than max_fields");
    }
    storage_[field_count_++] = FieldLine{
        .name = Span{line_start_, name_end_ - line_start_},
        .value = Span{static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(last - first)},
        .flags = line_flags_,
    };
  }
  line_flags_ = 0;
  line_start_ = static_cast<std::uint32_t>(end.next);
  phase_ = static_cast<std::uint8_t>(Phase::line_start);
  return Step::next;
}

// A whitespace-preceded line before the first field line, ignored as RFC 9112 §2.2 allows; its
// bytes must still be valid field-line bytes, so that no recipient sees a line end elsewhere.
ResponseParser::Step ResponseParser::ignored_line(Scan& scan) noexcept {
  const LineRules rules{
      .bare_cr = Rule::field_value_cr_lf_nul,
      .bare_lf = Rule::field_line_ending_lf,
      .nul = Rule::field_value_cr_lf_nul,
      .ctl = Rule::field_value_ctl,
      .bare_cr_allowed = false,
      .ctl_allowed = false,
  };
  const LineEnd end = line_end(scan, line_start_, rules);
  if (end.step != Step::next) return end.step;
  line_flags_ = 0;
  line_start_ = static_cast<std::uint32_t>(end.next);
  phase_ = static_cast<std::uint8_t>(Phase::line_start);
  return Step::next;
}

}  // namespace h1resp
