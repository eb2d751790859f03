// One client connection and the upstream connection it uses: reads a request, forwards it,
// reads the upstream's response with h1resp (parser, framing, validator, chunked decoder) and
// forwards it re-serialised, or answers 502 when the response is rejected.
//
// Life cycle, one exchange at a time (no pipelining towards the upstream):
//   read request -> connect or reuse upstream -> send request head (+ body, concurrently with)
//   -> relay: interim 1xx forwarded, final response held back until complete or hold_bytes,
//      then streamed -> keep both connections or close either.
// A 101 turns the two connections into a tunnel until either side closes.
#pragma once

#include <array>
#include <asio.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "buffer.hpp"
#include "config.hpp"
#include "h1resp/chunked.hpp"
#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "request.hpp"
#include "response_head.hpp"

namespace h1proxy {

class Server;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server& server, asio::ip::tcp::socket client, std::uint64_t id);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Runs the connection on its socket's executor; the coroutines own the session.
  static void start(std::shared_ptr<Session> session);

 private:
  // What the watchdog closes when the deadline passes.
  enum class Phase : std::uint8_t {
    client,    // waiting for the client (its request, or to take response bytes): close all
    upstream,  // waiting for the upstream: close it; the relay answers 504 if it still can
    tunnel,    // a 101 tunnel without traffic: close all
  };

  // The result of one request/response exchange.
  struct Exchange {
    unsigned status = 0;         // the final status sent to the client (0: none)
    bool keep_client = false;    // the client connection can take its next request
    bool keep_upstream = false;  // the upstream connection can take the next request
    bool retry = false;          // the upstream closed without a byte: the request may be resent
  };

  using Millis = std::chrono::milliseconds;
  using Clock = std::chrono::steady_clock;

  asio::awaitable<void> run(std::shared_ptr<Session> self);
  asio::awaitable<void> watchdog(std::shared_ptr<Session> self);
  // Sets the deadline `timeout` from now, and what expiring means.
  void arm(Phase phase, Millis timeout) noexcept;
  // Moves the deadline without changing the phase.
  void extend(Millis timeout) noexcept;
  void on_timeout() noexcept;
  void shutdown() noexcept;
  asio::awaitable<void> linger_close();

  asio::awaitable<Exchange> exchange(const Request& request);
  asio::awaitable<std::error_code> connect_upstream();
  bool upstream_usable();
  void close_upstream() noexcept;
  asio::awaitable<void> send_body(const Request& request);
  asio::awaitable<void> relay_then_stop_body(const Request& request, Exchange& ex);
  asio::awaitable<void> relay(const Request& request, Exchange& ex);
  asio::awaitable<void> forward_final(const Request& request, const h1resp::Framing& framing,
                                      Exchange& ex);
  asio::awaitable<void> tunnel(Exchange& ex);
  asio::awaitable<void> pump(asio::ip::tcp::socket& from, asio::ip::tcp::socket& to,
                             asio::mutable_buffer buffer);

  // Body bytes for the client: held before the commit, coalesced after it.
  asio::awaitable<bool> emit(std::string_view piece);
  // Sends the response head and the held body; `complete`: the whole body is held, with tail_.
  asio::awaitable<bool> commit(bool complete);
  asio::awaitable<bool> flush();
  asio::awaitable<bool> write_chunk(std::string_view data, std::string_view tail);
  asio::awaitable<bool> finish_body();
  // The hold time passed while waiting for upstream bytes: commit what is held.
  asio::awaitable<bool> wait_upstream_or_commit();

  // The response cannot be forwarded: logs `what`, drops the upstream, answers `status` (or
  // aborts the client connection when bytes of the response were already sent).
  asio::awaitable<void> refuse(std::string_view what, Exchange& ex, unsigned status = 502);
  asio::awaitable<void> refuse(const h1resp::ParseError& error, Exchange& ex);
  // A response of the proxy's own (502, 504, request errors), with Content-Length.
  asio::awaitable<void> send_own(unsigned status, std::string_view reason, std::string_view text,
                                 bool keep_alive, Exchange& ex);
  void log_findings(const h1resp::FindingList& findings, h1resp::Severity at_least);
  const std::string& prefix();

  asio::awaitable<std::size_t> read_client();
  asio::awaitable<std::pair<std::error_code, std::size_t>> read_upstream(bool grow);
  template <typename Buffers>
  asio::awaitable<bool> write_client(const Buffers& buffers);

  Server& server_;
  const Config& config_;
  const std::uint64_t id_;
  asio::ip::tcp::socket client_;
  asio::ip::tcp::socket upstream_;
  asio::steady_timer watchdog_timer_;
  asio::steady_timer hold_timer_;
  Clock::time_point deadline_ = Clock::time_point::max();
  Phase phase_ = Phase::client;

  InputBuffer client_in_;     // request header (pinned during the exchange) and body bytes
  InputBuffer upstream_in_;   // response header (pinned during the body) and body bytes
  OutputBuffer hold_;         // held or coalesced body bytes for the client
  std::string request_head_;  // the request as sent upstream
  std::string head_;          // the response head as sent to the client
  std::string tail_;          // last chunk and trailers
  std::string codings_;       // transfer codings before chunked
  std::string prefix_;        // log prefix of the current request
  std::array<char, 20> chunk_line_{};

  RequestReader reader_;
  std::vector<h1resp::FieldLine> fields_;
  h1resp::ResponseParser parser_;
  std::array<h1resp::FieldLine, h1resp::kDefaultFieldCapacity> trailer_fields_{};
  h1resp::ChunkedDecoder chunked_;
  h1resp::FindingList findings_;

  // The exchange in progress.
  const Request* request_ = nullptr;
  HeadOptions head_options_{};
  bool length_at_commit_ = false;  // HTTP/1.0 client, unknown length: Content-Length if complete
  bool committed_ = false;         // response bytes were sent: a failure can only abort
  bool body_done_ = true;          // the request body was forwarded whole
  bool stop_body_ = false;         // the exchange ended first: stop forwarding the body
  bool client_gone_ = false;
  bool timed_out_ = false;
  bool closed_ = false;
  Clock::time_point hold_until_{};
};

}  // namespace h1proxy
