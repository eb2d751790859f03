// What the tool reports: one event per response, then a summary. Reporters turn them into text
// for people, JSON Lines for machines, or SARIF for code-scanning UIs.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/stream.hpp"
#include "llhttp/compare.hpp"
#include "report/format.hpp"

namespace h1resp::report {

// Where llhttp reads the same bytes differently (h1resp check --compare llhttp).
using interop::Disagreement;

struct ResponseEvent {
  std::string_view file;   // as named on the command line ("-": standard input), or the URL
  std::string_view bytes;  // the whole input, so reporters can show the offending line
  const StreamMessage& message;
  const std::vector<Disagreement>* disagreements = nullptr;  // with --compare, else nullptr
  std::string_view request = {};  // h1resp probe: the request sent, as bytes; else empty
};

struct Summary {
  std::string_view noun = "file";  // what `files` counts: "file", or "connection" (probe)
  std::size_t files = 0;
  std::size_t unreadable = 0;  // files that could not be read
  std::size_t responses = 0;
  std::size_t accepted = 0;
  std::size_t warned = 0;
  std::size_t rejected = 0;
  std::size_t disagreements = 0;
  std::size_t findings[3] = {0, 0, 0};  // by Severity
  // Responses with at least one finding of this Severity or a worse one (for --fail-on).
  std::size_t responses_at_least[3] = {0, 0, 0};

  void count(const StreamMessage& m) noexcept;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void response(const ResponseEvent& event) = 0;
  // An input that could not be read (or a server that could not be reached): an I/O error.
  virtual void unreadable(std::string_view file, std::string_view why) = 0;
  // A remark for people between responses (e.g. why the probe skipped a request). Machine
  // formats may ignore it.
  virtual void message(std::string_view text) { (void)text; }
  virtual void finish(const Summary& summary) = 0;
};

struct TextOptions {
  bool color = false;       // ANSI colours (a terminal)
  bool show_fields = true;  // print each response's field lines
  bool show_info = true;    // print info findings
};

std::unique_ptr<Reporter> make_text_reporter(std::FILE* out, const TextOptions& options);
std::unique_ptr<Reporter> make_json_reporter(std::FILE* out);
std::unique_ptr<Reporter> make_sarif_reporter(std::FILE* out, std::string_view tool_version);

}  // namespace h1resp::report
