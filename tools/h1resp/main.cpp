// h1resp: check HTTP/1.x responses against RFC 9110/9111/9112 from the command line.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "commands.hpp"
#include "h1resp/kernel.hpp"

int main(int argc, char** argv) {
  CLI::App app{"h1resp: parse and validate HTTP/1.x responses (RFC 9110, 9111, 9112)"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "print the version and the scanner kernel, then exit");
  const h1resp::cli::Runner check = h1resp::cli::add_check_command(app);
  const h1resp::cli::Runner codes = h1resp::cli::add_codes_command(app);
  const h1resp::cli::Runner probe = h1resp::cli::add_probe_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : h1resp::cli::kExitUsage;
  }
  if (version) {
    std::string kernels;
    for (const h1resp::KernelId k : h1resp::supported_kernels()) {
      if (!kernels.empty()) kernels += ", ";
      kernels += h1resp::to_string(k);
    }
    fmt::print("h1resp {}\nkernel: {} (supported: {}; H1RESP_KERNEL overrides)\n", H1RESP_VERSION,
               h1resp::to_string(h1resp::active_kernel()), kernels);
    return 0;
  }
  if (app.got_subcommand("check")) return check();
  if (app.got_subcommand("codes")) return codes();
  if (app.got_subcommand("probe")) return probe();
  fmt::print("{}", app.help());
  return h1resp::cli::kExitUsage;
}
