// Fuzz target `validate`: a whole response stream, read as a proxy reads a connection.
//
// Input: the policy bytes (fuzz_common.hpp); harness flag bits 0-1: how many request methods
// (1-4), bit 2: exact_requests, bit 3: the connection is still open (closed = false), bit 4: the
// request is known (RequestContext::known); two bytes of methods (a nibble each,
// method_from_bits()); one byte of request context (bit 0 Expect: 100-continue, 1 Range,
// 2 conditional (with If-None-Match and If-Modified-Since values), 3 proxy output, 4 an
// HTTP/1.0 request, 5-6 the 1xx responses received upstream, 7 the stream's first response is
// also the reference 200 or stored response of every response); one byte of split mode for the
// streaming reader (split_points()); then the stream.
//
// Checks:
// 1. ResponseStream (tokenizer, framing, chunked bodies, interim 1xx, validator): messages are
//    contiguous and strictly advance; every finding's bytes (message offset + finding offset and
//    length) lie inside the stream; the verdict is the one the severities give (reject iff an
//    error finding, warn iff a warning and no error); an unusable message has an error; a clean
//    stream accounts for every byte.
// 2. A streaming proxy (ResponseParser, decide_framing(), ChunkedDecoder, fed as the bytes arrive
//    at the split points, each piece in an exactly sized buffer) frames the same messages as
//    ResponseStream does with all the bytes at once: same offsets, sizes, body kinds and lengths.
// 3. The first response, validated on its own with validate() before its body is read, reports
//    findings inside its bytes.
// 4. Validation::errors_only finds the same errors as Validation::every_rule, message by message
//    (the same count, and the same rules, offsets, lengths and details in the same order when
//    nothing was dropped), so the same messages are rejected.
// 5. Field names are case-insensitive (RFC 9110 §5.1): the stream with its field names in lower
//    case, and in upper case, reads the same: messages, framing, findings at the same bytes.
// 6. No state leaks from one response to the next: each message the stream reads as a response
//    reads the same on its own, but for the findings about its surroundings (standalone.hpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "h1resp/chunked.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"
#include "support/name_case.hpp"
#include "support/standalone.hpp"
#include "support/validation_modes.hpp"

namespace h1resp::fuzz {
namespace {

// One response whose header section completed, as a reader frames it.
struct Framed {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint32_t header_size = 0;
  BodyKind body = BodyKind::none;
  std::uint64_t length = 0;  // Framing::length
  std::uint64_t body_length = 0;
  bool complete = false;
  bool interim = false;
  bool persistent = false;

  friend bool operator==(const Framed&, const Framed&) = default;
};

std::string describe(const std::vector<Framed>& list) {
  std::string s;
  for (const Framed& f : list) {
    s += "  [" + std::to_string(f.offset) + "+" + std::to_string(f.size) +
         " header=" + std::to_string(f.header_size) + " " + std::string(to_string(f.body)) +
         " length=" + std::to_string(f.length) + " body=" + std::to_string(f.body_length) +
         (f.complete ? " complete" : "") + (f.interim ? " interim" : "") +
         (f.persistent ? " persistent" : "") + "]\n";
  }
  return s;
}

void check_verdict(const FindingList& findings) {
  if (findings.dropped() == 0) {
    std::uint32_t counts[3] = {0, 0, 0};
    for (const Finding& f : findings)
      ++counts[static_cast<std::size_t>(f.severity)];
    for (std::size_t s = 0; s < 3; ++s)
      check(counts[s] == findings.count(static_cast<Severity>(s)), "counts disagree with items");
  }
  const Verdict expected = findings.count(Severity::error) != 0     ? Verdict::reject
                           : findings.count(Severity::warning) != 0 ? Verdict::warn
                                                                    : Verdict::accept;
  check(findings.verdict() == expected, "the verdict does not follow from the severities");
}

// Walks the stream with ResponseStream and checks every message; returns the framed ones.
std::vector<Framed> walk_stream(std::string_view input, const StreamOptions& options) {
  std::vector<Framed> framed;
  ResponseStream stream(input, options);
  StreamMessage m;
  std::uint64_t expected_offset = 0;
  std::uint64_t last_position = 0;
  std::size_t count = 0;
  bool clean = true;  // no message so far had an error that ends the stream
  while (stream.next(m)) {
    check(++count <= input.size() + 2, "more messages than bytes");
    check(m.index == count - 1, "message index");
    check(m.offset == expected_offset, "messages are not contiguous");
    check(inside(m.offset, m.size, input.size()), "a message outside the stream");
    // Positions strictly advance: only the note that the stream closed after an interim
    // response has no bytes, and it is at the end.
    check(m.size > 0 || m.offset == input.size(), "a message without bytes");
    check(stream.position() >= last_position, "the stream position went back");
    last_position = stream.position();
    for (const Finding& f : m.findings) {
      check(f.rule < Rule::count_, "a finding without a rule");
      if (!inside(m.offset + f.offset, f.length, input.size()) || f.offset > input.size()) {
        fail("a finding outside the stream",
             std::string(to_string(f.rule)) + " at message " + std::to_string(m.offset) + " + " +
                 std::to_string(f.offset) + ", length " + std::to_string(f.length) +
                 ", stream size " + std::to_string(input.size()));
      }
    }
    check_verdict(m.findings);
    const bool has_error = m.findings.count(Severity::error) != 0;
    if (m.status == ParseStatus::error) {
      check(m.error.rule != Rule::count_, "an unusable message without its error");
      check(has_error, "an unusable message whose verdict is not reject");
      if (m.findings.dropped() == 0) check(m.findings.contains(m.error.rule), "error not listed");
    }
    if (options.closed) check(m.status != ParseStatus::incomplete, "incomplete at the close");
    if (m.status == ParseStatus::complete) {
      const Response& r = m.response;
      check(m.body_offset == r.header_size && m.body_offset <= m.size, "body offset");
      check(m.body_length <= m.size - m.body_offset, "more content than body bytes");
      check(r.status_line.end() <= r.header_size, "the status line outside the header section");
      for (const FieldLine& f : r.field_lines) {
        check(f.name.end() <= r.header_size && f.value.end() <= r.header_size,
              "a field outside the header section");
      }
      if (m.framing.body == BodyKind::none) check(m.size == m.body_offset, "a body on none");
      if (m.framing.body == BodyKind::content_length && m.complete) {
        check(m.size == m.body_offset + m.framing.length && m.body_length == m.framing.length,
              "a Content-Length body of another length");
      }
      if (options.closed && !m.complete) check(has_error, "an incomplete body without an error");
      framed.push_back(Framed{m.offset, m.size, r.header_size, m.framing.body, m.framing.length,
                              m.body_length, m.complete, m.framing.interim, m.framing.persistent});
    }
    expected_offset = m.offset + m.size;
    clean = clean && !has_error;
  }
  check(!stream.next(m), "next() after the end");
  // Nothing went wrong, the connection closed: every byte belongs to some response.
  if (clean && options.closed) check(expected_offset == input.size(), "bytes left unread");
  return framed;
}

// A proxy's reading: the bytes arrive at the split points; the header section goes to a
// ResponseParser, the framing to decide_framing(), a chunked body to a ChunkedDecoder. Stops
// where ResponseStream ends a stream: at an error of the tokenizer, framing or body, after a
// final response that does not persist, after a tunnel, after the last request's response.
std::vector<Framed> walk_as_proxy(std::string_view input, const StreamOptions& options,
                                  const std::vector<std::size_t>& cuts) {
  std::vector<Framed> framed;
  BasicResponseParser<> parser(options.policy);
  std::array<FieldLine, kDefaultFieldCapacity> trailer_storage{};
  ChunkedDecoder chunked(trailer_storage, options.policy);
  enum class State { header, body, done } state = State::header;
  std::size_t answered = 0;
  Framed current;
  std::uint64_t pos = 0;       // the current response's first byte
  std::uint64_t body_pos = 0;  // chunked: the first body byte not consumed
  bool framing_error = false;
  bool interim_close = false;  // an interim response of this exchange said "close"

  auto method = [&] {
    if (options.methods.empty()) return RequestMethod::get;
    return options.methods[std::min(answered, options.methods.size() - 1)];
  };
  auto end_message = [&](bool rest_of_stream) {
    // A response cut short leaves the connection in an unknown state: it cannot be reused.
    if (!current.complete) current.persistent = false;
    framed.push_back(current);
    if (rest_of_stream || framing_error || !current.complete) {
      state = State::done;
      return;
    }
    if (!current.interim) {
      ++answered;
      if (!current.persistent) state = State::done;
      if (options.exact_requests && answered >= options.methods.size()) state = State::done;
    }
    pos += current.size;
    if (state != State::done) state = State::header;
    parser.reset();
  };
  // The bytes [0, received) have arrived; `eof`: no more will.
  auto arrive = [&](std::size_t received, bool eof) {
    const bool closed = eof && options.closed;
    while (state != State::done) {
      if (state == State::header) {
        if (pos >= received) {
          if (eof) state = State::done;
          return;
        }
        const ExactBuffer buffer(input.substr(pos, received - pos));
        ParseStatus s = parser.feed(buffer.view());
        if (s == ParseStatus::incomplete && closed) s = parser.finish();
        if (s == ParseStatus::incomplete) {
          if (eof) state = State::done;
          return;
        }
        if (s == ParseStatus::error) {
          state = State::done;
          return;
        }
        FindingList findings = parser.findings();
        Framing f = decide_framing(parser.response(), method(), findings);
        // An interim response's "Connection: close" ends the connection after the final
        // response (RFC 9110 §7.6.1), as the proxy example carries it over.
        if (f.interim && !f.persistent) interim_close = true;
        if (!f.interim && interim_close) {
          f.persistent = false;
          interim_close = false;
        }
        framing_error = findings.count(Severity::error) != 0;
        current = Framed{pos,   0,         parser.header_size(), f.body, f.length, 0,
                         false, f.interim, f.persistent};
        body_pos = pos + parser.header_size();
        if (f.body == BodyKind::chunked) chunked.reset(parser.header_size());
        state = State::body;
      }
      const std::uint64_t body_start = pos + current.header_size;
      switch (current.body) {
        case BodyKind::none:
          current.size = current.header_size;
          current.complete = true;
          end_message(false);
          continue;
        case BodyKind::tunnel:
          if (!eof) return;
          current.size = received - pos;
          current.complete = true;
          end_message(true);
          return;
        case BodyKind::until_close:
          if (!eof) return;
          current.size = received - pos;
          current.body_length = received - body_start;
          current.complete = options.closed;
          end_message(true);
          return;
        case BodyKind::content_length:
          if (received - body_start >= current.length) {
            current.size = current.header_size + current.length;
            current.body_length = current.length;
            current.complete = true;
            end_message(false);
            continue;
          }
          if (!eof) return;
          current.size = received - pos;
          current.body_length = received - body_start;
          if (options.closed) framing_error = true;  // fewer bytes than Content-Length
          end_message(true);
          return;
        case BodyKind::chunked:
          break;
      }
      // Chunked: feed what was not consumed, again after each data piece.
      ChunkedDecoder::Status status = ChunkedDecoder::Status::incomplete;
      for (;;) {
        const ExactBuffer buffer(input.substr(body_pos, received - body_pos));
        const ChunkedDecoder::Result r = chunked.feed(buffer.view());
        status = r.status;
        body_pos += r.consumed;
        if (r.status == ChunkedDecoder::Status::data) {
          current.body_length += r.data.size();
          continue;
        }
        break;
      }
      if (status == ChunkedDecoder::Status::incomplete) {
        if (!eof) return;
        if (closed) status = chunked.finish();
      }
      if (status == ChunkedDecoder::Status::complete) {
        current.size = body_pos - pos;
        current.complete = true;
        if (chunked.findings().count(Severity::error) != 0) framing_error = true;
        end_message(false);
        continue;
      }
      // An error, or still open at the end: ResponseStream gives the message the rest of the
      // stream, whatever arrives later.
      current.size = input.size() - pos;
      end_message(true);
      return;
    }
  };
  for (const std::size_t cut : cuts)
    arrive(cut, false);
  arrive(input.size(), true);
  return framed;
}

// The first response on its own, validated before its body is read (as a proxy that forwards
// the header section first would).
void check_first_response(std::string_view input, const StreamOptions& options) {
  BasicResponseParser<> parser(options.policy);
  const ExactBuffer buffer(input);
  if (parser.feed(buffer.view()) != ParseStatus::complete) return;
  FindingList findings;
  const RequestMethod method = options.methods.empty() ? RequestMethod::get : options.methods[0];
  const Framing framing = decide_framing(parser.response(), method, findings);
  RequestContext request = options.request;
  request.method = method;
  validate(parser.response(), framing, request, options.policy, findings);
  for (const Finding& f : findings) {
    check(inside(f.offset, f.length, input.size()), "a finding outside the first response");
  }
  check_verdict(findings);
}

void check_errors_only(std::string_view input, const StreamOptions& options) {
  const testing::ModeComparison modes = testing::compare_validation_modes(input, options);
  if (!modes.difference.empty()) [[unlikely]] {
    fail("errors_only finds other errors than every_rule", modes.difference);
  }
}

void check_name_case(std::string_view input, const StreamOptions& options) {
  const testing::NameCaseComparison names = testing::compare_name_case(input, options);
  if (!names.difference.empty()) [[unlikely]] {
    fail("the case of field names changes the reading", names.difference);
  }
}

void check_standalone(std::string_view input, const StreamOptions& options) {
  const testing::StandaloneComparison alone = testing::compare_standalone(input, options);
  if (!alone.difference.empty()) [[unlikely]] {
    fail("a message reads differently on its own", alone.difference);
  }
}

}  // namespace
}  // namespace h1resp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace h1resp;
  using namespace h1resp::fuzz;
  Reader in(data, size);
  std::uint8_t flags = 0;
  const Policy policy = read_policy(in, flags);
  // Two statements: the operands of | are evaluated in no fixed order.
  unsigned method_bits = in.byte();
  method_bits |= static_cast<unsigned>(in.byte()) << 8U;
  std::vector<RequestMethod> methods;
  for (unsigned i = 0; i <= (flags & 3U); ++i)
    methods.push_back(method_from_bits((method_bits >> (4 * i)) & 15U));
  const std::uint8_t context = in.byte();
  const std::uint8_t mode = in.byte();
  const std::string_view input = in.rest();
  const ExactBuffer bytes(input);

  StreamOptions options;
  options.policy = policy;
  options.methods = methods;
  options.exact_requests = (flags & 4U) != 0;
  options.closed = (flags & 8U) == 0;
  options.request.known = (flags & 16U) != 0;
  options.request.expect_continue = (context & 1U) != 0;
  options.request.has_range = (context & 2U) != 0;
  options.request.conditional = (context & 4U) != 0;
  options.request.proxy_output = (context & 8U) != 0;
  if ((context & 16U) != 0) options.request.version_minor = 0;
  options.request.upstream_interim = static_cast<std::uint8_t>((context >> 5) & 3U);
  if (options.request.conditional) {
    options.request.if_none_match = "\"v1\", W/\"v2\"";
    options.request.if_modified_since = "Mon, 01 Jan 2024 00:00:00 GMT";
  }
  // The reference is parsed on its own, from a buffer of its own, and outlives the walks.
  BasicResponseParser<> reference(policy);
  if ((context & 128U) != 0 && reference.parse(bytes.view()) == ParseStatus::complete) {
    FindingList ignored;
    const Framing framing = decide_framing(reference.response(), RequestMethod::get, ignored);
    options.request.reference_200 = &reference.response();
    options.request.reference_length =
        framing.body == BodyKind::content_length ? framing.length : 0;
  }

  const std::vector<Framed> stream = walk_stream(bytes.view(), options);
  const std::vector<Framed> proxy = walk_as_proxy(bytes.view(), options, split_points(input, mode));
  if (stream != proxy) [[unlikely]] {
    fail("a streaming proxy frames the responses differently from ResponseStream",
         "  ResponseStream:\n" + describe(stream) + "  proxy:\n" + describe(proxy));
  }
  check_first_response(bytes.view(), options);
  check_errors_only(bytes.view(), options);
  check_name_case(bytes.view(), options);
  check_standalone(bytes.view(), options);
  return 0;
}
