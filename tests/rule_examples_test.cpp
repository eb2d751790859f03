// Every rule of the table, judged on its own examples: the violating bytes must produce the rule
// (as the parse error or as a finding), the conforming bytes must not, and must not be rejected.
// The examples are the ones docs/rules.md shows, so the documentation cannot drift from what the
// code does.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"
#include "rule_example_exchange.hpp"

namespace h1resp::testing {
namespace {

struct Judgement {
  std::set<Rule> rules;                            // every rule reported, errors and findings
  std::set<std::pair<Rule, Severity>> severities;  // and with which severities
  bool rejected = false;
  std::string trace;  // for failure messages
};

Judgement judge(const RuleInfo& info, std::string_view bytes) {
  const RuleExampleExchange exchange(info);
  Judgement j;
  ResponseStream stream(bytes, exchange.options());
  StreamMessage m;
  while (stream.next(m)) {
    for (const Finding& f : m.findings) {
      j.rules.insert(f.rule);
      j.severities.insert({f.rule, f.severity});
      j.rejected = j.rejected || f.severity == Severity::error;
      j.trace.append(" ").append(to_string(f.rule)).append("(");
      j.trace.append(to_string(f.severity)).append(")");
    }
    if (m.status == ParseStatus::error) {
      j.rules.insert(m.error.rule);
      j.severities.insert({m.error.rule, Severity::error});
    }
  }
  return j;
}

class RuleExamples : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RuleExamples, ViolatingTriggersConformingDoesNot) {
  const RuleInfo& info = all_rules()[GetParam()];
  const Judgement bad = judge(info, info.violating);
  EXPECT_TRUE(bad.rules.contains(info.rule))
      << info.id << ": the violating example does not produce it; it produces:" << bad.trace;
  // With the severity of the table (what docs/rules.md shows), but for the rules whose
  // severity depends on what the violation risks: there the example shows the worse case.
  const std::set<std::string_view> raised_by_context = {
      "field.singleton-repeated",  // an error when the values differ (Location, Content-Type)
      "field.empty-list-element",  // an error in Transfer-Encoding
      "upgrade.syntax",            // an error in a 101
      "htresp.2xx-semantics",      // an error when bytes follow a 204 No Response
  };
  if (!raised_by_context.contains(info.id)) {
    EXPECT_TRUE(bad.severities.contains({info.rule, info.severity}))
        << info.id << ": not reported as " << to_string(info.severity) << ":" << bad.trace;
  }
  const Judgement good = judge(info, info.conforming);
  EXPECT_FALSE(good.rules.contains(info.rule))
      << info.id << ": the conforming example produces it:" << good.trace;
  EXPECT_FALSE(good.rejected) << info.id << ": the conforming example is rejected:" << good.trace;
}

INSTANTIATE_TEST_SUITE_P(Table, RuleExamples, ::testing::Range<std::size_t>(0, kRuleCount),
                         [](const auto& param) { return rule_test_name(param.param); });

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
