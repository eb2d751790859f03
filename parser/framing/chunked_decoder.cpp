// The chunked transfer coding (RFC 9112 §7.1):
//   chunked-body   = *chunk last-chunk trailer-section CRLF
//   chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
//   chunk-size     = 1*HEXDIG
//   last-chunk     = 1*("0") [ chunk-ext ] CRLF
//   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )   (§7.1.1)
//   chunk-ext-name = token
//   chunk-ext-val  = token / quoted-string                      (RFC 9110 §5.6.2, §5.6.4)
//   trailer-section = *( field-line CRLF )                      (§7.1.2)
//
// A chunk line is short (a few hex digits, rarely an extension), so it is walked one byte at a
// time by a state machine that can stop after any byte: no byte of a chunk line is looked at
// twice, and the outcome does not depend on where the input is split. Chunk data is not looked
// at: each piece is handed back as a view into the caller's bytes. The trailer section goes to
// a ResponseParser in trailer mode, which has the same contract as for a header section: the
// caller passes the section's bytes again, with more appended, until it is complete.
#include <algorithm>
#include <cstdint>
#include <limits>

#include "h1resp/chunked.hpp"
#include "scanner/char_classes.hpp"

namespace h1resp {
namespace {

using detail::is_ows;
using detail::is_tchar;
using detail::is_value_ctl;

// 16 hex digits fill 64 bits: a 17th significant digit cannot fit (RFC 9112 §7.1: a recipient
// MUST anticipate potentially large hexadecimal numerals and prevent integer overflow).
constexpr std::uint8_t kMaxSizeDigits = 16;

// The value of a HEXDIG (RFC 5234 B.1; case-insensitive, RFC 5234 §2.3), or -1.
constexpr int hex_value(unsigned char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text, and the byte after "\" in a
// quoted-pair = HTAB / SP / VCHAR / obs-text (RFC 9110 §5.6.4): the same set once DQUOTE and
// "\" are taken out of qdtext, which the caller does first.
constexpr bool is_quoted_text(unsigned char c) noexcept {
  return !is_value_ctl(c);
}

constexpr bool is_line_end(unsigned char c) noexcept {
  return c == '\r' || c == '\n';
}

constexpr std::uint32_t clamp32(std::uint64_t value) noexcept {
  return static_cast<std::uint32_t>(
      std::min<std::uint64_t>(value, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

enum class ChunkedDecoder::State : std::uint8_t {
  size_first,       // at the first byte of a chunk line: a HEXDIG
  size,             // after a HEXDIG of the chunk-size
  size_ws,          // BWS after the chunk-size: only ";" may follow
  ext_name_first,   // after ";" and BWS: the first tchar of a chunk-ext-name
  ext_name,         // after a tchar of a chunk-ext-name
  ext_name_ws,      // BWS after a chunk-ext-name: "=" or ";" may follow
  ext_value_first,  // after "=" and BWS: a token or a quoted-string
  ext_token,        // after a tchar of a token chunk-ext-val
  ext_quoted,       // inside a quoted-string chunk-ext-val
  ext_quoted_pair,  // after the "\" of a quoted-pair
  ext_value_end,    // after the DQUOTE that closes a quoted-string
  ext_value_ws,     // BWS after a chunk-ext-val: only ";" may follow
  line_lf,          // after the CR that ends a chunk line
  data,             // inside chunk-data: remaining_ bytes to go
  data_cr,          // after chunk-data: its CR
  data_lf,          // after chunk-data and CR: its LF
  trailers,         // the trailer section, in trailers_
  complete,         // the body ended
  error,            // see error_
};

ChunkedDecoder::ChunkedDecoder(std::span<FieldLine> trailer_storage, const Policy& policy,
                               std::uint64_t body_offset) noexcept
    : policy_(policy), trailers_(trailer_storage, policy) {
  reset(body_offset);
}

void ChunkedDecoder::reset(std::uint64_t body_offset) noexcept {
  trailers_.reset(Section::trailers);
  findings_.clear();
  error_ = ParseError{};
  offset_ = body_offset;
  trailer_offset_ = 0;
  remaining_ = 0;
  content_length_ = 0;
  chunk_count_ = 0;
  extension_bytes_ = 0;
  state_ = State::size_first;
  size_digits_ = 0;
}

bool ChunkedDecoder::in_trailers() const noexcept {
  return state_ == State::trailers;
}

// During one call, input[i] is at offset_ + i from the response start; offset_ moves on by what
// the call consumes (advance()).
ChunkedDecoder::Result ChunkedDecoder::feed(std::string_view input) noexcept {
  std::size_t pos = 0;
  for (;;) {
    switch (state_) {
      case State::data:
        if (pos == input.size()) return advance(Status::incomplete, pos);
        return chunk_data(input, pos);
      case State::trailers:
        return trailer_section(input, pos);
      case State::complete:
        return advance(Status::complete, pos);
      case State::error:
        return advance(Status::error, pos);
      default:  // a chunk line, or the CRLF after chunk data
        if (pos == input.size()) return advance(Status::incomplete, pos);
        line_byte(static_cast<unsigned char>(input[pos]), offset_ + pos);
        if (state_ != State::error) ++pos;  // an offending byte is not consumed
        break;
    }
  }
}

ChunkedDecoder::Status ChunkedDecoder::finish() noexcept {
  switch (state_) {
    case State::complete:
      return Status::complete;
    case State::error:
      return Status::error;
    case State::trailers: {
      // The trailer parser has seen every byte after the last chunk: the input ends there.
      trailers_.finish();
      adopt_trailer_findings();
      fail(Rule::chunked_incomplete, trailer_offset_ + trailers_.response().bytes.size(), 0,
           "the connection closed before the end of the trailer section");
      return Status::error;
    }
    default:
      // RFC 9112 §7.1, §8: a chunked body that does not reach its last chunk and the final CRLF
      // is incomplete. Every byte given so far was consumed: the input ends at offset_.
      fail(Rule::chunked_incomplete, offset_, 0,
           state_ == State::data ? "the connection closed inside chunk data"
                                 : "the connection closed before the last chunk");
      return Status::error;
  }
}

ChunkedDecoder::Result ChunkedDecoder::advance(Status status, std::size_t consumed,
                                               std::string_view data) noexcept {
  offset_ += consumed;
  return Result{status, consumed, data};
}

// chunk-data = 1*OCTET: as much of the chunk as this input holds, not copied, not scanned.
ChunkedDecoder::Result ChunkedDecoder::chunk_data(std::string_view input,
                                                  std::size_t pos) noexcept {
  const auto length =
      static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, input.size() - pos));
  remaining_ -= length;
  if (remaining_ == 0) state_ = State::data_cr;
  return advance(Status::data, pos + length, input.substr(pos, length));
}

// trailer-section = *( field-line CRLF ), then the CRLF that ends the body (RFC 9112 §7.1.2):
// parsed like a header section, from its first byte every time, until it is complete.
ChunkedDecoder::Result ChunkedDecoder::trailer_section(std::string_view input,
                                                       std::size_t pos) noexcept {
  switch (trailers_.feed(input.substr(pos))) {
    case ParseStatus::incomplete:
      return advance(Status::incomplete, pos);
    case ParseStatus::complete:
      adopt_trailer_findings();
      state_ = State::complete;
      return advance(Status::complete, pos + trailers_.header_size());
    case ParseStatus::error:
      break;
  }
  adopt_trailer_findings();
  const ParseError& e = trailers_.error();
  // A sender that forgets the CRLF after the last chunk starts the next response where the
  // trailer section or its empty line belongs: the status line fails as a field line without
  // a colon, the error covering the line from its first byte. Said so, since "without a colon"
  // alone does not point at the missing line (RFC 9112 §7.1).
  const std::string_view section = input.substr(pos);
  const bool status_line_follows = e.rule == Rule::field_no_colon && e.offset < section.size() &&
                                   section.substr(e.offset).starts_with("HTTP/");
  fail(e.rule, trailer_offset_ + e.offset, e.length,
       status_line_follows ? "no empty line ends the chunked body after its last chunk: a status "
                             "line follows where a trailer field or the empty line belongs"
                           : e.detail);
  return advance(Status::error, pos);
}

void ChunkedDecoder::adopt_trailer_findings() noexcept {
  // Offsets from the trailer section's start to the response's; those the trailer parser only
  // counted still count (and decide the verdict).
  findings_.append(trailers_.findings(), trailer_offset_);
}

void ChunkedDecoder::line_byte(unsigned char c, std::uint64_t at) noexcept {
  switch (state_) {
    case State::size_first:
      // RFC 9112 §7.1: chunk-size = 1*HEXDIG, with nothing before it (no whitespace, sign or
      // "0x"), and never empty.
      if (hex_value(c) < 0) {
        fail(Rule::chunked_size_syntax, at, 1,
             is_line_end(c) ? "an empty chunk size" : "a chunk size must start with a hex digit");
        return;
      }
      if (size_digit(c, at)) state_ = State::size;
      return;
    case State::size:
      return size_byte(c, at);
    case State::line_lf:
      if (c == '\n') return chunk_line_end(at + 1);
      // RFC 9112 §2.2: a bare CR is invalid. Catalog C24 names a bare CR in a chunk line.
      return fail(Rule::chunked_ext_syntax, at - 1, 1, "a CR not followed by LF in a chunk line");
    case State::data_cr:
    case State::data_lf:
      return data_crlf_byte(c, at);
    default:
      return extension_byte(c, at);
  }
}

// After a HEXDIG: more of them, the chunk-ext, or the line ending.
void ChunkedDecoder::size_byte(unsigned char c, std::uint64_t at) noexcept {
  if (hex_value(c) >= 0) {
    size_digit(c, at);
    return;
  }
  switch (c) {
    case '\r':
      state_ = State::line_lf;
      return;
    case '\n':
      return bare_lf_line_end(at);
    case ';':
      state_ = State::ext_name_first;
      count_extension_byte(at);
      return;
    case ' ':
    case '\t':
      // BWS, which must lead to ";" (RFC 9112 §7.1.1).
      state_ = State::size_ws;
      size_ws_at_ = at;
      count_extension_byte(at);
      return;
    default:
      // "0x5", "5_0", "+5", "5junk": not 1*HEXDIG.
      return fail(Rule::chunked_size_syntax, at, 1, "not a hex digit in a chunk size");
  }
}

// Leading zeros are not significant: "00000000000000000005" is 5. They count against the
// chunk line's budget (max_chunk_extension_bytes), so an endless run of zeros fails instead of
// keeping the decoder busy forever.
bool ChunkedDecoder::size_digit(unsigned char c, std::uint64_t at) noexcept {
  const auto digit = static_cast<std::uint64_t>(hex_value(c));
  if (remaining_ == 0 && digit == 0) {
    return state_ == State::size_first || count_extension_byte(at);  // the first "0" is the size
  }
  if (size_digits_ == kMaxSizeDigits) {
    fail(Rule::chunked_size_overflow, at, 1, "a chunk size that does not fit in 64 bits");
    return false;
  }
  remaining_ = (remaining_ << 4) | digit;
  ++size_digits_;
  return true;
}

// Each byte of the chunk-ext counts against max_chunk_extension_bytes, as soon as it arrives:
// a line that never ends cannot keep the decoder busy.
bool ChunkedDecoder::count_extension_byte(std::uint64_t at) noexcept {
  if (extension_bytes_ == 0) extension_start_ = at;
  if (extension_bytes_ >= policy_.limits.max_chunk_extension_bytes) {
    // From the first byte counted: the counted bytes need not be contiguous (leading zeros,
    // then the significant digits, which are not counted, then the extensions).
    fail(Rule::limit_chunk_extension, extension_start_, at - extension_start_ + 1,
         "the chunk line's extensions (and leading zeros) are longer than "
         "max_chunk_extension_bytes");
    return false;
  }
  ++extension_bytes_;
  return true;
}

// A byte after the chunk-size's BWS or ";":
//   chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
// Recipients MUST ignore unrecognized extensions (RFC 9112 §7.1.1): they are checked, not kept.
void ChunkedDecoder::extension_byte(unsigned char c, std::uint64_t at) noexcept {
  if (is_line_end(c)) return extension_line_end(c, at);
  if (!count_extension_byte(at)) return;
  const Rule rule = Rule::chunked_ext_syntax;
  switch (state_) {
    case State::size_ws:
      if (c == ';') {
        state_ = State::ext_name_first;
      } else if (!is_ows(c)) {
        fail(rule, at, 1, "junk after the chunk size: an extension starts with \";\"");
      }
      return;
    case State::ext_name_first:
      if (is_tchar(c)) {
        state_ = State::ext_name;
      } else if (!is_ows(c)) {
        fail(rule, at, 1,
             c == ';' || c == '=' ? "\";\" without an extension name"
                                  : "a chunk extension name must be a token");
      }
      return;
    case State::ext_name:
      if (is_tchar(c)) return;
      if (c == '=') {
        state_ = State::ext_value_first;
      } else if (c == ';') {
        state_ = State::ext_name_first;
      } else if (is_ows(c)) {
        state_ = State::ext_name_ws;
      } else {
        fail(rule, at, 1, "not a token character in a chunk extension name");
      }
      return;
    case State::ext_name_ws:
      if (c == '=') {
        state_ = State::ext_value_first;
      } else if (c == ';') {
        state_ = State::ext_name_first;
      } else if (!is_ows(c)) {
        fail(rule, at, 1, "junk after a chunk extension name");
      }
      return;
    case State::ext_value_first:
      if (is_tchar(c)) {
        state_ = State::ext_token;
      } else if (c == '"') {
        state_ = State::ext_quoted;
      } else if (!is_ows(c)) {
        fail(rule, at, 1, "a chunk extension value must be a token or a quoted string");
      }
      return;
    case State::ext_token:
      if (is_tchar(c)) return;
      if (c == ';') {
        state_ = State::ext_name_first;
      } else if (is_ows(c)) {
        state_ = State::ext_value_ws;
      } else {
        fail(rule, at, 1, "not a token character in a chunk extension value");
      }
      return;
    case State::ext_quoted:
      if (c == '"') {
        state_ = State::ext_value_end;
      } else if (c == '\\') {
        state_ = State::ext_quoted_pair;
      } else if (!is_quoted_text(c)) {
        fail(rule, at, 1, "a control character in a quoted chunk extension value");
      }
      return;
    case State::ext_quoted_pair:
      if (is_quoted_text(c)) {
        state_ = State::ext_quoted;
      } else {
        fail(rule, at, 1, "a control character in a quoted-pair of a chunk extension value");
      }
      return;
    case State::ext_value_end:
    case State::ext_value_ws:
      if (c == ';') {
        state_ = State::ext_name_first;
      } else if (is_ows(c)) {
        state_ = State::ext_value_ws;
      } else {
        fail(rule, at, 1, "junk after a chunk extension value");
      }
      return;
    default:
      return;  // not an extension state: line_byte() does not call this
  }
}

// CR or LF in the chunk-ext: the end of the line after a complete name or value; anything
// else leaves the grammar unfinished.
void ChunkedDecoder::extension_line_end(unsigned char c, std::uint64_t at) noexcept {
  switch (state_) {
    case State::ext_name:
    case State::ext_token:
    case State::ext_value_end:
      if (c == '\n') return bare_lf_line_end(at);
      state_ = State::line_lf;
      return;
    case State::size_ws:
      // RFC 9112 §7.1: chunk-size = 1*HEXDIG; the BWS of chunk-ext is only allowed before ";".
      return fail(Rule::chunked_size_syntax, size_ws_at_, at - size_ws_at_,
                  "whitespace after a chunk size without an extension");
    case State::ext_name_first:
      return fail(Rule::chunked_ext_syntax, at, 1, "\";\" without an extension name");
    case State::ext_value_first:
      return fail(Rule::chunked_ext_syntax, at, 1, "\"=\" without an extension value");
    case State::ext_quoted:
    case State::ext_quoted_pair:
      return fail(Rule::chunked_ext_syntax, at, 1,
                  "a quoted chunk extension value is not closed before the end of the line");
    default:  // ext_name_ws, ext_value_ws
      return fail(Rule::chunked_ext_syntax, at, 1, "whitespace at the end of a chunk extension");
  }
}

// RFC 9112 §2.2: a recipient MAY recognize a single LF as a line terminator. Strict: chunk-size
// [ chunk-ext ] CRLF is broken, reported as chunked.size-syntax (the chunk line's rule).
void ChunkedDecoder::bare_lf_line_end(std::uint64_t at) noexcept {
  if (!policy_.allows(Leniency::bare_lf)) {
    return fail(Rule::chunked_size_syntax, at, 1, "a chunk line must end with CRLF, not a bare LF");
  }
  note(Rule::chunked_size_syntax, at, "bare LF accepted as the end of a chunk line");
  chunk_line_end(at + 1);
}

// The chunk line ended before offset `next`: chunk-data follows, or, after the last chunk
// (last-chunk = 1*("0") [ chunk-ext ] CRLF), the trailer section.
void ChunkedDecoder::chunk_line_end(std::uint64_t next) noexcept {
  extension_bytes_ = 0;
  size_digits_ = 0;
  if (remaining_ == 0) {
    trailer_offset_ = next;
    state_ = State::trailers;
    return;
  }
  // Saturating: reaching the end needs more than 2^64 bytes of chunk data.
  content_length_ = remaining_ > std::numeric_limits<std::uint64_t>::max() - content_length_
                        ? std::numeric_limits<std::uint64_t>::max()
                        : content_length_ + remaining_;
  if (chunk_count_ != std::numeric_limits<std::uint32_t>::max()) ++chunk_count_;
  state_ = State::data;
}

// RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF. A byte other than the
// CRLF means the chunk is longer than its size says: reported at that byte.
void ChunkedDecoder::data_crlf_byte(unsigned char c, std::uint64_t at) noexcept {
  if (state_ == State::data_lf) {
    if (c != '\n')
      return fail(Rule::chunked_data_crlf, at, 1, "a CR not followed by LF after chunk data");
    state_ = State::size_first;
    return;
  }
  if (c == '\r') {
    state_ = State::data_lf;
    return;
  }
  if (c != '\n') {
    return fail(Rule::chunked_data_crlf, at, 1, "more chunk data than the chunk size says");
  }
  // Not even with the bare-lf leniency: RFC 9112 §2.2 lets a recipient take a single LF as the
  // end of the start line and field lines, and of a chunk line (a line too), but the CRLF after
  // chunk data ends no line: recipients that skip two bytes there (Python's http.client) read
  // the next chunk size one byte later, and so other chunks and other responses.
  return fail(Rule::chunked_data_crlf, at, 1, "chunk data must end with CRLF, not a bare LF");
}

void ChunkedDecoder::fail(Rule rule, std::uint64_t offset, std::uint64_t length,
                          std::string_view detail) noexcept {
  error_ = ParseError{rule, offset, clamp32(length), detail};
  state_ = State::error;
}

void ChunkedDecoder::note(Rule rule, std::uint64_t offset, std::string_view detail) noexcept {
  findings_.add(rule, Severity::warning, offset, 1, detail);
}

}  // namespace h1resp
