// JSON Lines for machines: one object per response, or per input that could not be read. The
// keys are a contract (README): later versions add keys, never rename or remove them. Every key
// is in every object, in the same order; what is not known or does not apply (the status of a
// response that did not parse, the request outside the probe, llhttp without --compare) is
// null.
#include <fmt/core.h>

#include "report/json_writer.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::FILE* out) : out_(out) {}

  void response(const ResponseEvent& e) override {
    const StreamMessage& m = e.message;
    const Response& r = m.response;
    const bool parsed = m.status == ParseStatus::complete;
    const bool has_status_line = r.status_line.length != 0;
    line_.clear();
    JsonWriter j(line_);
    j.begin_object();
    j.member("file", e.file).member("index", m.index).member("offset", m.offset);
    j.key("request");
    if (e.request.empty()) {
      j.null();
    } else {
      j.value(e.request);
    }
    j.member("method", to_string(m.method));
    j.member("parsed", parsed);
    j.key("version");
    if (has_status_line) {
      version_.assign("HTTP/");
      version_ += static_cast<char>('0' + r.version_major % 10);
      version_ += '.';
      version_ += static_cast<char>('0' + r.version_minor % 10);
      j.value(version_);
      j.member("status", static_cast<unsigned>(r.status));
      j.member("reason", r.reason_phrase());
    } else {
      j.null().key("status").null().key("reason").null();
    }
    j.key("headers");
    if (parsed) {
      j.begin_array();
      for (std::size_t i = 0; i < r.field_count(); ++i) {
        const Field f = r.field(i);
        j.begin_array().value(f.name).value(f.value).end_array();
      }
      j.end_array();
    } else {
      j.null();
    }
    j.key("framing");
    if (parsed) {
      j.begin_object();
      j.member("kind", to_string(m.framing.body)).key("length");
      if (m.framing.body == BodyKind::content_length) {
        j.value(m.framing.length);
      } else {
        j.null();
      }
      j.member("body_bytes", m.body_length)
          .member("complete", m.complete)
          .member("persistent", m.framing.persistent)
          .member("interim", m.framing.interim)
          .member("why", m.framing.why);
      j.end_object();
    } else {
      j.null();
    }
    j.member("size", m.size);
    j.key("error");
    if (m.status == ParseStatus::error || m.error.rule != Rule::count_) {
      j.begin_object();
      j.member("code",
               m.error.rule == Rule::count_ ? std::string_view("error") : to_string(m.error.rule));
      j.member("offset", static_cast<std::uint64_t>(m.error.offset));
      j.member("message", m.error.rule == Rule::count_
                              ? std::string(m.error.message())
                              : finding_message(rule_info(m.error.rule).summary, m.error.detail));
      j.end_object();
    } else {
      j.null();
    }
    auto finding_object = [&](const Finding& f) {
      const RuleInfo& info = rule_info(f.rule);
      j.begin_object()
          .member("rule", info.id)
          .member("catalog", info.catalog)
          .member("severity", to_string(f.severity))
          .member("level", to_string(info.level))
          .member("offset", f.offset)
          .member("file_offset", m.offset + f.offset)
          .member("length", static_cast<std::uint64_t>(f.length))
          .member("message", finding_message(f))
          .member("ref", info.source)
          .end_object();
    };
    j.key("findings").begin_array();
    for (const Finding& f : m.findings)
      finding_object(f);
    j.end_array();
    j.member("findings_dropped", static_cast<std::uint64_t>(m.findings.dropped()));
    // The first error among the dropped ones, when no error was stored: what a reject rests on.
    const Finding* first_error = m.findings.first_error();
    j.key("first_dropped_error");
    if (first_error != nullptr && !m.findings.stores(first_error)) {
      finding_object(*first_error);
    } else {
      j.null();
    }
    j.member("verdict", to_string(m.verdict()));
    j.key("llhttp");
    if (e.disagreements != nullptr) {
      j.begin_array();
      for (const Disagreement& d : *e.disagreements) {
        j.begin_object().member("kind", interop::to_string(d.kind)).member("what", d.what);
        j.key("divergence");
        if (d.divergence != nullptr) {
          j.value(d.divergence->id);
        } else {
          j.null();
        }
        j.end_object();
      }
      j.end_array();
    } else {
      j.null();
    }
    j.end_object();
    line_ += '\n';
    std::fwrite(line_.data(), 1, line_.size(), out_);
  }

  // Remarks for people do not belong in the machine output: they go to stderr.
  void message(std::string_view text) override { fmt::print(stderr, "h1resp: {}\n", text); }

  void unreadable(std::string_view file, std::string_view why) override {
    line_.clear();
    JsonWriter j(line_);
    // The keys of response(), in its order: nothing was read, so nearly all are null.
    j.begin_object().member("file", file);
    for (const char* key : {"index", "offset", "request", "method"})
      j.key(key).null();
    j.member("parsed", false);
    for (const char* key : {"version", "status", "reason", "headers", "framing", "size"})
      j.key(key).null();
    j.key("error").begin_object();
    j.member("code", "io").key("offset").null().member("message", why).end_object();
    j.key("findings").begin_array().end_array();
    j.member("findings_dropped", std::uint64_t{0}).key("first_dropped_error").null();
    j.member("verdict", "reject").key("llhttp").null().end_object();
    line_ += '\n';
    std::fwrite(line_.data(), 1, line_.size(), out_);
  }

  void finish(const Summary&) override { std::fflush(out_); }

 private:
  std::FILE* out_;
  std::string line_;
  std::string version_;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::FILE* out) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace h1resp::report
