// h1resp check [options] [FILE|DIR|-]...
#include <fmt/core.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "commands.hpp"
#include "h1resp/framing.hpp"
#include "report/check.hpp"
#include "report/exchange.hpp"
#include "report/input.hpp"
#include "report/progress.hpp"

namespace h1resp::cli {
namespace {

struct CheckArguments {
  JudgeArguments judge;
  std::vector<std::string> inputs;
  std::vector<std::string> methods;
  bool exact_requests = false;
  std::string explain;
  std::string compare;
  report::ExchangeOptions exchange;
};

int run(const CheckArguments& a) {
  if (!a.explain.empty()) return explain_rule(a.explain);

  report::CheckSettings settings;
  const std::optional<Policy> policy = make_policy(a.judge);
  if (!policy) return kExitUsage;
  settings.policy = *policy;
  for (const std::string& m : a.methods)
    settings.methods.push_back(method_from_name(m));
  report::ExchangeContext exchange;
  if (const auto error = exchange.load(a.exchange, settings.policy)) {
    fmt::print(stderr, "h1resp: {}\n", *error);
    return kExitUsage;
  }
  if (exchange.request().known) {
    // The request's method is the one its response answers; --method may only repeat it.
    const RequestMethod method = exchange.request().method;
    if (settings.methods.empty()) settings.methods.push_back(method);
    if (settings.methods.size() != 1 || settings.methods[0] != method) {
      fmt::print(stderr, "h1resp: --method disagrees with the request's method ({})\n",
                 to_string(method));
      return kExitUsage;
    }
  }
  // Exact without --method: the one request the default (GET) or --request stands for.
  if (a.exact_requests && settings.methods.empty()) settings.methods.push_back(RequestMethod::get);
  settings.exact_requests = a.exact_requests;
  settings.request = &exchange.request();
  settings.request_bytes = exchange.request_bytes();
  settings.compare_llhttp = a.compare == "llhttp" || a.compare == "llhttp-strict";
  settings.llhttp_strict = a.compare == "llhttp-strict";

  const std::unique_ptr<report::Reporter> reporter = make_reporter(a.judge);
  report::Progress progress(::isatty(STDERR_FILENO) != 0);
  settings.progress = &progress;
  settings.progress_shares_terminal = ::isatty(STDOUT_FILENO) != 0;

  const std::vector<std::string> files =
      report::expand_inputs(a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs);
  report::Summary summary;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    const report::InputBytes input = report::InputBytes::open(file);
    // An empty input holds no response to judge (a capture of a server that never answered,
    // a wrong file): like the probe's connection that got no byte, it is not a pass.
    const std::string_view error =
        !input.error().empty() ? std::string_view(input.error())
        : input.bytes().empty()
            ? std::string_view("no bytes (an empty input has no response to check)")
            : std::string_view();
    if (!error.empty()) {
      progress.clear();
      ++summary.unreadable;
      reporter->unreadable(file, error);
      // Machine formats keep the error in their output; a person watching needs it too.
      if (a.judge.format != "text") fmt::print(stderr, "h1resp: {}: {}\n", file, error);
      continue;
    }
    progress.begin_input(file == "-" ? "standard input" : file, input.bytes().size(), i + 1,
                         files.size());
    report::check_stream(file, input.bytes(), settings, *reporter, summary);
  }
  progress.clear();
  reporter->finish(summary);
  return exit_status(summary, a.judge);
}

}  // namespace

Runner add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArguments>();
  CLI::App* check = app.add_subcommand(
      "check",
      "check the responses in files, directories or stdin ('-'), each one connection's bytes");
  check->add_option("inputs", args->inputs,
                    "files, directories (recursive) or - for standard input (the default)");
  // One value per occurrence (or a comma-separated list), so that a file name after
  // `--method HEAD` is not taken for a second method.
  check
      ->add_option("--method", args->methods,
                   "the request method each response answers (repeat, or GET,HEAD,...): in "
                   "order, the last one repeats; interim 1xx responses use none. Default GET")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::IsMember(
          {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}));
  check->add_flag("--exact-requests", args->exact_requests,
                  "the requests --method names (one GET without it, or --request's) are all "
                  "that were sent on the connection: bytes after the last one's response are "
                  "extra data (framing.extra-data), not another response");
  add_judge_options(*check, args->judge);
  check->add_option("--explain", args->explain,
                    "explain a rule (id such as status.code-3digit, or catalog entry such as "
                    "A05) and exit");
  check->add_option("--request", args->exchange.request_file,
                    "the request the responses answer, as raw bytes: its method, version, "
                    "Expect, Range, conditionals, Upgrade and Accept judge the rules that need "
                    "them (docs/rules.md)");
  check->add_option("--reference", args->exchange.reference_file,
                    "the 200 response the same request gets, or a cache's stored response, as "
                    "raw bytes (HEAD's Content-Length, a 304's fields and validators, a 206's "
                    "fields)");
  CLI::Option* proxy_output =
      check->add_flag("--proxy-output", args->exchange.proxy_output,
                      "the responses are a proxy's own output, not an upstream's");
  check
      ->add_option("--upstream-interim", args->exchange.upstream_interim,
                   "with --proxy-output: the 1xx responses the proxy received upstream for each "
                   "request, which it must forward")
      ->check(CLI::Range(0, 255))
      ->needs(proxy_output);
  check
      ->add_option("--compare", args->compare,
                   "also read the bytes with llhttp (as Node.js builds it, or its strict build) "
                   "and report where it disagrees")
      ->check(CLI::IsMember({"llhttp", "llhttp-strict"}));
  return [args] { return run(*args); };
}

}  // namespace h1resp::cli
