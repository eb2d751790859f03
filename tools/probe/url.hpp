// The URLs `h1resp probe` takes: http://host[:port][/path][?query] (RFC 9110 §4.2.1).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace h1resp::probe {

struct Url {
  std::string host;  // a name, an IPv4 address, or an IPv6 address without brackets
  std::uint16_t port = 80;
  std::string target;     // the request-target: path and query, "/" at least (RFC 9112 §3.2.1)
  std::string authority;  // the Host field value: host, brackets kept, ":port" when not 80

  // The URL again, normalized: "http://" authority target.
  [[nodiscard]] std::string text() const { return "http://" + authority + target; }
};

// Parses `text`; on failure returns why, for people. A fragment is dropped (it is never sent);
// userinfo is refused (RFC 9110 §4.2.4 deprecates it), and so is https: the probe speaks plain
// HTTP/1.1 over TCP.
std::variant<Url, std::string> parse_url(std::string_view text);

}  // namespace h1resp::probe
