// The check driver: walks each input's response stream and hands every response to a reporter.
#pragma once

#include <string_view>
#include <vector>

#include "h1resp/stream.hpp"
#include "report/progress.hpp"
#include "report/reporter.hpp"

namespace h1resp::report {

struct CheckSettings {
  Policy policy = Policy::strict();
  std::vector<RequestMethod> methods;  // in order, the last repeating; empty: GET
  // `methods` (one GET when empty) are all the requests sent: what follows the last one's
  // response is extra data (StreamOptions::exact_requests, catalog C19).
  bool exact_requests = false;
  bool compare_llhttp = false;
  bool llhttp_strict = false;  // compare with llhttp's strict build (LLHTTP_STRICT_MODE)
  // What is known of the exchange (exchange.hpp); nullptr: the method alone.
  const RequestContext* request = nullptr;
  std::string_view request_bytes = {};    // shown by the reporters, when given
  Progress* progress = nullptr;           // told where the walk is; may be nullptr
  bool progress_shares_terminal = false;  // the reporter writes to the progress line's terminal
};

// Checks one input: every response in `bytes`, in order, as one connection's stream.
void check_stream(std::string_view file, std::string_view bytes, const CheckSettings& settings,
                  Reporter& reporter, Summary& summary);

}  // namespace h1resp::report
