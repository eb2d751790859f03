// Text for people, like a compiler's diagnostics:
//   file:offset: severity: message [rule-id]
//     the offending line, control bytes made visible
//     ^~~~ under the bytes concerned
#include <fmt/color.h>
#include <fmt/core.h>

#include "report/format.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

class TextReporter final : public Reporter {
 public:
  TextReporter(std::FILE* out, const TextOptions& options) : out_(out), options_(options) {}

  void response(const ResponseEvent& e) override {
    const StreamMessage& m = e.message;
    const Response& r = m.response;
    const std::string_view bytes = e.bytes.substr(m.offset);
    std::string headline;
    if (m.status == ParseStatus::complete || r.status_line.length != 0) {
      headline = visible(r.text(r.status_line));
    } else {
      headline = "(no status line)";
    }
    print(fmt::emphasis::bold, "{}:{}: response {}: {}", e.file, m.offset, m.index + 1, headline);
    fmt::print(out_, " [{}]\n", to_string(m.verdict()));
    if (m.status == ParseStatus::complete) {
      if (options_.show_fields) {
        for (std::size_t i = 0; i < r.field_count(); ++i) {
          const Field f = r.field(i);
          fmt::print(out_, "    {}: {}\n", visible(f.name), visible(f.value));
        }
      }
      fmt::print(out_, "    -- body: {}", to_string(m.framing.body));
      if (m.framing.body != BodyKind::none && m.framing.body != BodyKind::tunnel) {
        fmt::print(out_, ", {} bytes", m.body_length);
      }
      fmt::print(out_, "; {}; connection {}\n", m.framing.why,
                 m.framing.persistent ? "persists" : "closes");
    }
    for (const Finding& f : m.findings) {
      if (f.severity == Severity::info && !options_.show_info) continue;
      finding(e, f, bytes);
    }
    if (m.findings.dropped() != 0) {
      fmt::print(out_, "    ({} more findings not shown)\n", m.findings.dropped());
    }
    if (e.disagreements != nullptr) {
      for (const Disagreement& d : *e.disagreements) {
        print(fmt::fg(fmt::terminal_color::magenta), "{}:{}: llhttp: {}", e.file, m.offset, d.what);
        if (d.divergence != nullptr) {
          fmt::print(out_, " [documented: {}]\n", d.divergence->id);
        } else {
          fmt::print(out_, " [undocumented]\n");
        }
      }
    }
  }

  void unreadable(std::string_view file, std::string_view why) override {
    print(fmt::fg(fmt::terminal_color::red), "{}: cannot read: {}\n", file, why);
  }

  void finish(const Summary& s) override {
    fmt::print(out_, "\n{} response{} in {} file{}: {} accepted, {} warned, {} rejected",
               s.responses, s.responses == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s",
               s.accepted, s.warned, s.rejected);
    fmt::print(out_, " ({} errors, {} warnings, {} notes)", s.findings[2], s.findings[1],
               s.findings[0]);
    if (s.unreadable != 0) fmt::print(out_, "; {} unreadable", s.unreadable);
    if (s.disagreements != 0) fmt::print(out_, "; {} disagreements with llhttp", s.disagreements);
    fmt::print(out_, "\n");
  }

 private:
  template <typename... Args>
  void print(fmt::text_style style, fmt::format_string<Args...> format, Args&&... args) {
    const std::string text = fmt::format(format, std::forward<Args>(args)...);
    if (options_.color) {
      fmt::print(out_, style, "{}", text);
    } else {
      fmt::print(out_, "{}", text);
    }
  }

  void finding(const ResponseEvent& e, const Finding& f, std::string_view bytes) {
    const RuleInfo& info = rule_info(f.rule);
    const fmt::terminal_color color = f.severity == Severity::error ? fmt::terminal_color::red
                                      : f.severity == Severity::warning
                                          ? fmt::terminal_color::yellow
                                          : fmt::terminal_color::cyan;
    fmt::print(out_, "{}:{}: ", e.file, e.message.offset + f.offset);
    print(fmt::fg(color) | fmt::emphasis::bold, "{}", to_string(f.severity));
    fmt::print(out_, ": {} [{}] ({})\n", finding_message(f), info.id, info.source);
    const SourceExcerpt x = excerpt(bytes, f.offset, f.length);
    fmt::print(out_, "    {}\n    ", x.text);
    print(fmt::fg(fmt::terminal_color::green), "{}", x.caret);
    fmt::print(out_, "\n");
  }

  std::FILE* out_;
  TextOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::FILE* out, const TextOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace h1resp::report
