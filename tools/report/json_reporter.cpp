// JSON Lines for machines: one object per response. The keys are a contract (README): later
// versions add keys, never rename or remove them.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

using nlohmann::json;

std::string text(std::string_view bytes) {
  return std::string(bytes);
}

json finding_json(const Finding& f, std::uint64_t response_offset) {
  const RuleInfo& info = rule_info(f.rule);
  return json{
      {"rule", info.id},
      {"catalog", info.catalog},
      {"severity", to_string(f.severity)},
      {"level", to_string(info.level)},
      {"offset", f.offset},
      {"file_offset", response_offset + f.offset},
      {"length", f.length},
      {"message", finding_message(f)},
      {"ref", info.source},
  };
}

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::FILE* out) : out_(out) {}

  void response(const ResponseEvent& e) override {
    const StreamMessage& m = e.message;
    const Response& r = m.response;
    const bool parsed = m.status == ParseStatus::complete;
    json j = {
        {"file", e.file},
        {"index", m.index},
        {"offset", m.offset},
        {"parsed", parsed},
        {"verdict", to_string(m.verdict())},
    };
    if (parsed) {
      j["version"] = fmt::format("HTTP/{}.{}", r.version_major, r.version_minor);
      j["status"] = r.status;
      j["reason"] = text(r.reason_phrase());
      json headers = json::array();
      for (std::size_t i = 0; i < r.field_count(); ++i) {
        const Field f = r.field(i);
        headers.push_back(json::array({text(f.name), text(f.value)}));
      }
      j["headers"] = std::move(headers);
      j["framing"] = {
          {"kind", to_string(m.framing.body)},
          {"length",
           m.framing.body == BodyKind::content_length ? json(m.framing.length) : json(nullptr)},
          {"body_bytes", m.body_length},
          {"persistent", m.framing.persistent},
          {"interim", m.framing.interim},
          {"why", m.framing.why},
      };
    }
    if (m.status == ParseStatus::error || m.error.rule != Rule::count_) {
      j["error"] = {
          {"code", to_string(m.error.rule)},
          {"offset", m.error.offset},
          {"message", std::string(m.error.message())},
      };
    }
    json findings = json::array();
    for (const Finding& f : m.findings)
      findings.push_back(finding_json(f, m.offset));
    j["findings"] = std::move(findings);
    j["findings_dropped"] = m.findings.dropped();
    if (e.disagreements != nullptr) {
      json list = json::array();
      for (const Disagreement& d : *e.disagreements) {
        list.push_back(
            {{"kind", interop::to_string(d.kind)},
             {"what", d.what},
             {"divergence", d.divergence != nullptr ? json(d.divergence->id) : json(nullptr)}});
      }
      j["llhttp"] = std::move(list);
    }
    // Field values may hold obs-text that is not UTF-8: replaced, never an exception.
    const std::string line = j.dump(-1, ' ', false, json::error_handler_t::replace);
    fmt::print(out_, "{}\n", line);
  }

  void unreadable(std::string_view file, std::string_view why) override {
    const json j = {{"file", file}, {"error", {{"code", "io"}, {"message", why}}}};
    fmt::print(out_, "{}\n", j.dump(-1, ' ', false, json::error_handler_t::replace));
  }

  void finish(const Summary&) override { std::fflush(out_); }

 private:
  std::FILE* out_;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::FILE* out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace h1resp::report
