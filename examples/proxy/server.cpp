#include "server.hpp"

#include <asio/experimental/as_tuple.hpp>
#include <chrono>

#include "log.hpp"
#include "session.hpp"

namespace h1proxy {

Server::Server(const Config& config, asio::ip::tcp::resolver::results_type upstream)
    : config_(config),
      upstream_(std::move(upstream)),
      authority_(config.upstream_host + ":" + std::to_string(config.upstream_port)) {}

asio::awaitable<void> Server::accept(asio::ip::tcp::acceptor& acceptor,
                                     std::vector<asio::io_context*> contexts) {
  constexpr auto use_tuple = asio::experimental::as_tuple(asio::use_awaitable);
  for (std::size_t i = 0;; ++i) {
    asio::io_context& context = *contexts[i % contexts.size()];
    auto [ec, socket] = co_await acceptor.async_accept(context, use_tuple);
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of descriptors, typically: back off instead of spinning on the error.
      log_line("accept: " + ec.message());
      asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(use_tuple);
      continue;
    }
    if (connections_.load(std::memory_order_relaxed) >= config_.max_connections) {
      // Each connection holds bounded but real buffers: refusing is what keeps the total bounded.
      log_line("connection refused: max-connections reached");
      continue;  // the socket closes as it goes out of scope
    }
    std::error_code ignored;
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
    Session::start(std::make_shared<Session>(*this, std::move(socket), ++next_id_));
  }
}

}  // namespace h1proxy
