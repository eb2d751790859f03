// The tool's subcommands; each one registers its options on the app and returns how to run it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/policy.hpp"
#include "report/reporter.hpp"

namespace h1resp::cli {

// Exit statuses: 0 all is well, 1 a response reached --fail-on, 2 usage or I/O error (a file
// that cannot be read, a server that cannot be reached).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

inline constexpr std::string_view kVersion = H1RESP_VERSION;

using Runner = std::function<int()>;

Runner add_check_command(CLI::App& app);
Runner add_codes_command(CLI::App& app);
Runner add_probe_command(CLI::App& app);

// Prints what a rule checks, why, its source and examples. Returns an exit status.
int explain_rule(std::string_view id);

// The options check and probe share: how to judge, how to report, when to fail.
struct JudgeArguments {
  std::string policy = "strict";
  std::vector<std::string> allow;
  std::string dialect = "modern";
  std::string validation = "every-rule";
  std::string format = "text";
  std::string fail_on = "error";
  std::string color = "auto";
  bool quiet = false;
};

void add_judge_options(CLI::App& command, JudgeArguments& args);

// The policy the options name; nullopt (after a message on stderr) for an unknown leniency.
std::optional<Policy> make_policy(const JudgeArguments& args);

// The reporter for --format, writing to stdout.
std::unique_ptr<report::Reporter> make_reporter(const JudgeArguments& args);

// 2 when an input could not be read, 1 when a response has a finding at least as severe as
// --fail-on, else 0.
int exit_status(const report::Summary& summary, const JudgeArguments& args);

}  // namespace h1resp::cli
