#include "report/format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "h1resp/rules.hpp"

namespace h1resp::report {
namespace {

constexpr std::string_view kEllipsis = "...";

void append_visible(std::string& out, unsigned char c) {
  switch (c) {
    case '\r':
      out += "\\r";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\\':
      out += "\\\\";
      return;
    default:
      break;
  }
  if (c >= 0x20 && c < 0x7F) {
    out += static_cast<char>(c);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '\\';
  out += 'x';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

// The bytes [begin, end) of the input that the excerpt shows, and whether the line goes on
// beyond them.
struct LineBounds {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool cut_before = false;  // the line starts before `begin` (not scanned that far)
  bool cut_after = false;   // the line ends after `end`
};

LineBounds line_bounds(std::string_view input, std::size_t offset, std::size_t length,
                       std::size_t max_scan) {
  LineBounds b;
  // A position right after a final LF is shown at the end of the line that LF ends, not on an
  // empty line of its own: "the input stops here".
  std::size_t anchor = offset;
  if (length == 0 && offset == input.size() && offset > 0 && input[offset - 1] == '\n') {
    anchor = offset - 1;
  }
  b.begin = anchor;
  while (b.begin > 0 && input[b.begin - 1] != '\n' && anchor - b.begin < max_scan)
    --b.begin;
  b.cut_before = b.begin > 0 && input[b.begin - 1] != '\n';
  // The line ends after its LF (shown, so the reader sees CRLF, a bare LF, or a bare CR).
  const std::size_t scan_end = std::min(input.size(), anchor + max_scan);
  const std::size_t lf = input.substr(0, scan_end).find('\n', anchor);
  if (lf != std::string_view::npos) {
    b.end = lf + 1;
  } else {
    b.end = scan_end;
    b.cut_after = scan_end < input.size();
  }
  return b;
}

// Words that carry meaning, for comparing a detail with a summary: lower case, common suffixes
// dropped, glue words, negations and numbers left out (a detail that only says "no ..." or
// "not ..." where the summary says "has no ..." says nothing new).
std::vector<std::string> content_words(std::string_view text) {
  static constexpr std::array<std::string_view, 36> kGlue = {
      "a",    "an",    "the",  "and",  "or",   "of",      "in",   "on",      "to",
      "is",   "are",   "be",   "by",   "for",  "it",      "its",  "as",      "at",
      "with", "this",  "that", "than", "no",   "not",     "from", "which",   "was",
      "one",  "other", "any",  "has",  "have", "without", "nor",  "neither", "rfc"};
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    for (const std::string_view suffix : {"ing", "ed", "es", "s"}) {
      if (word.size() >= suffix.size() + 3 && word.ends_with(suffix)) {
        word.resize(word.size() - suffix.size());
        break;
      }
    }
    if (std::find(kGlue.begin(), kGlue.end(), word) == kGlue.end()) words.push_back(word);
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) != 0) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// A detail that ends in a citation repeats what the rule's source already gives.
std::string_view without_citation(std::string_view detail) {
  const std::size_t open = detail.rfind(" (RFC ");
  if (open != std::string_view::npos && detail.ends_with(")")) return detail.substr(0, open);
  return detail;
}

}  // namespace

std::size_t visible_width(unsigned char c) noexcept {
  if (c == '\r' || c == '\n' || c == '\t' || c == '\\') return 2;
  if (c >= 0x20 && c < 0x7F) return 1;
  return 4;
}

std::string visible(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes)
    append_visible(out, static_cast<unsigned char>(c));
  return out;
}

SourceExcerpt excerpt(std::string_view input, std::uint64_t offset, std::uint64_t length,
                      const ExcerptLimits& limits) {
  // Past the end: a position after the last byte.
  if (offset >= input.size()) {
    offset = input.size();
    length = 0;
  }
  length = std::min<std::uint64_t>(length, input.size() - offset);
  const auto at = static_cast<std::size_t>(offset);
  const LineBounds line = line_bounds(input, at, static_cast<std::size_t>(length),
                                      std::max<std::size_t>(limits.max_scan, 1));
  // The marked bytes, cut at the end of the line.
  const std::size_t mark_end =
      std::min<std::size_t>(at + static_cast<std::size_t>(length), line.end);

  // Columns of the line as visible() shows it: column[i] is where byte begin + i starts, and
  // column[n] the width of the whole line.
  const std::size_t n = line.end - line.begin;
  std::vector<std::size_t> column(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    column[i + 1] = column[i] + visible_width(static_cast<unsigned char>(input[line.begin + i]));
  }
  const std::size_t caret_col = column[at - line.begin];
  const std::size_t mark_end_col = column[mark_end - line.begin];

  // The window of columns shown: the whole line when it fits, else a third of the width before
  // the caret and the rest after it. One column stays free for a caret after the last byte.
  const std::size_t width = std::max<std::size_t>(limits.max_columns, 16);
  std::size_t first = 0;  // first byte shown, from line.begin
  std::size_t last = n;   // one past the last byte shown
  if (column[n] + 1 > width) {
    std::size_t start_col = caret_col > width / 3 ? caret_col - width / 3 : 0;
    // Near the end of the line: a full window that ends with it.
    if (start_col + width > column[n] + 1) start_col = column[n] + 1 - width;
    // Whole bytes only: the first byte that starts at or after start_col (never after the
    // caret), then as many as fit.
    first = static_cast<std::size_t>(std::lower_bound(column.begin(), column.end(), start_col) -
                                     column.begin());
    first = std::min(first, at - line.begin);
    const std::size_t end_col = column[first] + width - 1;
    last = static_cast<std::size_t>(std::upper_bound(column.begin(), column.end(), end_col) -
                                    column.begin() - 1);
    last = std::max(last, first);
  }

  SourceExcerpt e;
  e.line_offset = line.begin;
  const bool dots_before = first > 0 || line.cut_before;
  const bool dots_after = last < n || line.cut_after;
  if (dots_before) e.text += kEllipsis;
  for (std::size_t i = first; i < last; ++i)
    append_visible(e.text, static_cast<unsigned char>(input[line.begin + i]));
  if (dots_after) e.text += kEllipsis;

  const std::size_t shown_from = column[first];
  const std::size_t shown_to = column[last];
  const std::size_t lead = dots_before ? kEllipsis.size() : 0;
  e.caret.assign(lead + caret_col - shown_from, ' ');
  e.caret += '^';
  const std::size_t tilde_end = std::min(mark_end_col, shown_to);
  if (tilde_end > caret_col + 1) e.caret.append(tilde_end - caret_col - 1, '~');
  return e;
}

std::string finding_message(std::string_view summary, std::string_view detail) {
  std::string message(summary);
  detail = without_citation(detail);
  if (detail.empty() || detail == summary) return message;
  // A detail of a word or two names the instance (a field, a reason phrase): keep it.
  if (word_count(detail) <= 2) {
    message += ": ";
    message += detail;
    return message;
  }
  const std::vector<std::string> known = content_words(summary);
  bool adds = false;
  for (const std::string& w : content_words(detail)) {
    if (std::find(known.begin(), known.end(), w) == known.end()) {
      adds = true;
      break;
    }
  }
  if (!adds) return message;
  // A detail written as sentences reads as one; a phrase continues the summary.
  const bool sentence =
      std::isupper(static_cast<unsigned char>(detail.front())) != 0 && detail.back() == '.';
  message += sentence ? ". " : "; ";
  message += detail;
  return message;
}

std::string finding_message(const Finding& finding) {
  // A capture repeats the same few (rule, detail) pairs millions of times: remember the
  // messages. Keyed by the detail's text, not its address (the probe's details are not static).
  static std::unordered_map<std::string, std::string> cache;
  std::string key;
  key.reserve(finding.detail.size() + 2);
  key += static_cast<char>(static_cast<unsigned>(finding.rule) & 0xFF);
  key += static_cast<char>(static_cast<unsigned>(finding.rule) >> 8);
  key += finding.detail;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  std::string message = finding_message(rule_info(finding.rule).summary, finding.detail);
  if (cache.size() >= 4096) cache.clear();  // bounded, whatever the input
  cache.emplace(std::move(key), message);
  return message;
}

}  // namespace h1resp::report
