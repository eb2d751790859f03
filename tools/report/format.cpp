#include "report/format.hpp"

#include <algorithm>

#include "h1resp/finding.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {
namespace {

std::string visible_byte(unsigned char c) {
  switch (c) {
    case '\r':
      return "\\r";
    case '\n':
      return "\\n";
    case '\t':
      return "\\t";
    case '\\':
      return "\\\\";
    default:
      break;
  }
  if (c >= 0x20 && c < 0x7F) return std::string(1, static_cast<char>(c));
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string{'\\', 'x', kHex[c >> 4], kHex[c & 0xF]};
}

}  // namespace

std::string visible(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes)
    out += visible_byte(static_cast<unsigned char>(c));
  return out;
}

SourceExcerpt excerpt(std::string_view input, std::uint64_t offset, std::uint64_t length) {
  SourceExcerpt e;
  offset = std::min<std::uint64_t>(offset, input.size());
  // The line: from after the previous LF to its line ending (the line ending itself is shown
  // when the finding points at it).
  std::size_t start = offset;
  while (start > 0 && input[start - 1] != '\n' && offset - start < 60)
    --start;
  std::size_t end = offset;
  while (end < input.size() && input[end] != '\n' && end - offset < 60)
    ++end;
  if (end < input.size() && end == offset) ++end;  // show the LF the finding points at
  end = std::max<std::size_t>(end, std::min<std::uint64_t>(offset + length, input.size()));
  end = std::min<std::size_t>(end, offset + std::max<std::uint64_t>(length, 1) + 60);
  e.line_offset = start;
  std::size_t column = 0;
  std::size_t marked = 0;
  for (std::size_t i = start; i < end && i < input.size(); ++i) {
    const std::string shown = visible_byte(static_cast<unsigned char>(input[i]));
    if (i == offset) {
      e.caret.append(column, ' ');
      e.caret += '^';
      e.caret.append(shown.size() - 1, '~');
      marked = 1;
    } else if (marked != 0 && i < offset + length) {
      e.caret.append(shown.size(), '~');
    }
    e.text += shown;
    column += shown.size();
  }
  if (marked == 0) e.caret = std::string(column, ' ') + "^";  // a position (e.g. end of input)
  return e;
}

std::string finding_message(const Finding& finding) {
  const RuleInfo& info = rule_info(finding.rule);
  std::string message(info.summary);
  if (!finding.detail.empty() && finding.detail != info.summary) {
    message += ": ";
    message += finding.detail;
  }
  return message;
}

}  // namespace h1resp::report
