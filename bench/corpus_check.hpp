// The start-up check of the corpora (outside timing): a benchmark of responses that fail, or
// that the two parsers read differently, would compare different work.
#pragma once

#include <cstddef>

#include "corpus.hpp"

namespace h1resp::bench {

struct CorpusCheck {
  std::size_t warnings = 0;  // validator warnings over the whole corpus (allowed, reported)
  std::size_t infos = 0;
};

// Checks that every response of `corpus`:
//   - parses `complete` with the strict policy, with every supported kernel, ending where the
//     generator ended its header section, without tokenizer findings;
//   - gets no error finding from decide_framing() (for GET) and validate();
//   - is read by llhttp (no lenient flags) to the same end of header section, with the same
//     version, status code, reason phrase and field names and values.
// Prints what is wrong and exits with status 1 otherwise.
CorpusCheck check_corpus_or_exit(const Corpus& corpus);

}  // namespace h1resp::bench
