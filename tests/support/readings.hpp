// What the stream comparisons (name_case_test.cpp, standalone_test.cpp) read, and how: the
// sample corpus and the streams of the validate fuzz corpus, each under both dialects, the
// strict and the lenient policy, answering a GET and a HEAD request.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "h1resp/stream.hpp"
#include "support/corpus_files.hpp"

namespace h1resp::testing {

// corpus/examples/ and the streams of corpus/fuzz/validate/, in name order.
inline std::vector<std::string> corpus_streams() {
  const std::filesystem::path corpus = std::filesystem::path(H1RESP_SOURCE_DIR) / "corpus";
  std::vector<std::string> streams;
  for (const auto& file : sorted_files(corpus / "examples"))
    streams.push_back(read_file(file));
  for (const auto& file : sorted_files(corpus / "fuzz" / "validate"))
    streams.push_back(validate_fuzz_stream(read_file(file)));
  return streams;
}

// Calls f(options) for each of the eight readings (the methods live during the call).
template <typename F>
void for_each_reading(F&& f) {
  for (const Dialect dialect : {Dialect::modern, Dialect::w3c1992}) {
    for (Policy policy : {Policy::strict(), Policy::lenient()}) {
      policy.dialect = dialect;
      for (const RequestMethod method : {RequestMethod::get, RequestMethod::head}) {
        const RequestMethod methods[1] = {method};
        StreamOptions options;
        options.policy = policy;
        options.methods = methods;
        f(static_cast<const StreamOptions&>(options));
      }
    }
  }
}

}  // namespace h1resp::testing
