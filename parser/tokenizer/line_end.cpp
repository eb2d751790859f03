// The search for the end of a line, shared by the reason phrase, field values, obs-fold
// continuation lines and ignored lines: everything up to the line ending must be
// HTAB / SP / VCHAR / obs-text (RFC 9112 §4, RFC 9110 §5.5), and the line ends in CRLF
// (RFC 9112 §2.2).
#include <cstdint>
#include <string_view>

#include "scanner/char_classes.hpp"
#include "tokenizer/phases.hpp"
#include "tokenizer/scan.hpp"

namespace h1resp {

// A VT or FF where OWS may be (at the start of a field value, or just before its line ending)
// breaks a rule of its own: parsers that trim it as whitespace see another value (catalog B09,
// RFC 9110 §5.6.3: only SP and HTAB are OWS). Returns Rule::count_ when the answer depends on
// the byte after `at`, which has not arrived: the caller waits, so that every split gives the
// same rule.
Rule ResponseParser::ctl_rule(const Scan& scan, std::size_t at,
                              const LineRules& rules) const noexcept {
  if (rules.ctl != Rule::field_value_ctl) return rules.ctl;
  const unsigned char c = scan.at(at);
  if (c != '\v' && c != '\f') return rules.ctl;
  // Only a field line's own value has a start to look at (not a fold or an ignored line).
  bool leading = static_cast<Phase>(phase_) == Phase::field_value && at >= value_from_;
  for (std::size_t i = value_from_; leading && i < at; ++i)
    leading = detail::is_ows(scan.at(i));
  if (leading) return Rule::field_ows_only_sp_htab;
  if (at + 1 >= scan.avail()) return Rule::count_;
  const bool trailing = scan.at(at + 1) == '\r' || scan.at(at + 1) == '\n';
  return trailing ? Rule::field_ows_only_sp_htab : rules.ctl;
}

namespace {

enum class Lookahead : std::uint8_t { no, yes, wait };

// Whether the bytes from `from` start, for a recipient that ended the line before them, an
// empty line or a framing field line: "Content-Length", "Transfer-Encoding" or "Connection"
// (any case), whitespace, ":". `wait` when the bytes that decide have not arrived.
// (A template: Scan is the parser's private class.)
template <typename Scan>
Lookahead starts_framing_line(const Scan& scan, std::size_t from) noexcept {
  if (from >= scan.avail()) return Lookahead::wait;
  if (scan.at(from) == '\r') return Lookahead::yes;  // CR LF, or CR CR: an empty line
  constexpr std::string_view kNames[] = {"content-length", "transfer-encoding", "connection"};
  Lookahead result = Lookahead::no;
  for (const std::string_view name : kNames) {
    std::size_t at = from;
    std::size_t i = 0;
    while (i < name.size() && at < scan.avail() &&
           static_cast<char>(scan.at(at) | 0x20) == name[i]) {
      ++at;
      ++i;
    }
    if (i < name.size()) {
      if (at >= scan.avail()) result = Lookahead::wait;
      continue;
    }
    while (at < scan.avail() && (scan.at(at) == ' ' || scan.at(at) == '\t'))
      ++at;
    if (at >= scan.avail()) {
      result = Lookahead::wait;
    } else if (scan.at(at) == ':') {
      return Lookahead::yes;
    }
  }
  return result;
}

}  // namespace

ResponseParser::LineEnd ResponseParser::line_end(Scan& scan, std::size_t origin,
                                                 const LineRules& rules) noexcept {
  // A line may hold max_line_bytes bytes before its line ending: the CR (or LF) of a line of
  // exactly that length sits at origin + max_line_bytes.
  const std::size_t line_limit = origin + policy_.limits.max_line_bytes + 1;
  const std::size_t bound = std::min(scan.avail(), line_limit);
  std::size_t from = scan_from_;
  for (;;) {
    const std::size_t at = scan.next_ctl(from, bound);
    if (at == bound) {
      scan_from_ = static_cast<std::uint32_t>(at);
      if (bound == line_limit) {
        return {fail(Rule::limit_line_length, origin, bound - origin,
                     "the line is longer than "
                     "max_line_bytes"),
                0, 0};
      }
      return {out_of_bytes(scan), 0, 0};
    }
    switch (scan.at(at)) {
      case '\r':
        if (at + 1 >= scan.avail()) {
          scan_from_ = static_cast<std::uint32_t>(at);  // see the CR again with its next byte
          return {out_of_bytes(scan), 0, 0};
        }
        if (scan.at(at + 1) == '\n') return {Step::next, at, at + 2};
        // RFC 9112 §2.2: a bare CR MUST be treated as invalid, or replaced by SP.
        if (!rules.bare_cr_allowed) return {fail(rules.bare_cr, at, 1), 0, 0};
        {
          // Read as SP, it must not hide a line: a recipient that ends the line at the CR
          // (Python's http.client), or at the CR and the byte after it (llhttp in a status
          // line), reads what follows as a new line. An empty line or a framing field there
          // ends the response elsewhere for it: the leniency does not apply.
          const Lookahead next = starts_framing_line(scan, at + 1);
          const Lookahead skipped = starts_framing_line(scan, at + 2);
          if (next == Lookahead::yes || skipped == Lookahead::yes) {
            return {fail(rules.bare_cr, at, 1,
                         "a bare CR before an empty line or a framing field: a recipient that "
                         "ends the line at the CR reads it"),
                    0, 0};
          }
          if (next == Lookahead::wait || skipped == Lookahead::wait) {
            scan_from_ = static_cast<std::uint32_t>(at);  // see the CR again with more bytes
            return {out_of_bytes(scan), 0, 0};
          }
        }
        note(rules.bare_cr, at, 1, "bare CR read as SP", rules.leniency_severity);
        line_flags_ |= FieldLine::bare_cr;
        break;
      case '\n':
        // RFC 9112 §2.2: a recipient MAY recognize a single LF as a line terminator.
        if (!policy_.allows(Leniency::bare_lf)) return {fail(rules.bare_lf, at, 1), 0, 0};
        note(rules.bare_lf, at, 1, "bare LF accepted as a line ending");
        line_flags_ |= FieldLine::bare_lf;
        return {Step::next, at, at + 1};
      case '\0':
        // NUL is never accepted: RFC 9110 §5.5 lets a recipient only reject it or replace it.
        return {fail(rules.nul, at, 1, "NUL byte"), 0, 0};
      default:
        // RFC 9110 §5.5: other CTLs are invalid; a recipient MAY retain them in a safe context.
        if (!rules.ctl_allowed) {
          const Rule rule = ctl_rule(scan, at, rules);
          if (rule == Rule::count_) {  // decided by the next byte: see it first
            scan_from_ = static_cast<std::uint32_t>(at);
            // Without a next byte it is not before a line ending: the control character's rule.
            eof_rule_ = rules.ctl;
            eof_at_ = static_cast<std::uint32_t>(at);
            return {out_of_bytes(scan), 0, 0};
          }
          return {fail(rule, at, 1), 0, 0};
        }
        note(rules.ctl, at, 1, "control character kept");
        line_flags_ |= FieldLine::has_ctl;
        break;
    }
    from = at + 1;
  }
}

}  // namespace h1resp
