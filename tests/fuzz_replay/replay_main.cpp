// Replays files through the fuzz harnesses without libFuzzer: the committed corpus
// (corpus/fuzz/<target>/) and the minimized crashes (corpus/regressions/) become a unit test.
//
//   fuzz_replay [--target NAME]... PATH...   files, or directories read recursively
//   fuzz_replay --framing-sweep                the spellings of framing fields (framing_sweep.hpp)
//                                              through the differential and validate harnesses
//
// Every file goes through every harness (or the ones named): the inputs of one target are
// valid inputs of the others, and each harness checks other invariants of the same bytes.
#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "framing_sweep.hpp"

// Under AddressSanitizer a report ends the process without a signal: name the input then too.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define H1RESP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(H1RESP_ASAN)
#include <sanitizer/common_interface_defs.h>
#define H1RESP_HAVE_SANITIZER_INTERFACE 1
#endif

extern "C" {
int h1resp_fuzz_parse(const std::uint8_t* data, std::size_t size);
int h1resp_fuzz_validate(const std::uint8_t* data, std::size_t size);
int h1resp_fuzz_differential(const std::uint8_t* data, std::size_t size);
int h1resp_fuzz_kernels(const std::uint8_t* data, std::size_t size);
int h1resp_fuzz_chunked(const std::uint8_t* data, std::size_t size);
}

namespace {

using Harness = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  const char* name;
  Harness run;
};

constexpr Target kTargets[] = {
    {"parse", h1resp_fuzz_parse},
    {"validate", h1resp_fuzz_validate},
    {"differential", h1resp_fuzz_differential},
    {"kernels", h1resp_fuzz_kernels},
    {"chunked", h1resp_fuzz_chunked},
};

// What runs now, for the report when a harness traps or a sanitizer stops the process. Fixed
// storage: the signal handler may only write(2) it.
char g_current[4096] = "";

void report_current() {
  const char prefix[] = "fuzz_replay: failed on ";
  std::fwrite(prefix, 1, sizeof prefix - 1, stderr);
  std::fwrite(g_current, 1, std::strlen(g_current), stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

extern "C" void on_fatal_signal(int sig) {
  report_current();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void collect(const std::filesystem::path& path, std::vector<std::filesystem::path>& files) {
  namespace fs = std::filesystem;
  if (fs::is_directory(path)) {
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(path)) {
      // README.md and other notes in the corpus directories are not inputs.
      if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
    }
  } else if (fs::is_regular_file(path)) {
    files.push_back(path);
  }
}

void install_reporting() {
  for (const int sig : {SIGILL, SIGABRT, SIGSEGV, SIGFPE, SIGTRAP, SIGBUS})
    std::signal(sig, on_fatal_signal);
#ifdef H1RESP_HAVE_SANITIZER_INTERFACE
  __sanitizer_set_death_callback(report_current);
#endif
}

int run_framing_sweep() {
  install_reporting();
  const std::vector<h1resp::fuzz_replay::SweepCase> cases =
      h1resp::fuzz_replay::framing_sweep_cases();
  std::size_t runs = 0;
  using h1resp::fuzz_replay::SweepPolicy;
  for (const h1resp::fuzz_replay::SweepCase& c : cases) {
    for (const SweepPolicy policy : {SweepPolicy::strict, SweepPolicy::lenient}) {
      for (const Target& t : kTargets) {
        std::vector<std::uint8_t> input = h1resp::fuzz_replay::harness_input(t.name, c, policy);
        if (input.empty()) continue;
        std::snprintf(g_current, sizeof g_current, "%s, framing sweep (%s): %s", t.name,
                      policy == SweepPolicy::strict ? "strict" : "lenient", c.name.c_str());
        t.run(input.data(), input.size());
        ++runs;
      }
    }
  }
  std::printf("fuzz_replay: framing sweep, %zu streams, %zu harness runs passed\n", cases.size(),
              runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> wanted;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--framing-sweep") return run_framing_sweep();
    if (arg == "--target" && i + 1 < argc) {
      wanted.emplace_back(argv[++i]);
    } else {
      collect(arg, files);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Target> targets;
  for (const Target& t : kTargets) {
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), t.name) != wanted.end()) {
      targets.push_back(t);
    }
  }
  if (targets.empty() || files.empty()) {
    std::fprintf(stderr, "fuzz_replay: no %s\n", targets.empty() ? "such target" : "input files");
    return 2;
  }
  install_reporting();
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    for (const Target& t : targets) {
      std::snprintf(g_current, sizeof g_current, "%s %s", t.name, file.c_str());
      // An exact copy, so that a sanitizer sees reads past the end (as libFuzzer's copy does).
      std::vector<std::uint8_t> copy(bytes.begin(), bytes.end());
      t.run(copy.data(), copy.size());
    }
  }
  std::printf("fuzz_replay: %zu files through %zu harnesses: %zu passed, 0 failed\n", files.size(),
              targets.size(), files.size() * targets.size());
  return 0;
}
