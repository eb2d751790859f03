// One TCP connection to the server under test, with a deadline on every operation. Standalone
// Asio underneath; each call runs the I/O context until its operation completes or its time is
// up, so the probe stays a simple sequence of steps.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace h1resp::probe {

class Connection {
 public:
  using Duration = std::chrono::milliseconds;

  enum class Read : std::uint8_t {
    data,     // bytes were appended
    closed,   // the server closed the connection (end of stream)
    timeout,  // nothing came in time; the connection stays usable
    error,    // an I/O error (see error()); the connection is closed
  };

  Connection();
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Resolves `host` and connects to the first address that answers, within `timeout` in all.
  // Returns false (see error()) when no address could be reached.
  bool connect(const std::string& host, std::uint16_t port, Duration timeout);
  // Sends all of `bytes` within `timeout`. Returns false on an error or a timeout (closed then).
  bool write(std::string_view bytes, Duration timeout);
  // Waits up to `timeout` for bytes and appends what arrived to `buffer`.
  Read read_some(std::string& buffer, Duration timeout);
  void close() noexcept;

  [[nodiscard]] bool is_open() const noexcept;
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  // The address connected to, e.g. "127.0.0.1:8080".
  [[nodiscard]] const std::string& peer() const noexcept { return peer_; }

 private:
  struct State;  // Asio objects, kept out of this header (connection.cpp)
  std::unique_ptr<State> state_;
  std::string error_;
  std::string peer_;
};

}  // namespace h1resp::probe
