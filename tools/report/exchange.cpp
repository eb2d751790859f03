#include "report/exchange.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "h1resp/stream.hpp"
#include "report/input.hpp"

namespace h1resp::report {
namespace {

std::optional<std::string> read_file(const std::string& path, std::string& bytes) {
  const InputBytes input = InputBytes::open(path);
  if (!input.error().empty()) return fmt::format("{}: {}", path, input.error());
  bytes.assign(input.bytes());
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ExchangeContext::load(const ExchangeOptions& options,
                                                 const Policy& policy) {
  if (!options.request_file.empty()) {
    if (auto error = read_file(options.request_file, request_bytes_)) return error;
    context_ = request_context(request_bytes_);
    if (!context_.known) {
      return fmt::format("{}: not an HTTP request (no request line)", options.request_file);
    }
  }
  if (!options.reference_file.empty()) {
    if (auto error = read_file(options.reference_file, reference_bytes_)) return error;
    // Read as a connection is read, for its content length (de-chunked) past any 1xx; its
    // header section is then kept in a parser of its own, which outlives the stream.
    StreamOptions stream_options;
    stream_options.policy = policy;
    stream_options.validate = false;
    ResponseStream stream(reference_bytes_, stream_options);
    StreamMessage m;
    while (stream.next(m) && m.framing.interim) {
    }
    if (m.status != ParseStatus::complete || !m.complete) {
      return fmt::format("{}: not a complete response", options.reference_file);
    }
    context_.reference_length = m.body_length;
    reference_parser_.emplace(policy);
    const std::string_view reference = std::string_view(reference_bytes_).substr(m.offset, m.size);
    if (reference_parser_->parse(reference) != ParseStatus::complete) {
      return fmt::format("{}: not a complete response", options.reference_file);
    }
    context_.reference_200 = &reference_parser_->response();
  }
  context_.proxy_output = options.proxy_output;
  context_.upstream_interim = static_cast<std::uint8_t>(std::min(options.upstream_interim, 255U));
  return std::nullopt;
}

}  // namespace h1resp::report
