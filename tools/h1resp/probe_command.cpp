// h1resp probe URL: GET, HEAD and a conditional GET against a live HTTP/1.1 server.
#include <fmt/core.h>

#include <chrono>
#include <string>
#include <variant>

#include "commands.hpp"
#include "probe/probe.hpp"
#include "probe/url.hpp"

namespace h1resp::cli {
namespace {

struct ProbeArguments {
  JudgeArguments judge;
  std::string url;
  double connect_timeout = 5;
  double timeout = 10;
  double settle = 0.15;
  double max_time = 60;
  std::size_t max_bytes = std::size_t{64} << 20;
};

// Seconds the options take: at least a millisecond (what the waits count in), at most a day
// (the deadlines are added to the clock's now).
constexpr double kShortestWait = 0.001;
constexpr double kLongestWait = 86400;

std::chrono::milliseconds milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
}

int run(const ProbeArguments& a) {
  auto parsed = probe::parse_url(a.url);
  if (const std::string* why = std::get_if<std::string>(&parsed)) {
    fmt::print(stderr, "h1resp probe: {}: {}\n", a.url, *why);
    return kExitUsage;
  }
  const std::optional<Policy> policy = make_policy(a.judge);
  if (!policy) return kExitUsage;

  probe::ProbeOptions options;
  options.url = std::get<probe::Url>(std::move(parsed));
  options.policy = *policy;
  options.connect_timeout = milliseconds(a.connect_timeout);
  options.timeout = milliseconds(a.timeout);
  options.settle = milliseconds(a.settle);
  options.max_time = milliseconds(a.max_time);
  options.max_bytes = a.max_bytes;
  options.user_agent = fmt::format("h1resp/{} (probe)", kVersion);

  const std::unique_ptr<report::Reporter> reporter = make_reporter(a.judge);
  report::Summary summary;
  probe::run_probe(options, *reporter, summary);
  reporter->finish(summary);
  return exit_status(summary, a.judge);
}

}  // namespace

Runner add_probe_command(CLI::App& app) {
  auto args = std::make_shared<ProbeArguments>();
  CLI::App* probe = app.add_subcommand(
      "probe",
      "GET, HEAD and a conditional GET (to elicit a 304) against a live HTTP/1.1 server over "
      "plain TCP; checks every response and HEAD/GET consistency");
  probe->add_option("url", args->url, "http://host[:port][/path] (https is not supported)")
      ->required();
  probe
      ->add_option("--connect-timeout", args->connect_timeout,
                   "seconds to resolve and connect (default 5)")
      ->check(CLI::Range(kShortestWait, kLongestWait));
  probe
      ->add_option("--timeout", args->timeout,
                   "seconds to wait for the next bytes of a response (default 10)")
      ->check(CLI::Range(kShortestWait, kLongestWait));
  probe
      ->add_option("--settle", args->settle,
                   "seconds to wait after each response for bytes that should not come, such as "
                   "a body after HEAD or 304 (default 0.15)")
      ->check(CLI::Range(0.0, kLongestWait));
  probe
      ->add_option("--max-time", args->max_time,
                   "seconds one request may take in all, its responses and stray bytes read "
                   "(default 60)")
      ->check(CLI::Range(kShortestWait, kLongestWait));
  probe
      ->add_option("--max-bytes", args->max_bytes,
                   "bytes read for one request at most; a server that sends more is cut off "
                   "there (default 67108864, 64 MiB)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  add_judge_options(*probe, args->judge);
  return [args] { return run(*args); };
}

}  // namespace h1resp::cli
