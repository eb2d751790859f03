// SARIF 2.1.0 for code-scanning UIs: one run, every rule described once, one result per
// finding with its byte region in the input.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

using nlohmann::json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "none";
}

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(std::FILE* out) : out_(out) {}

  void response(const ResponseEvent& e) override {
    const StreamMessage& m = e.message;
    for (const Finding& f : m.findings) {
      const RuleInfo& info = rule_info(f.rule);
      results_.push_back({
          {"ruleId", info.id},
          {"ruleIndex", static_cast<std::size_t>(f.rule)},
          {"level", sarif_level(f.severity)},
          {"message", {{"text", finding_message(f)}}},
          {"locations",
           json::array({{{"physicalLocation",
                          {{"artifactLocation", {{"uri", std::string(e.file)}}},
                           {"region",
                            {{"byteOffset", m.offset + f.offset}, {"byteLength", f.length}}}}}}})},
          {"properties", {{"response", m.index}, {"responseOffset", m.offset}}},
      });
    }
  }

  void unreadable(std::string_view file, std::string_view why) override {
    notifications_.push_back(
        {{"level", "error"}, {"message", {{"text", fmt::format("{}: {}", file, why)}}}});
  }

  void finish(const Summary&) override {
    json rules = json::array();
    for (const RuleInfo& info : all_rules()) {
      rules.push_back({
          {"id", info.id},
          {"shortDescription", {{"text", info.summary}}},
          {"fullDescription", {{"text", info.explanation}}},
          {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
          {"properties",
           {{"catalog", info.catalog},
            {"source", info.source},
            {"requirement", to_string(info.level)}}},
      });
    }
    json run = {
        {"tool", {{"driver", {{"name", "h1resp"}, {"rules", std::move(rules)}}}}},
        {"results", std::move(results_)},
        {"invocations", json::array({{{"executionSuccessful", true},
                                      {"toolExecutionNotifications", std::move(notifications_)}}})},
    };
    const json log = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({std::move(run)})},
    };
    fmt::print(out_, "{}\n", log.dump(2, ' ', false, json::error_handler_t::replace));
  }

 private:
  std::FILE* out_;
  json results_ = json::array();
  json notifications_ = json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::FILE* out) {
  return std::make_unique<SarifReporter>(out);
}

}  // namespace h1resp::report
