// The validator's entry points: index the fields once, then run each group of rules.
#include "h1resp/validator.hpp"

#include "framing/framing_fields.hpp"
#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp {
namespace {

// The year "now" for RFC 9110 §5.6.7's two-digit years: the response's own Date when it is a
// valid IMF-fixdate (no clock is read, so results are reproducible), else this constant.
constexpr int kDefaultReferenceYear = 2025;

}  // namespace

namespace validator {

detail::FieldIndex::Scope index_scope(const Policy& policy, bool validating) noexcept {
  if (!validating) return detail::FieldIndex::Scope::framing_fields;
  return policy.validation == Validation::errors_only ? detail::FieldIndex::Scope::error_fields
                                                      : detail::FieldIndex::Scope::every_field;
}

void Checks::report_code(Rule rule, std::string_view detail) const noexcept {
  report(rule, response.code.offset, response.code.length, detail);
}

bool Checks::content_length(std::uint64_t& length) const noexcept {
  if (body != nullptr && body->complete) {
    length = body->length;
    return true;
  }
  switch (framing.body) {
    case BodyKind::none:
    case BodyKind::tunnel:
      length = 0;
      return true;
    case BodyKind::content_length:
      length = framing.length;
      return true;
    default:
      return false;
  }
}

}  // namespace validator

namespace validator {
namespace {

// Validation::errors_only: the checks that can find an error, in the order run() below reaches
// them, so the errors come out in the same order. No other check can report an error:
// tests/errors_only_test.cpp and the validate fuzz target compare both modes' errors, and a new
// rule that can be an error fails that test with its own violating example until it is added
// here. These checks see only the fields of FieldIndex::Scope::error_fields (examine() indexes
// no others in this mode): a check that reads another field needs it added to kErrorFields
// (field_registry.cpp), or it finds nothing, which the same comparison reports.
void run_error_checks(const Checks& c) noexcept {
  check_code_in_range(c);        // check_status_code, in both dialects
  check_101_upgrade(c);          // check_class_rules (a 101 only)
  check_repeated_singletons(c);  // check_field_lines
  check_line_bytes(c);
  if (c.code() == 101) check_upgrade_option(c);  // check_field_values: an error only in a 101
}

}  // namespace

void run(const detail::FieldIndex& fields, const Framing& framing, const RequestContext& request,
         const Policy& policy, FindingList& findings, const BodyInfo* body) noexcept {
  Checks c{fields.response(),     fields, framing, request, policy, body, findings,
           kDefaultReferenceYear, {},     {}};
  if (c.errors_only()) {
    run_error_checks(c);
    return;
  }
  if (c.has(FieldId::date)) {
    c.date = detail::values::parse_http_date(c.value_of(FieldId::date), kDefaultReferenceYear);
    if (c.date.form == detail::values::HttpDate::imf_fixdate) {
      c.reference_year = static_cast<int>(1970 + c.date.seconds / 31556952);  // mean year
    }
  }
  c.cache = check_cache_control(c);
  check_status_code(c);
  check_reason_phrase(c);
  check_class_rules(c);
  check_not_modified(c);
  check_intermediary(c);
  check_field_lines(c);
  check_field_values(c);
  if (c.w3c()) {
    check_w3c1992(c);
  } else {
    check_historic_in_modern(c);
  }
}

}  // namespace validator

void validate(const Response& response, const Framing& framing, const RequestContext& request,
              const Policy& policy, FindingList& findings, const BodyInfo* body) noexcept {
  const detail::FieldIndex fields(response, validator::index_scope(policy, true));
  validator::run(fields, framing, request, policy, findings, body);
}

Framing examine(const Response& response, const RequestContext& request, const Policy& policy,
                FindingList& findings) noexcept {
  // One index of the field names serves both: each name is looked up once. With errors_only,
  // of the fields the error checks and the framing decision read, and no others.
  const detail::FieldIndex fields(response, validator::index_scope(policy, true));
  const Framing framing = framing::decide(fields, request.method, findings);
  validator::run(fields, framing, request, policy, findings, nullptr);
  return framing;
}

}  // namespace h1resp
