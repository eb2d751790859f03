// The proxy's settings: one listening address, one upstream, timeouts and limits. Filled from the
// command line (main.cpp); read-only once the server runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "h1resp/policy.hpp"

namespace h1proxy {

using Millis = std::chrono::milliseconds;

struct Config {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8080;  // 0: any free port (printed on stdout)
  std::string upstream_host = "127.0.0.1";
  std::uint16_t upstream_port = 80;
  unsigned threads = 1;  // io_contexts, one thread each

  // Waiting for a client: for its next request on a kept-alive connection, for the rest of a
  // request, or for it to accept response bytes.
  Millis client_timeout{60'000};
  Millis connect_timeout{5'000};
  // Waiting for upstream bytes (the response header, or the next piece of the body).
  Millis upstream_timeout{60'000};
  // A 101 tunnel with no traffic either way.
  Millis tunnel_timeout{300'000};
  // How long a response is held back, at most, while its body is still arriving (see
  // hold_bytes). 0: held until hold_bytes or the end, whatever the wait.
  Millis hold_time{100};

  // The request's header section (RFC 9112 §2.1); beyond it the client gets 431.
  std::uint32_t max_request_header_bytes = 16 * 1024;
  std::uint32_t max_request_fields = 100;
  std::uint64_t max_request_body_bytes = std::uint64_t{1} << 30;  // beyond: 413
  // The response is held (not sent) until its end or this many body bytes: any error the
  // validator or the chunked decoder finds before then still becomes a clean 502. Also the
  // per-connection output buffer.
  std::uint32_t hold_bytes = 64 * 1024;
  // Bytes read from a socket at once for bodies (the header buffer grows beyond it only up to
  // the policy's header section limit).
  std::uint32_t io_bytes = 16 * 1024;
  unsigned max_connections = 1024;  // client connections at once; beyond, new ones are closed

  // The response parser's policy: strict by default, or every leniency (each use logged).
  h1resp::Policy policy = h1resp::Policy::strict();

  // Our pseudonym in Via (RFC 9110 §7.6.3), or empty to send none.
  std::string via = "h1resp-proxy";
  bool verbose = false;  // also log an access line per request and informational findings
};

}  // namespace h1proxy
