#include "log.hpp"

#include <unistd.h>

#include <ctime>

#include "h1resp/rules.hpp"

namespace h1proxy {
namespace {

// Control bytes from a peer never reach the log as such: one event stays one line.
void append_printable(std::string& out, std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
}

std::string describe(h1resp::Rule rule, std::uint64_t offset, std::string_view detail) {
  const h1resp::RuleInfo& info = h1resp::rule_info(rule);
  std::string out(info.id);
  out += " at offset ";
  out += std::to_string(offset);
  out += ": ";
  out += info.summary;
  if (!detail.empty()) {
    out += ": ";
    out += detail;
  }
  return out;
}

}  // namespace

void log_line(std::string_view text) {
  std::string line = "h1resp-proxy: ";
  append_printable(line, text);
  line += '\n';
  // One write per line; a short write to a pipe of this size does not happen in practice, and a
  // log line lost to EINTR is not worth a retry loop that could interleave.
  [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
}

std::string log_prefix(std::uint64_t connection, std::string_view method, std::string_view target) {
  constexpr std::size_t kMaxTarget = 200;
  std::string out = "conn=" + std::to_string(connection) + " \"";
  out += method;
  out += ' ';
  out += target.substr(0, kMaxTarget);
  if (target.size() > kMaxTarget) out += "...";
  out += '"';
  return out;
}

std::string describe(const h1resp::Finding& finding) {
  return describe(finding.rule, finding.offset, finding.detail);
}

std::string describe(const h1resp::ParseError& error) {
  return describe(error.rule, error.offset, error.detail);
}

std::string_view http_date() {
  thread_local std::time_t cached_second = -1;
  thread_local char text[64] = {};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_second = now;
  }
  return text;
}

}  // namespace h1proxy
