// The status line (RFC 9112 §4):
//   status-line = HTTP-version SP status-code SP [ reason-phrase ]
//   HTTP-version = %s"HTTP" "/" DIGIT "." DIGIT                (RFC 9112 §2.3)
//   status-code = 3DIGIT
//   reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
// and what may come before it: empty lines (RFC 9112 §2.2), nothing else (§9.2).
#include <cstring>
#include <string_view>

#include "scanner/char_classes.hpp"
#include "tokenizer/phases.hpp"
#include "tokenizer/scan.hpp"

namespace h1resp {
namespace {

using detail::is_digit;

// Whitespace that the lenient status-line reading treats as SP (RFC 9112 §4): SP, HTAB, VT and
// FF; a CR that is not followed by LF counts too (see whitespace_run).
bool is_status_line_ws(unsigned char c) noexcept {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

}  // namespace

ResponseParser::Step ResponseParser::leading_lines(Scan& scan) noexcept {
  for (;;) {
    const std::size_t at = line_start_;
    if (at >= scan.avail()) return out_of_bytes(scan);
    const unsigned char c = scan.at(at);
    if (c != '\r' && c != '\n') {
      phase_ = static_cast<std::uint8_t>(Phase::status_line);
      return status_line(scan);  // at once, not through feed()'s dispatch: every response does
    }
    // RFC 9112 §2.2: a recipient SHOULD ignore at least one empty line received before the
    // status line; anything else before it is not a response (§9.2).
    if (!policy_.allows(Leniency::leading_empty_lines)) {
      return fail(Rule::status_leading_garbage, at, 1, "empty line before the status line");
    }
    std::size_t length = 1;
    if (c == '\r') {
      if (at + 1 >= scan.avail()) return out_of_bytes(scan);
      if (scan.at(at + 1) != '\n') return fail(Rule::status_bare_cr, at, 1);
      length = 2;
    } else if (!policy_.allows(Leniency::bare_lf)) {
      return fail(Rule::status_line_ending, at, 1);
    }
    if (++empty_lines_ > policy_.limits.max_leading_empty_lines) {
      return fail(Rule::status_leading_garbage, at, length,
                  "more empty lines before the status line than max_leading_empty_lines");
    }
    note(Rule::status_leading_garbage, at, length, "empty line before the status line skipped");
    line_start_ = static_cast<std::uint32_t>(at + length);
  }
}

// The bytes do not start with "HTTP/". Say what they are, from the first line (at most 16
// bytes of it): a version spelled wrong, garbage before a status line, or no status line at all.
// Decided from the bytes alone, so every split gives the same answer; `final` (no more bytes
// will come) forces a decision on a shorter line.
ResponseParser::Step ResponseParser::not_a_status_line(Scan& scan, std::size_t mismatch,
                                                       bool final) noexcept {
  const std::size_t start = line_start_;
  const unsigned char first = scan.at(start);
  // "HTP/1.1", "http/1.1", "HTTX/1.1": a version spelled wrong, when it starts like one.
  if (first == 'H' || first == 'h') {
    if (start + 1 >= scan.avail() && !final && !scan.at_limit()) return Step::wait;
    const unsigned char second = start + 1 < scan.avail() ? scan.at(start + 1) : 'T';
    if (second == 'T' || second == 't') {
      return fail(Rule::status_version_syntax, mismatch, 1,
                  "the status line must start with \"HTTP/\"");
    }
  }
  if (policy_.dialect == Dialect::w3c1992 && is_digit(first)) {
    return fail(Rule::htresp_version_bnf_erratum, start, 1,
                "the version must be HTTP/1.0, not digits (an erratum of the 1992 BNF)");
  }
  constexpr std::size_t kLook = 16;
  const std::size_t end = std::min(scan.avail(), start + kLook);
  std::size_t line_end = end;
  for (std::size_t i = start; i < end; ++i) {
    if (scan.at(i) == '\r' || scan.at(i) == '\n') {
      line_end = i;
      break;
    }
  }
  if (line_end == end && end - start < kLook && !final && !scan.at_limit()) return Step::wait;
  const std::string_view line(scan.data() + start, line_end - start);
  const std::size_t http = line.find("HTTP/");
  if (http != std::string_view::npos) {
    return fail(Rule::status_leading_garbage, start, http, "bytes before the status line");
  }
  return fail(Rule::status_http09, start, line_end - start,
              "no status line: an HTTP/0.9 response or not HTTP at all");
}

// Checks "HTTP/" DIGIT "." DIGIT SP 3DIGIT SP on the bytes available, left to right, so the
// first offending byte is reported whatever the split. Re-run from the line start on each
// feed() until it passes: 13 bytes, plus the whitespace runs of a lenient reading.
ResponseParser::Step ResponseParser::status_line(Scan& scan) noexcept {
  if (ordinary_status_line(scan)) {
    // On to the field lines at once, or to the rest of an irregular reason phrase.
    return static_cast<Phase>(phase_) == Phase::reason ? reason(scan) : field_lines(scan);
  }
  // The check is re-run from the line start after a wait: undo the notes of the earlier run.
  const FindingList::Mark mark = findings_.mark();
  const Step step = status_line_prefix(scan);
  if (step == Step::wait) findings_.rollback(mark);
  return step;
}

ResponseParser::Step ResponseParser::status_line_prefix(Scan& scan) noexcept {
  const std::size_t start = line_start_;
  const std::size_t avail = scan.avail();
  const bool w3c = policy_.dialect == Dialect::w3c1992;
  // The 1992 text: "parsers should accept any amount of white space" (catalog G01).
  const bool lenient_ws = policy_.allows(Leniency::status_line_whitespace) || w3c;

  constexpr std::string_view kHttp = "HTTP/";
  for (std::size_t k = 0; k < kHttp.size(); ++k) {
    if (start + k >= avail) return out_of_bytes(scan);
    if (scan.at(start + k) != static_cast<unsigned char>(kHttp[k])) {
      return not_a_status_line(scan, start + k, false);
    }
  }

  // HTTP-version: DIGIT "." DIGIT. RFC 1945 allowed 1*DIGIT on each side; RFC 9112 does not,
  // and parsers that differ here disagree on the version (catalog G14).
  std::size_t at = start + kHttp.size();
  if (at >= avail) return out_of_bytes(scan);
  if (!is_digit(scan.at(at))) {
    return fail(Rule::status_version_syntax, at, 1, "expected a digit for the major version");
  }
  if (at + 1 >= avail) return out_of_bytes(scan);
  if (is_digit(scan.at(at + 1))) {
    return fail(Rule::http10_version_multidigit, at, 2,
                "the major version has more than one digit");
  }
  if (scan.at(at + 1) != '.') {
    return fail(Rule::status_version_syntax, at + 1, 1, "expected \".\" in the version");
  }
  if (at + 2 >= avail) return out_of_bytes(scan);
  if (!is_digit(scan.at(at + 2))) {
    return fail(Rule::status_version_syntax, at + 2, 1, "expected a digit for the minor version");
  }
  if (at + 3 >= avail) return out_of_bytes(scan);
  if (is_digit(scan.at(at + 3))) {
    return fail(Rule::http10_version_multidigit, at + 2, 2,
                "the minor version has more than one digit");
  }
  const unsigned major = scan.at(at) - '0';
  const unsigned minor = scan.at(at + 2) - '0';
  // RFC 9110 §6.2: the major version defines the message syntax; only 1 is HTTP/1.x.
  if (major != 1) {
    return fail(Rule::status_version_major, at, 3, "only HTTP/1.x can be parsed as HTTP/1.x");
  }
  at += 3;

  // SP between version and code: exactly one (RFC 9112 §4), or leniently any whitespace run.
  std::size_t ws_end = 0;
  if (Step s = whitespace_run(scan, at, ws_end); s != Step::next) return s;
  if (ws_end == at) return fail(Rule::status_sp_separator, at, 1, "expected SP after the version");
  if (ws_end - at != 1 || scan.at(at) != ' ') {
    if (!lenient_ws) {
      return fail(Rule::status_sp_separator, at, ws_end - at,
                  "the separator must be exactly one SP");
    }
    note_status_whitespace(at, ws_end - at);
  }
  at = ws_end;

  // status-code = 3DIGIT
  const Rule digits_rule = w3c ? Rule::htresp_status_code_digits : Rule::status_code_3digit;
  unsigned code = 0;
  const std::size_t code_start = at;
  for (std::size_t k = 0; k < 3; ++k) {
    if (at + k >= avail) return out_of_bytes(scan);
    const unsigned char c = scan.at(at + k);
    if (!is_digit(c)) return fail(digits_rule, at + k, 1, "the status code must be three digits");
    code = code * 10 + (c - '0');
  }
  at += 3;

  // SP before the reason phrase; the reason phrase itself may start with whitespace.
  if (at >= avail) return out_of_bytes(scan);
  const unsigned char after = scan.at(at);
  if (is_digit(after))
    return fail(digits_rule, at - 3, 4, "the status code has more than three digits");
  std::size_t reason_start = at;
  if (Step s = whitespace_run(scan, at, ws_end); s != Step::next) return s;
  const std::size_t run = ws_end - at;
  if (run == 1 && after == ' ') {
    reason_start = ws_end;
  } else if (run != 0 && lenient_ws) {
    // RFC 9112 §4: the lenient reading ignores whitespace before the reason phrase. A run of SPs
    // is valid strictly (the reason then starts with SP) and is read so here too: a leniency
    // changes a reading only where it reports that it did. In the 1992 dialect any run is the
    // separator, and its own rule (G01).
    bool only_sp = true;
    for (std::size_t i = at; i < ws_end; ++i)
      only_sp = only_sp && scan.at(i) == ' ';
    if (only_sp && !w3c) {
      reason_start = at + 1;
    } else {
      note_status_whitespace(at, run);
      reason_start = ws_end;
    }
  } else if (after == ' ') {
    reason_start = at + 1;  // the reason phrase starts with whitespace
  } else if (run != 0) {
    return fail(Rule::status_sp_separator, at, 1, "the separator must be exactly one SP");
  } else if (after == '\r' || after == '\n') {
    if (after == '\r') {
      if (at + 1 >= avail) return out_of_bytes(scan);
      if (scan.at(at + 1) != '\n') return fail(Rule::status_bare_cr, at, 1);
    }
    // RFC 9112 §4: the SP after the code is required even when the reason phrase is empty.
    if (!policy_.allows(Leniency::missing_reason_sp)) {
      return fail(Rule::status_reason_sp_required, at, 1,
                  "the SP after the status code is missing");
    }
    // At the CR found where the SP belongs, as the strict error.
    note(Rule::status_reason_sp_required, at, 1, "missing SP after the status code accepted");
  } else {
    return fail(Rule::status_sp_separator, at, 1, "expected SP after the status code");
  }

  response_.version_major = static_cast<std::uint8_t>(major);
  response_.version_minor = static_cast<std::uint8_t>(minor);
  response_.status = static_cast<std::uint16_t>(code);
  response_.code = Span{static_cast<std::uint32_t>(code_start), 3};
  value_from_ = static_cast<std::uint32_t>(reason_start);
  scan_from_ = static_cast<std::uint32_t>(reason_start);
  phase_ = static_cast<std::uint8_t>(Phase::reason);
  return Step::next;
}

// The hot path: "HTTP/1." DIGIT SP 3DIGIT SP, a first byte of the reason phrase (or of its line
// ending) that is not whitespace, the reason and CRLF, read strictly. When the prefix is
// ordinary but the rest is not (a control byte, a bare CR or LF, bytes still to come), the
// state is the one status_line_prefix() leaves on the prefix, in the reason phase, with the
// line-end search resuming where this one stopped: no byte is classified twice in one feed()
// (parser.hpp). Anything else (another shape, a lenient reading, fewer than 14 bytes, whitespace
// that a run could extend) returns false with nothing changed, and the general steps decide the
// line from its start.
bool ResponseParser::ordinary_status_line(Scan& scan) noexcept {
  if (policy_.allows(Leniency::status_line_whitespace) || policy_.dialect != Dialect::modern) {
    return false;
  }
  const std::size_t start = line_start_;
  if (start + 14 > scan.avail()) return false;
  const char* p = scan.data() + start;
  if (std::memcmp(p, "HTTP/1.", 7) != 0 || !is_digit(static_cast<unsigned char>(p[7])) ||
      p[8] != ' ' || !is_digit(static_cast<unsigned char>(p[9])) ||
      !is_digit(static_cast<unsigned char>(p[10])) ||
      !is_digit(static_cast<unsigned char>(p[11])) || p[12] != ' ' ||
      is_status_line_ws(static_cast<unsigned char>(p[13]))) {
    return false;
  }
  response_.version_major = 1;
  response_.version_minor = static_cast<std::uint8_t>(p[7] - '0');
  response_.status =
      static_cast<std::uint16_t>((p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0'));
  response_.code = Span{static_cast<std::uint32_t>(start + 9), 3};
  value_from_ = static_cast<std::uint32_t>(start + 13);
  const std::size_t bound = std::min(scan.avail(), start + policy_.limits.max_line_bytes + 1);
  const std::size_t end = scan.next_ctl(start + 13, bound);
  if (end == bound || end + 1 >= scan.avail() || scan.at(end) != '\r' || scan.at(end + 1) != '\n') {
    scan_from_ = static_cast<std::uint32_t>(end);  // reason() goes on from this byte
    phase_ = static_cast<std::uint8_t>(Phase::reason);
    return true;
  }
  response_.reason =
      Span{static_cast<std::uint32_t>(start + 13), static_cast<std::uint32_t>(end - start - 13)};
  response_.status_line =
      Span{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end - start)};
  line_flags_ = 0;
  line_start_ = static_cast<std::uint32_t>(end + 2);
  scan_from_ = line_start_;
  phase_ = static_cast<std::uint8_t>(Phase::line_start);
  return true;
}

// The run of status-line whitespace at `from` (SP, HTAB, VT, FF, and CR not followed by LF);
// `end` receives its end. Waits when the run reaches the end of the bytes.
ResponseParser::Step ResponseParser::whitespace_run(Scan& scan, std::size_t from,
                                                    std::size_t& end) noexcept {
  // Only the lenient reading takes a bare CR for whitespace; strictly it is an error of its own.
  const bool cr_is_ws =
      policy_.allows(Leniency::status_line_whitespace) || policy_.dialect == Dialect::w3c1992;
  std::size_t at = from;
  for (;;) {
    if (at >= scan.avail()) return out_of_bytes(scan);
    const unsigned char c = scan.at(at);
    if (is_status_line_ws(c)) {
      ++at;
      continue;
    }
    if (c == '\r' && cr_is_ws) {
      if (at + 1 >= scan.avail()) return out_of_bytes(scan);
      if (scan.at(at + 1) != '\n') {
        ++at;
        continue;
      }
    }
    end = at;
    return Step::next;
  }
}

void ResponseParser::note_status_whitespace(std::size_t offset, std::size_t length) noexcept {
  if (policy_.dialect == Dialect::w3c1992) {
    note(Rule::htresp_status_line_ws, offset, length,
         "whitespace other than one SP, as the 1992 text allows", Severity::info);
  } else {
    note(Rule::status_sp_separator, offset, length,
         "whitespace other than one SP read as the separator");
  }
}

// The reason phrase runs to the line ending.
ResponseParser::Step ResponseParser::reason(Scan& scan) noexcept {
  const bool lenient_ws =
      policy_.allows(Leniency::status_line_whitespace) || policy_.dialect == Dialect::w3c1992;
  const LineRules rules{
      .bare_cr = Rule::status_bare_cr,
      .bare_lf = Rule::status_line_ending,
      .nul = Rule::status_reason_charset,
      .ctl = Rule::status_reason_charset,
      .bare_cr_allowed = policy_.allows(Leniency::bare_cr) || lenient_ws,
      .ctl_allowed = false,
  };
  const LineEnd end = line_end(scan, line_start_, rules);
  if (end.step != Step::next) return end.step;
  // Trailing whitespace stays part of the reason phrase (reason-phrase = 1*( HTAB / SP / VCHAR
  // / obs-text )), in every reading: it carries no meaning, and trimming it silently would make
  // a lenient reading differ from the strict one without a finding.
  response_.reason = Span{value_from_, static_cast<std::uint32_t>(end.end - value_from_)};
  response_.status_line = Span{line_start_, static_cast<std::uint32_t>(end.end - line_start_)};
  line_flags_ = 0;
  line_start_ = static_cast<std::uint32_t>(end.next);
  phase_ = static_cast<std::uint8_t>(Phase::line_start);
  return Step::next;
}

}  // namespace h1resp
