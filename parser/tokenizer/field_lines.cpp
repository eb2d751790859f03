// Field lines and the empty line that ends the header section (RFC 9112 §5, §2.2):
//   field-line = field-name ":" OWS field-value OWS
//   field-name = token                                        (RFC 9110 §5.1)
//   OWS = *( SP / HTAB )                                      (RFC 9110 §5.6.3)
//
// The hot path: for each line, one search for the first byte that is not a tchar (it must be
// the colon) and one for the first CTL after it (it must be the CR of CRLF). Both walk the
// scanner's bit masks; everything else here is the slow path for the bytes that are wrong.
#include <bit>

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
    case Phase::bad_name:
      step = bad_field_name(scan);
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
    step = ordinary_field_lines(scan);
    if (step != Step::next) break;
    // The line the fast path left: from its value when the name was ordinary, else whatever it
    // is, from its first byte.
    step = static_cast<Phase>(phase_) == Phase::field_value ? field_value(scan) : field_line(scan);
  }
  return step;
}

// The hot path: field lines that are a token, a colon, a value of visible bytes and CRLF, and
// the empty line. It stops at the first line that is anything else (or that the bytes do not
// complete), and leaves that line to the general steps in the state they would have reached on
// the bytes it has read: at the line's first byte for field_line(), with the name search
// resuming at the first byte that is not a tchar; or, when the name and colon were ordinary, in
// the field_value phase with the line-end search resuming at the first CTL after the colon. The
// fast path accepts only what the general steps would accept in exactly the same way, so the
// results cannot differ; and the general steps do not search again what it searched, so no byte
// is classified twice in one feed() (the window may have moved past the line's start).
//
// It walks the window of masks itself, with its state in locals: the CTL mask as one stream
// (in valid lines its only bits are each line's CR and LF, so every block of it is looked at
// once), the not-tchar mask from each line's start (names are short).
ResponseParser::Step ResponseParser::ordinary_field_lines(Scan& scan) noexcept {
  const char* const data = scan.data();
  const std::size_t avail = scan.avail();
  const std::size_t max_line = policy_.limits.max_line_bytes;
  FieldLine* const out = storage_.data();
  const std::uint32_t max_fields = max_fields_;
  std::uint32_t count = field_count_;
  std::size_t start = line_start_;
  if (start >= scan.window_end() || start < scan.window_start()) scan.refill(start);
  const detail::BlockMasks* const masks = scan.masks();
  std::size_t window_start = scan.window_start();
  std::size_t window_end = scan.window_end();
  // The CTL stream: bits of the block at ctl_base not yet passed; none before `start`.
  const std::size_t start_rel = start - window_start;
  std::size_t ctl_base = window_start + start_rel / detail::kBlockBytes * detail::kBlockBytes;
  std::uint64_t ctl_bits = masks[start_rel / detail::kBlockBytes].ctl &
                           (~std::uint64_t{0} << (start_rel % detail::kBlockBytes));

  auto move_window = [&](std::size_t from) noexcept {
    scan.refill(from);
    window_start = scan.window_start();
    window_end = scan.window_end();
    ctl_base = window_start;
    ctl_bits = masks[0].ctl;
  };

  Step step = Step::next;
  std::size_t resume = start;  // where the general steps' search resumes in the line left
  bool name_done = false;      // the line left has an ordinary name and colon
  std::size_t colon = start;
  while (start + 1 < avail) {
    if (data[start] == '\r') {
      if (data[start + 1] == '\n') step = complete(start + 2);
      break;
    }
    const std::size_t bound = std::min(avail, start + max_line + 1);
    // The name: the first byte that is not a tchar must be the colon, after at least one tchar.
    if (start >= window_end) move_window(start);
    colon = bound;
    std::size_t rel = start - window_start;
    std::uint64_t bits = masks[rel / detail::kBlockBytes].not_tchar >> (rel % detail::kBlockBytes);
    for (;;) {
      if (bits != 0) {
        colon =
            std::min(window_start + rel + static_cast<std::size_t>(std::countr_zero(bits)), bound);
        break;
      }
      rel += detail::kBlockBytes - rel % detail::kBlockBytes;  // a long name: the next block
      if (window_start + rel >= bound) break;
      if (window_start + rel >= window_end) {
        move_window(window_start + rel);
        rel = 0;
      }
      bits = masks[rel / detail::kBlockBytes].not_tchar;
    }
    if (colon == start || colon == bound || data[colon] != ':') {
      resume = colon;  // bytes [start, colon) are tchars
      break;
    }
    // The line end: the next CTL after the colon must be the CR of CRLF.
    std::size_t cr = bound;
    for (;;) {
      if (ctl_bits != 0) {
        const unsigned bit = static_cast<unsigned>(std::countr_zero(ctl_bits));
        const std::size_t at = ctl_base + bit;
        if (at > colon) {
          cr = std::min(at, bound);
          // Pass the CR and, when it is in this block, the LF after it.
          ctl_bits =
              bit + 2 < detail::kBlockBytes ? ctl_bits & (~std::uint64_t{0} << (bit + 2)) : 0;
          break;
        }
        ctl_bits &= ctl_bits - 1;  // a CTL before the colon: an LF left in the next block
        continue;
      }
      ctl_base += detail::kBlockBytes;
      if (ctl_base >= bound) break;
      if (ctl_base >= window_end) move_window(ctl_base);
      ctl_bits = masks[(ctl_base - window_start) / detail::kBlockBytes].ctl;
    }
    if (cr == bound || cr + 1 >= avail || data[cr] != '\r' || data[cr + 1] != '\n' ||
        count >= max_fields) {
      name_done = true;
      resume = cr;  // bytes (colon, cr) hold no CTL
      break;
    }
    // OWS around the value: almost always one SP before it and none after.
    std::size_t value = colon + 1 + (data[colon + 1] == ' ');  // data[cr] is '\r': in bounds
    std::size_t end = cr;
    while (is_ows(static_cast<unsigned char>(data[value])))
      ++value;
    while (end > value && is_ows(static_cast<unsigned char>(data[end - 1])))
      --end;
    FieldLine& line = out[count++];
    line.name = Span{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(colon - start)};
    line.value = Span{static_cast<std::uint32_t>(value), static_cast<std::uint32_t>(end - value)};
    line.flags = 0;
    start = cr + 2;
    resume = start;
  }
  field_count_ = count;
  line_start_ = static_cast<std::uint32_t>(start);
  scan_from_ = static_cast<std::uint32_t>(resume);
  if (name_done) {  // field_name()'s state after this name and colon
    name_end_ = static_cast<std::uint32_t>(colon);
    value_from_ = static_cast<std::uint32_t>(colon + 1);
    phase_ = static_cast<std::uint8_t>(Phase::field_value);
  }
  return step;
}

// At the first byte of a line: a field name, the empty line, or a line starting with whitespace.
ResponseParser::Step ResponseParser::field_line(Scan& scan) noexcept {
  const std::size_t start = line_start_;
  if (start >= scan.avail()) return out_of_bytes(scan);
  // scan_from_: where ordinary_field_lines() left the name search (the line start, or the first
  // byte that is not a tchar).
  switch (scan.at(start)) {
    case '\r':
      if (start + 1 >= scan.avail()) return out_of_bytes(scan);
      if (scan.at(start + 1) == '\n') return complete(start + 2);
      return fail(Rule::status_bare_cr, start, 1, "bare CR at the start of a line");
    case '\n':
      if (!policy_.allows(Leniency::bare_lf)) return fail(Rule::field_line_ending_lf, start, 1);
      note(Rule::field_line_ending_lf, start, 1,
           section_ == Section::trailers ? "bare LF accepted as the end of the trailer section"
                                         : "bare LF accepted as the end of the header section");
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
    return out_of_line_bytes(scan, start, bound, line_limit);
  }
  const unsigned char c = scan.at(end);
  std::size_t colon = end;
  if (c != ':') {
    if (c == '\r' || c == '\n') {
      return fail(Rule::field_no_colon, start, end - start, "a field line without a colon");
    }
    // Whitespace after the name: before a colon it is B02; otherwise the name is not a token
    // (B01), or the line has no colon (B03): bad_field_name() tells which.
    while (is_ows(c) && colon < bound && is_ows(scan.at(colon)))
      ++colon;
    if (colon == bound) {
      scan_from_ = static_cast<std::uint32_t>(end);  // resume at the whitespace
      return out_of_line_bytes(scan, start, bound, line_limit);
    }
    if (scan.at(colon) != ':') {
      // A byte that is not a tchar (or whitespace inside the name): whether the line has a
      // colon at all decides the rule, B01 or B03. The error path, where speed does not
      // matter: the rest of the line is searched byte by byte.
      name_end_ = static_cast<std::uint32_t>(end);
      scan_from_ = static_cast<std::uint32_t>(colon);
      phase_ = static_cast<std::uint8_t>(Phase::bad_name);
      return bad_field_name(scan);
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

// A field line whose name has a byte that is neither a tchar nor the colon, at name_end_ (or
// whitespace inside it): "X/A: 1" has a name that is not a token (B01); "X-A 1", or a status
// line among the fields, is a line without a colon (B03), which only its end can tell. The
// search resumes at scan_from_, so each byte is looked at once whatever the split; like any
// line, it may not pass the line or section limit.
ResponseParser::Step ResponseParser::bad_field_name(Scan& scan) noexcept {
  const std::size_t start = line_start_;
  const std::size_t line_limit = start + policy_.limits.max_line_bytes + 1;
  const std::size_t bound = std::min(scan.avail(), line_limit);
  std::size_t at = scan_from_;
  while (at < bound && scan.at(at) != ':' && scan.at(at) != '\r' && scan.at(at) != '\n')
    ++at;
  if (at == bound) {
    scan_from_ = static_cast<std::uint32_t>(at);
    // If the connection closes here, the name is what the bytes already break (finish()).
    eof_rule_ = Rule::field_name_token;
    eof_at_ = name_end_;
    return out_of_line_bytes(scan, start, bound, line_limit);
  }
  if (scan.at(at) != ':') {
    return fail(Rule::field_no_colon, start, at - start, "a field line without a colon");
  }
  const bool whitespace = is_ows(scan.at(name_end_));
  return fail(Rule::field_name_token, name_end_, 1,
              whitespace ? "whitespace inside a field name" : "not a token character");
}

// A search in the line [start, ...) stopped at `bound`: the line is too long when that is its
// limit, else more bytes are needed (or the section limit is reached).
ResponseParser::Step ResponseParser::out_of_line_bytes(const Scan& scan, std::size_t start,
                                                       std::size_t bound,
                                                       std::size_t line_limit) noexcept {
  if (bound == line_limit) {
    return fail(Rule::limit_line_length, start, bound - start,
                "the line is longer than max_line_bytes");
  }
  return out_of_bytes(scan);
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
                  section_ == Section::trailers ? "more trailer field lines than max_fields"
                                                : "more field lines than max_fields");
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
