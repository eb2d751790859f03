// The response side of the output: a parsed upstream response re-serialised canonically. No raw
// header bytes are copied: the status line is rebuilt from its parts, each field line is
// "Name: value" with the value read as RFC 9112 §5.2 says (normalized_value() where a leniency
// repaired it), hop-by-hop fields are dropped (RFC 9110 §7.6.1) and the proxy sets the framing
// and persistence fields itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "h1resp/response.hpp"

namespace h1proxy {

// How the body goes to the client; independent of how it came from the upstream.
enum class DownstreamBody : std::uint8_t {
  none,            // no body: 1xx, 204, 304, HEAD
  content_length,  // Content-Length: length, then exactly that many bytes
  chunked,         // re-chunked (HTTP/1.1 client)
  close,           // delimited by closing the connection (HTTP/1.0 client, length unknown)
};

struct HeadOptions {
  DownstreamBody body = DownstreamBody::none;
  std::uint64_t length = 0;    // body == content_length
  std::string_view codings;    // transfer codings before chunked (body == chunked), e.g. "gzip"
  bool close = false;          // send "Connection: close": the proxy closes after this response
  bool keep_alive_10 = false;  // send "Connection: keep-alive" (an HTTP/1.0 client that asked)
  bool upgrade = false;        // a 101: keep Upgrade, send "Connection: upgrade"
  bool keep_content_length = false;  // HEAD or 304: the upstream's Content-Length is metadata
  bool keep_trailer = false;         // the Trailer field announces trailers that will be forwarded
  std::string_view via;              // our Via pseudonym, or empty
  std::uint8_t upstream_minor = 1;   // the upstream's HTTP version, for Via
};

// True when `name` is hop-by-hop in `response`: Connection, Keep-Alive, Proxy-Connection, TE,
// Transfer-Encoding, Upgrade, or named by the Connection field (RFC 9110 §7.6.1).
bool is_hop_by_hop(const h1resp::Response& response, std::string_view name);

// Appends the value of field line `i` as it must be forwarded: normalized_value() when the raw
// bytes needed a leniency (obs-fold, bare CR), and any other control byte kept by the value_ctl
// leniency replaced by SP (RFC 9110 §5.5).
void append_field_value(const h1resp::Response& response, std::size_t i, std::string& out);

// The status line and header section of `response` for the client, ending with the empty line.
void serialize_response_head(const h1resp::Response& response, const HeadOptions& options,
                             std::string& out);

// The transfer codings of `response` other than a final chunked, as "a, b" (empty for plain
// chunked), into `out`.
void transfer_codings_before_chunked(const h1resp::Response& response, std::string& out);

// The trailer section of a chunked body after the last chunk, without hop-by-hop fields and
// framing fields, ending with the empty line (RFC 9112 §7.1.2).
void serialize_trailers(const h1resp::Response& trailers, std::string& out);

}  // namespace h1proxy
