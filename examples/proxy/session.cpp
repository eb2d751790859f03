#include "session.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <cerrno>
#include <charconv>

#include "h1resp/response.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/validator.hpp"
#include "log.hpp"
#include "server.hpp"

namespace h1proxy {
namespace {

using asio::ip::tcp;
using h1resp::BodyKind;
using h1resp::Severity;
using namespace asio::experimental::awaitable_operators;

// Errors are values (as_tuple), not exceptions. Every co_await is a statement or an initializer,
// never inside a condition: GCC 12 miscompiles `if (!co_await f())` and `c ? co_await f() : ...`
// into frames resumed after their end (SIGILL) (seen with the proxy on Debian 12).
constexpr auto use_tuple = asio::experimental::as_tuple(asio::use_awaitable);

// Interim responses before the final one: more is an upstream that never answers.
constexpr unsigned kMaxInterim = 16;

constexpr std::string_view kCrlf = "\r\n";

}  // namespace

Session::Session(Server& server, tcp::socket client, std::uint64_t id)
    : server_(server),
      config_(server.config()),
      id_(id),
      client_(std::move(client)),
      upstream_(client_.get_executor()),
      watchdog_timer_(client_.get_executor()),
      hold_timer_(client_.get_executor()),
      // Room for the largest request header, and for body bytes after it while it is pinned.
      client_in_(config_.max_request_header_bytes + config_.io_bytes,
                 config_.max_request_header_bytes + config_.io_bytes),
      // Starts small; grows for a large header section up to the policy's limit, and keeps room
      // for a trailer section behind a pinned header.
      upstream_in_(config_.io_bytes, std::size_t{config_.policy.limits.max_header_section_bytes} +
                                         config_.policy.limits.max_trailer_section_bytes +
                                         config_.io_bytes),
      hold_(config_.hold_bytes),
      reader_(RequestLimits{config_.max_request_header_bytes, config_.max_request_fields,
                            config_.max_request_body_bytes}),
      fields_(config_.policy.limits.max_fields),
      parser_(fields_, config_.policy),
      chunked_(trailer_fields_, config_.policy) {
  server_.opened();
}

Session::~Session() {
  server_.closed();
}

void Session::start(std::shared_ptr<Session> session) {
  const auto executor = session->client_.get_executor();
  asio::co_spawn(executor, session->watchdog(session), asio::detached);
  asio::co_spawn(executor, session->run(session), asio::detached);
}

// ---------------------------------------------------------------------------------------------
// Timeouts: one deadline per connection, moved by every wait; a single timer checks it.

void Session::arm(Phase phase, Millis timeout) noexcept {
  phase_ = phase;
  extend(timeout);
}

void Session::extend(Millis timeout) noexcept {
  deadline_ = Clock::now() + timeout;
  // A deadline earlier than the one the watchdog sleeps towards wakes it (a wait on an expiry
  // change is cancelled); later ones it finds when it wakes.
  if (deadline_ < watchdog_timer_.expiry()) watchdog_timer_.expires_at(deadline_);
}

asio::awaitable<void> Session::watchdog(std::shared_ptr<Session> self) {
  while (!closed_) {
    watchdog_timer_.expires_at(deadline_);
    co_await watchdog_timer_.async_wait(use_tuple);
    if (closed_) break;
    if (deadline_ <= Clock::now()) {
      on_timeout();
      deadline_ = Clock::time_point::max();
    }
  }
  (void)self;
}

void Session::on_timeout() noexcept {
  timed_out_ = true;
  std::error_code ignored;
  upstream_.close(ignored);
  // Waiting for the upstream, the relay can still answer 504; waiting for the client, there is
  // nobody to answer.
  if (phase_ != Phase::upstream) client_.close(ignored);
}

void Session::shutdown() noexcept {
  closed_ = true;
  std::error_code ignored;
  client_.close(ignored);
  upstream_.close(ignored);
  watchdog_timer_.cancel();
  hold_timer_.cancel();
}

// ---------------------------------------------------------------------------------------------
// Socket helpers: errors are values; a failed client read or write marks the client gone.

asio::awaitable<std::size_t> Session::read_client() {
  const asio::mutable_buffer room = client_in_.prepare(false);
  if (room.size() == 0) co_return 0;
  auto [ec, n] = co_await client_.async_read_some(room, use_tuple);
  if (ec) co_return 0;
  client_in_.commit(n);
  co_return n;
}

asio::awaitable<std::pair<std::error_code, std::size_t>> Session::read_upstream(bool grow) {
  const asio::mutable_buffer room = upstream_in_.prepare(grow);
  if (room.size() == 0) co_return std::pair{asio::error::no_buffer_space, std::size_t{0}};
  auto [ec, n] = co_await upstream_.async_read_some(room, use_tuple);
  if (!ec) upstream_in_.commit(n);
  co_return std::pair<std::error_code, std::size_t>{ec, ec ? 0 : n};
}

template <typename Buffers>
asio::awaitable<bool> Session::write_client(const Buffers& buffers) {
  arm(Phase::client, config_.client_timeout);
  auto [ec, n] = co_await asio::async_write(client_, buffers, use_tuple);
  if (ec) client_gone_ = true;
  co_return !ec;
}

const std::string& Session::prefix() {
  if (prefix_.empty()) {
    prefix_ = request_ != nullptr ? log_prefix(id_, request_->method_name, request_->target)
                                  : log_prefix(id_, "-", "-");
  }
  return prefix_;
}

void Session::log_findings(const h1resp::FindingList& findings, Severity at_least) {
  for (const h1resp::Finding& f : findings) {
    if (f.severity < at_least || f.severity == Severity::error) continue;
    if (f.severity == Severity::info && !config_.verbose) continue;
    log_line(prefix() + " " + std::string(h1resp::to_string(f.severity)) + ": " + describe(f));
  }
}

// ---------------------------------------------------------------------------------------------
// The connection: one request at a time.

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  for (;;) {
    request_ = nullptr;
    prefix_.clear();
    reader_.reset();
    timed_out_ = false;
    arm(Phase::client, config_.client_timeout);
    RequestReader::Status status = reader_.parse(client_in_.data());
    while (status == RequestReader::Status::incomplete) {
      const std::size_t n = co_await read_client();
      if (n == 0) {
        // A close between requests is the normal end; within one, there is nobody to answer.
        if (!client_in_.empty() && !timed_out_) {
          log_line(prefix() + " client closed in the middle of a request header");
        }
        shutdown();
        co_return;
      }
      status = reader_.parse(client_in_.data());
    }
    Exchange ex;
    if (status == RequestReader::Status::error) {
      const RequestError& e = reader_.error();
      log_line(prefix() + " " + std::to_string(e.status) +
               " bad request: " + std::string(e.detail));
      co_await send_own(e.status, e.reason, e.detail, false, ex);
      co_await linger_close();
      co_return;
    }
    const Request& request = reader_.request();
    request_ = &request;
    // The header stays where it is (the request's views point into it); its body follows.
    client_in_.consume(request.header_size);
    client_in_.pin(request.header_size);
    ex = co_await exchange(request);
    if (config_.verbose) {
      log_line(prefix() + " " + std::to_string(ex.status) +
               (ex.keep_client ? " keep-alive" : " close") +
               (ex.keep_upstream ? " upstream-kept" : " upstream-closed"));
    }
    if (!ex.keep_client || client_gone_) break;
    // What follows the request (a pipelined request) moves to the front.
    client_in_.unpin();
  }
  co_await linger_close();
  (void)self;
}

asio::awaitable<void> Session::linger_close() {
  // The client may still be sending (the rest of a body, pipelined requests): closing with
  // unread bytes makes the kernel answer with a reset, which can destroy the response still in
  // flight. So: send FIN, read and drop for a moment, then close (nginx's lingering close).
  if (!client_gone_ && client_.is_open()) {
    constexpr Millis kLinger{1000};
    constexpr std::size_t kMaxDrained = 1 << 20;
    std::error_code ignored;
    client_.shutdown(tcp::socket::shutdown_send, ignored);
    arm(Phase::client, kLinger);
    for (std::size_t drained = 0; drained < kMaxDrained;) {
      auto [ec, n] =
          co_await client_.async_read_some(asio::buffer(hold_.raw(), hold_.capacity()), use_tuple);
      if (ec) break;
      drained += n;
    }
  }
  shutdown();
}

// ---------------------------------------------------------------------------------------------
// The upstream side of one exchange.

bool Session::upstream_usable() {
  // An idle kept-alive connection must be silent: a byte here would be read as the response to
  // the next request (catalog C19 framing.extra-data), and EOF means the upstream closed it.
  char byte;
  const ssize_t n = ::recv(upstream_.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
  if (n > 0) {
    log_line(prefix() + " framing.extra-data: the idle upstream connection sent bytes; closed");
  }
  return false;
}

void Session::close_upstream() noexcept {
  std::error_code ignored;
  upstream_.close(ignored);
  upstream_in_.clear();
}

asio::awaitable<std::error_code> Session::connect_upstream() {
  arm(Phase::upstream, config_.connect_timeout);
  auto [ec, endpoint] = co_await asio::async_connect(upstream_, server_.upstream(), use_tuple);
  if (!ec) {
    std::error_code ignored;
    upstream_.set_option(tcp::no_delay(true), ignored);
  }
  co_return ec;
}

asio::awaitable<Session::Exchange> Session::exchange(const Request& request) {
  Exchange ex;
  body_done_ = request.content_length == 0;
  stop_body_ = false;
  client_gone_ = false;
  timed_out_ = false;
  committed_ = false;
  serialize_upstream_request(request, config_.via, server_.upstream_authority(), request_head_);
  for (int attempt = 0;; ++attempt) {
    // RFC 9112 §9.3.1: a request on a reused connection that closed before answering may be
    // retried once when it is idempotent and has no body to resend.
    const bool may_retry = attempt == 0 && request.retryable();
    bool reused = upstream_.is_open();
    if (reused && !upstream_usable()) {
      close_upstream();
      reused = false;
    }
    if (!upstream_.is_open()) {
      const std::error_code ec = co_await connect_upstream();
      if (ec) {
        const bool timeout = timed_out_;
        close_upstream();
        log_line(prefix() + (timeout ? " 504" : " 502") + " cannot connect to the upstream: " +
                 (timeout ? std::string("timeout") : ec.message()));
        co_await send_own(timeout ? 504 : 502, timeout ? "Gateway Timeout" : "Bad Gateway",
                          "the upstream server cannot be reached", request.keep_alive, ex);
        co_return ex;
      }
    }
    arm(Phase::upstream, config_.upstream_timeout);
    auto [ec, n] = co_await asio::async_write(upstream_, asio::buffer(request_head_), use_tuple);
    if (ec) {
      close_upstream();
      if (reused && may_retry && !timed_out_) {
        if (config_.verbose) log_line(prefix() + " kept upstream connection failed: retrying");
        continue;
      }
      log_line(prefix() + " 502 cannot send the request upstream: " + ec.message());
      co_await send_own(502, "Bad Gateway", "the upstream server cannot be reached",
                        request.keep_alive, ex);
      co_return ex;
    }
    upstream_in_.clear();
    if (request.content_length > 0) {
      // The body goes up while the response comes down: an upstream may answer 100 Continue,
      // or a final response, before it has the body.
      co_await (send_body(request) && relay_then_stop_body(request, ex));
    } else {
      co_await relay(request, ex);
    }
    if (ex.retry) {
      close_upstream();
      if (reused && may_retry && !client_gone_ && !timed_out_) {
        if (config_.verbose) log_line(prefix() + " kept upstream connection closed: retrying");
        ex = Exchange{};
        continue;
      }
      ex.retry = false;
      co_await refuse("the upstream closed the connection without a response", ex);
    }
    break;
  }
  if (!ex.keep_upstream) close_upstream();
  if (!body_done_) ex.keep_client = false;
  co_return ex;
}

asio::awaitable<void> Session::send_body(const Request& request) {
  std::uint64_t remaining = request.content_length;
  while (remaining > 0) {
    if (client_in_.empty()) {
      // Only the deadline: the phase stays the relay's (a timeout then ends with a 504).
      extend(config_.client_timeout);
      const std::size_t n = co_await read_client();
      if (stop_body_) co_return;
      if (n == 0) {
        // The client left in the middle of its body: the upstream waits for bytes that never
        // come, and its response has nobody to go to. Only the socket is closed: the relay may
        // be suspended in a write with a response in upstream_in_, which must stay as it is
        // until the relay sees client_gone_ (the exchange clears it afterwards).
        client_gone_ = true;
        std::error_code ignored;
        upstream_.close(ignored);
        co_return;
      }
    }
    const std::size_t take =
        static_cast<std::size_t>(std::min<std::uint64_t>(remaining, client_in_.size()));
    extend(config_.upstream_timeout);
    auto [ec, n] = co_await asio::async_write(
        upstream_, asio::buffer(client_in_.data().data(), take), use_tuple);
    // An upstream that stops reading has answered or gone: the relay finds out which.
    if (ec) co_return;
    client_in_.consume(take);
    remaining -= take;
  }
  body_done_ = true;
}

asio::awaitable<void> Session::relay_then_stop_body(const Request& request, Exchange& ex) {
  co_await relay(request, ex);
  // A final response before the whole request body: an upstream that keeps the connection
  // reads the rest and discards it (nginx does), so the body keeps flowing and both connections
  // stay usable. Otherwise (a failure, or an upstream that closes) stop reading it; neither
  // connection can be reused.
  if (!body_done_ && !ex.keep_upstream) {
    std::error_code ignored;
    stop_body_ = true;
    client_.cancel(ignored);
    close_upstream();
    ex.keep_upstream = false;
  }
}

// ---------------------------------------------------------------------------------------------
// The response: header section, framing, validation, then interim, tunnel or final.

asio::awaitable<void> Session::relay(const Request& request, Exchange& ex) {
  const h1resp::RequestContext context = request.context();
  unsigned interim = 0;
  bool interim_close = false;  // an interim response said "Connection: close"
  for (;;) {
    // Each response starts at the front of the buffer, where the parser wants its first byte.
    upstream_in_.unpin();
    parser_.reset();
    h1resp::ParseStatus status = parser_.feed(upstream_in_.data());
    // One deadline for the whole header section, not one per read: an upstream that sends a
    // byte now and then must not hold both connections for upstream_timeout per byte.
    arm(Phase::upstream, config_.upstream_timeout);
    while (status == h1resp::ParseStatus::incomplete) {
      auto [ec, n] = co_await read_upstream(true);
      if (n == 0) {
        if (client_gone_) co_return;
        if (timed_out_) {
          co_await refuse("timeout waiting for the upstream response", ex, 504);
          co_return;
        }
        if (upstream_in_.empty() && interim == 0) {
          ex.retry = true;  // nothing at all: the exchange decides (retry or 502)
          co_return;
        }
        // The upstream closed (or failed) inside the header section: the parser names the rule
        // (message.incomplete, or one the bytes already break, e.g. status.http09).
        status = parser_.finish();
        break;
      }
      status = parser_.feed(upstream_in_.data());
    }
    if (status == h1resp::ParseStatus::error) {
      co_await refuse(parser_.error(), ex);
      co_return;
    }

    const h1resp::Response& response = parser_.response();
    findings_.clear();
    for (const h1resp::Finding& f : parser_.findings())
      findings_.add(f);
    h1resp::Framing framing = h1resp::decide_framing(response, request.method, findings_);
    // An interim response's "Connection: close" ends the upstream connection after the final
    // response (RFC 9110 §7.6.1).
    if (!framing.interim && interim_close) framing.persistent = false;
    h1resp::validate(response, framing, context, config_.policy, findings_);
    // A response that cannot have content (RFC 9112 §6.3 (1)) followed by bytes: they are a
    // body the upstream sent anyway, which another recipient would read as the next response
    // (catalog C01, C03, E01). Only a 1xx may be followed by bytes: the next response.
    if (framing.body == BodyKind::none && !framing.interim &&
        upstream_in_.size() > response.header_size) {
      const h1resp::Rule rule = request.method == h1resp::RequestMethod::head
                                    ? h1resp::Rule::body_head
                                : response.status == 204 ? h1resp::Rule::body_204
                                : response.status == 304 ? h1resp::Rule::code_304_no_body
                                                         : h1resp::Rule::framing_extra_data;
      findings_.add(rule, Severity::error, response.header_size,
                    static_cast<std::uint32_t>(upstream_in_.size() - response.header_size),
                    "bytes after a response that cannot have content");
    }
    if (findings_.verdict() == h1resp::Verdict::reject) {
      // The first error, kept by the list even when it was full.
      const h1resp::Finding* first = findings_.first_error();
      std::string what = first != nullptr ? describe(*first) : "errors (not stored)";
      const std::uint32_t errors = findings_.count(Severity::error);
      if (errors > 1) what += " (+" + std::to_string(errors - 1) + " more errors)";
      log_findings(findings_, Severity::warning);
      co_await refuse(what, ex);
      co_return;
    }
    log_findings(findings_, Severity::info);

    if (framing.interim) {
      // 1xx (RFC 9110 §15.2): forwarded as they come, except to an HTTP/1.0 client, which
      // cannot receive them; the final response follows on the same connection.
      interim_close = interim_close || !framing.persistent;
      if (++interim > kMaxInterim) {
        co_await refuse("more than 16 interim responses", ex);
        co_return;
      }
      if (request.version_minor >= 1) {
        HeadOptions o;
        o.via = config_.via;
        o.upstream_minor = response.version_minor;
        serialize_response_head(response, o, head_);
        const bool sent = co_await write_client(asio::buffer(head_));
        if (!sent || client_gone_) co_return;
      }
      upstream_in_.consume(response.header_size);
      continue;
    }
    if (framing.body == BodyKind::tunnel) {
      // 101 (RFC 9110 §15.2.2): the validator refused one the request did not ask for.
      HeadOptions o;
      o.upgrade = true;
      o.via = config_.via;
      o.upstream_minor = response.version_minor;
      serialize_response_head(response, o, head_);
      upstream_in_.consume(response.header_size);
      committed_ = true;
      ex.status = response.status;
      const bool sent = co_await write_client(asio::buffer(head_));
      if (!sent) co_return;
      co_await tunnel(ex);
      co_return;
    }
    co_await forward_final(request, framing, ex);
    co_return;
  }
}

asio::awaitable<void> Session::forward_final(const Request& request, const h1resp::Framing& framing,
                                             Exchange& ex) {
  const h1resp::Response& response = parser_.response();
  const std::uint32_t header_size = response.header_size;
  const bool client10 = request.version_minor == 0;
  HeadOptions& o = head_options_;
  o = HeadOptions{};
  o.via = config_.via;
  o.upstream_minor = response.version_minor;
  length_at_commit_ = false;
  codings_.clear();
  if (framing.body == BodyKind::chunked || framing.body == BodyKind::until_close) {
    transfer_codings_before_chunked(response, codings_);
  }
  switch (framing.body) {
    case BodyKind::content_length:
      o.body = DownstreamBody::content_length;
      o.length = framing.length;
      break;
    case BodyKind::chunked:
    case BodyKind::until_close:
      if (!client10) {
        // Re-chunked for an HTTP/1.1 client: the client gets a self-delimited body even when
        // the upstream delimits it by closing (RFC 9112 §7).
        o.body = DownstreamBody::chunked;
        o.codings = codings_;
        o.keep_trailer = framing.body == BodyKind::chunked;
      } else if (!codings_.empty()) {
        // RFC 9112 §6.1: no transfer coding for an HTTP/1.0 recipient, and the proxy does not
        // decode codings other than chunked.
        co_await refuse("a transfer coding other than chunked cannot go to an HTTP/1.0 client", ex);
        co_return;
      } else {
        o.body = DownstreamBody::close;
        length_at_commit_ = true;
      }
      break;
    case BodyKind::none:
    case BodyKind::tunnel:
      o.body = DownstreamBody::none;
      o.keep_content_length =
          request.method == h1resp::RequestMethod::head || response.status == 304;
      break;
  }
  // A request body still on its way when a response that closes the upstream comes: the proxy
  // stops reading it (relay_then_stop_body), so the client connection ends with this response
  // and says so (RFC 9112 §9.6) rather than just closing after it.
  o.close = !request.keep_alive || o.body == DownstreamBody::close ||
            (!body_done_ && !framing.persistent);
  o.keep_alive_10 = client10 && !o.close;
  ex.status = response.status;

  // The header stays pinned in the buffer (response views point into it); the body flows
  // behind it.
  upstream_in_.consume(header_size);
  upstream_in_.pin(header_size);
  hold_.clear();
  // The last chunk; a chunked upstream body replaces it with one that carries its trailers.
  tail_ = o.body == DownstreamBody::chunked ? "0\r\n\r\n" : "";
  hold_until_ = Clock::now() + config_.hold_time;
  std::uint64_t remaining = framing.length;
  std::uint64_t position = header_size;  // response bytes consumed, for offsets in the log
  if (framing.body == BodyKind::chunked) chunked_.reset(header_size);
  bool complete = framing.body == BodyKind::none || framing.body == BodyKind::tunnel ||
                  (framing.body == BodyKind::content_length && remaining == 0);

  while (!complete) {
    // The bytes already here.
    if (framing.body == BodyKind::content_length) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(remaining, upstream_in_.size()));
      if (take > 0) {
        const bool sent = co_await emit(upstream_in_.data().substr(0, take));
        if (!sent) break;
        upstream_in_.consume(take);
        remaining -= take;
        position += take;
      }
      complete = remaining == 0;
    } else if (framing.body == BodyKind::until_close) {
      if (!upstream_in_.empty()) {
        const std::size_t take = upstream_in_.size();
        const bool sent = co_await emit(upstream_in_.data());
        if (!sent) break;
        upstream_in_.consume(take);
        position += take;
      }
    } else {
      bool failed = false;
      for (;;) {
        const h1resp::ChunkedDecoder::Result r = chunked_.feed(upstream_in_.data());
        if (r.status == h1resp::ChunkedDecoder::Status::data) {
          const bool sent = co_await emit(r.data);
          if (!sent) {
            failed = true;
            break;
          }
        } else if (r.status == h1resp::ChunkedDecoder::Status::complete) {
          // The trailer fields are views into the bytes just fed: serialise them now.
          // An HTTP/1.0 client gets no trailers (its framing is a length or the close).
          if (o.body == DownstreamBody::chunked) {
            tail_ = "0\r\n";
            serialize_trailers(chunked_.trailers(), tail_);
          }
          h1resp::FindingList trailer_findings;
          for (const h1resp::Finding& f : chunked_.findings())
            trailer_findings.add(f);
          h1resp::validate_trailers(chunked_.trailers(), chunked_.trailer_offset(), response,
                                    trailer_findings);
          log_findings(trailer_findings, Severity::info);
          const auto error =
              std::find_if(trailer_findings.begin(), trailer_findings.end(),
                           [](const h1resp::Finding& f) { return f.severity == Severity::error; });
          if (error != trailer_findings.end()) {
            co_await refuse(describe(*error), ex);
            co_return;
          }
          complete = true;
        } else if (r.status == h1resp::ChunkedDecoder::Status::error) {
          co_await refuse(chunked_.error(), ex);
          co_return;
        }
        upstream_in_.consume(r.consumed);
        position += r.consumed;
        if (r.status != h1resp::ChunkedDecoder::Status::data) break;
      }
      if (failed) break;
    }
    if (complete || client_gone_) break;

    // More bytes are needed.
    bool ready = false;
    if (committed_) {
      ready = co_await flush();
    } else {
      ready = co_await wait_upstream_or_commit();
    }
    if (!ready) break;
    arm(Phase::upstream, config_.upstream_timeout);
    const char* base = upstream_in_.base();
    // Only a trailer section has to be whole in the buffer; chunk data and lines flow through.
    auto [ec, n] = co_await read_upstream(framing.body == BodyKind::chunked);
    if (upstream_in_.base() != base) parser_.feed(upstream_in_.front(header_size));
    if (n > 0) continue;
    if (client_gone_) break;
    if (timed_out_) {
      co_await refuse("timeout waiting for the upstream response body", ex, 504);
      co_return;
    }
    if (framing.body == BodyKind::until_close && ec == asio::error::eof) {
      complete = true;  // RFC 9112 §6.3 (8): the close is the end
      break;
    }
    if (framing.body == BodyKind::chunked) {
      chunked_.finish();
      co_await refuse(chunked_.error(), ex);
      co_return;
    }
    co_await refuse(describe(h1resp::Finding{
                        h1resp::Rule::message_incomplete, Severity::error, position, 0,
                        ec == asio::error::eof ? "the upstream closed before the end of the body"
                                               : "upstream read error before the end of the body"}),
                    ex);
    co_return;
  }
  if (!complete) {
    // The client went away while the body was on its way.
    close_upstream();
    ex.keep_client = false;
    co_return;
  }

  // Bytes after the end of the response, before the next request was even sent, are not a
  // response to anything (catalog C19): never forwarded, and the connection is not reused.
  bool extra = false;
  if (!upstream_in_.empty()) {
    extra = true;
    const std::string what = describe(h1resp::Finding{
        h1resp::Rule::framing_extra_data, Severity::error, position,
        static_cast<std::uint32_t>(upstream_in_.size()), "bytes after the end of the response"});
    if (!committed_) {
      co_await refuse(what, ex);
      co_return;
    }
    log_line(prefix() + " upstream connection closed: " + what);
  }
  const bool finished = co_await finish_body();
  if (!finished) {
    close_upstream();
    ex.keep_client = false;
    co_return;
  }
  ex.keep_upstream = framing.persistent && !extra && upstream_.is_open();
  ex.keep_client = !head_options_.close;
}

// ---------------------------------------------------------------------------------------------
// Output: the held body, the commit, chunks.

asio::awaitable<bool> Session::emit(std::string_view piece) {
  if (piece.size() <= hold_.room()) {
    hold_.append(piece);
    co_return true;
  }
  bool ok = false;
  if (!committed_) {
    ok = co_await commit(false);
  } else {
    ok = co_await flush();
  }
  if (!ok) co_return false;
  if (piece.size() <= hold_.room() / 2) {
    hold_.append(piece);
    co_return true;
  }
  ok = co_await write_chunk(piece, {});
  co_return ok;
}

asio::awaitable<bool> Session::commit(bool complete) {
  committed_ = true;
  HeadOptions& o = head_options_;
  if (length_at_commit_) {
    // An HTTP/1.0 client and a body of unknown length: if all of it is here, it gets a
    // Content-Length and the connection may persist; otherwise the close delimits it.
    if (complete) {
      o.body = DownstreamBody::content_length;
      o.length = hold_.size();
      o.close = !request_->keep_alive;
      o.keep_alive_10 = !o.close;
    } else {
      o.close = true;
      o.keep_alive_10 = false;
    }
  }
  serialize_response_head(parser_.response(), o, head_);
  if (o.body != DownstreamBody::chunked) {
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                    asio::buffer(hold_.data())};
    const bool ok = co_await write_client(buffers);
    hold_.clear();
    co_return ok;
  }
  std::size_t line = 0;
  if (!hold_.empty()) {
    const auto [end, ec] =
        std::to_chars(chunk_line_.data(), chunk_line_.data() + 16, hold_.size(), 16);
    line = static_cast<std::size_t>(end - chunk_line_.data());
    chunk_line_[line++] = '\r';
    chunk_line_[line++] = '\n';
  }
  const std::string_view data_end = hold_.empty() ? std::string_view{} : kCrlf;
  const std::array<asio::const_buffer, 5> buffers{
      asio::buffer(head_), asio::buffer(chunk_line_.data(), line), asio::buffer(hold_.data()),
      asio::buffer(data_end),
      asio::buffer(complete ? std::string_view(tail_) : std::string_view{})};
  const bool ok = co_await write_client(buffers);
  hold_.clear();
  co_return ok;
}

asio::awaitable<bool> Session::write_chunk(std::string_view data, std::string_view tail) {
  if (head_options_.body != DownstreamBody::chunked) {
    const std::array<asio::const_buffer, 1> buffers{asio::buffer(data)};
    const bool ok = co_await write_client(buffers);
    co_return ok;
  }
  std::size_t line = 0;
  if (!data.empty()) {
    const auto [end, ec] =
        std::to_chars(chunk_line_.data(), chunk_line_.data() + 16, data.size(), 16);
    line = static_cast<std::size_t>(end - chunk_line_.data());
    chunk_line_[line++] = '\r';
    chunk_line_[line++] = '\n';
  }
  const std::array<asio::const_buffer, 4> buffers{
      asio::buffer(chunk_line_.data(), line), asio::buffer(data),
      asio::buffer(data.empty() ? std::string_view{} : kCrlf), asio::buffer(tail)};
  const bool ok = co_await write_client(buffers);
  co_return ok;
}

asio::awaitable<bool> Session::flush() {
  if (hold_.empty()) co_return true;
  const bool ok = co_await write_chunk(hold_.data(), {});
  hold_.clear();
  co_return ok;
}

asio::awaitable<bool> Session::finish_body() {
  if (!committed_) {
    const bool ok = co_await commit(true);
    co_return ok;
  }
  const bool chunked = head_options_.body == DownstreamBody::chunked;
  if (hold_.empty() && !chunked) co_return true;
  const bool ok = co_await write_chunk(hold_.data(), chunked ? std::string_view(tail_) : "");
  hold_.clear();
  co_return ok;
}

asio::awaitable<bool> Session::wait_upstream_or_commit() {
  // Before the commit the response is held, but not for ever: a body that trickles (a stream
  // of events, a slow generator) is forwarded once the hold time has passed.
  if (config_.hold_time.count() == 0) co_return true;
  if (Clock::now() >= hold_until_) {
    const bool ok = co_await commit(false);
    co_return ok;
  }
  arm(Phase::upstream, config_.upstream_timeout);
  hold_timer_.expires_at(hold_until_);
  // Waiting for readability, not reading: cancelling this wait never loses bytes.
  const auto which = co_await (upstream_.async_wait(tcp::socket::wait_read, use_tuple) ||
                               hold_timer_.async_wait(use_tuple));
  if (which.index() == 1 && !closed_) {
    const bool ok = co_await commit(false);
    co_return ok;
  }
  co_return true;
}

// ---------------------------------------------------------------------------------------------
// Failures and the proxy's own responses.

asio::awaitable<void> Session::refuse(const h1resp::ParseError& error, Exchange& ex) {
  co_await refuse(describe(error), ex);
}

asio::awaitable<void> Session::refuse(std::string_view what, Exchange& ex, unsigned status) {
  close_upstream();
  ex.keep_upstream = false;
  if (committed_) {
    // Part of the response is already with the client: the only honest signal left is an
    // incomplete message. A reset (linger 0) makes even a close-delimited body fail loudly.
    log_line(prefix() + " aborted after " + std::to_string(ex.status) + ": " + std::string(what));
    std::error_code ignored;
    client_.set_option(asio::socket_base::linger(true, 0), ignored);
    client_.close(ignored);
    client_gone_ = true;
    ex.keep_client = false;
    co_return;
  }
  log_line(prefix() + " " + std::to_string(status) + " refused: " + std::string(what));
  const std::string_view rule = what.substr(0, what.find(' '));
  std::string text = status == 504 ? "504 Gateway Timeout: the upstream server did not answer"
                                   : "502 Bad Gateway: the upstream response was refused";
  if (status == 502 && !rule.empty() && rule.find('.') != std::string_view::npos) {
    text += " (";
    text += rule;
    text += ")";
  }
  co_await send_own(status, status == 504 ? "Gateway Timeout" : "Bad Gateway", text,
                    request_ != nullptr && request_->keep_alive, ex);
}

asio::awaitable<void> Session::send_own(unsigned status, std::string_view reason,
                                        std::string_view text, bool keep_alive, Exchange& ex) {
  // The client connection persists only when its request was read whole.
  keep_alive = keep_alive && body_done_ && request_ != nullptr;
  const bool http10 = request_ != nullptr && request_->version_minor == 0;
  const bool head = request_ != nullptr && request_->method == h1resp::RequestMethod::head;
  std::string& out = head_;
  out = "HTTP/1.1 " + std::to_string(status) + " ";
  out += reason;
  out += "\r\nDate: ";
  out += http_date();
  out += "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ";
  out += std::to_string(text.size() + 1);
  out += keep_alive ? (http10 ? "\r\nConnection: keep-alive" : "") : "\r\nConnection: close";
  out += "\r\n\r\n";
  if (!head) {
    out += text;
    out += '\n';
  }
  committed_ = true;
  ex.status = status;
  ex.keep_client = co_await write_client(asio::buffer(out)) && keep_alive;
}

// ---------------------------------------------------------------------------------------------
// 101: a tunnel until either side closes.

asio::awaitable<void> Session::tunnel(Exchange& ex) {
  ex.keep_client = false;
  ex.keep_upstream = false;
  prefix();  // the request's views die with its buffer below
  if (!upstream_in_.empty()) {
    const bool sent = co_await write_client(asio::buffer(upstream_in_.data()));
    if (!sent) co_return;
  }
  if (!client_in_.empty()) {
    arm(Phase::tunnel, config_.tunnel_timeout);
    auto [ec, n] =
        co_await asio::async_write(upstream_, asio::buffer(client_in_.data()), use_tuple);
    if (ec) co_return;
  }
  request_ = nullptr;
  upstream_in_.clear();
  client_in_.clear();
  co_await (pump(upstream_, client_, asio::buffer(hold_.raw(), hold_.capacity())) &&
            pump(client_, upstream_, client_in_.prepare(false)));
}

asio::awaitable<void> Session::pump(tcp::socket& from, tcp::socket& to,
                                    asio::mutable_buffer buffer) {
  std::error_code ignored;
  for (;;) {
    arm(Phase::tunnel, config_.tunnel_timeout);
    auto [ec, n] = co_await from.async_read_some(buffer, use_tuple);
    if (ec) {
      // A clean end of one direction is passed on as such (half-close); anything else ends both.
      if (ec == asio::error::eof) {
        to.shutdown(tcp::socket::shutdown_send, ignored);
      } else {
        from.close(ignored);
        to.close(ignored);
      }
      co_return;
    }
    auto [wec, written] = co_await asio::async_write(to, asio::buffer(buffer.data(), n), use_tuple);
    if (wec) {
      from.close(ignored);
      to.close(ignored);
      co_return;
    }
  }
}

}  // namespace h1proxy
