// Byte classes of RFC 9110 §5.6.2 and §5.5, as constexpr predicates and one 256-entry table.
// The scalar kernel reads the table; the SIMD kernels compute the same classes with vector
// instructions and are tested against it.
#pragma once

#include <array>
#include <cstdint>

namespace h1resp::detail {

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
//       / DIGIT / ALPHA                                                      (RFC 9110 §5.6.2)
constexpr bool tchar_by_definition(unsigned char c) noexcept {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

// A control byte that may not appear in a field value or reason phrase: CTL except HTAB
// (RFC 9110 §5.5: field-vchar = VCHAR / obs-text, with SP and HTAB inside; RFC 9112 §4).
constexpr bool value_ctl_by_definition(unsigned char c) noexcept {
  return (c < 0x20 && c != '\t') || c == 0x7F;
}

// OWS, RWS and BWS are made of SP and HTAB only (RFC 9110 §5.6.3).
constexpr bool is_ows(unsigned char c) noexcept {
  return c == ' ' || c == '\t';
}
constexpr bool is_digit(unsigned char c) noexcept {
  return c >= '0' && c <= '9';
}

enum ByteClass : std::uint8_t {
  kNotTchar = 1U << 0,
  kValueCtl = 1U << 1,
};

inline constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> table{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto b = static_cast<unsigned char>(c);
    table[c] = static_cast<std::uint8_t>((tchar_by_definition(b) ? 0 : kNotTchar) |
                                         (value_ctl_by_definition(b) ? kValueCtl : 0));
  }
  return table;
}();

// The classes as one table lookup each (the definitions above are chains of comparisons).
constexpr bool is_tchar(unsigned char c) noexcept {
  return (kByteClasses[c] & kNotTchar) == 0;
}
constexpr bool is_value_ctl(unsigned char c) noexcept {
  return (kByteClasses[c] & kValueCtl) != 0;
}

// The tchar set as two 16-entry nibble tables, for vector byte shuffles (pshufb): a byte c is a
// tchar exactly when kTcharByLowNibble[c & 0xF] & kTcharByHighNibble[c >> 4] is not 0. Each high
// nibble 0-7 owns one bit; bytes >= 0x80 have a high nibble whose entry is 0, so they are never
// tchars. Checked against the definition below, for all 256 bytes.
inline constexpr std::array<std::uint8_t, 16> kTcharByHighNibble = {
    0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0, 0, 0, 0, 0, 0, 0, 0};
inline constexpr std::array<std::uint8_t, 16> kTcharByLowNibble = [] {
  std::array<std::uint8_t, 16> table{};
  for (unsigned c = 0; c < 128; ++c) {
    if (tchar_by_definition(static_cast<unsigned char>(c))) {
      table[c & 0xF] = static_cast<std::uint8_t>(table[c & 0xF] | kTcharByHighNibble[c >> 4]);
    }
  }
  return table;
}();

constexpr bool nibble_tables_match_is_tchar() noexcept {
  for (unsigned c = 0; c < 256; ++c) {
    const bool by_table = (kTcharByLowNibble[c & 0xF] & kTcharByHighNibble[c >> 4]) != 0;
    if (by_table != tchar_by_definition(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
static_assert(nibble_tables_match_is_tchar());

}  // namespace h1resp::detail
