// Reading a parsed response: field lookup by name and the normalized value of a field that
// needed a leniency.
#include "h1resp/response.hpp"

#include "h1resp/finding.hpp"
#include "scanner/char_classes.hpp"

namespace h1resp {

std::string normalized_value(std::string_view raw) {
  // RFC 9112 §5.2: replace each obs-fold (OWS CRLF RWS) by SP; §2.2: a bare CR by SP.
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    const bool crlf = c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n';
    if (c == '\r' && !crlf) {  // a bare CR
      out.push_back(' ');
      continue;
    }
    if (c == '\r' || c == '\n') {  // an obs-fold: OWS, the line ending, RWS
      while (!out.empty() && detail::is_ows(static_cast<unsigned char>(out.back())))
        out.pop_back();
      if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      while (i + 1 < raw.size() && detail::is_ows(static_cast<unsigned char>(raw[i + 1])))
        ++i;
      out.push_back(' ');
      continue;
    }
    out.push_back(c);
  }
  const auto first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = out.find_last_not_of(" \t");
  return out.substr(first, last - first + 1);
}

std::size_t Response::find(std::string_view name, std::size_t from) const noexcept {
  for (std::size_t i = from; i < field_lines.size(); ++i) {
    if (field_name_equals(text(field_lines[i].name), name)) return i;
  }
  return field_lines.size();
}

void FindingList::drop(const Finding& finding) noexcept {
  ++dropped_;
  if (finding.severity == Severity::error && !error_aside_) keep_aside(finding);
}

void FindingList::keep_aside(const Finding& error) noexcept {
  slots_.aside = error;
  error_aside_ = true;
}

std::string_view to_string(Verdict verdict) noexcept {
  switch (verdict) {
    case Verdict::accept:
      return "accept";
    case Verdict::warn:
      return "warn";
    case Verdict::reject:
      return "reject";
  }
  return "?";
}

}  // namespace h1resp
