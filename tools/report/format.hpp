// Showing bytes to people: a line of the input with its control bytes made visible, and a caret
// line under the bytes a finding concerns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace h1resp::report {

// Each byte as people can read it: printable ASCII as is, CR as \r, LF as \n, HTAB as \t, other
// bytes as \xHH.
std::string visible(std::string_view bytes);

struct SourceExcerpt {
  std::uint64_t line_offset = 0;  // where the shown line starts in the input
  std::string text;               // the line, visible(), at most ~100 columns around the bytes
  std::string caret;              // "   ^~~~" under the bytes concerned
};

// The line of `input` that holds `offset`, with a caret under [offset, offset + length).
SourceExcerpt excerpt(std::string_view input, std::uint64_t offset, std::uint64_t length);

}  // namespace h1resp::report
