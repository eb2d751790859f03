// Reading a request's header section for context only (the methods, versions and fields the
// validator's request-dependent rules need). Lenient on purpose: it does not judge requests.
#include <string_view>

#include "h1resp/validator.hpp"
#include "scanner/char_classes.hpp"
#include "validator/field_values.hpp"

namespace h1resp {
namespace {

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

RequestContext request_context(std::string_view request) noexcept {
  RequestContext context;
  std::size_t end = request.find('\n');
  const std::string_view line = trim(request.substr(0, end));
  // request-line = method SP request-target SP HTTP-version (RFC 9112 §3)
  const std::size_t first_sp = line.find(' ');
  const std::size_t last_sp = line.rfind(' ');
  if (first_sp == std::string_view::npos || last_sp == first_sp) return context;
  // Without an HTTP-version at its end the line is no request line (a status line, say): the
  // context stays unknown.
  const std::string_view version = line.substr(last_sp + 1);
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
      !detail::is_digit(static_cast<unsigned char>(version[5])) ||
      !detail::is_digit(static_cast<unsigned char>(version[7]))) {
    return context;
  }
  context.method = method_from_name(line.substr(0, first_sp));
  context.version_major = static_cast<std::uint8_t>(version[5] - '0');
  context.version_minor = static_cast<std::uint8_t>(version[7] - '0');
  context.known = true;
  while (end != std::string_view::npos) {
    const std::size_t start = end + 1;
    end = request.find('\n', start);
    const std::string_view field = trim(request.substr(start, end - start));
    if (field.empty()) break;
    const std::size_t colon = field.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = field.substr(0, colon);
    const std::string_view value = trim(field.substr(colon + 1));
    if (field_name_equals(name, "expect")) {
      context.expect_continue = field_name_equals(value, "100-continue");
    } else if (field_name_equals(name, "range")) {
      // ranges-specifier = range-unit "=" range-set; range-set = 1#range-spec (RFC 9110
      // §14.1.1): one range is one list element.
      context.has_range = true;
      const std::size_t equals = value.find('=');
      detail::values::ListReader ranges(
          equals == std::string_view::npos ? std::string_view() : value.substr(equals + 1));
      std::string_view range;
      std::size_t count = 0;
      while (count < 2 && ranges.next(range))
        ++count;
      context.single_range = count == 1;
    } else if (field_name_equals(name, "if-none-match")) {
      context.conditional = true;
      context.if_none_match = value;
    } else if (field_name_equals(name, "if-modified-since")) {
      context.conditional = true;
      context.if_modified_since = value;
    } else if (field_name_equals(name, "upgrade")) {
      context.upgrade = value;
    } else if (field_name_equals(name, "accept")) {
      context.accept = value;
    }
  }
  return context;
}

}  // namespace h1resp
