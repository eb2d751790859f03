// The client side: a strict reader for request header sections (RFC 9112 §2-§3, §5-§6), and the
// request the proxy sends upstream.
//
// The proxy is about responses; requests get a small reader that refuses whatever it does not
// need to understand rather than guessing: CRLF line endings only, no obs-fold, no whitespace
// before a colon, one valid Content-Length, no request transfer codings (411 for chunked, 400
// otherwise), origin-form or absolute-form targets (CONNECT: 501). One request is read at a
// time, so pipelined requests queue in the client's buffer and are never mis-framed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/validator.hpp"

namespace h1proxy {

struct RequestLimits {
  std::uint32_t max_header_bytes = 16 * 1024;
  std::uint32_t max_fields = 100;
  std::uint64_t max_body_bytes = std::uint64_t{1} << 30;
};

struct RequestField {
  std::string_view name;
  std::string_view value;  // OWS trimmed
};

// A parsed request header section. Views point into the bytes given to RequestReader::parse().
struct Request {
  std::string_view method_name;
  h1resp::RequestMethod method = h1resp::RequestMethod::other;
  std::string_view target;         // as forwarded: origin-form, or "*" for OPTIONS
  std::string_view authority;      // from an absolute-form target (replaces Host), else empty
  std::uint8_t version_minor = 1;  // HTTP/1.0 or HTTP/1.1 (1.2+ is read as 1.1, RFC 9110 §2.5)
  std::uint32_t header_size = 0;   // bytes up to and including the empty line
  std::uint64_t content_length = 0;
  bool keep_alive = true;  // what the client wants (RFC 9112 §9.3)
  bool expect_continue = false;
  bool has_range = false;
  bool conditional = false;
  std::string_view host;
  std::string_view upgrade;  // the protocols offered, when the request asks to upgrade
  std::string_view accept;
  std::span<const RequestField> fields;

  // What the response validator needs to know of this request.
  [[nodiscard]] h1resp::RequestContext context() const noexcept;
  // Methods a client may send again without harm (RFC 9110 §9.2.2), and no body to resend.
  [[nodiscard]] bool retryable() const noexcept;
};

struct RequestError {
  unsigned status = 400;    // the status the client gets; the connection then closes
  std::string_view reason;  // the reason phrase for `status`
  std::string_view detail;  // static text for the log and the body
};

class RequestReader {
 public:
  enum class Status : std::uint8_t { incomplete, complete, error };

  explicit RequestReader(const RequestLimits& limits);

  // Reads the header section of one request. Pre-condition: `bytes` holds every byte received
  // since the request's first byte (the caller appends between calls).
  Status parse(std::string_view bytes);
  void reset() noexcept { searched_ = 0; }

  [[nodiscard]] const Request& request() const noexcept { return request_; }
  [[nodiscard]] const RequestError& error() const noexcept { return error_; }

 private:
  Status fail(unsigned status, std::string_view detail) noexcept;
  Status parse_section(std::string_view bytes, std::size_t start, std::size_t end);
  Status request_line(std::string_view line);
  Status field_line(std::string_view line);
  Status finish_fields();

  RequestLimits limits_;
  std::vector<RequestField> storage_;
  std::size_t field_count_ = 0;
  std::size_t searched_ = 0;  // bytes already searched for the end of the section
  Request request_;
  RequestError error_;
};

// The header section sent upstream: the request line with our version (RFC 9110 §2.5), the
// end-to-end fields in their order, Via (RFC 9110 §7.6.3) when `via` is not empty, and Host
// (from an absolute-form target, or `default_host` when an HTTP/1.0 request has none). Hop-by-hop
// fields (RFC 9110 §7.6.1) are dropped, except the Upgrade a request asks for.
void serialize_upstream_request(const Request& request, std::string_view via,
                                std::string_view default_host, std::string& out);

// True when `value` can be a Host field's value: uri-host [ ":" port ] by its bytes (no
// whitespace, no comma), or empty.
bool is_host_value(std::string_view value);

// True when `name` is hop-by-hop in `fields`' message: Connection, Keep-Alive, Proxy-Connection,
// TE, Transfer-Encoding, Upgrade, or a field the Connection field names (RFC 9110 §7.6.1).
bool request_field_is_hop_by_hop(std::span<const RequestField> fields, std::string_view name);

}  // namespace h1proxy
