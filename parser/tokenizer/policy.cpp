// The leniency table: each leniency's name, the rule it relaxes, and what can go wrong with it.
#include "h1resp/policy.hpp"

#include <array>

namespace h1resp {
namespace {

constexpr std::array<LeniencyInfo, 9> kLeniencies = {{
    {Leniency::obs_fold, "obs-fold", Rule::field_obs_fold,
     "A recipient that does not unfold sees a different field list; a folded Transfer-Encoding "
     "or Content-Length is always refused. Forward only the unfolded value."},
    {Leniency::bare_lf, "bare-lf", Rule::field_line_ending_lf,
     "A recipient that requires CRLF sees one long line where this parser sees two, and so "
     "other fields. Never forward the bare LF: re-serialise with CRLF. Lines only: the CRLF "
     "after chunk data is always required."},
    {Leniency::missing_reason_sp, "missing-reason-sp", Rule::status_reason_sp_required,
     "Harmless for framing; forward a re-serialised status line with the SP."},
    {Leniency::leading_empty_lines, "leading-empty-lines", Rule::status_leading_garbage,
     "Empty lines before a response usually follow a miscounted body: the previous response's "
     "framing may already be wrong."},
    {Leniency::ws_before_colon, "ws-before-colon", Rule::field_ws_before_colon,
     "Recipients disagree on whether \"Name :\" is the field Name; a proxy MUST strip the "
     "whitespace before forwarding (RFC 9112 §5.1). Refused on framing fields, and before "
     "them: some recipients stop reading the fields at such a line."},
    {Leniency::bare_cr, "bare-cr", Rule::field_value_cr_lf_nul,
     "A recipient that takes a bare CR as a line ending sees an extra field (response "
     "splitting). Forward the value with SP in its place. Refused where that recipient would "
     "see an empty line or a framing field after the CR (or after the byte that follows it)."},
    {Leniency::status_line_whitespace, "status-line-whitespace", Rule::status_sp_separator,
     "RFC 9112 §4: lenient status-line parsing can result in response splitting when recipients "
     "read the line differently. Re-serialise the status line before forwarding."},
    {Leniency::ws_preceded_lines, "ws-preceded-lines", Rule::status_ws_after_start_line,
     "A recipient that reads the first whitespace-preceded line as a field (or a fold) sees "
     "other fields. The ignored lines are never forwarded."},
    {Leniency::value_ctl, "value-ctl", Rule::field_value_ctl,
     "Control characters in values confuse loggers and downstream parsers; they are kept only "
     "outside framing fields."},
}};
static_assert((1U << kLeniencies.size()) - 1 == kAllLeniencies);

}  // namespace

std::span<const LeniencyInfo> all_leniencies() noexcept {
  return kLeniencies;
}

const LeniencyInfo& leniency_info(Leniency leniency) noexcept {
  for (const LeniencyInfo& info : kLeniencies) {
    if (info.leniency == leniency) return info;
  }
  return kLeniencies[0];
}

std::optional<Leniency> find_leniency(std::string_view name) noexcept {
  for (const LeniencyInfo& info : kLeniencies) {
    if (info.name == name) return info.leniency;
  }
  return std::nullopt;
}

std::string_view to_string(Dialect dialect) noexcept {
  return dialect == Dialect::w3c1992 ? "w3c1992" : "modern";
}

std::string_view to_string(Validation validation) noexcept {
  return validation == Validation::errors_only ? "errors-only" : "every-rule";
}

}  // namespace h1resp
