// Every grammar rule and limit of the tokenizer: inputs that must fail with that rule at that
// offset and length, and the leniency that turns each failure into a recorded finding (with its
// own offset and length). Every row runs on every kernel, one-shot, at every split point and byte
// by byte (parse_harness).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "parse_harness.hpp"

namespace h1resp::testing {
namespace {

// The error's span (offset and length) is what a person fixing the response has to look at, as
// in rule_spans_test.cpp: the first byte the grammar forbids; the run that is wrong as a whole (a
// separator, a status code, a version number, a line); for a limit, the bytes up to it (a line
// through its first byte past the limit); a position (length 0) only at the end of the input.
struct RejectCase {
  const char* name;
  std::string input;
  Rule rule;
  std::uint32_t offset;
  std::uint32_t length;  // required (-Wmissing-field-initializers): 0 is a position, not a default
  Policy policy = Policy::strict();
  bool finish = false;  // the input ends there (the peer closed)
};

void PrintTo(const RejectCase& c, std::ostream* os) {
  *os << c.name;
}

Policy with(Leniency l) {
  return Policy::strict().allow(l);
}
Policy w3c1992() {
  Policy p;
  p.dialect = Dialect::w3c1992;
  return p;
}
Policy with_limits(std::uint32_t section, std::uint32_t line, std::uint32_t fields) {
  Policy p;
  p.limits.max_header_section_bytes = section;
  p.limits.max_line_bytes = line;
  p.limits.max_fields = fields;
  return p;
}

const std::string kOk = "HTTP/1.1 200 OK\r\n";  // 17 bytes: field lines start at offset 17

const RejectCase kRejectCases[] = {
    // A01 status.version-syntax (RFC 9112 §2.3): HTTP-version = %s"HTTP" "/" DIGIT "." DIGIT
    // The first byte that breaks the grammar.
    {"version_lowercase", "http/1.1 200 OK\r\n\r\n", Rule::status_version_syntax, 0, 1},
    {"version_misspelt", "HTP/1.1 200 OK\r\n\r\n", Rule::status_version_syntax, 2, 1},
    {"version_letter_major", "HTTP/x.1 200 OK\r\n\r\n", Rule::status_version_syntax, 5, 1},
    {"version_comma", "HTTP/1,1 200 OK\r\n\r\n", Rule::status_version_syntax, 6, 1},
    {"version_no_minor", "HTTP/1. 200 OK\r\n\r\n", Rule::status_version_syntax, 7, 1},  // the SP
    // G14 http10.version-multidigit: RFC 1945 allowed it, RFC 9112 does not. The number that has
    // more than one digit, all of it.
    {"version_two_digit_major", "HTTP/11.1 200 OK\r\n\r\n", Rule::http10_version_multidigit, 5, 2},
    {"version_two_digit_minor", "HTTP/1.01 200 OK\r\n\r\n", Rule::http10_version_multidigit, 7, 2},
    // A02 status.version-major (RFC 9110 §6.2): the version number
    {"version_2_0", "HTTP/2.0 200 OK\r\n\r\n", Rule::status_version_major, 5, 3},
    {"version_0_9", "HTTP/0.9 200 OK\r\n\r\n", Rule::status_version_major, 5, 3},
    // A04 status.sp-separator (RFC 9112 §4): exactly one SP. The separator as a whole, or the byte
    // found where it belongs.
    {"two_sp_before_code", "HTTP/1.1  200 OK\r\n\r\n", Rule::status_sp_separator, 8, 2},
    {"htab_before_code", "HTTP/1.1\t200 OK\r\n\r\n", Rule::status_sp_separator, 8, 1},
    {"underscore_before_code", "HTTP/1.1_200 OK\r\n\r\n", Rule::status_sp_separator, 8, 1},
    // The minor version runs into the code: all of "1200" reads as the minor version.
    // Code reports 2 ("12"): it stops at the second digit, but the number it calls the minor
    // version is "1200", all of which a person fixing the line has to see.
    // The two digits where one belongs: the run may go on, but its end may not have arrived, and
    // the span must not depend on where the input was split.
    {"no_sp_before_code", "HTTP/1.1200 OK\r\n\r\n", Rule::http10_version_multidigit, 7, 2},
    {"htab_after_code", "HTTP/1.1 200\tOK\r\n\r\n", Rule::status_sp_separator, 12, 1},
    {"letter_after_code", "HTTP/1.1 200OK\r\n\r\n", Rule::status_sp_separator, 12, 1},
    // A05 status.code-3digit: four digits are wrong as a whole; otherwise the first byte that is
    // not the DIGIT the code needs there (for "20", the SP where the third belongs).
    {"four_digit_code", "HTTP/1.1 2000 OK\r\n\r\n", Rule::status_code_3digit, 9, 4},
    {"two_digit_code", "HTTP/1.1 20 OK\r\n\r\n", Rule::status_code_3digit, 11, 1},
    {"signed_code", "HTTP/1.1 +20 OK\r\n\r\n", Rule::status_code_3digit, 9, 1},
    {"hex_code", "HTTP/1.1 0x1 OK\r\n\r\n", Rule::status_code_3digit, 10, 1},
    // A07 status.reason-sp-required: the byte found where the SP belongs
    {"no_sp_after_code", "HTTP/1.1 200\r\n\r\n", Rule::status_reason_sp_required, 12, 1},
    {"no_sp_after_code_lf", "HTTP/1.1 200\n\n", Rule::status_reason_sp_required, 12, 1},
    // A08 status.reason-charset: HTAB / SP / VCHAR / obs-text only
    {"reason_nul", bytes("HTTP/1.1 200 O\x00K\r\n\r\n"), Rule::status_reason_charset, 14, 1},
    {"reason_ctl", "HTTP/1.1 200 O\x01K\r\n\r\n", Rule::status_reason_charset, 14, 1},
    {"reason_del", "HTTP/1.1 200 O\x7fK\r\n\r\n", Rule::status_reason_charset, 14, 1},
    {"reason_vt", "HTTP/1.1 200 O\x0bK\r\n\r\n", Rule::status_reason_charset, 14, 1},
    // A10 status.line-ending and A11 status.bare-cr (RFC 9112 §2.2)
    {"status_bare_lf", "HTTP/1.1 200 OK\nContent-Length: 0\n\n", Rule::status_line_ending, 15, 1},
    {"status_bare_cr", "HTTP/1.1 200 OK\rContent-Length: 5\r\n\r\nhello", Rule::status_bare_cr, 15,
     1},
    {"code_bare_cr", "HTTP/1.1 200\rOK\r\n\r\n", Rule::status_bare_cr, 12, 1},
    // A12 status.leading-garbage, A13 status.http09 (RFC 9112 §2.2, §9.2; RFC 1945 §6)
    // An empty line before the status line: the line, its CR and LF.
    // Code reports 1 (the CR): it fails before reading the LF, yet the same empty line is 2
    // bytes in its finding under the leniency and in too_many_leading_lines.
    // The CR: the strict parser fails on it before its LF may have arrived (split-independent).
    {"leading_crlf", "\r\nHTTP/1.1 200 OK\r\n\r\n", Rule::status_leading_garbage, 0, 1},
    {"leading_byte", "xHTTP/1.1 200 OK\r\n\r\n", Rule::status_leading_garbage, 0, 1},
    // The first line, without its line ending, at most 16 bytes (the parser's look-ahead).
    {"http09_body", "<html>hello</html>", Rule::status_http09, 0, 16},
    {"http09_short_at_close", "<p>", Rule::status_http09, 0, 3, Policy::strict(), true},
    {"http09_line", "200 OK\r\n\r\n", Rule::status_http09, 0, 6},
    // A14 status.ws-after-start-line: the whitespace that starts the line
    {"ws_first_field", kOk + " Content-Length: 5\r\n\r\nhello", Rule::status_ws_after_start_line,
     17, 1},
    // B01 field.name-token (RFC 9110 §5.1): the first byte that is not a tchar (for an empty
    // name, the colon)
    {"empty_name", kOk + ": x\r\n\r\n", Rule::field_name_token, 17, 1},
    {"space_in_name", kOk + "X Y: z\r\n\r\n", Rule::field_name_token, 18, 1},
    {"quote_in_name", kOk + "X\"Y: z\r\n\r\n", Rule::field_name_token, 18, 1},
    {"obs_text_in_name", kOk + "X\xc3\xa4: z\r\n\r\n", Rule::field_name_token, 18, 1},
    {"nul_in_name", bytes("HTTP/1.1 200 OK\r\nX\x00: z\r\n\r\n"), Rule::field_name_token, 18, 1},
    // B02 field.ws-before-colon (RFC 9112 §5.1): the whitespace between the name and the colon
    {"space_before_colon", kOk + "Content-Length : 5\r\n\r\nhello", Rule::field_ws_before_colon, 31,
     1},
    {"tab_before_colon", kOk + "X\t: y\r\n\r\n", Rule::field_ws_before_colon, 18, 1},
    // B03 field.no-colon: the line, without its line ending
    {"no_colon", kOk + "foo\r\nContent-Length: 0\r\n\r\n", Rule::field_no_colon, 17, 3},
    {"no_colon_bare_lf", kOk + "foo\n\r\n", Rule::field_no_colon, 17, 3},
    // ... also when the name meets a byte that is not a tchar first: only the line's end tells
    // B03 from B01 (a colon later in the line makes the name the fault).
    {"no_colon_space_in_line", kOk + "X-A 1\r\n\r\n", Rule::field_no_colon, 17, 5},
    {"no_colon_other_byte", kOk + "X\"Y z\r\n\r\n", Rule::field_no_colon, 17, 5},
    {"no_colon_status_line", kOk + "HTTP/1.1 200 OK\r\n\r\n", Rule::field_no_colon, 17, 15},
    {"colon_after_space_in_name", kOk + "X Y z: w\r\n\r\n", Rule::field_name_token, 18, 1},
    {"colon_after_bad_byte", kOk + "X/Y z: w\r\n\r\n", Rule::field_name_token, 18, 1},
    // Closed before the line ends: the name already breaks B01 at its first bad byte.
    {"closed_in_bad_name", kOk + "X/Y", Rule::field_name_token, 18, 1, Policy::strict(), true},
    {"closed_in_bad_name_after_space", kOk + "X Y", Rule::field_name_token, 18, 1, Policy::strict(),
     true},
    // B04 field.obs-fold (RFC 9112 §5.2): the whitespace that starts the fold
    {"obs_fold_sp", kOk + "X-A: a\r\n b\r\n\r\n", Rule::field_obs_fold, 25, 1},
    {"obs_fold_htab", kOk + "X-A: a\r\n\tb\r\n\r\n", Rule::field_obs_fold, 25, 1},
    // B05 field.value-cr-lf-nul (RFC 9110 §5.5)
    {"value_bare_cr", kOk + "X: a\rSet-Cookie: s=1\r\n\r\n", Rule::field_value_cr_lf_nul, 21, 1},
    {"value_nul",
     bytes("HTTP/1.1 200 OK\r\nX: a\x00"
           "b\r\n\r\n"),
     Rule::field_value_cr_lf_nul, 21, 1},
    {"value_nul_lenient",
     bytes("HTTP/1.1 200 OK\r\nX: a\x00"
           "b\r\n\r\n"),
     Rule::field_value_cr_lf_nul, 21, 1, Policy::lenient()},
    // B06 field.line-ending-lf (RFC 9112 §2.2): the LF without its CR
    {"field_bare_lf", kOk + "Content-Length: 5\nX: y\r\n\r\nhello", Rule::field_line_ending_lf, 34,
     1},
    {"section_ends_bare_lf", kOk + "X: y\r\n\n", Rule::field_line_ending_lf, 23, 1},
    {"line_start_bare_cr", kOk + "\rX: y\r\n\r\n", Rule::status_bare_cr, 17, 1},
    // With the bare-cr leniency a bare CR reads as SP, but not where a recipient that ends the
    // line at it (Python's http.client; llhttp in a status line, skipping the byte after it)
    // would see an empty line or a framing field: there the response ends elsewhere for it.
    // The span is the CR.
    {"bare_cr_hides_content_length", kOk + "X: a\rContent-Length: 0\r\n\r\n",
     Rule::field_value_cr_lf_nul, 21, 1, with(Leniency::bare_cr)},
    {"bare_cr_hides_transfer_encoding", kOk + "X: a\rtransfer-encoding : chunked\r\n\r\n",
     Rule::field_value_cr_lf_nul, 21, 1, with(Leniency::bare_cr)},
    {"bare_cr_hides_empty_line", kOk + "X: a\r\r\nContent-Length: 5\r\n\r\nhello",
     Rule::field_value_cr_lf_nul, 21, 1, with(Leniency::bare_cr)},
    {"bare_cr_then_byte_hides_connection", kOk + "X: a\rXConnection: close\r\n\r\n",
     Rule::field_value_cr_lf_nul, 21, 1, with(Leniency::bare_cr)},
    {"bare_cr_status_hides_content_length", "HTTP/1.1 200 OK\rXContent-Length: 0\r\n\r\n",
     Rule::status_bare_cr, 15, 1, with(Leniency::bare_cr)},
    {"bare_cr_status_hides_empty_line", "HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n",
     Rule::status_bare_cr, 14, 1, with(Leniency::bare_cr)},
    {"bare_cr_w3c1992_hides_content_length", "HTTP/1.0 200 OK\rXContent-Length: 0\r\n\r\n",
     Rule::status_bare_cr, 15, 1, w3c1992()},
    // B07 field.value-ctl: the control character
    {"value_form_feed",
     kOk + "X: a\x0c"
           "b\r\n\r\n",
     Rule::field_value_ctl, 21, 1},
    {"value_escape", kOk + "X: a\x1b[0m\r\n\r\n", Rule::field_value_ctl, 21, 1},
    {"value_del", kOk + "X: a\x7f\r\n\r\n", Rule::field_value_ctl, 21, 1},
    // B12 limits, each with its own rule
    // The finding covers the section up to the limit: from its first byte.
    {"section_too_long", kOk + "X: 0123456789\r\n\r\n", Rule::limit_section_size, 0, 32,
     with_limits(32, 100, 10)},
    // A line through its first byte past the limit (16 + 1), not to its end.
    {"line_too_long", kOk + "X: 0123456789abcdef\r\n\r\n", Rule::limit_line_length, 17, 17,
     with_limits(1000, 16, 10)},
    {"name_too_long", kOk + "XXXXXXXXXXXXXXXXXXXX: y\r\n\r\n", Rule::limit_line_length, 17, 17,
     with_limits(1000, 16, 10)},
    // A bad name's search for a colon or the line's end stops at the limit like any line.
    {"bad_name_line_too_long", kOk + "X/YYYYYYYYYYYYYYYYYYYY\r\n\r\n", Rule::limit_line_length, 17,
     17, with_limits(1000, 16, 10)},
    {"bad_name_section_too_long", kOk + "X/YYYYYYYYYYYYYYYYYYYY\r\n\r\n", Rule::limit_section_size,
     0, 32, with_limits(32, 100, 10)},
    // A folded field counts its lines without their line endings: 13 bytes, then " ab" of the
    // fold, then "c", the 17th; the span runs from the field's start through it.
    // Code reports 17 (through "a"): it counts the fold's CRLF, which Limits::max_line_bytes
    // ("one line without its line ending") does not.
    // The fold's line ending counts toward max_line_bytes (policy.hpp): every byte of the field.
    {"folded_line_too_long", kOk + "X: 0123456789\r\n abcdef\r\n\r\n", Rule::limit_line_length, 17,
     17, with_limits(1000, 16, 10).allow(Leniency::obs_fold)},
    {"status_line_too_long", "HTTP/1.1 200 A very long reason phrase\r\n\r\n",
     Rule::limit_line_length, 0, 21, with_limits(1000, 20, 10)},
    // The first field line past the limit, without its line ending.
    {"too_many_fields", kOk + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", Rule::limit_field_count, 29, 4,
     with_limits(1000, 100, 2)},
    // The first empty line past max_leading_empty_lines (4): its CR and LF.
    {"too_many_leading_lines", "\r\n\r\n\r\n\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
     Rule::status_leading_garbage, 8, 2, with(Leniency::leading_empty_lines)},
    // The end of input inside the header section (message.incomplete): a position
    {"closed_in_fields", kOk + "X: y\r\n", Rule::message_incomplete, 23, 0, Policy::strict(), true},
    {"closed_in_status_line", "HTTP/1.1 20", Rule::message_incomplete, 11, 0, Policy::strict(),
     true},
    {"closed_before_anything", "", Rule::message_incomplete, 0, 0, Policy::strict(), true},
    // A VT or FF that waited for its next byte: at the close it is a control character (or,
    // at the value's start, not OWS). There is a byte: the span is it, not a position.
    {"closed_after_vt", kOk + "X: a\v", Rule::field_value_ctl, 21, 1, Policy::strict(), true},
    {"closed_after_leading_ff", kOk + "X: \f", Rule::field_ows_only_sp_htab, 20, 1,
     Policy::strict(), true},
    // The 1992 dialect (catalog G02, G03)
    {"w3c_digits_version", "100 200 OK\r\n\r\n", Rule::htresp_version_bnf_erratum, 0, 1,
     w3c1992()},  // a digit where "HTTP/" belongs
    {"w3c_four_digit_code", "HTTP/1.0 2000 OK\r\n\r\n", Rule::htresp_status_code_digits, 9, 4,
     w3c1992()},
};

class RejectTest : public ::testing::TestWithParam<RejectCase> {};

TEST_P(RejectTest, FailsWithRuleAtOffset) {
  const RejectCase& c = GetParam();
  const Outcome o = parse_everywhere(c.input, c.policy, c.finish);
  ASSERT_EQ(o.status, ParseStatus::error) << o;
  EXPECT_EQ(to_string(o.error_rule), to_string(c.rule)) << o;
  EXPECT_EQ(o.error_offset, c.offset) << o;
  EXPECT_EQ(o.error_length, c.length) << o;
}

INSTANTIATE_TEST_SUITE_P(Tokenizer, RejectTest, ::testing::ValuesIn(kRejectCases),
                         [](const auto& info) { return std::string(info.param.name); });

// Each leniency accepts what strict parsing rejects, and records the rule it relaxed.
struct LenientCase {
  const char* name;
  std::string input;
  Leniency leniency;
  Rule noted;
  std::uint32_t noted_at;
  std::uint32_t noted_length;  // as RejectCase::length
};

void PrintTo(const LenientCase& c, std::ostream* os) {
  *os << c.name;
}

const LenientCase kLenientCases[] = {
    {"obs_fold", kOk + "X-A: a\r\n b\r\n\r\n", Leniency::obs_fold, Rule::field_obs_fold, 25, 1},
    {"bare_lf_status", "HTTP/1.1 200 OK\nX: y\n\n", Leniency::bare_lf, Rule::status_line_ending, 15,
     1},
    {"bare_lf_field", kOk + "X: y\n\r\n", Leniency::bare_lf, Rule::field_line_ending_lf, 21, 1},
    // Code reports 0 (a position): there is a byte, the CR found where the SP belongs, which the
    // strict error for the same input covers (length 1, no_sp_after_code).
    {"missing_reason_sp", "HTTP/1.1 200\r\n\r\n", Leniency::missing_reason_sp,
     Rule::status_reason_sp_required, 12, 1},  // the CR where the SP belongs, as the error
    {"leading_empty_lines", "\r\nHTTP/1.1 200 OK\r\n\r\n", Leniency::leading_empty_lines,
     Rule::status_leading_garbage, 0, 2},  // the empty line skipped
    {"ws_before_colon", kOk + "X : y\r\n\r\n", Leniency::ws_before_colon,
     Rule::field_ws_before_colon, 18, 1},
    {"bare_cr_value", kOk + "X: a\rbc\r\n\r\n", Leniency::bare_cr, Rule::field_value_cr_lf_nul, 21,
     1},
    {"bare_cr_reason", "HTTP/1.1 200 O\rKay\r\n\r\n", Leniency::bare_cr, Rule::status_bare_cr, 14,
     1},
    {"status_line_tabs", "HTTP/1.1\t200\tOK\r\n\r\n", Leniency::status_line_whitespace,
     Rule::status_sp_separator, 8, 1},
    // The separator as a whole: SP VT FF where one SP belongs.
    {"status_line_vt_ff",
     "HTTP/1.1 \x0b\x0c"
     "200 OK\r\n\r\n",
     Leniency::status_line_whitespace, Rule::status_sp_separator, 8, 3},
    {"ws_preceded_line", kOk + " ignored\r\nX: y\r\n\r\n", Leniency::ws_preceded_lines,
     Rule::status_ws_after_start_line, 17, 1},
    {"value_ctl",
     kOk + "X: a\x0c"
           "b\r\n\r\n",
     Leniency::value_ctl, Rule::field_value_ctl, 21, 1},
};

class LenientTest : public ::testing::TestWithParam<LenientCase> {};

TEST_P(LenientTest, StrictRejectsLenientAcceptsWithFinding) {
  const LenientCase& c = GetParam();
  const Outcome strict = parse_everywhere(c.input, Policy::strict());
  EXPECT_EQ(strict.status, ParseStatus::error) << strict;

  const Outcome lenient = parse_everywhere(c.input, with(c.leniency));
  ASSERT_EQ(lenient.status, ParseStatus::complete) << lenient;
  EXPECT_EQ(lenient.header_size, c.input.size());
  ASSERT_FALSE(lenient.findings.empty());
  EXPECT_EQ(to_string(lenient.findings.front().first), to_string(c.noted)) << lenient;
  EXPECT_EQ(lenient.findings.front().second, c.noted_at) << lenient;
  ASSERT_FALSE(lenient.finding_rests.empty());
  EXPECT_EQ(lenient.finding_rests.front().length, c.noted_length) << lenient;

  // Every other leniency on, this one off: still rejected. Leniencies are independent.
  Policy all_but_one = Policy::lenient();
  all_but_one.allow(c.leniency, false);
  // (A bare CR in the status line is also whitespace to the status-line-whitespace leniency.)
  if (c.leniency != Leniency::bare_cr || c.noted != Rule::status_bare_cr) {
    EXPECT_EQ(parse_everywhere(c.input, all_but_one).status, ParseStatus::error);
  }
}

INSTANTIATE_TEST_SUITE_P(Tokenizer, LenientTest, ::testing::ValuesIn(kLenientCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace h1resp::testing
