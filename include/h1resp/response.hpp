// The parsed view of a response's header section.
//
// Zero-copy: every piece of text is a Span, an (offset, length) pair into the bytes the caller
// passed to ResponseParser::feed(), counted from the first byte of the response. Offsets rather
// than pointers let the caller move or grow its buffer between two feed() calls.
//
// Lifetime: a Response refers to the parser's field storage and to the caller's bytes. Its
// string_views are valid while both stay unchanged: until the caller changes or frees its buffer,
// or calls feed() or reset() on the parser again.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace h1resp {

struct Span {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;

  [[nodiscard]] constexpr std::uint32_t end() const noexcept { return offset + length; }
  [[nodiscard]] constexpr bool empty() const noexcept { return length == 0; }
  friend constexpr bool operator==(Span, Span) noexcept = default;
};

// One field line. Its flags say which leniency the bytes needed: a consumer that forwards or
// interprets the value must read it through `normalized_value()` when `needs_normalizing()`.
struct FieldLine {
  enum Flag : std::uint8_t {
    obs_folded = 1U << 0,       // the value spans obs-folds (CRLF + SP/HTAB): read each as SP
    bare_cr = 1U << 1,          // the value has a CR that is not part of CRLF: read it as SP
    ws_before_colon = 1U << 2,  // whitespace between name and colon was stripped
    has_ctl = 1U << 3,          // the value keeps other control characters (value_ctl)
    bare_lf = 1U << 4,          // the line ended with LF alone
  };

  Span name;   // the field name, without the colon
  Span value;  // the field value, OWS trimmed at both ends
  std::uint8_t flags = 0;

  [[nodiscard]] constexpr bool has(Flag f) const noexcept { return (flags & f) != 0; }
  // True when the raw value bytes are not the value: a fold or a bare CR must be read as SP.
  [[nodiscard]] constexpr bool needs_normalizing() const noexcept {
    return (flags & (obs_folded | bare_cr)) != 0;
  }
};

// A field as text, for reading.
struct Field {
  std::string_view name;
  std::string_view value;  // raw bytes: see FieldLine::needs_normalizing()
  std::uint8_t flags = 0;
};

// Compares two field names as RFC 9110 §5.1 says: case-insensitively (ASCII only). Inline: the
// validator compares tokens with it on every response.
[[nodiscard]] constexpr bool field_name_equals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    // ASCII case folding only: field names are tokens (RFC 9110 §5.1).
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x == y) continue;
    if ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z') return false;
  }
  return true;
}

// The value of a field line as a recipient must interpret it: each obs-fold and each bare CR
// replaced by one SP, and OWS around the folds collapsed (RFC 9112 §5.2, §2.2). Allocates: for
// reporters and tests, not for the hot path.
[[nodiscard]] std::string normalized_value(std::string_view raw_value);

class Response {
 public:
  // The response's bytes as last passed to feed(); `header_size` of them are the header section.
  std::string_view bytes;
  std::uint32_t header_size = 0;
  std::uint8_t version_major = 0;
  std::uint8_t version_minor = 0;
  std::uint16_t status = 0;  // the three digits as a number: 0..999
  Span status_line;          // the whole status line without its line ending
  Span code;                 // the three digits of the status code
  Span reason;               // the reason phrase (may be empty)
  std::span<const FieldLine> field_lines;

  // The bytes of `s`; those past the end of `bytes` are left out (they are not, unless a
  // caller broke ResponseParser::feed()'s pre-condition: then never a throw, nor a read outside).
  [[nodiscard]] std::string_view text(Span s) const noexcept {
    return s.offset <= bytes.size() ? bytes.substr(s.offset, s.length) : std::string_view();
  }
  [[nodiscard]] std::string_view reason_phrase() const noexcept { return text(reason); }
  [[nodiscard]] std::size_t field_count() const noexcept { return field_lines.size(); }
  [[nodiscard]] Field field(std::size_t i) const noexcept {
    const FieldLine& f = field_lines[i];
    return Field{text(f.name), text(f.value), f.flags};
  }
  // The index of the first field named `name` (case-insensitive) at or after `from`, or
  // field_count() when there is none.
  [[nodiscard]] std::size_t find(std::string_view name, std::size_t from = 0) const noexcept;
  [[nodiscard]] bool has_field(std::string_view name) const noexcept {
    return find(name) != field_count();
  }
};

}  // namespace h1resp
