// Reading the corpora from tests: a file's bytes, and a directory's files in name order (so that
// failures name the same input on every machine).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace h1resp::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The regular files directly in `dir`, sorted by path.
inline std::vector<std::filesystem::path> sorted_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// An input of the validate fuzz target is a harness header, then the response stream
// (fuzz/validate.cpp: six bytes of policy, two of request methods, one of request context and
// one of split mode). The stream, for tests that read the corpus with policies of their own;
// the fuzz_corpus_replay test runs the inputs through the harness itself.
inline constexpr std::size_t kValidateHarnessBytes = 10;
inline std::string validate_fuzz_stream(const std::string& input) {
  return input.size() > kValidateHarnessBytes ? input.substr(kValidateHarnessBytes) : "";
}

}  // namespace h1resp::testing
