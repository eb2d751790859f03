// Walks a byte stream of responses exactly as a client or proxy reads a connection: each
// response's header section, its framing, its body (Content-Length, chunked, until close),
// interim 1xx responses before the final one, and what may follow the last response.
//
// For tools that hold the bytes of a whole connection (the CLI, the fuzzers, tests); a proxy that
// streams uses ResponseParser, decide_framing() and ChunkedDecoder directly, the same way.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "h1resp/chunked.hpp"
#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/validator.hpp"

namespace h1resp {

struct StreamOptions {
  Policy policy = Policy::strict();
  // The methods of the requests the responses answer, in order; the last one repeats. Empty:
  // every request was GET. Interim (1xx) responses do not use one up.
  std::span<const RequestMethod> methods = {};
  // True when `methods` lists exactly the requests sent: bytes after the response to the last
  // one are extra data (catalog C19) instead of the next response.
  bool exact_requests = false;
  // The bytes end where the connection was closed (else more could still arrive).
  bool closed = true;
  // Run the semantic validator on every response (validator.hpp), with this request context;
  // what it refers to (its string views, reference_200) must outlive the stream.
  bool validate = true;
  RequestContext request = {};
};

struct StreamMessage {
  std::size_t index = 0;     // 0 for the first response in the stream
  std::uint64_t offset = 0;  // the response's first byte in the stream
  std::uint64_t size = 0;    // its bytes: header section and body
  RequestMethod method = RequestMethod::get;
  ParseStatus status = ParseStatus::incomplete;  // of the header section
  ParseError error{};   // when the response is not usable: the first error (offsets from
                        // `offset`), also among the findings
  Response response{};  // valid until the next call of next(); offsets from `offset`
  Framing framing{};
  std::uint64_t body_offset = 0;  // from `offset`
  std::uint64_t body_length = 0;  // bytes of content received (de-chunked)
  bool complete = false;          // the whole response, body included, was received
  FindingList findings{};         // tokenizer, framing, body and validator, offsets from `offset`
  [[nodiscard]] Verdict verdict() const noexcept { return findings.verdict(); }
};

class ResponseStream {
 public:
  // `bytes` must outlive the stream; `options.methods` and what `options.request` refers to
  // too. Each header and trailer section holds at most kDefaultFieldCapacity (128) field
  // lines, the default Limits::max_fields: a policy that allows more is capped there, and more
  // lines are field.limits.field-count (a proxy that allows more parses with a
  // BasicResponseParser<N> of its own).
  ResponseStream(std::string_view bytes, const StreamOptions& options) noexcept;

  // Reads the next response into `message`. Returns false when the stream has no more: it
  // ended cleanly, or the previous response ended it (an error, a close-delimited body, a
  // tunnel). A response that breaks the stream (e.g. a header that is not HTTP) is returned
  // with its error, and is the last one.
  bool next(StreamMessage& message) noexcept;

  // The offset in `bytes` where the next response starts (after the last one returned).
  [[nodiscard]] std::uint64_t position() const noexcept { return position_; }

 private:
  void read_body(StreamMessage& m) noexcept;
  void explain_stray_body(StreamMessage& m, std::string_view rest) noexcept;
  RequestMethod current_method() const noexcept;

  std::string_view bytes_;
  StreamOptions options_;
  BasicResponseParser<> parser_;
  // As many trailer field lines as Limits::max_fields allows by default (one header or
  // trailer section); a policy that allows more is capped here.
  std::array<FieldLine, kDefaultFieldCapacity> trailer_storage_{};
  ChunkedDecoder chunked_;
  std::uint64_t position_ = 0;
  std::size_t index_ = 0;
  std::size_t answered_ = 0;  // final responses read
  bool ended_ = false;
  bool after_final_close_ = false;  // a final response that does not persist was read
  bool interim_pending_ = false;    // the last response was interim
  std::uint8_t interim_sent_ = 0;   // interim responses since the last final one (catalog D10)
  // A bodiless response (HEAD, 1xx, 204, 304) that declared a non-zero Content-Length: bytes
  // that follow may be that body, sent anyway. The rule explains a failed next response.
  Rule declared_body_rule_ = Rule::count_;
  // An interim response of this exchange said "Connection: close": the final one ends the
  // connection.
  bool interim_close_ = false;
};

}  // namespace h1resp
