// The benchmark corpora: responses generated from a fixed seed, so that every run (and every
// machine) measures the same bytes. Generation is not timed.
//
//   realistic  a mix shaped like real traffic: mostly 200s with 10-25 fields (documents and JSON
//              with long Set-Cookie and Content-Security-Policy values, other types rarely),
//              304s, redirects, 404/500, a few 1xx; 15 % with lowercase field names
//   tiny       minimal responses: a status line and at most one field (200, 204, 304, 404,
//              500, a chunked 200, an HTTP/1.0 200, a 100 Continue)
//   huge       about 100 fields with 8 KiB cookies, about 40 KB per header section
//
// Each response lives in one contiguous buffer (as if read from a socket), its header section
// followed by its body when it has one; parsers get the whole message and stop at the end of the
// header section. Only header-section bytes count as "bytes processed".
//
// Also compiled into tests/allocation/, so it depends on nothing but the standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace h1resp::bench {

struct Corpus {
  std::string name;
  std::string storage;  // every message, back to back
  // Each message (header section + body) and the length of its header section, as generated.
  struct Entry {
    std::size_t offset = 0;
    std::size_t size = 0;
    std::size_t header_size = 0;
  };
  std::vector<Entry> entries;
  std::size_t header_bytes = 0;  // sum of header_size: what one pass over the corpus parses

  [[nodiscard]] std::size_t size() const noexcept { return entries.size(); }
  [[nodiscard]] std::string_view message(std::size_t i) const noexcept {
    return std::string_view(storage).substr(entries[i].offset, entries[i].size);
  }
  [[nodiscard]] std::string_view header(std::size_t i) const noexcept {
    return message(i).substr(0, entries[i].header_size);
  }
  [[nodiscard]] double average_header_bytes() const noexcept {
    return entries.empty() ? 0.0 : static_cast<double>(header_bytes) / entries.size();
  }
};

[[nodiscard]] Corpus make_realistic_corpus();
[[nodiscard]] Corpus make_tiny_corpus();
[[nodiscard]] Corpus make_huge_corpus();
[[nodiscard]] std::vector<Corpus> make_all_corpora();

}  // namespace h1resp::bench
