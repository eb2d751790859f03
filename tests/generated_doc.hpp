// Documents generated from tables in code (docs/rules.md, docs/llhttp-divergences.md): a test
// renders the document again and compares it with the committed file, so the two cannot drift.
// With H1RESP_UPDATE_DOCS set, it writes the file first (and so passes): never in CI (CI set),
// where that fails the test instead.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace h1resp::testing {

// `relative_path` is from the source root; `filter` is the gtest filter that regenerates it.
inline void expect_generated_doc(std::string_view relative_path, const std::string& expected,
                                 std::string_view filter) {
  const std::string path = std::string(H1RESP_SOURCE_DIR) + "/" + std::string(relative_path);
  if (std::getenv("H1RESP_UPDATE_DOCS") != nullptr) {
    if (std::getenv("CI") != nullptr) {
      ADD_FAILURE() << "H1RESP_UPDATE_DOCS is set in CI: " << relative_path
                    << " would be rewritten and compared with itself";
      return;
    }
    std::ofstream(path, std::ios::binary) << expected;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream actual;
  actual << in.rdbuf();
  EXPECT_EQ(actual.str(), expected) << relative_path << " is out of date: H1RESP_UPDATE_DOCS=1 "
                                    << "build/tests/h1resp_tests --gtest_filter=" << filter;
}

}  // namespace h1resp::testing
