// How a response's body is delimited, and whether the connection may carry another response:
// RFC 9112 §6.3 (message body length) and §9.3 (persistence), for a response to a given request
// method. Anything that lets two recipients disagree on where the response ends is an error
// finding: a proxy must not forward the response (it answers 502 and closes the upstream).
#pragma once

#include <cstdint>
#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/response.hpp"

namespace h1resp {

enum class RequestMethod : std::uint8_t {
  get,
  head,
  post,
  put,
  delete_,
  connect,
  options,
  trace,
  patch,
  other,
};

// Methods are case-sensitive (RFC 9110 §9.1): "get" is not GET.
[[nodiscard]] RequestMethod method_from_name(std::string_view name) noexcept;
[[nodiscard]] std::string_view to_string(RequestMethod method) noexcept;

enum class BodyKind : std::uint8_t {
  none,            // the response ends with its header section
  content_length,  // `length` bytes follow
  chunked,         // the chunked transfer coding (RFC 9112 §7.1)
  until_close,     // the body ends when the server closes the connection
  tunnel,          // 101 or a 2xx to CONNECT: another protocol follows the header section
};

[[nodiscard]] std::string_view to_string(BodyKind kind) noexcept;

struct Framing {
  BodyKind body = BodyKind::none;
  std::uint64_t length = 0;  // body == content_length
  // A 1xx other than 101: an interim response; the final response to the request follows.
  bool interim = false;
  // The connection may carry the next response after this one (RFC 9112 §9.3). On an interim
  // response the final one follows in any case; false there means it said "Connection: close",
  // and the connection closes after the final response.
  bool persistent = false;
  // The RFC 9112 §6.3 list item that decided the body length (1 to 8).
  std::uint8_t step = 0;
  std::string_view why;              // static text for people: why this body length
  std::string_view persistence_why;  // static text: why the connection does or does not persist
};

// Decides the framing of `response`, answering a request with `method`.
// Pre-condition: `response` is a complete header section (ResponseParser status complete).
// Side effects: appends to `findings` every problem of the framing fields (Content-Length,
//   Transfer-Encoding, Connection) with offsets from the first byte of the response. An error
//   among them means the length cannot be trusted.
// Returns: the body length rule and persistence. With an error finding the result is still the
//   RFC's reading (e.g. Transfer-Encoding wins over Content-Length), and never persistent.
Framing decide_framing(const Response& response, RequestMethod method,
                       FindingList& findings) noexcept;

}  // namespace h1resp
