// h1resp check --explain RULE: the rule table's text for people.
#include <fmt/core.h>

#include "commands.hpp"
#include "h1resp/rules.hpp"
#include "report/format.hpp"

namespace h1resp::cli {

int explain_rule(std::string_view id) {
  const auto rule = find_rule(id);
  if (!rule) {
    fmt::print(stderr, "h1resp: no rule \"{}\" (ids look like status.code-3digit, or A05)\n", id);
    return kExitUsage;
  }
  const RuleInfo& r = rule_info(*rule);
  fmt::print("{} ({})\n\n  {}\n\n", r.id, r.catalog, r.summary);
  fmt::print("severity: {}    requirement: {}    needs: {}\nsource:   {}\n\n",
             to_string(r.severity), to_string(r.level), to_string(r.context), r.source);
  fmt::print("{}\n\n", r.explanation);
  if (!r.example_request.empty())
    fmt::print("request:    {}\n", report::visible(r.example_request));
  if (!r.example_reference.empty()) {
    fmt::print("{}  {}\n", r.context == Context::cache ? "stored:   " : "reference:",
               report::visible(r.example_reference));
  }
  if (r.example_upstream_interim != 0) {
    fmt::print("upstream:   {} 1xx response(s) received\n", r.example_upstream_interim);
  }
  fmt::print("violating:  {}\nconforming: {}\n", report::visible(r.violating.substr(0, 400)),
             report::visible(r.conforming.substr(0, 400)));
  return kExitOk;
}

}  // namespace h1resp::cli
