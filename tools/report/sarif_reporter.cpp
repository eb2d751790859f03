// SARIF 2.1.0 for code-scanning UIs: one run, every rule described once, one result per
// finding with its byte region in the input. The log is streamed: the tool and its rules first,
// then each result as its response is checked, then the invocation; memory stays constant
// however many findings a capture has.
#include <fmt/core.h>

#include "report/json_writer.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

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

// artifactLocation.uri is a URI reference (SARIF 2.1.0 §3.4.3): a file name has every byte but
// RFC 3986's unreserved ones and "/" percent-encoded (a space, "%", a quote, a colon that would
// read as a scheme); the probe's URL is one already.
std::string artifact_uri(std::string_view file) {
  if (file.starts_with("http://")) return std::string(file);
  std::string uri;
  for (const char c : file) {
    const auto b = static_cast<unsigned char>(c);
    const bool unreserved = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                            (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' ||
                            b == '~' || b == '/';
    if (unreserved) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", b);
    }
  }
  return uri;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::FILE* out, std::string_view version) : out_(out), version_(version) {}

  void response(const ResponseEvent& e) override {
    const StreamMessage& m = e.message;
    if (e.disagreements != nullptr) disagreements_ += e.disagreements->size();
    if (m.findings.size() != 0 && e.file != uri_file_) {
      uri_file_.assign(e.file);
      uri_ = artifact_uri(e.file);
    }
    for (const Finding& f : m.findings) {
      begin();
      buffer_.clear();
      JsonWriter j(buffer_);
      const RuleInfo& info = rule_info(f.rule);
      j.begin_object()
          .member("ruleId", info.id)
          .member("ruleIndex", static_cast<std::uint64_t>(f.rule))
          .member("level", sarif_level(f.severity));
      j.key("message").begin_object().member("text", finding_message(f)).end_object();
      j.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      j.key("artifactLocation").begin_object().member("uri", uri_).end_object();
      j.key("region")
          .begin_object()
          .member("byteOffset", m.offset + f.offset)
          .member("byteLength", static_cast<std::uint64_t>(f.length))
          .end_object();
      j.end_object().end_object().end_array();
      j.key("properties")
          .begin_object()
          .member("response", m.index)
          .member("responseOffset", m.offset)
          .member("catalog", info.catalog)
          .end_object();
      j.end_object();
      write(first_result_ ? "\n    " : ",\n    ");
      first_result_ = false;
      write(buffer_);
    }
  }

  // Remarks for people do not belong in the machine output: they go to stderr.
  void message(std::string_view text) override { fmt::print(stderr, "h1resp: {}\n", text); }

  void unreadable(std::string_view file, std::string_view why) override {
    notify("error", fmt::format("{}: {}", file, why));
  }

  void finish(const Summary& summary) override {
    if (disagreements_ != 0) {
      // llhttp's readings are not h1resp's rules: said here, so a reader of the log knows.
      notify("note",
             fmt::format("{} with llhttp (--compare) {} not among the SARIF results: "
                         "--format text or json lists them",
                         disagreements_ == 1 ? std::string("1 disagreement")
                                             : fmt::format("{} disagreements", disagreements_),
                         disagreements_ == 1 ? "is" : "are"));
    }
    begin();
    write(first_result_ ? "],\n" : "\n  ],\n");
    buffer_.clear();
    JsonWriter j(buffer_);
    j.begin_array().begin_object().member("executionSuccessful", summary.unreadable == 0);
    write("  \"invocations\": ");
    write(buffer_);
    write(",\"toolExecutionNotifications\":[");
    write(notifications_);
    write("]}]\n}]}\n");
    std::fflush(out_);
  }

 private:
  void write(std::string_view text) { std::fwrite(text.data(), 1, text.size(), out_); }

  // One toolExecutionNotification, written in finish().
  void notify(std::string_view level, std::string_view text) {
    JsonWriter j(notifications_);
    if (!notifications_.empty()) notifications_ += ',';
    j.begin_object().member("level", level).key("message").begin_object();
    j.member("text", text).end_object().end_object();
  }

  // The head of the log, up to the opening of the results array.
  void begin() {
    if (begun_) return;
    begun_ = true;
    buffer_.clear();
    JsonWriter j(buffer_);
    j.begin_array();
    for (const RuleInfo& info : all_rules()) {
      j.begin_object().member("id", info.id);
      j.key("shortDescription").begin_object().member("text", info.summary).end_object();
      j.key("fullDescription").begin_object().member("text", info.explanation).end_object();
      j.key("defaultConfiguration")
          .begin_object()
          .member("level", sarif_level(info.severity))
          .end_object();
      j.key("properties")
          .begin_object()
          .member("catalog", info.catalog)
          .member("source", info.source)
          .member("requirement", to_string(info.level))
          .end_object();
      j.end_object();
    }
    j.end_array();
    write("{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n");
    write(" \"version\": \"2.1.0\",\n \"runs\": [{\n  \"tool\": {\"driver\": {");
    std::string driver;
    JsonWriter d(driver);
    d.begin_object().member("name", "h1resp").member("version", version_).end_object();
    // The driver's members without its braces, then its rules.
    write(std::string_view(driver).substr(1, driver.size() - 2));
    write(",\n   \"rules\": ");
    write(buffer_);
    write("}},\n  \"results\": [");
  }

  std::FILE* out_;
  std::string version_;
  std::string buffer_;
  std::string notifications_;
  std::string uri_file_;  // the input uri_ was made from
  std::string uri_;       // its artifactLocation.uri
  std::size_t disagreements_ = 0;
  bool begun_ = false;
  bool first_result_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::FILE* out, std::string_view tool_version) {
  return std::make_unique<SarifReporter>(out, tool_version);
}

}  // namespace h1resp::report
