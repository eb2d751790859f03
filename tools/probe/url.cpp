#include "probe/url.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace h1resp::probe {
namespace {

bool starts_with_icase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Bytes a request-target may hold as they are (RFC 3986 pchar, "/" and "?", and "%" of an
// escape); anything else is percent-encoded, so the request line stays valid.
bool target_byte(unsigned char c) {
  if (std::isalnum(c) != 0) return true;
  return std::string_view("-._~!$&'()*+,;=:@/?%").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

}  // namespace

std::variant<Url, std::string> parse_url(std::string_view text) {
  if (starts_with_icase(text, "https://")) {
    return std::string(
        "https is not supported: the probe speaks plain HTTP/1.1 over TCP, without TLS; give an "
        "http:// URL (of a server or of a TLS-terminating proxy's plain side)");
  }
  if (!starts_with_icase(text, "http://")) {
    return std::string("not an http:// URL (expected http://host[:port][/path])");
  }
  std::string_view rest = text.substr(7);
  const std::size_t fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const std::size_t path_start = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, path_start);
  std::string_view target =
      path_start == std::string_view::npos ? std::string_view() : rest.substr(path_start);
  if (authority.find('@') != std::string_view::npos) {
    return std::string("a URL with userinfo (user@host) is not supported");
  }

  Url url;
  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::string("an IPv6 address without its ']'");
    url.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::string("unexpected text after the IPv6 address");
      port_text = after.substr(1);
    }
  } else {
    const std::size_t colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (url.host.empty()) return std::string("the URL has no host");
  for (const char c : url.host) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0 && c != '.' && c != '-' && c != '_' && c != ':' && c != '%') {
      return std::string("the host has a character that is not allowed in a host name");
    }
  }
  if (!port_text.empty()) {
    unsigned port = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return std::string("the port is not a number from 1 to 65535");
    }
    url.port = static_cast<std::uint16_t>(port);
  }
  // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) on "[" + host + "]".
  const bool ipv6 = url.host.find(':') != std::string::npos;
  if (ipv6) url.authority += '[';
  for (const char c : url.host)
    url.authority += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ipv6) url.authority += ']';
  if (url.port != 80) {
    url.authority += ':';
    url.authority += std::to_string(url.port);
  }

  if (target.empty() || target.front() == '?') url.target.push_back('/');
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (target_byte(u)) {
      url.target += c;
    } else {
      url.target += '%';
      url.target += kHex[u >> 4];
      url.target += kHex[u & 0xF];
    }
  }
  return url;
}

}  // namespace h1resp::probe
