// Showing bytes and findings to people: a line of the input with its control bytes made
// visible, a caret line under the bytes a finding concerns, and the finding's message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "h1resp/finding.hpp"

namespace h1resp::report {

// Each byte as people can read it, and safe to print on a terminal: printable ASCII as is, CR as
// \r, LF as \n, HTAB as \t, the backslash as \\, every other byte (controls, DEL, obs-text) as
// \xHH.
std::string visible(std::string_view bytes);

// How many columns visible() gives `byte`: 1, 2 or 4.
[[nodiscard]] std::size_t visible_width(unsigned char byte) noexcept;

struct SourceExcerpt {
  std::uint64_t line_offset = 0;  // where the line holding the finding starts in the input
  std::string text;               // the line (or a window of it), visible(), with its ending
  std::string caret;              // "   ^~~~" under the bytes concerned, aligned with `text`
};

struct ExcerptLimits {
  // The widest text shown; a longer line is cut to a window around the bytes, and the cut ends
  // are marked "...".
  std::size_t max_columns = 100;
  // How far to look either way for the line's ends: a body without line endings must not make
  // every finding scan megabytes.
  std::size_t max_scan = 4096;
};

// The line of `input` that holds `offset`, with a caret under [offset, offset + length). A
// length of 0 is a position (a missing field, the end of the input): one caret, no tildes. An
// offset at or past the end of the input is a position after the last byte. A range that
// crosses a line ending is underlined to the end of the first line.
SourceExcerpt excerpt(std::string_view input, std::uint64_t offset, std::uint64_t length,
                      const ExcerptLimits& limits = {});

// The message of a finding for people: the rule's summary, refined by the finding's detail when
// the detail says something the summary does not (it often only rephrases it).
std::string finding_message(const Finding& finding);

// The same for a rule's summary and any detail text (the probe's own findings use it).
std::string finding_message(std::string_view summary, std::string_view detail);

}  // namespace h1resp::report
