// The chunked transfer coding (RFC 9112 §7.1): an incremental, allocation-free decoder.
//
//   chunked-body   = *chunk last-chunk trailer-section CRLF
//   chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
//   chunk-size     = 1*HEXDIG
//   last-chunk     = 1*("0") [ chunk-ext ] CRLF
//   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
//   chunk-ext-name = token
//   chunk-ext-val  = token / quoted-string
//
// The decoder never copies chunk data: each feed() returns where the next piece of data lies in
// the bytes it was given. Trailer fields are parsed by a ResponseParser in trailer mode, under
// the same rules and leniencies as header fields, with max_trailer_section_bytes as its limit.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"

namespace h1resp {

class ChunkedDecoder {
 public:
  enum class Status : std::uint8_t {
    incomplete,  // consumed what it could; feed again with the unconsumed bytes and more
    data,        // `data` holds chunk data; feed again with the bytes after `consumed`
    complete,    // the body ended; `consumed` bytes of this input were the body's last bytes
    error,       // see error()
  };

  struct Result {
    Status status = Status::incomplete;
    std::size_t consumed = 0;    // bytes of the input used up by this call
    std::string_view data = {};  // status data: chunk data inside the input (not copied)
  };

  // `trailer_storage` receives the trailer fields; it must outlive the decoder. `body_offset` is
  // the offset of the body's first byte from the first byte of the response, so that findings
  // and errors carry offsets from the response start, like those of the parser.
  ChunkedDecoder(std::span<FieldLine> trailer_storage, const Policy& policy = Policy::strict(),
                 std::uint64_t body_offset = 0) noexcept;

  // Decodes from the first byte not yet consumed.
  // Pre-condition: `input` starts at the first byte not consumed by earlier calls. While the
  //   decoder is inside the trailer section (in_trailers()), consumed stays at the section's
  //   start, so the caller passes the section's bytes again with more appended, as for
  //   ResponseParser::feed().
  // Returns: data (one piece of chunk data), incomplete, complete or error.
  Result feed(std::string_view input) noexcept;

  // The input has ended (the peer closed). Before the end of the body that is chunked.incomplete
  // (RFC 9112 §7.1, §8). Returns complete or error.
  Status finish() noexcept;

  // Starts a new body at `body_offset` (as in the constructor): forgets the state, the error,
  // the findings, the counts and the trailers; keeps the policy and the trailer storage.
  void reset(std::uint64_t body_offset = 0) noexcept;

  [[nodiscard]] bool in_trailers() const noexcept;
  [[nodiscard]] const ParseError& error() const noexcept { return error_; }
  // Leniency uses in the trailer section, and notes on chunk extensions.
  [[nodiscard]] const FindingList& findings() const noexcept { return findings_; }
  // The trailer section, once complete: a Response with only field_lines (offsets from the
  // first byte of the trailer section) and header_size (the section's length).
  [[nodiscard]] const Response& trailers() const noexcept { return trailers_.response(); }
  // Where the trailer section starts, from the first byte of the response.
  [[nodiscard]] std::uint64_t trailer_offset() const noexcept { return trailer_offset_; }
  // Sum of all chunk sizes so far.
  [[nodiscard]] std::uint64_t content_length() const noexcept { return content_length_; }
  [[nodiscard]] std::uint32_t chunk_count() const noexcept { return chunk_count_; }

 private:
  enum class State : std::uint8_t;  // defined in parser/framing/chunked_decoder.cpp

  // The steps of feed(); `pos`: the bytes of `input` consumed so far.
  Result chunk_data(std::string_view input, std::size_t pos) noexcept;
  Result trailer_section(std::string_view input, std::size_t pos) noexcept;
  Result advance(Status status, std::size_t consumed, std::string_view data = {}) noexcept;
  // One byte of a chunk line, or of the CRLF after chunk data; `at`: its offset.
  void line_byte(unsigned char c, std::uint64_t at) noexcept;
  void size_byte(unsigned char c, std::uint64_t at) noexcept;
  bool size_digit(unsigned char c, std::uint64_t at) noexcept;
  void extension_byte(unsigned char c, std::uint64_t at) noexcept;
  void extension_line_end(unsigned char c, std::uint64_t at) noexcept;
  bool count_extension_byte(std::uint64_t at) noexcept;
  void bare_lf_line_end(std::uint64_t at) noexcept;
  void chunk_line_end(std::uint64_t next) noexcept;
  void data_crlf_byte(unsigned char c, std::uint64_t at) noexcept;
  void adopt_trailer_findings() noexcept;
  void fail(Rule rule, std::uint64_t offset, std::uint64_t length,
            std::string_view detail) noexcept;
  void note(Rule rule, std::uint64_t offset, std::string_view detail) noexcept;

  Policy policy_;
  ResponseParser trailers_;
  FindingList findings_{};
  ParseError error_{};
  std::uint64_t offset_ = 0;  // offset of the next input byte from the response start
  std::uint64_t trailer_offset_ = 0;
  std::uint64_t remaining_ = 0;  // the chunk-size being read, then the chunk-data bytes left
  std::uint64_t content_length_ = 0;
  std::uint32_t chunk_count_ = 0;
  std::uint32_t extension_bytes_ = 0;  // bytes of the current chunk line's chunk-ext so far
  std::uint64_t extension_start_ = 0;  // the offset of the first of them
  std::uint64_t size_ws_at_ = 0;       // where whitespace after the chunk size began
  State state_{};
  std::uint8_t size_digits_ = 0;  // significant hex digits of the chunk-size so far
};

}  // namespace h1resp
