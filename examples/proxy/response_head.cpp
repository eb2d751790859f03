#include "response_head.hpp"

#include <charconv>

#include "field_text.hpp"

namespace h1proxy {
namespace {

using h1resp::field_name_equals;
using h1resp::FieldLine;
using h1resp::Response;

bool is_any_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (const std::string_view n : names) {
    if (field_name_equals(name, n)) return true;
  }
  return false;
}

void append_number(std::uint64_t n, std::string& out) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, end);
}

// A Content-Length that is 1*DIGIT: the only form worth passing on as metadata (HEAD, 304).
bool is_plain_length(std::string_view v) {
  if (v.empty() || v.size() > 19) return false;
  for (const char c : v) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool is_hop_by_hop(const Response& response, std::string_view name) {
  if (is_any_of(name, {"connection", "keep-alive", "proxy-connection", "te", "transfer-encoding",
                       "upgrade"})) {
    return true;
  }
  bool named = false;
  for (std::size_t i = response.find("connection"); i < response.field_count();
       i = response.find("connection", i + 1)) {
    // Framing fields repaired by a leniency are refused by decide_framing(), so the raw value
    // of Connection is its value here.
    for_each_element(response.field(i).value, [&](std::string_view option) {
      named = field_name_equals(option, name);
      return !named;
    });
    if (named) return true;
  }
  return false;
}

void append_field_value(const Response& response, std::size_t i, std::string& out) {
  const FieldLine& line = response.field_lines[i];
  const std::string_view raw = response.text(line.value);
  const std::size_t from = out.size();
  if (line.needs_normalizing()) {
    out += h1resp::normalized_value(raw);
  } else {
    out += raw;
  }
  if (line.has(FieldLine::has_ctl)) {
    for (std::size_t k = from; k < out.size(); ++k) {
      const auto c = static_cast<unsigned char>(out[k]);
      if ((c < 0x20 && c != '\t') || c == 0x7f) out[k] = ' ';
    }
  }
}

void serialize_response_head(const Response& r, const HeadOptions& o, std::string& out) {
  out.clear();
  // status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 §4), with our own
  // version (RFC 9110 §2.5). The reason is informational; bytes a leniency let through (a bare
  // CR read as SP) are not forwarded as such.
  out += "HTTP/1.1 ";
  char code[4] = {static_cast<char>('0' + r.status / 100 % 10),
                  static_cast<char>('0' + r.status / 10 % 10),
                  static_cast<char>('0' + r.status % 10), ' '};
  out.append(code, 4);
  for (const char c : r.reason_phrase()) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 && u != '\t') || u == 0x7f ? ' ' : c;
  }
  out += "\r\n";
  for (std::size_t i = 0; i < r.field_count(); ++i) {
    const std::string_view name = r.text(r.field_lines[i].name);
    if (is_hop_by_hop(r, name)) {
      if (!(o.upgrade && field_name_equals(name, "upgrade"))) continue;
    } else if (field_name_equals(name, "content-length")) {
      // The proxy frames the body itself. For HEAD and 304 the upstream's value only describes
      // the representation (RFC 9110 §8.6) and is passed on when it is a plain number.
      if (!o.keep_content_length || !is_plain_length(r.field(i).value)) continue;
    } else if (field_name_equals(name, "trailer")) {
      if (!o.keep_trailer) continue;
    }
    out += name;
    out += ": ";
    append_field_value(r, i, out);
    out += "\r\n";
  }
  switch (o.body) {
    case DownstreamBody::content_length:
      out += "Content-Length: ";
      append_number(o.length, out);
      out += "\r\n";
      break;
    case DownstreamBody::chunked:
      out += "Transfer-Encoding: ";
      if (!o.codings.empty()) {
        out += o.codings;
        out += ", ";
      }
      out += "chunked\r\n";
      break;
    case DownstreamBody::none:
    case DownstreamBody::close:
      break;
  }
  if (o.upgrade) {
    out += "Connection: upgrade\r\n";
  } else if (o.close) {
    out += "Connection: close\r\n";
  } else if (o.keep_alive_10) {
    out += "Connection: keep-alive\r\n";
  }
  if (!o.via.empty()) {
    out += o.upstream_minor == 0 ? "Via: 1.0 " : "Via: 1.1 ";
    out += o.via;
    out += "\r\n";
  }
  out += "\r\n";
}

void transfer_codings_before_chunked(const Response& r, std::string& out) {
  out.clear();
  std::string_view last;
  for (std::size_t i = r.find("transfer-encoding"); i < r.field_count();
       i = r.find("transfer-encoding", i + 1)) {
    for_each_element(r.field(i).value, [&](std::string_view coding) {
      if (!last.empty()) {
        if (!out.empty()) out += ", ";
        out += last;
      }
      last = coding;
      return true;
    });
  }
  if (!last.empty() && !field_name_equals(last, "chunked")) {
    if (!out.empty()) out += ", ";
    out += last;
  }
}

void serialize_trailers(const Response& t, std::string& out) {
  for (std::size_t i = 0; i < t.field_count(); ++i) {
    const std::string_view name = t.text(t.field_lines[i].name);
    // Fields that frame or route the message never come from a trailer (RFC 9110 §6.5.1).
    if (is_hop_by_hop(t, name) ||
        is_any_of(name, {"content-length", "trailer", "host", "content-encoding", "content-type",
                         "content-range", "set-cookie", "authorization", "cache-control", "expires",
                         "date", "location", "retry-after", "vary", "age"})) {
      continue;
    }
    out += name;
    out += ": ";
    append_field_value(t, i, out);
    out += "\r\n";
  }
  out += "\r\n";
}

}  // namespace h1proxy
