// Validation::errors_only against Validation::every_rule on one stream: the comparison that
// tests/errors_only_test.cpp and the validate fuzz target (fuzz/validate.cpp) both make.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"

namespace h1resp::testing {

// The errors of a finding list as text, one per line: rule, offset+length, detail.
inline std::string error_lines(const FindingList& findings) {
  std::string out;
  for (const Finding& f : findings) {
    if (f.severity != Severity::error) continue;
    out += "  " + std::string(to_string(f.rule)) + " at " + std::to_string(f.offset) + "+" +
           std::to_string(f.length) + ": " + std::string(f.detail) + "\n";
  }
  return out;
}

struct ModeComparison {
  std::size_t messages = 0;
  std::string difference;  // empty when both modes agree; else what differs, for people
  std::set<Rule> errors;   // the rules of the errors found (the same in both modes)
};

// Walks `bytes` with `options` under every_rule and under errors_only, message by message: the
// same number of messages, the same number of errors, the same reject verdict and, when neither
// list dropped findings, the same errors in the same order. Stops at the first difference.
inline ModeComparison compare_validation_modes(std::string_view bytes,
                                               const StreamOptions& options) {
  StreamOptions every = options;
  every.policy.validation = Validation::every_rule;
  StreamOptions errors = options;
  errors.policy.validation = Validation::errors_only;
  ResponseStream a(bytes, every);
  ResponseStream b(bytes, errors);
  StreamMessage ma;
  StreamMessage mb;
  ModeComparison result;
  while (true) {
    const bool more = a.next(ma);
    if (more != b.next(mb)) {
      result.difference = "errors_only walks another number of messages";
      return result;
    }
    if (!more) return result;
    ++result.messages;
    const bool same_count =
        ma.findings.count(Severity::error) == mb.findings.count(Severity::error);
    const bool same_verdict =
        (ma.verdict() == Verdict::reject) == (mb.verdict() == Verdict::reject);
    const bool comparable = ma.findings.dropped() == 0 && mb.findings.dropped() == 0;
    const std::string every_errors = error_lines(ma.findings);
    const std::string errors_only = error_lines(mb.findings);
    if (!same_count || !same_verdict || (comparable && every_errors != errors_only)) {
      result.difference = "message " + std::to_string(result.messages) + ":\n every_rule:\n" +
                          every_errors + " errors_only:\n" + errors_only;
      return result;
    }
    for (const Finding& f : mb.findings) {
      if (f.severity == Severity::error) result.errors.insert(f.rule);
    }
  }
}

}  // namespace h1resp::testing
