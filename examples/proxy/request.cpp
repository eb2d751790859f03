#include "request.hpp"

#include <algorithm>

#include "field_text.hpp"
#include "h1resp/response.hpp"

namespace h1proxy {
namespace {

using h1resp::field_name_equals;

// tchar (RFC 9110 §5.6.2).
bool is_tchar(unsigned char c) noexcept {
  if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view s) noexcept {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return is_tchar(static_cast<unsigned char>(c)); });
}

// field-vchar / SP / HTAB (RFC 9110 §5.5); obs-text is kept, as a recipient may.
bool is_value_byte(unsigned char c) noexcept {
  return c == '\t' || (c >= 0x20 && c != 0x7f);
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && field_name_equals(s.substr(0, prefix.size()), prefix);
}

// Content-Length = 1*DIGIT (RFC 9110 §8.6). Returns false for anything else, or past 2^63.
bool parse_length(std::string_view s, std::uint64_t& value) noexcept {
  if (s.empty() || s.size() > 18) return false;
  std::uint64_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  value = v;
  return true;
}

std::string_view reason_for(unsigned status) noexcept {
  switch (status) {
    case 400:
      return "Bad Request";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 417:
      return "Expectation Failed";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 505:
      return "HTTP Version Not Supported";
    default:
      return "Error";
  }
}

}  // namespace

h1resp::RequestContext Request::context() const noexcept {
  h1resp::RequestContext c;
  c.method = method;
  c.known = true;
  c.version_major = 1;
  c.version_minor = version_minor;
  c.expect_continue = expect_continue;
  c.has_range = has_range;
  c.conditional = conditional;
  c.upgrade = upgrade;
  c.accept = accept;
  return c;
}

bool Request::retryable() const noexcept {
  using M = h1resp::RequestMethod;
  return content_length == 0 && upgrade.empty() &&
         (method == M::get || method == M::head || method == M::options || method == M::trace);
}

RequestReader::RequestReader(const RequestLimits& limits)
    : limits_(limits), storage_(limits.max_fields) {}

RequestReader::Status RequestReader::fail(unsigned status, std::string_view detail) noexcept {
  error_ = RequestError{status, reason_for(status), detail};
  return Status::error;
}

RequestReader::Status RequestReader::parse(std::string_view bytes) {
  // RFC 9112 §2.2: a server SHOULD ignore at least one empty line received before the
  // request-line (some clients send one after a POST body). A few, not an endless stream.
  std::size_t start = 0;
  while (start < 8 && bytes.size() >= start + 2 && bytes[start] == '\r' && bytes[start + 1] == '\n')
    start += 2;
  std::size_t i = std::max(searched_, start);
  for (; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\n') {
      // RFC 9112 §2.2 lets a recipient accept a bare LF; this reader does not: a proxy that
      // forwards a request must agree with every server on where its lines end.
      if (i == 0 || bytes[i - 1] != '\r') return fail(400, "bare LF in the request header");
      if (i >= start + 3 && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
        if (i + 1 > limits_.max_header_bytes) return fail(431, "request header section too large");
        return parse_section(bytes, start, i + 1);
      }
    } else if (c == '\r') {
      if (i + 1 == bytes.size()) break;  // its LF may come with the next bytes
      if (bytes[i + 1] != '\n') return fail(400, "bare CR in the request header");
    } else if (c == '\0') {
      return fail(400, "NUL in the request header");
    }
  }
  searched_ = i;
  if (bytes.size() >= limits_.max_header_bytes) {
    return fail(431, "request header section too large");
  }
  return Status::incomplete;
}

RequestReader::Status RequestReader::parse_section(std::string_view bytes, std::size_t start,
                                                   std::size_t end) {
  request_ = Request{};
  field_count_ = 0;
  request_.header_size = static_cast<std::uint32_t>(end);
  std::string_view rest = bytes.substr(start, end - start - 2);  // without the empty line
  bool first = true;
  while (!rest.empty()) {
    const std::size_t eol = rest.find("\r\n");
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol + 2);
    const Status s = first ? request_line(line) : field_line(line);
    if (s == Status::error) return s;
    first = false;
  }
  return finish_fields();
}

RequestReader::Status RequestReader::request_line(std::string_view line) {
  // request-line = method SP request-target SP HTTP-version (RFC 9112 §3), single SPs.
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return fail(400, "malformed request line");
  request_.method_name = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!is_token(request_.method_name)) return fail(400, "the method is not a token");
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
      version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9') {
    return fail(400, "malformed HTTP version");
  }
  if (version[5] != '1') return fail(505, "only HTTP/1.x is supported");
  request_.version_minor = version[7] == '0' ? 0 : 1;
  request_.method = h1resp::method_from_name(request_.method_name);
  if (request_.method == h1resp::RequestMethod::connect) {
    return fail(501, "CONNECT is not supported by a reverse proxy");
  }
  if (target.empty() ||
      !std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; })) {
    return fail(400, "malformed request target");
  }
  if (target.front() == '/') {
    request_.target = target;  // origin-form (RFC 9112 §3.2.1)
  } else if (target == "*") {
    if (request_.method != h1resp::RequestMethod::options) {
      return fail(400, "asterisk-form is only for OPTIONS");
    }
    request_.target = target;
  } else if (starts_with_nocase(target, "http://") || starts_with_nocase(target, "https://")) {
    // absolute-form (RFC 9112 §3.2.2): a server must accept it; the authority replaces Host.
    target.remove_prefix(target.find("//") + 2);
    const std::size_t slash = target.find('/');
    request_.authority = target.substr(0, slash);
    request_.target = slash == std::string_view::npos ? "/" : target.substr(slash);
    if (request_.authority.empty() ||
        request_.authority.find_first_of("@?#") != std::string_view::npos) {
      return fail(400, "malformed absolute-form target");
    }
  } else {
    return fail(400, "unsupported request target form");
  }
  return Status::complete;
}

RequestReader::Status RequestReader::field_line(std::string_view line) {
  if (is_ows(line.front())) return fail(400, "obs-fold or whitespace before a field line");
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return fail(400, "field line without a colon");
  const std::string_view name = line.substr(0, colon);
  // RFC 9112 §5.1: no whitespace between name and colon; a server MUST reject it with 400.
  if (!is_token(name)) return fail(400, "malformed field name");
  const std::string_view value = trim(line.substr(colon + 1));
  if (!std::all_of(value.begin(), value.end(),
                   [](char c) { return is_value_byte(static_cast<unsigned char>(c)); })) {
    return fail(400, "control character in a field value");
  }
  if (field_count_ == storage_.size()) return fail(431, "too many request fields");
  storage_[field_count_++] = RequestField{name, value};
  return Status::complete;
}

RequestReader::Status RequestReader::finish_fields() {
  Request& r = request_;
  r.fields = std::span<const RequestField>(storage_.data(), field_count_);
  unsigned hosts = 0;
  bool has_length = false;
  bool has_te = false;
  bool te_chunked_final = false;
  bool close = false;
  bool keep_alive = false;
  bool connection_upgrade = false;
  std::string_view upgrade;
  for (const RequestField& f : r.fields) {
    if (field_name_equals(f.name, "host")) {
      ++hosts;
      r.host = f.value;
    } else if (field_name_equals(f.name, "content-length")) {
      // Repeated or listed values are accepted only when all equal (RFC 9110 §8.6).
      bool ok = true;
      for_each_element(f.value, [&](std::string_view element) {
        std::uint64_t v = 0;
        ok = parse_length(element, v) && (!has_length || v == r.content_length);
        r.content_length = v;
        has_length = true;
        return ok;
      });
      if (!ok || !has_length) return fail(400, "invalid Content-Length");
    } else if (field_name_equals(f.name, "transfer-encoding")) {
      has_te = true;
      for_each_element(f.value, [&](std::string_view coding) {
        te_chunked_final = field_name_equals(coding, "chunked");
        return true;
      });
    } else if (field_name_equals(f.name, "connection")) {
      bool end_to_end = false;
      for_each_element(f.value, [&](std::string_view option) {
        close |= field_name_equals(option, "close");
        keep_alive |= field_name_equals(option, "keep-alive");
        connection_upgrade |= field_name_equals(option, "upgrade");
        // RFC 9110 §7.6.1: a connection option may not name a field meant for every recipient.
        // The ones this proxy frames and routes by would be dropped as hop-by-hop while it
        // still acts on them: a body sent upstream without its Content-Length is a second,
        // smuggled request there; a request without Host has no target.
        end_to_end =
            field_name_equals(option, "content-length") || field_name_equals(option, "host");
        return !end_to_end;
      });
      if (end_to_end) return fail(400, "Connection names Content-Length or Host");
    } else if (field_name_equals(f.name, "upgrade")) {
      upgrade = f.value;
    } else if (field_name_equals(f.name, "expect")) {
      if (!field_name_equals(f.value, "100-continue")) {
        return fail(417, "unsupported expectation");  // RFC 9110 §10.1.1
      }
      r.expect_continue = true;
    } else if (field_name_equals(f.name, "range")) {
      r.has_range = true;
    } else if (field_name_equals(f.name, "if-none-match") ||
               field_name_equals(f.name, "if-modified-since")) {
      r.conditional = true;
    } else if (field_name_equals(f.name, "accept") && r.accept.empty()) {
      r.accept = f.value;
    }
  }
  // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one in HTTP/1.0, and a valid one
  // (uri-host [ ":" port ]); else 400.
  if (hosts > 1 || (hosts == 0 && r.version_minor == 1))
    return fail(400, "missing or repeated Host");
  if (hosts == 1 && !is_host_value(r.host)) return fail(400, "invalid Host");
  if (has_te) {
    // RFC 9112 §6.1: Transfer-Encoding with Content-Length is a smuggling vector: reject, close.
    if (has_length) return fail(400, "both Transfer-Encoding and Content-Length");
    // §6.3 (4): chunked not final cannot be framed: 400. Chunked request bodies are not
    // forwarded by this proxy: 411 asks for a Content-Length instead (RFC 9110 §15.5.12).
    return te_chunked_final ? fail(411, "chunked request bodies are not supported")
                            : fail(400, "request transfer coding without chunked last");
  }
  if (r.content_length > limits_.max_body_bytes) return fail(413, "request body too large");
  r.keep_alive = !close && (r.version_minor == 1 || keep_alive);
  // RFC 9110 §7.8: Upgrade in HTTP/1.0 is ignored, and it needs "Connection: upgrade". One with a
  // body is not forwarded either: the body and the new protocol would share the bytes.
  if (connection_upgrade && r.version_minor == 1 && r.content_length == 0) r.upgrade = upgrade;
  return Status::complete;
}

bool is_host_value(std::string_view value) {
  // Host = uri-host [ ":" port ] (RFC 9110 §7.2): the bytes of reg-name (unreserved,
  // pct-encoded, sub-delims), an IP-literal's brackets and colons, and the port's colon. Not a
  // full URI parse: what matters here is that no whitespace or list separator gets through to
  // the upstream, which would read another host than the one this proxy saw.
  if (value.empty()) return true;  // an empty Host is allowed (RFC 9110 §7.2, no authority)
  for (const char c : value) {
    const auto b = static_cast<unsigned char>(c);
    const bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                    std::string_view("-._~%!$&'()*+;=:[]").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

bool request_field_is_hop_by_hop(std::span<const RequestField> fields, std::string_view name) {
  static constexpr std::string_view kHopByHop[] = {
      "connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade",
  };
  for (const std::string_view h : kHopByHop) {
    if (field_name_equals(name, h)) return true;
  }
  bool named = false;
  for (const RequestField& f : fields) {
    if (!field_name_equals(f.name, "connection")) continue;
    for_each_element(f.value, [&](std::string_view option) {
      named = field_name_equals(option, name);
      return !named;
    });
    if (named) return true;
  }
  return false;
}

void serialize_upstream_request(const Request& r, std::string_view via,
                                std::string_view default_host, std::string& out) {
  out.clear();
  out.append(r.method_name).append(" ").append(r.target).append(" HTTP/1.1\r\n");
  if (!r.authority.empty()) {
    out.append("Host: ").append(r.authority).append("\r\n");
  } else if (r.host.empty()) {
    out.append("Host: ").append(default_host).append("\r\n");
  }
  bool length_sent = false;
  for (const RequestField& f : r.fields) {
    if (request_field_is_hop_by_hop(r.fields, f.name)) continue;
    if (!r.authority.empty() && field_name_equals(f.name, "host")) continue;
    if (field_name_equals(f.name, "content-length")) {
      // The length the body is forwarded with, once: "5, 5" or a repeated line becomes one
      // value (RFC 9110 §8.6: a recipient may replace such a list with the single value).
      if (!length_sent) {
        out.append("Content-Length: ").append(std::to_string(r.content_length)).append("\r\n");
      }
      length_sent = true;
      continue;
    }
    out.append(f.name).append(": ").append(f.value).append("\r\n");
  }
  if (!r.upgrade.empty()) {
    out.append("Connection: upgrade\r\nUpgrade: ").append(r.upgrade).append("\r\n");
  }
  if (!via.empty()) {
    out.append(r.version_minor == 0 ? "Via: 1.0 " : "Via: 1.1 ").append(via).append("\r\n");
  }
  out.append("\r\n");
}

}  // namespace h1proxy
