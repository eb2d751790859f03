// Text for people, like a compiler's diagnostics:
//   file:offset: response N: HTTP/1.1 200 OK [verdict]
//   file:offset: severity: message [rule-id]
//       the offending line, control bytes made visible
//       ^~~~ under the bytes concerned
// and a summary line at the end. Each response is formatted into one buffer and written at once:
// a capture of millions of responses must not cost millions of small writes.
#include <fmt/color.h>
#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <vector>

#include "report/format.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

constexpr std::size_t kHeadlineColumns = 100;

class TextReporter final : public Reporter {
 public:
  TextReporter(std::FILE* out, const TextOptions& options) : out_(out), options_(options) {}

  void response(const ResponseEvent& e) override {
    buffer_.clear();
    const StreamMessage& m = e.message;
    const std::string_view bytes =
        e.bytes.substr(std::min<std::uint64_t>(m.offset, e.bytes.size()));
    headline(e, bytes);
    if (!e.request.empty() && options_.show_fields) {
      for (std::string_view rest = e.request; !rest.empty();) {
        const std::size_t lf = rest.find('\n');
        const std::string_view line = rest.substr(0, lf == std::string_view::npos ? lf : lf + 1);
        rest.remove_prefix(line.size());
        if (line == "\r\n" || line == "\n") break;
        append("    > {}\n", visible(line.substr(0, line.find_last_not_of("\r\n") + 1)));
      }
    }
    if (m.status == ParseStatus::complete) {
      const Response& r = m.response;
      if (options_.show_fields) {
        for (std::size_t i = 0; i < r.field_count(); ++i) {
          const Field f = r.field(i);
          append("    {}: {}\n", visible(f.name), visible(f.value));
        }
        append("    -- body: {}", to_string(m.framing.body));
        if (m.framing.body == BodyKind::content_length || m.framing.body == BodyKind::chunked ||
            m.framing.body == BodyKind::until_close) {
          append(", {} byte{}", m.body_length, m.body_length == 1 ? "" : "s");
        }
        append("; {}; connection {}\n", m.framing.why,
               m.framing.persistent ? "persists" : "closes");
      }
    }
    // In byte order, as a reader goes through the response; the library reports them by stage.
    order_.clear();
    for (const Finding& f : m.findings) {
      if (f.severity == Severity::info && !options_.show_info) continue;
      order_.push_back(&f);
    }
    std::stable_sort(order_.begin(), order_.end(),
                     [](const Finding* a, const Finding* b) { return a->offset < b->offset; });
    for (const Finding* f : order_)
      finding(e, *f, bytes);
    if (m.findings.dropped() != 0) {
      // Counted, with no detail kept: past the list's capacity, or past the few problems a
      // framing field's reading keeps (it keeps the most severe, so no error is among these).
      append("    ({} more finding{} counted but not shown: a message keeps the detail of {})\n",
             m.findings.dropped(), m.findings.dropped() == 1 ? "" : "s", FindingList::kCapacity);
      // The list keeps the first error that did not fit: the reason for a reject is shown.
      const Finding* first_error = m.findings.first_error();
      if (first_error != nullptr && !m.findings.stores(first_error)) {
        append("    the first error among them:\n");
        finding(e, *first_error, bytes);
      }
    }
    if (e.disagreements != nullptr) {
      for (const Disagreement& d : *e.disagreements) {
        append("{}:{}: ", e.file, m.offset);
        styled(fmt::fg(fmt::terminal_color::magenta) | fmt::emphasis::bold, "llhttp");
        append(": {}", d.what);
        if (d.divergence != nullptr) {
          append(" [documented: {}]\n", d.divergence->id);
        } else {
          append(" [undocumented]\n");
        }
      }
    }
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  }

  void unreadable(std::string_view file, std::string_view why) override {
    buffer_.clear();
    append("{}: ", file);
    styled(fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold, "error");
    append(": cannot read: {}\n", why);
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  }

  void message(std::string_view text) override {
    buffer_.clear();
    append("{}\n", text);
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  }

  void finish(const Summary& s) override {
    buffer_.clear();
    append("\n{} response{} in {} {}{}: ", s.responses, s.responses == 1 ? "" : "s", s.files,
           s.noun, s.files == 1 ? "" : "s");
    styled(fmt::fg(fmt::terminal_color::green), fmt::format("{} accepted", s.accepted));
    append(", ");
    styled(fmt::fg(fmt::terminal_color::yellow), fmt::format("{} warned", s.warned));
    append(", ");
    styled(fmt::fg(fmt::terminal_color::red), fmt::format("{} rejected", s.rejected));
    append(" ({} error{}, {} warning{}, {} info)", s.findings[2], s.findings[2] == 1 ? "" : "s",
           s.findings[1], s.findings[1] == 1 ? "" : "s", s.findings[0]);
    if (s.unreadable != 0) append("; {} unreadable", s.unreadable);
    if (s.disagreements != 0) {
      append("; {} disagreement{} with llhttp", s.disagreements, s.disagreements == 1 ? "" : "s");
    }
    append("\n");
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    std::fflush(out_);
  }

 private:
  template <typename... Args>
  void append(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
  }

  void styled(fmt::text_style style, std::string_view text) {
    if (options_.color) {
      fmt::format_to(std::back_inserter(buffer_), style, "{}", text);
    } else {
      buffer_.append(text.data(), text.data() + text.size());
    }
  }

  void headline(const ResponseEvent& e, std::string_view bytes) {
    const StreamMessage& m = e.message;
    const Response& r = m.response;
    std::string line;
    if (r.status_line.length != 0) {
      // Cut between bytes, never inside the escape of one ("\xe9").
      const std::string_view raw = r.text(r.status_line);
      std::size_t width = 0;
      for (const char c : raw)
        width += visible_width(static_cast<unsigned char>(c));
      std::size_t keep = raw.size();
      if (width > kHeadlineColumns) {
        keep = 0;
        for (std::size_t w = 0; keep < raw.size(); ++keep) {
          w += visible_width(static_cast<unsigned char>(raw[keep]));
          if (w > kHeadlineColumns - 3) break;
        }
      }
      line = visible(raw.substr(0, keep));
      if (keep < raw.size()) line += "...";
    } else {
      // Not parsed as far as a status line: show how the bytes start, without the line ending
      // unless it is all there is.
      const SourceExcerpt x = excerpt(bytes, 0, 0, ExcerptLimits{.max_columns = 60});
      line = x.text.empty() ? "(no bytes)" : x.text;
      if (line.ends_with("\\r\\n") && line.size() > 4) line.resize(line.size() - 4);
    }
    append("{}:{}: ", e.file, m.offset);
    // The method, when it is not the everyday GET or was set by a request actually sent.
    const bool show_method = m.method != RequestMethod::get || !e.request.empty();
    styled(fmt::emphasis::bold,
           show_method ? fmt::format("response {} to {}", m.index + 1, to_string(m.method))
                       : fmt::format("response {}", m.index + 1));
    append(": {}{} [", line, m.status == ParseStatus::complete ? "" : " (not parsed)");
    const Verdict v = m.verdict();
    styled(fmt::fg(v == Verdict::accept ? fmt::terminal_color::green
                   : v == Verdict::warn ? fmt::terminal_color::yellow
                                        : fmt::terminal_color::red),
           to_string(v));
    append("]\n");
  }

  void finding(const ResponseEvent& e, const Finding& f, std::string_view bytes) {
    const fmt::terminal_color color = f.severity == Severity::error ? fmt::terminal_color::red
                                      : f.severity == Severity::warning
                                          ? fmt::terminal_color::yellow
                                          : fmt::terminal_color::cyan;
    append("{}:{}: ", e.file, e.message.offset + f.offset);
    styled(fmt::fg(color) | fmt::emphasis::bold, to_string(f.severity));
    // The rule's id, requirement level and source, as JSON has them: a person reading the text
    // can cite the rule and look up the RFC section without another tool.
    const RuleInfo& info = rule_info(f.rule);
    append(": {} [{}, {}, {}]\n", finding_message(f), info.id, to_string(info.level), info.source);
    const SourceExcerpt x = excerpt(bytes, f.offset, f.length);
    append("    {}\n    ", x.text);
    styled(fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold, x.caret);
    append("\n");
  }

  std::FILE* out_;
  TextOptions options_;
  fmt::memory_buffer buffer_;  // fmt writes into it directly, without an iterator adapter
  std::vector<const Finding*> order_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::FILE* out, const TextOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace h1resp::report
