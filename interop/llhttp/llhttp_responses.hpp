// llhttp, driven as a reader of a response stream, reporting what it saw in h1resp's terms.
//
// h1resp uses llhttp as its differential oracle (tests, fuzzing, `h1resp check --compare
// llhttp`) and as the benchmark baseline. This reader copies what the callbacks give into
// values, so it is for comparing, not for speed (bench/ has its own zero-copy collector).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace h1resp::interop {

// Which llhttp reads: the default build (as Node.js builds it) or the strict one
// (LLHTTP_STRICT_MODE=1), and llhttp's lenient flags (llhttp.h: "USE AT YOUR OWN RISK"), all off
// by default.
struct LlhttpOptions {
  bool strict = false;                     // the LLHTTP_STRICT_MODE build
  bool lenient_headers = false;            // llhttp_set_lenient_headers
  bool lenient_chunked_length = false;     // llhttp_set_lenient_chunked_length
  bool lenient_keep_alive = false;         // llhttp_set_lenient_keep_alive
  bool lenient_transfer_encoding = false;  // llhttp_set_lenient_transfer_encoding
};

// How llhttp delimits a message's body, decided when its header section completes.
enum class LlhttpBody : std::uint8_t { none, content_length, chunked, until_close, upgrade };

struct LlhttpMessage {
  int version_major = 0;
  int version_minor = 0;
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::pair<std::string, std::string>> trailers;  // of a chunked body
  std::size_t header_end = 0;  // offset of the first byte after the header section
  LlhttpBody body = LlhttpBody::none;
  std::uint64_t content_length = 0;  // when body == content_length
  std::size_t body_bytes = 0;        // content bytes delivered (after de-chunking)
  bool complete = false;             // on_message_complete was called
  std::size_t end = 0;               // offset after the message, when complete
  bool keep_alive = false;           // llhttp_should_keep_alive() at the end of the headers
};

struct LlhttpResult {
  std::vector<LlhttpMessage> messages;
  int error = 0;           // llhttp_errno_t; 0 when the whole input was accepted
  std::string error_name;  // e.g. "HPE_INVALID_HEADER_TOKEN"
  std::string reason;      // llhttp's error reason
  std::size_t error_offset = 0;
  // Upgrade (101 or 2xx to CONNECT): llhttp stopped there; the rest is another protocol.
  bool upgraded = false;
};

// Reads `bytes` as a stream of responses. `methods` are the request methods the responses
// answer, in order, the last one repeating ("GET" when empty); interim 1xx responses do not use
// one up. With `eof`, the stream ended after the last byte (llhttp_finish).
LlhttpResult llhttp_read_responses(std::string_view bytes,
                                   std::span<const std::string_view> methods,
                                   const LlhttpOptions& options = {}, bool eof = true);

}  // namespace h1resp::interop
