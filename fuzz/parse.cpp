// Fuzz target `parse`: the incremental ResponseParser gives the same result whatever the split.
//
// Input: the policy bytes (fuzz_common.hpp); harness flag bit 0 reads a trailer section
// (Section::trailers) instead of a response; one byte of split mode (split_points()); then the
// bytes. The bytes are parsed one-shot, then fed again as a growing prefix cut at the split
// points, each prefix in a fresh exactly sized heap buffer (ASan sees any over-read, and the
// parser cannot keep pointers into an old buffer). Both runs must observe the same status,
// version, code, reason, field lines with their flags, error rule/offset/length and findings;
// and again after finish(). Every span, error and finding must lie inside the bytes, a field
// flag may only appear when the policy allows its leniency, and a lenient parse that reports no
// warning must equal the strict parse (a leniency never applies silently). Each feed may classify,
// besides the new bytes, only the line the previous feed left unfinished (feed_in_pieces()).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"

namespace h1resp::fuzz {
namespace {

// What must hold of any outcome of `policy` on `size` bytes.
void check_outcome(const ParseOutcome& o, const Policy& policy, Section section, std::size_t size) {
  const std::uint64_t end = o.status == ParseStatus::complete ? o.header_size : size;
  check(end <= size, "header_size past the end of the bytes");
  if (o.status == ParseStatus::complete) check(o.header_size > 0, "an empty header section");
  if (o.status == ParseStatus::error) {
    check(o.error_rule != Rule::count_, "an error without a rule");
    check(inside(o.error_offset, o.error_length, size), "the error lies outside the bytes");
  }
  check(inside(o.status_line.offset, o.status_line.length, end), "status line outside");
  check(o.code >= 0 && o.code <= 999, "status code out of 0..999");
  if (section == Section::response && o.status == ParseStatus::complete) {
    check(o.version_major <= 9 && o.version_minor <= 9, "a version digit above 9");
  }
  check(o.lines.size() <= policy.limits.max_fields, "more field lines than max_fields");
  for (const FieldLine& f : o.lines) {
    check(inside(f.name.offset, f.name.length, end), "a field name outside the section");
    check(inside(f.value.offset, f.value.length, end), "a field value outside the section");
    check(f.name.end() <= f.value.offset || f.value.empty(), "a value before its name");
    // A flag says which leniency the line needed: never one the policy does not allow.
    check(!f.has(FieldLine::obs_folded) || policy.allows(Leniency::obs_fold), "obs_folded flag");
    check(!f.has(FieldLine::bare_cr) || policy.allows(Leniency::bare_cr), "bare_cr flag");
    check(!f.has(FieldLine::ws_before_colon) || policy.allows(Leniency::ws_before_colon),
          "ws_before_colon flag");
    check(!f.has(FieldLine::has_ctl) || policy.allows(Leniency::value_ctl), "has_ctl flag");
    check(!f.has(FieldLine::bare_lf) || policy.allows(Leniency::bare_lf), "bare_lf flag");
  }
  for (const Finding& f : o.findings) {
    check(f.rule < Rule::count_, "a finding without a rule");
    check(inside(f.offset, f.length, size), "a finding outside the bytes");
  }
}

}  // namespace
}  // namespace h1resp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace h1resp;
  using namespace h1resp::fuzz;
  Reader in(data, size);
  std::uint8_t flags = 0;
  const Policy policy = read_policy(in, flags);
  const Section section = (flags & 1U) != 0 ? Section::trailers : Section::response;
  const std::uint8_t mode = in.byte();
  const std::string_view input = in.rest();

  BasicResponseParser<> whole(policy);
  whole.reset(section);
  const ParseOutcome once = feed_in_pieces(whole, input, {}, false);
  check_outcome(once, policy, section, input.size());
  // Feeding the same bytes again changes nothing: the parser resumes where it stopped.
  {
    const ExactBuffer again(input);
    whole.feed(again.view());
    check_same(once, observe(whole), "feeding the same bytes twice");
  }

  BasicResponseParser<> pieces(policy);
  pieces.reset(section);
  check_same(once, feed_in_pieces(pieces, input, split_points(input, mode), false),
             "one-shot and split parses differ");

  // The peer closes: both must decide the same way, and stay decided.
  const ExactBuffer last(input);
  whole.feed(last.view());
  whole.finish();
  const ParseOutcome closed = observe(whole);
  check(closed.status != ParseStatus::incomplete, "finish() left the parse incomplete");
  if (once.status != ParseStatus::incomplete) check_same(once, closed, "finish() changed a result");
  check_outcome(closed, policy, section, input.size());
  pieces.feed(last.view());
  pieces.finish();
  check_same(closed, observe(pieces), "one-shot and split parses differ after finish()");
  check(whole.finish() == closed.status, "finish() twice");

  // A leniency records a warning each time it applies (policy.hpp): a lenient parse without
  // any warning used none, so the strict parse of the same bytes reads them the same way.
  if (policy.leniencies != 0) {
    bool warned = false;
    for (const Finding& f : closed.findings)
      warned = warned || f.severity != Severity::info;
    if (!warned && closed.dropped == 0) {
      Policy strict = policy;
      strict.leniencies = 0;
      BasicResponseParser<> plain(strict);
      plain.reset(section);
      const ParseOutcome reference = feed_in_pieces(plain, input, {}, true);
      // Two refusals may name different rules: the lenient parser read further.
      if (closed.status == ParseStatus::error) {
        check(reference.status == ParseStatus::error, "strict accepts what lenient refuses");
      } else {
        check_same(reference, closed, "a leniency applied without a warning (strict differs)");
      }
    }
  }

  // reset() forgets everything: parsing again gives the first result.
  whole.reset();
  whole.feed(last.view());
  check_same(once, observe(whole), "reset() left state behind");
  return 0;
}
