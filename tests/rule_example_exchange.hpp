// The exchange a rule's examples belong to (rules.hpp, RuleInfo): the dialect, the request, a
// reference 200 or stored response, and what the stream carries, as the StreamOptions that judge
// them. Shared by the tests that walk the examples (rule_examples_test.cpp, rule_spans_test.cpp,
// errors_only_test.cpp).
#pragma once

#include <cctype>
#include <string>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {

// The name of the parameterized test of the rule at `index` of all_rules(): its id, with "_" for
// what a test name cannot hold.
inline std::string rule_test_name(std::size_t index) {
  std::string name(all_rules()[index].id);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// The 1992 dialect's own rules are judged with the dialect on.
inline Dialect dialect_for(const RuleInfo& info) {
  const bool historic =
      info.id.starts_with("htresp.") ||
      (info.id.starts_with("http10.") && info.rule != Rule::http10_version_multidigit);
  return historic ? Dialect::w3c1992 : Dialect::modern;
}

// Holds what the options point to (the reference response, the methods): keep it alive while
// a stream uses options().
class RuleExampleExchange {
 public:
  explicit RuleExampleExchange(const RuleInfo& info) {
    options_.policy.dialect = dialect_for(info);
    options_.closed = true;
    RequestContext request;
    if (!info.example_request.empty()) request = request_context(info.example_request);
    request.proxy_output = info.context == Context::proxy_output;
    request.upstream_interim = info.example_upstream_interim;
    // A reference 200 (for E03, E04, D14, F01) or a cache's stored response (E08).
    if (!info.example_reference.empty() &&
        reference_.parse(info.example_reference) == ParseStatus::complete) {
      request.reference_200 = &reference_.response();
      request.reference_length = info.example_reference.size() - reference_.header_size();
      const Response& r = reference_.response();
      if (const std::size_t i = r.find("Content-Length"); i != r.field_count()) {
        request.reference_length = std::stoull(std::string(r.field(i).value));
      }
    }
    methods_.assign(1, request.method);
    options_.methods = methods_;
    options_.request = request;
    // Stream rules are about one request and what its connection carries.
    options_.exact_requests = info.context == Context::stream;
  }
  RuleExampleExchange(const RuleExampleExchange&) = delete;
  RuleExampleExchange& operator=(const RuleExampleExchange&) = delete;

  [[nodiscard]] const StreamOptions& options() const noexcept { return options_; }

 private:
  BasicResponseParser<> reference_;
  std::vector<RequestMethod> methods_;
  StreamOptions options_;
};

}  // namespace h1resp::testing
