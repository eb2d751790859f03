// The listening side: accepts client connections and hands each to a Session, spreading them
// over the io_contexts (one per thread).
#pragma once

#include <asio.hpp>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "config.hpp"

namespace h1proxy {

class Server {
 public:
  Server(const Config& config, asio::ip::tcp::resolver::results_type upstream);

  [[nodiscard]] const Config& config() const noexcept { return config_; }
  [[nodiscard]] const asio::ip::tcp::resolver::results_type& upstream() const noexcept {
    return upstream_;
  }
  // "host:port" of the upstream: the Host of an HTTP/1.0 request that has none.
  [[nodiscard]] const std::string& upstream_authority() const noexcept { return authority_; }

  // Accepts until the acceptor is closed; new sockets belong to contexts[i % size].
  asio::awaitable<void> accept(asio::ip::tcp::acceptor& acceptor,
                               std::vector<asio::io_context*> contexts);

  // Connection accounting (Session's constructor and destructor).
  void opened() noexcept { connections_.fetch_add(1, std::memory_order_relaxed); }
  void closed() noexcept { connections_.fetch_sub(1, std::memory_order_relaxed); }

 private:
  const Config& config_;
  asio::ip::tcp::resolver::results_type upstream_;
  std::string authority_;
  std::atomic<unsigned> connections_{0};
  std::uint64_t next_id_ = 0;  // used by the accepting thread only
};

}  // namespace h1proxy
