// The tool's subcommands; each one registers its options on the app and returns how to run it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace h1resp::cli {

// Exit statuses: 0 all is well, 1 a response reached --fail-on, 2 usage or I/O error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

using Runner = std::function<int()>;

Runner add_check_command(CLI::App& app);
Runner add_codes_command(CLI::App& app);

// Prints what a rule checks, why, its source and examples. Returns an exit status.
int explain_rule(std::string_view id);

}  // namespace h1resp::cli
