#include "probe/connection.hpp"

#include <array>
#include <asio.hpp>
#include <optional>

namespace h1resp::probe {

struct Connection::State {
  asio::io_context io;
  asio::ip::tcp::socket socket{io};

  // Runs the I/O context until `done` holds a result or `timeout` passes. On a timeout,
  // `on_timeout` cancels the operation, and the context runs until its handler has seen the
  // cancellation, so no handler outlives the call.
  template <typename Result, typename Cancel>
  bool run(std::optional<Result>& done, Duration timeout, Cancel on_timeout) {
    io.restart();
    io.run_for(timeout);
    if (done) return true;
    on_timeout();
    io.restart();
    io.run();
    return false;
  }
};

Connection::Connection() : state_(std::make_unique<State>()) {}
Connection::~Connection() = default;

bool Connection::is_open() const noexcept {
  return state_->socket.is_open();
}

void Connection::close() noexcept {
  asio::error_code ignored;
  state_->socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  state_->socket.close(ignored);
}

bool Connection::connect(const std::string& host, std::uint16_t port, Duration timeout) {
  close();
  error_.clear();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto left = [&deadline] {
    return std::max(Duration(1), std::chrono::duration_cast<Duration>(
                                     deadline - std::chrono::steady_clock::now()));
  };

  asio::ip::tcp::resolver resolver(state_->io);
  std::optional<asio::error_code> resolved;
  asio::ip::tcp::resolver::results_type endpoints;
  resolver.async_resolve(host, std::to_string(port),
                         [&](const asio::error_code& ec, asio::ip::tcp::resolver::results_type r) {
                           resolved = ec;
                           endpoints = std::move(r);
                         });
  if (!state_->run(resolved, left(), [&] { resolver.cancel(); })) {
    error_ = "timed out resolving " + host;
    return false;
  }
  if (*resolved) {
    error_ = "cannot resolve " + host + ": " + resolved->message();
    return false;
  }

  std::optional<asio::error_code> connected;
  asio::ip::tcp::endpoint peer;
  asio::async_connect(state_->socket, endpoints,
                      [&](const asio::error_code& ec, const asio::ip::tcp::endpoint& e) {
                        connected = ec;
                        peer = e;
                      });
  if (!state_->run(connected, left(), [&] { close(); })) {
    close();
    error_ = "timed out connecting to " + host + " port " + std::to_string(port);
    return false;
  }
  if (*connected) {
    close();
    error_ =
        "cannot connect to " + host + " port " + std::to_string(port) + ": " + connected->message();
    return false;
  }
  asio::error_code ignored;
  state_->socket.set_option(asio::ip::tcp::no_delay(true), ignored);
  peer_ = peer.address().is_v6()
              ? "[" + peer.address().to_string() + "]:" + std::to_string(peer.port())
              : peer.address().to_string() + ":" + std::to_string(peer.port());
  return true;
}

bool Connection::write(std::string_view bytes, Duration timeout) {
  if (!is_open()) {
    error_ = "the connection is closed";
    return false;
  }
  std::optional<asio::error_code> written;
  asio::async_write(state_->socket, asio::buffer(bytes.data(), bytes.size()),
                    [&](const asio::error_code& ec, std::size_t) { written = ec; });
  if (!state_->run(written, timeout, [&] { close(); })) {
    close();
    error_ = "timed out sending the request";
    return false;
  }
  if (*written) {
    error_ = "cannot send the request: " + written->message();
    close();
    return false;
  }
  return true;
}

Connection::Read Connection::read_some(std::string& buffer, Duration timeout) {
  if (!is_open()) return Read::closed;
  std::array<char, 64 * 1024> chunk{};
  std::optional<asio::error_code> read;
  std::size_t got = 0;
  state_->socket.async_read_some(asio::buffer(chunk),
                                 [&](const asio::error_code& ec, std::size_t n) {
                                   read = ec;
                                   got = n;
                                 });
  // A timeout cancels the read only: the connection stays open for what comes later.
  if (!state_->run(read, timeout, [&] {
        asio::error_code ignored;
        state_->socket.cancel(ignored);
      })) {
    buffer.append(chunk.data(), got);  // a read that completed while cancelling keeps its bytes
    return got != 0 ? Read::data : Read::timeout;
  }
  buffer.append(chunk.data(), got);
  if (!*read) return Read::data;
  if (*read == asio::error::eof) {
    close();
    return got != 0 ? Read::data : Read::closed;
  }
  error_ = "cannot read the response: " + read->message();
  close();
  return got != 0 ? Read::data : Read::error;
}

}  // namespace h1resp::probe
