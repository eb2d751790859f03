// Small readers of field text shared by the request reader and the response serialiser:
// OWS trimming and comma-separated lists (RFC 9110 §5.6.1, §5.6.3).
#pragma once

#include <cstddef>
#include <string_view>

namespace h1proxy {

// OWS = *( SP / HTAB ) (RFC 9110 §5.6.3).
inline bool is_ows(char c) noexcept {
  return c == ' ' || c == '\t';
}

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ows(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back()))
    s.remove_suffix(1);
  return s;
}

// Calls `f` with each non-empty element of a comma-separated list (RFC 9110 §5.6.1), trimmed;
// stops early when `f` returns false. (No quoted strings: for tokens such as connection options
// and transfer codings.)
template <typename F>
void for_each_element(std::string_view list, F&& f) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view element = trim(list.substr(0, comma));
    if (!element.empty() && !f(element)) return;
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

}  // namespace h1proxy
