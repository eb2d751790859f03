// Every rule of the table, judged on its own examples: the violating bytes must produce the rule
// (as the parse error or as a finding), the conforming bytes must not, and must not be rejected.
// The examples are the ones docs/rules.md shows, so the documentation cannot drift from what the
// code does.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::testing {
namespace {

// The 1992 dialect's own rules are judged with the dialect on.
Dialect dialect_for(const RuleInfo& info) {
  const bool historic =
      info.id.starts_with("htresp.") ||
      (info.id.starts_with("http10.") && info.rule != Rule::http10_version_multidigit);
  return historic ? Dialect::w3c1992 : Dialect::modern;
}

struct Judgement {
  std::set<Rule> rules;  // every rule reported, errors and findings
  bool rejected = false;
  std::string trace;  // for failure messages
};

Judgement judge(const RuleInfo& info, std::string_view bytes) {
  StreamOptions options;
  options.policy.dialect = dialect_for(info);
  options.closed = true;
  RequestContext request;
  if (!info.example_request.empty()) request = request_context(info.example_request);
  request.proxy_output = info.context == Context::proxy_output;
  request.upstream_interim = info.example_upstream_interim;
  // A reference 200 (for E03, E04, D14, F01) or a cache's stored response (E08): parsed once,
  // kept alive for the judgement.
  BasicResponseParser<> reference_parser;
  if (!info.example_reference.empty() &&
      reference_parser.parse(info.example_reference) == ParseStatus::complete) {
    request.reference_200 = &reference_parser.response();
    request.reference_length = info.example_reference.size() - reference_parser.header_size();
    const Response& r = reference_parser.response();
    if (const std::size_t i = r.find("Content-Length"); i != r.field_count()) {
      request.reference_length = std::stoull(std::string(r.field(i).value));
    }
  }
  const std::vector<RequestMethod> methods{request.method};
  options.methods = methods;
  options.request = request;
  // Stream rules are about one request and what its connection carries.
  options.exact_requests = info.context == Context::stream;

  Judgement j;
  ResponseStream stream(bytes, options);
  StreamMessage m;
  while (stream.next(m)) {
    for (const Finding& f : m.findings) {
      j.rules.insert(f.rule);
      j.rejected = j.rejected || f.severity == Severity::error;
      j.trace.append(" ").append(to_string(f.rule)).append("(");
      j.trace.append(to_string(f.severity)).append(")");
    }
    if (m.status == ParseStatus::error) j.rules.insert(m.error.rule);
  }
  return j;
}

class RuleExamples : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RuleExamples, ViolatingTriggersConformingDoesNot) {
  const RuleInfo& info = all_rules()[GetParam()];
  const Judgement bad = judge(info, info.violating);
  EXPECT_TRUE(bad.rules.contains(info.rule))
      << info.id << ": the violating example does not produce it; it produces:" << bad.trace;
  const Judgement good = judge(info, info.conforming);
  EXPECT_FALSE(good.rules.contains(info.rule))
      << info.id << ": the conforming example produces it:" << good.trace;
  EXPECT_FALSE(good.rejected) << info.id << ": the conforming example is rejected:" << good.trace;
}

INSTANTIATE_TEST_SUITE_P(Table, RuleExamples, ::testing::Range<std::size_t>(0, kRuleCount),
                         [](const auto& param) {
                           std::string name(all_rules()[param.param].id);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(RuleTable, IdsAreUniqueAndInOrder) {
  std::set<std::string_view> ids;
  std::set<std::string_view> catalog;
  for (std::size_t i = 0; i < kRuleCount; ++i) {
    const RuleInfo& info = all_rules()[i];
    EXPECT_EQ(static_cast<std::size_t>(info.rule), i);
    EXPECT_TRUE(ids.insert(info.id).second) << info.id;
    EXPECT_EQ(find_rule(info.id), info.rule);
    EXPECT_FALSE(info.summary.empty()) << info.id;
    EXPECT_FALSE(info.explanation.empty()) << info.id;
    EXPECT_FALSE(info.source.empty()) << info.id;
    if (i < 149) {
      EXPECT_TRUE(catalog.insert(info.catalog).second) << info.catalog;
    }
  }
  EXPECT_EQ(catalog.size(), 149U);  // A01-H09, each once
}

}  // namespace
}  // namespace h1resp::testing
