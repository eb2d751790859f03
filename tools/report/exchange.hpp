// What `h1resp check` knows of the exchange around the responses it reads, from its options:
// the request they answer (--request FILE), the 200 the same request gets or a cache's stored
// response (--reference FILE), and a proxy's side (--proxy-output, --upstream-interim N). Owns
// the bytes and the parsed reference that the RequestContext points into.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::report {

struct ExchangeOptions {
  std::string request_file;    // empty: not given
  std::string reference_file;  // empty: not given
  bool proxy_output = false;
  unsigned upstream_interim = 0;
};

class ExchangeContext {
 public:
  ExchangeContext() = default;
  // Not copyable or movable: the context points into the members.
  ExchangeContext(const ExchangeContext&) = delete;
  ExchangeContext& operator=(const ExchangeContext&) = delete;

  // Reads the files `options` names, the reference with `policy`. Returns what went wrong (for
  // people), or nullopt.
  std::optional<std::string> load(const ExchangeOptions& options, const Policy& policy);

  [[nodiscard]] const RequestContext& request() const noexcept { return context_; }
  // The request's bytes as given (empty without --request), for reporters to show.
  [[nodiscard]] std::string_view request_bytes() const noexcept { return request_bytes_; }

 private:
  std::string request_bytes_;
  std::string reference_bytes_;
  std::optional<BasicResponseParser<>> reference_parser_;  // with the policy of load()
  RequestContext context_;
};

}  // namespace h1resp::report
