// h1resp check [options] [FILE|DIR|-]...
#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "commands.hpp"
#include "h1resp/framing.hpp"
#include "report/check.hpp"
#include "report/input.hpp"

namespace h1resp::cli {
namespace {

struct CheckArguments {
  std::vector<std::string> inputs;
  std::string policy = "strict";
  std::vector<std::string> allow;
  std::string dialect = "modern";
  std::string format = "text";
  std::vector<std::string> methods;
  std::string fail_on = "error";
  std::string color = "auto";
  std::string explain;
  std::string compare;
  bool quiet = false;
};

bool color_wanted(const std::string& setting) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  return ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

int run(const CheckArguments& a) {
  if (!a.explain.empty()) return explain_rule(a.explain);

  report::CheckSettings settings;
  settings.policy = a.policy == "lenient" ? Policy::lenient() : Policy::strict();
  for (const std::string& name : a.allow) {
    const auto leniency = find_leniency(name);
    if (!leniency) {
      fmt::print(stderr, "h1resp: unknown leniency \"{}\"\n", name);
      return kExitUsage;
    }
    settings.policy.allow(*leniency);
  }
  settings.policy.dialect = a.dialect == "w3c1992" ? Dialect::w3c1992 : Dialect::modern;
  for (const std::string& m : a.methods)
    settings.methods.push_back(method_from_name(m));
  settings.compare_llhttp = a.compare == "llhttp";

  std::unique_ptr<report::Reporter> reporter;
  if (a.format == "json") {
    reporter = report::make_json_reporter(stdout);
  } else if (a.format == "sarif") {
    reporter = report::make_sarif_reporter(stdout);
  } else {
    report::TextOptions text;
    text.color = color_wanted(a.color);
    text.show_fields = !a.quiet;
    reporter = report::make_text_reporter(stdout, text);
  }

  const std::vector<std::string> files =
      report::expand_inputs(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs);
  report::Summary summary;
  for (const std::string& file : files) {
    const report::InputBytes input = report::InputBytes::open(file);
    if (!input.error().empty()) {
      ++summary.unreadable;
      reporter->unreadable(file, input.error());
      continue;
    }
    report::check_stream(file, input.bytes(), settings, *reporter, summary);
  }
  reporter->finish(summary);

  if (summary.unreadable != 0) return kExitUsage;
  const Severity threshold = a.fail_on == "info"      ? Severity::info
                             : a.fail_on == "warning" ? Severity::warning
                                                      : Severity::error;
  return summary.responses_at_least[static_cast<int>(threshold)] != 0 ? kExitFindings : kExitOk;
}

}  // namespace

Runner add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArguments>();
  CLI::App* check = app.add_subcommand(
      "check", "check the responses in files, directories or standard input ('-')");
  check->add_option("inputs", args->inputs, "files, directories (recursive) or - for stdin");
  check
      ->add_option("--policy", args->policy,
                   "strict (default), or lenient: every leniency "
                   "RFC 9112 allows a recipient, each use a warning")
      ->check(CLI::IsMember({"strict", "lenient"}));
  check->add_option("--allow", args->allow, "turn on one leniency by name (e.g. obs-fold)");
  check->add_option("--dialect", args->dialect, "modern (RFC 9110-9112) or w3c1992")
      ->check(CLI::IsMember({"modern", "w3c1992"}));
  check->add_option("--format", args->format, "text, json (JSON Lines) or sarif")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  check
      ->add_option("--method", args->methods,
                   "the request method each response answers, in order; the last repeats")
      ->check(CLI::IsMember(
          {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}));
  check
      ->add_option("--fail-on", args->fail_on,
                   "exit 1 when a response has a finding this severe: error (default), "
                   "warning or info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  check->add_option("--color", args->color, "auto (a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_option("--explain", args->explain, "explain a rule (id or catalog entry) and exit");
  check
      ->add_option("--compare", args->compare,
                   "also read the bytes with llhttp and report where it disagrees")
      ->check(CLI::IsMember({"llhttp"}));
  check->add_flag("-q,--quiet", args->quiet, "do not print the field lines of each response");
  return [args] { return run(*args); };
}

}  // namespace h1resp::cli
