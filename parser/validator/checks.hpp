// What every group of semantic rules works on: the response, its fields by id, its framing, the
// request context and the policy; and how they report. Internal to the validator.
#pragma once

#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/validator.hpp"
#include "registry/field_registry.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {

using detail::FieldId;

// What Cache-Control says, read once (RFC 9111 §5.2): one bit per directive the rules use.
struct CacheControl {
  enum Directive : std::uint8_t {
    max_age,
    s_maxage,
    no_cache,
    no_store,
    private_,
    public_,
    must_understand,
    kKnown,
  };
  std::uint32_t present = 0;         // bit (1 << Directive)
  bool private_unqualified = false;  // a "private" without a field list
  [[nodiscard]] bool has(Directive d) const noexcept { return (present >> d & 1) != 0; }
};

struct Checks {
  const Response& response;
  const detail::FieldIndex& fields;
  const Framing& framing;
  const RequestContext& request;
  const Policy& policy;
  const BodyInfo* body;  // nullptr when the body was not read
  FindingList& findings;
  int reference_year;             // "now", for two-digit years (RFC 9110 §5.6.7)
  detail::values::HttpDate date;  // the Date field, read once (invalid when absent)
  CacheControl cache;             // the Cache-Control fields, read once

  [[nodiscard]] unsigned code() const noexcept { return response.status; }
  [[nodiscard]] bool w3c() const noexcept { return policy.dialect == Dialect::w3c1992; }
  // Validation::errors_only: only the checks that can find an error run, and they report only
  // their errors.
  [[nodiscard]] bool errors_only() const noexcept {
    return policy.validation == Validation::errors_only;
  }
  [[nodiscard]] bool has(FieldId id) const noexcept { return fields.has(id); }
  [[nodiscard]] std::size_t first(FieldId id) const noexcept { return fields.first(id); }
  [[nodiscard]] const FieldLine& line(std::size_t i) const noexcept {
    return response.field_lines[i];
  }
  [[nodiscard]] std::string_view value(std::size_t i) const noexcept {
    return response.text(line(i).value);
  }
  // The first field line with `id` (a call with a missing field is a bug: check has() first).
  [[nodiscard]] std::string_view value_of(FieldId id) const noexcept { return value(first(id)); }

  // Reports `rule` with its default severity (the rule table's) at the given bytes.
  void report(Rule rule, std::uint64_t offset, std::uint32_t length,
              std::string_view detail = {}) const noexcept {
    report_as(rule_info(rule).severity, rule, offset, length, detail);
  }
  void report_as(Severity severity, Rule rule, std::uint64_t offset, std::uint32_t length,
                 std::string_view detail = {}) const noexcept {
    if (severity != Severity::error && errors_only()) return;
    findings.add(rule, severity, offset, length, detail);
  }
  // About a whole field line, with the rule's severity or another one.
  void report_line(Rule rule, std::size_t i, std::string_view detail = {}) const noexcept {
    report_line_as(rule_info(rule).severity, rule, i, detail);
  }
  void report_line_as(Severity severity, Rule rule, std::size_t i,
                      std::string_view detail = {}) const noexcept {
    const FieldLine& l = line(i);
    report_as(severity, rule, l.name.offset, l.value.end() - l.name.offset, detail);
  }
  // About the status line (e.g. a missing field: the status decides it was needed).
  void report_status(Rule rule, std::string_view detail = {}) const noexcept {
    report(rule, response.status_line.offset, response.status_line.length, detail);
  }
  void report_code(Rule rule, std::string_view detail = {}) const noexcept;

  // Bytes of content: from the body when it was read, else from the framing fields.
  // Returns false when unknown (chunked or close-delimited, not read).
  bool content_length(std::uint64_t& length) const noexcept;
};

// The scope of the field index the framing decision and, when `validating`, the validator need
// with `policy`: the checks of Validation::errors_only read only a few fields.
detail::FieldIndex::Scope index_scope(const Policy& policy, bool validating) noexcept;

// Every rule group on an index the caller built (validate() and examine() share it), of
// index_scope()'s scope or wider.
void run(const detail::FieldIndex& fields, const Framing& framing, const RequestContext& request,
         const Policy& policy, FindingList& findings, const BodyInfo* body) noexcept;

// The rule groups, one file each.
void check_status_code(const Checks& c) noexcept;    // status_code_rules.cpp: A, D01-D04, H
void check_reason_phrase(const Checks& c) noexcept;  // status_code_rules.cpp: A09, H03, H09
void check_class_rules(const Checks& c) noexcept;    // class_rules.cpp: D, F08, F12, C28
void check_not_modified(const Checks& c) noexcept;   // not_modified_rules.cpp: E
void check_intermediary(const Checks& c) noexcept;   // intermediary_rules.cpp: D10, E09
// intermediary_rules.cpp: E08, for a 304 with a stored response (`stored_fields` indexes it);
// check_not_modified calls it with the index it builds for E04.
void check_freshening(const Checks& c, const detail::FieldIndex& stored_fields) noexcept;
void check_field_lines(const Checks& c) noexcept;            // field_rules.cpp: B
void check_field_values(const Checks& c) noexcept;           // field_value_rules.cpp: F
CacheControl check_cache_control(const Checks& c) noexcept;  // field_value_rules.cpp: F14, F15
void check_w3c1992(const Checks& c) noexcept;                // w3c1992_rules.cpp: G (dialect)
void check_historic_in_modern(const Checks& c) noexcept;     // w3c1992_rules.cpp: G in modern

// The checks that can find an error, each also called by its group above. With
// Validation::errors_only, run() calls only these, in the order their groups run, so that the
// errors come out as with every rule.
bool check_code_in_range(const Checks& c) noexcept;        // status_code_rules.cpp: A06
void check_101_upgrade(const Checks& c) noexcept;          // class_rules.cpp: D06
void check_repeated_singletons(const Checks& c) noexcept;  // field_rules.cpp: B10
void check_line_bytes(const Checks& c) noexcept;           // field_rules.cpp: B08, B09, B12
void check_upgrade_option(const Checks& c) noexcept;       // field_value_rules.cpp: F21

// True when the reason phrase is Google's "Resume Incomplete" on a 308 (modern dialect): H03
// is then reported at the phrase, and the Range heuristic of check_redirection stays quiet.
bool reason_names_unofficial_308(const Checks& c) noexcept;

}  // namespace h1resp::validator
