// h1resp probe: asks a live HTTP/1.1 server for one resource three ways (GET, HEAD, and a
// conditional GET built from the first response's validators, to elicit a 304) and checks every
// response it gets, with the request actually sent as context: the 304 rules against the 200,
// and whether HEAD answers as GET does (same status, same Content-Length).
#pragma once

#include <chrono>
#include <string>

#include "h1resp/policy.hpp"
#include "probe/url.hpp"
#include "report/reporter.hpp"

namespace h1resp::probe {

struct ProbeOptions {
  Url url;
  Policy policy = Policy::strict();
  std::chrono::milliseconds connect_timeout{5000};
  // How long to wait for the next bytes of a response before giving up on it.
  std::chrono::milliseconds timeout{10000};
  // How long to wait after a complete response for bytes the server should not send (a body
  // after HEAD or 304, more bytes than Content-Length); they would be read as the next response.
  std::chrono::milliseconds settle{150};
  // Bounds on what one request may take, whatever the server sends: the bytes read (interim
  // responses, body and stray bytes included) and the time from the request to the last read.
  // A server that streams without end stops the probe there with a note, not out of memory.
  std::size_t max_bytes = std::size_t{64} << 20;
  std::chrono::milliseconds max_time{60000};
  std::string user_agent = "h1resp-probe";
};

// Runs the probe; every response goes to `reporter` and is counted in `summary` (its `files`
// count the connections opened). A server that cannot be reached is reported as unreadable.
void run_probe(const ProbeOptions& options, report::Reporter& reporter, report::Summary& summary);

}  // namespace h1resp::probe
