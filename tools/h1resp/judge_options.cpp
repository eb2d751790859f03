// The options `check` and `probe` share, and what they make.
#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "commands.hpp"

namespace h1resp::cli {
namespace {

bool color_wanted(const std::string& setting) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  // https://no-color.org: set and not empty means no colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

}  // namespace

void add_judge_options(CLI::App& command, JudgeArguments& args) {
  command
      .add_option("--policy", args.policy,
                  "strict (default), or lenient: every leniency RFC 9112 allows a recipient, "
                  "each use a warning")
      ->check(CLI::IsMember({"strict", "lenient"}));
  command
      .add_option("--allow", args.allow,
                  "turn on one leniency by name (e.g. obs-fold, bare-lf); repeat or use commas")
      ->delimiter(',')
      ->allow_extra_args(false);
  command.add_option("--dialect", args.dialect, "modern (RFC 9110-9112, default) or w3c1992")
      ->check(CLI::IsMember({"modern", "w3c1992"}));
  command
      .add_option("--validation", args.validation,
                  "every-rule (default), or errors-only: only the rules that can find an error "
                  "(the same errors and reject verdicts, never a warning from the validator)")
      ->check(CLI::IsMember({"every-rule", "errors-only"}));
  command.add_option("--format", args.format, "text (default), json (JSON Lines) or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  command
      .add_option("--fail-on", args.fail_on,
                  "exit 1 when a response has a finding this severe or worse: error (default), "
                  "warning or info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  command
      .add_option("--color", args.color,
                  "auto (default: when standard output is a terminal and NO_COLOR is not set), "
                  "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command.add_flag("-q,--quiet", args.quiet,
                   "text: do not print each response's field lines and body line");
}

std::optional<Policy> make_policy(const JudgeArguments& args) {
  Policy policy = args.policy == "lenient" ? Policy::lenient() : Policy::strict();
  for (const std::string& name : args.allow) {
    const auto leniency = find_leniency(name);
    if (!leniency) {
      std::string known;
      for (const LeniencyInfo& l : all_leniencies()) {
        if (!known.empty()) known += ", ";
        known += l.name;
      }
      fmt::print(stderr, "h1resp: unknown leniency \"{}\" (known: {})\n", name, known);
      return std::nullopt;
    }
    policy.allow(*leniency);
  }
  policy.dialect = args.dialect == "w3c1992" ? Dialect::w3c1992 : Dialect::modern;
  policy.validation =
      args.validation == "errors-only" ? Validation::errors_only : Validation::every_rule;
  return policy;
}

std::unique_ptr<report::Reporter> make_reporter(const JudgeArguments& args) {
  if (args.format == "json") return report::make_json_reporter(stdout);
  if (args.format == "sarif") return report::make_sarif_reporter(stdout, kVersion);
  report::TextOptions text;
  text.color = color_wanted(args.color);
  text.show_fields = !args.quiet;
  return report::make_text_reporter(stdout, text);
}

int exit_status(const report::Summary& summary, const JudgeArguments& args) {
  if (summary.unreadable != 0) return kExitUsage;
  const Severity threshold = args.fail_on == "info"      ? Severity::info
                             : args.fail_on == "warning" ? Severity::warning
                                                         : Severity::error;
  return summary.responses_at_least[static_cast<int>(threshold)] != 0 ? kExitFindings : kExitOk;
}

}  // namespace h1resp::cli
