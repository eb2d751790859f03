#include "probe/probe.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <deque>
#include <optional>

#include "h1resp/chunked.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"
#include "probe/connection.hpp"

namespace h1resp::probe {
namespace {

// Bytes after a complete response are read for at most this long in all: a server that streams
// garbage must not keep the probe forever.
constexpr std::size_t kMaxStrayBytes = 1 << 20;

// What came back for one request.
struct Received {
  std::string bytes;            // every byte received for the request, interim responses first
  std::size_t final_start = 0;  // where the final response starts in `bytes`
  bool complete = false;        // the final response was read to its end
  bool reusable = false;        // the connection may carry the next request
  bool stray = false;           // bytes came after the final response
  bool closed = false;          // the connection ended (closed by the server, or an I/O error)
  std::string problem;          // why reading stopped early, for people (timeout, I/O error)
  std::chrono::steady_clock::time_point deadline;  // ProbeOptions::max_time from the request
};

std::optional<std::uint64_t> content_length_value(const Response& r) {
  const std::size_t i = r.find("content-length");
  if (i == r.field_count()) return std::nullopt;
  const std::string_view v = r.field(i).value;
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

std::string field_text(const Response& r, std::size_t i) {
  const Field f = r.field(i);
  return f.flags & (FieldLine::obs_folded | FieldLine::bare_cr) ? normalized_value(f.value)
                                                                : std::string(f.value);
}

class Prober {
 public:
  Prober(const ProbeOptions& options, report::Reporter& reporter, report::Summary& summary)
      : options_(options),
        reporter_(reporter),
        summary_(summary),
        parser_(options.policy),
        reference_parser_(options.policy) {}

  void run() {
    if (!connect()) return;
    exchange(request("GET", {}), RequestMethod::get, Role::get);
    if (!ready()) return;
    exchange(request("HEAD", {}), RequestMethod::head, Role::head);
    if (!reference_) {
      note("no conditional GET: the GET response could not be parsed");
      return;
    }
    std::string conditions;
    const Response& ref = reference_parser_.response();
    if (const std::size_t i = ref.find("etag"); i != ref.field_count()) {
      conditions += "If-None-Match: " + field_text(ref, i) + "\r\n";
    }
    if (const std::size_t i = ref.find("last-modified"); i != ref.field_count()) {
      conditions += "If-Modified-Since: " + field_text(ref, i) + "\r\n";
    }
    if (conditions.empty()) {
      note(
          "no conditional GET: the GET response has neither ETag nor Last-Modified to "
          "revalidate with");
      return;
    }
    if (!ready()) return;
    exchange(request("GET", conditions), RequestMethod::get, Role::conditional);
  }

 private:
  enum class Role : std::uint8_t { get, head, conditional };

  std::string request(std::string_view method, std::string_view extra) const {
    return fmt::format("{} {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {}\r\nAccept: */*\r\n{}\r\n",
                       method, options_.url.target, options_.url.authority, options_.user_agent,
                       extra);
  }

  void note(std::string_view text) { reporter_.message(fmt::format("{}: {}", url_, text)); }

  bool connect() {
    if (!connection_.connect(options_.url.host, options_.url.port, options_.connect_timeout)) {
      ++summary_.unreadable;
      reporter_.unreadable(url_, connection_.error());
      failed_ = true;
      return false;
    }
    ++summary_.files;
    return true;
  }

  // Makes sure there is a connection for the next request: the same one when it persists.
  bool ready() {
    if (failed_) return false;
    if (reusable_ && connection_.is_open()) return true;
    connection_.close();
    note(fmt::format("opening a new connection: {}", why_new_connection_));
    return connect();
  }

  // The time left before r's deadline, at most `wait`; zero when it has passed.
  static Connection::Duration time_left(const Received& r, Connection::Duration wait) {
    const auto left = std::chrono::duration_cast<Connection::Duration>(
        r.deadline - std::chrono::steady_clock::now());
    return std::clamp(left, Connection::Duration(0), wait);
  }

  // Reads more of the response into r.bytes, within the bounds of ProbeOptions: past them, or
  // once the connection ends, `ended` is set and r.problem says why when it is not a close.
  Connection::Read read_more(Received& r, bool& ended) {
    if (ended) return Connection::Read::closed;
    if (r.bytes.size() >= options_.max_bytes) {
      ended = true;
      r.problem = fmt::format("stopped reading after {} bytes for one request (--max-bytes)",
                              r.bytes.size());
      return Connection::Read::timeout;
    }
    const auto max_time_reached = [&] {
      return fmt::format("stopped reading after {} ms for one request (--max-time)",
                         options_.max_time.count());
    };
    const Connection::Duration wait = time_left(r, options_.timeout);
    if (wait.count() == 0) {
      ended = true;
      r.problem = max_time_reached();
      return Connection::Read::timeout;
    }
    const Connection::Read result = connection_.read_some(r.bytes, wait);
    switch (result) {
      case Connection::Read::data:
        break;
      case Connection::Read::closed:
        ended = true;
        r.closed = true;
        break;
      case Connection::Read::timeout:
        ended = true;
        r.problem = wait < options_.timeout
                        ? max_time_reached()
                        : fmt::format("no byte came for {} ms: gave up on the response",
                                      options_.timeout.count());
        break;
      case Connection::Read::error:
        ended = true;
        r.closed = true;
        r.problem = connection_.error();
        break;
    }
    return result;
  }

  // Reads the responses to one request: interim ones, then the final one, then whatever stray
  // bytes follow it before the connection goes quiet.
  Received receive(RequestMethod method) {
    Received r;
    r.deadline = std::chrono::steady_clock::now() + options_.max_time;
    bool ended = false;
    std::size_t start = 0;
    for (;;) {
      parser_.reset();
      ParseStatus status = ParseStatus::incomplete;
      for (;;) {
        status = parser_.feed(std::string_view(r.bytes).substr(start));
        if (status != ParseStatus::incomplete) break;
        if (ended) {
          status = parser_.finish();
          break;
        }
        read_more(r, ended);
      }
      r.final_start = start;
      if (status != ParseStatus::complete) {  // the stream is lost
        if (why_new_connection_.empty()) {
          why_new_connection_ = status == ParseStatus::error ? "a response could not be parsed"
                                                             : "a response did not complete";
        }
        return r;
      }

      FindingList scratch;
      const Framing framing = decide_framing(parser_.response(), method, scratch);
      const std::size_t body = start + parser_.header_size();
      std::size_t end = body;
      bool complete = true;
      switch (framing.body) {
        case BodyKind::none:
        case BodyKind::tunnel:
          break;
        case BodyKind::content_length:
          while (r.bytes.size() - body < framing.length && !ended)
            read_more(r, ended);
          complete = r.bytes.size() - body >= framing.length;
          end = complete ? body + framing.length : r.bytes.size();
          break;
        case BodyKind::until_close:
          while (!ended)
            read_more(r, ended);
          complete = r.problem.empty();
          end = r.bytes.size();
          break;
        case BodyKind::chunked:
          complete = read_chunked(r, body, parser_.header_size(), ended, end);
          break;
      }
      if (framing.interim && complete) {
        start = end;
        continue;
      }
      r.complete = complete;
      r.reusable = complete && scratch.count(Severity::error) == 0 && framing.persistent &&
                   framing.body != BodyKind::tunnel && !ended;
      if (!r.reusable && why_new_connection_.empty()) {
        why_new_connection_ = !complete                          ? "the response did not complete"
                              : framing.body == BodyKind::tunnel ? "the connection was upgraded"
                              : !framing.persistent ? "the response does not keep the connection"
                              : ended               ? "the server closed the connection"
                                                    : "its framing cannot be trusted";
      }
      // Bytes the server sends after a complete response (a body after HEAD or 304, more than
      // Content-Length) would be read as the next response: wait a moment for them.
      if (complete && !ended) {
        const std::size_t before = r.bytes.size();
        while (r.bytes.size() - before < kMaxStrayBytes) {
          const Connection::Duration wait = time_left(r, options_.settle);
          if (wait.count() == 0) break;
          const Connection::Read got = connection_.read_some(r.bytes, wait);
          if (got != Connection::Read::data) {
            if (got == Connection::Read::closed || got == Connection::Read::error) {
              r.reusable = false;
              if (why_new_connection_.empty()) why_new_connection_ = "the server closed it";
            }
            break;
          }
        }
        if (r.bytes.size() != end) {
          r.stray = true;
          r.reusable = false;
          why_new_connection_ = "bytes came after the last response";
        }
      }
      return r;
    }
  }

  // Reads a chunked body that starts at `body` in r.bytes; `end` becomes the end of the
  // response. Returns whether the body ended properly.
  bool read_chunked(Received& r, std::size_t body, std::uint32_t header_size, bool& ended,
                    std::size_t& end) {
    ChunkedDecoder decoder(trailer_storage_, options_.policy, header_size);
    std::size_t position = body;
    for (;;) {
      const ChunkedDecoder::Result result =
          decoder.feed(std::string_view(r.bytes).substr(position));
      position += result.consumed;
      switch (result.status) {
        case ChunkedDecoder::Status::data:
          continue;
        case ChunkedDecoder::Status::complete:
          end = position;
          return true;
        case ChunkedDecoder::Status::error:
          end = r.bytes.size();
          return false;
        case ChunkedDecoder::Status::incomplete:
          break;
      }
      const std::size_t before = r.bytes.size();
      read_more(r, ended);
      if (ended && r.bytes.size() == before) {
        decoder.finish();
        end = r.bytes.size();
        return false;
      }
    }
  }

  void exchange(const std::string& request_bytes, RequestMethod method, Role role) {
    reusable_ = false;
    why_new_connection_.clear();
    if (!connection_.write(request_bytes, options_.timeout)) {
      ++summary_.unreadable;
      reporter_.unreadable(url_, connection_.error());
      failed_ = true;
      return;
    }
    Received r = receive(method);
    reusable_ = r.reusable;
    if (r.bytes.empty()) {
      // No response at all: the probe cannot go on, an I/O error like an unreadable file.
      ++summary_.unreadable;
      reporter_.unreadable(url_, !r.problem.empty()
                                     ? r.problem
                                     : fmt::format("the server closed the connection without "
                                                   "answering {}",
                                                   to_string(method)));
      failed_ = true;
      return;
    }
    if (!r.problem.empty()) note(r.problem);

    RequestContext context = request_context(request_bytes);
    // A HEAD answered with another status than GET is reported as such (compare_with_get);
    // its fields are not then also judged against the GET's.
    const bool same_status =
        parser_.status() == ParseStatus::complete && parser_.response().status == get_status_;
    if (role != Role::get && trusted_reference_ && reference_parser_.response().status == 200 &&
        (role != Role::head || same_status)) {
      context.reference_200 = &reference_parser_.response();
      context.reference_length = reference_length_;
    }
    StreamOptions stream_options;
    stream_options.policy = options_.policy;
    const RequestMethod methods[] = {method};
    stream_options.methods = methods;
    // A final response cut short by a timeout or a bound is incomplete, not closed early; after
    // a complete one, the stray bytes that came before the connection went quiet are all.
    stream_options.closed = r.closed || r.complete;
    stream_options.request = context;
    ResponseStream stream(r.bytes, stream_options);
    StreamMessage m;
    details_.clear();
    while (stream.next(m)) {
      const bool final_response = m.offset == r.final_start;
      if (final_response && m.status == ParseStatus::complete) {
        if (role == Role::get) remember_reference(r, m);
        if (role == Role::head) compare_with_get(m);
      }
      if (!m.complete && !stream_options.closed && m.verdict() != Verdict::reject) {
        // Reading stopped with the connection open (a timeout or a bound): the response never
        // completed, which a client sees as a failure too (RFC 9112 §8).
        const std::string& text =
            details_.emplace_back(fmt::format("the response did not complete: {}",
                                              r.problem.empty() ? "reading stopped" : r.problem));
        m.findings.add(Rule::message_incomplete, Severity::error, m.size, 0, text);
      }
      m.index += responses_;
      summary_.count(m);
      reporter_.response(report::ResponseEvent{url_, r.bytes, m, nullptr, request_bytes});
    }
    responses_ = summary_.responses;
  }

  // The GET's final response, kept as the reference the HEAD and the 304 are judged against.
  void remember_reference(const Received& r, const StreamMessage& m) {
    reference_bytes_ = r.bytes.substr(m.offset, m.size);
    if (reference_parser_.parse(reference_bytes_) != ParseStatus::complete) return;
    reference_ = true;
    // Its length is what HEAD and 304 are held to: only when the body was read to its end
    // without an error (a framing error makes the length a guess).
    trusted_reference_ = m.complete && m.findings.count(Severity::error) == 0;
    reference_length_ = m.body_length;
    get_status_ = m.response.status;
    get_reason_ = std::string(m.response.reason_phrase());
    get_content_length_ = content_length_value(m.response);
  }

  // RFC 9110 §9.3.2: HEAD is GET without the content; a server SHOULD send the same fields.
  // What can go wrong for a client: another status, another Content-Length. The validator
  // compares the Content-Length with a 200 GET's content; the rest is compared here.
  void compare_with_get(StreamMessage& m) {
    if (!reference_) return;
    const Response& head = m.response;
    if (head.status != get_status_) {
      const std::string& text = details_.emplace_back(fmt::format(
          "HEAD got {} {}, GET got {} {}: the HEAD response does not describe the GET response, "
          "so neither its status nor its fields can be trusted",
          head.status, head.reason_phrase(), get_status_, get_reason_));
      m.findings.add(Rule::content_length_head_value, Severity::warning, head.code.offset,
                     head.code.length, text);
      return;
    }
    // With a 200 GET read cleanly, the validator's F01 judged the length against it.
    if (get_status_ == 200 && trusted_reference_) return;
    const std::optional<std::uint64_t> head_length = content_length_value(head);
    if (head_length && get_content_length_ && *head_length != *get_content_length_) {
      const std::size_t i = head.find("content-length");
      const FieldLine& line = head.field_lines[i];
      const std::string& text =
          details_.emplace_back(fmt::format("HEAD says Content-Length: {}, GET's response said {}",
                                            *head_length, *get_content_length_));
      m.findings.add(Rule::content_length_head_value, Severity::warning, line.name.offset,
                     line.value.end() - line.name.offset, text);
    }
  }

  const ProbeOptions& options_;
  report::Reporter& reporter_;
  report::Summary& summary_;
  const std::string url_ = options_.url.text();
  Connection connection_;
  BasicResponseParser<> parser_;
  std::array<FieldLine, kDefaultFieldCapacity> trailer_storage_{};
  BasicResponseParser<> reference_parser_;
  std::string reference_bytes_;
  bool reference_ = false;          // the GET's final response was parsed
  bool trusted_reference_ = false;  // ... and read to its end without an error
  std::uint64_t reference_length_ = 0;
  unsigned get_status_ = 0;
  std::string get_reason_;
  std::optional<std::uint64_t> get_content_length_;
  std::deque<std::string> details_;  // texts of the probe's own findings, alive while reported
  std::size_t responses_ = 0;
  bool reusable_ = false;
  bool failed_ = false;
  std::string why_new_connection_;
};

}  // namespace

void run_probe(const ProbeOptions& options, report::Reporter& reporter, report::Summary& summary) {
  summary.noun = "connection";
  Prober(options, reporter, summary).run();
}

}  // namespace h1resp::probe
