// Grammars of HTTP field values (RFC 9110, RFC 9111, RFC 9112, RFC 3986) and of two lines of the
// 1992 W3C response dialect. The contract is field_values.hpp; everything here reads a
// std::string_view, never allocates and never throws.
#include "validator/field_values.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#include "h1resp/response.hpp"
#include "scanner/char_classes.hpp"

namespace h1resp::detail::values {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// ---- Byte classes -----------------------------------------------------------------------------

constexpr unsigned char byte(char c) noexcept {
  return static_cast<unsigned char>(c);
}

// The byte classes as the grammars define them, one predicate each; the validator reads them
// through the table built from them below (one load instead of a chain of comparisons, in loops
// over every byte of a value).
namespace grammar {

// ALPHA, HEXDIG, VCHAR (RFC 5234 §B.1)
constexpr bool is_alpha(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_hexdig(unsigned char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr bool is_vchar(unsigned char c) noexcept {
  return c >= 0x21 && c <= 0x7E;
}

// obs-text = %x80-FF (RFC 9110 §5.5)
constexpr bool is_obs_text(unsigned char c) noexcept {
  return c >= 0x80;
}

// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (RFC 9110 §5.6.4)
constexpr bool is_qdtext(unsigned char c) noexcept {
  return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) ||
         (c >= 0x5D && c <= 0x7E) || is_obs_text(c);
}

// What may follow "\" in a quoted-pair: HTAB / SP / VCHAR / obs-text (RFC 9110 §5.6.4)
constexpr bool is_escapable(unsigned char c) noexcept {
  return c == '\t' || c == ' ' || is_vchar(c) || is_obs_text(c);
}

// ctext = HTAB / SP / %x21-27 / %x2A-5B / %x5D-7E / obs-text (RFC 9110 §5.6.5)
constexpr bool is_ctext(unsigned char c) noexcept {
  return c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x27) || (c >= 0x2A && c <= 0x5B) ||
         (c >= 0x5D && c <= 0x7E) || is_obs_text(c);
}

// etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
constexpr bool is_etagc(unsigned char c) noexcept {
  return c == 0x21 || (c >= 0x23 && c <= 0x7E) || is_obs_text(c);
}

// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" (RFC 9110 §11.2)
constexpr bool is_token68_char(unsigned char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
         c == '/';
}

// unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 3986 §2.3)
constexpr bool is_unreserved(unsigned char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "=" (RFC 3986 §2.2)
constexpr bool is_sub_delim(unsigned char c) noexcept {
  return c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' ||
         c == '+' || c == ',' || c == ';' || c == '=';
}

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
constexpr bool is_scheme_char(unsigned char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
}

// userinfo = *( unreserved / pct-encoded / sub-delims / ":" ) (RFC 3986 §3.2.1)
constexpr bool is_userinfo_char(unsigned char c) noexcept {
  return is_unreserved(c) || is_sub_delim(c) || c == ':';
}

// reg-name = *( unreserved / pct-encoded / sub-delims ) (RFC 3986 §3.2.2)
constexpr bool is_reg_name_char(unsigned char c) noexcept {
  return is_unreserved(c) || is_sub_delim(c);
}

// Inside "[" "]": IPv6address and IPvFuture use only unreserved / sub-delims / ":" (RFC 3986
// §3.2.2); find_bad_in_ip_literal() checks the structure.
constexpr bool is_ip_literal_char(unsigned char c) noexcept {
  return is_unreserved(c) || is_sub_delim(c) || c == ':';
}

// segment-nz-nc = 1*( unreserved / pct-encoded / sub-delims / "@" ) (RFC 3986 §3.3)
constexpr bool is_segment_nc_char(unsigned char c) noexcept {
  return is_unreserved(c) || is_sub_delim(c) || c == '@';
}

// pchar = unreserved / pct-encoded / sub-delims / ":" / "@" (RFC 3986 §3.3), and "/" between
// segments.
constexpr bool is_path_char(unsigned char c) noexcept {
  return is_segment_nc_char(c) || c == ':' || c == '/';
}

// query = fragment = *( pchar / "/" / "?" ) (RFC 3986 §3.4, §3.5)
constexpr bool is_query_char(unsigned char c) noexcept {
  return is_path_char(c) || c == '?';
}

}  // namespace grammar

enum ByteClass : std::uint32_t {
  kAlpha = 1U << 0,
  kHexdig = 1U << 1,
  kVchar = 1U << 2,
  kObsText = 1U << 3,
  kQdtext = 1U << 4,
  kEscapable = 1U << 5,
  kCtext = 1U << 6,
  kEtagc = 1U << 7,
  kToken68 = 1U << 8,
  kScheme = 1U << 9,
  kUserinfo = 1U << 10,
  kRegName = 1U << 11,
  kIpLiteral = 1U << 12,
  kSegmentNc = 1U << 13,
  kPath = 1U << 14,
  kQuery = 1U << 15,
};

// Each class with the predicate that defines it.
struct ClassDefinition {
  ByteClass bit;
  bool (*contains)(unsigned char) noexcept;
};
constexpr ClassDefinition kClassDefinitions[] = {
    {kAlpha, grammar::is_alpha},
    {kHexdig, grammar::is_hexdig},
    {kVchar, grammar::is_vchar},
    {kObsText, grammar::is_obs_text},
    {kQdtext, grammar::is_qdtext},
    {kEscapable, grammar::is_escapable},
    {kCtext, grammar::is_ctext},
    {kEtagc, grammar::is_etagc},
    {kToken68, grammar::is_token68_char},
    {kScheme, grammar::is_scheme_char},
    {kUserinfo, grammar::is_userinfo_char},
    {kRegName, grammar::is_reg_name_char},
    {kIpLiteral, grammar::is_ip_literal_char},
    {kSegmentNc, grammar::is_segment_nc_char},
    {kPath, grammar::is_path_char},
    {kQuery, grammar::is_query_char},
};

constexpr std::array<std::uint32_t, 256> kValueByteClasses = [] {
  std::array<std::uint32_t, 256> table{};
  for (unsigned c = 0; c < 256; ++c) {
    for (const ClassDefinition& d : kClassDefinitions) {
      if (d.contains(static_cast<unsigned char>(c))) table[c] |= d.bit;
    }
  }
  return table;
}();

template <ByteClass K>
constexpr bool in_class(unsigned char c) noexcept {
  return (kValueByteClasses[c] & K) != 0;
}
constexpr auto is_alpha = in_class<kAlpha>;
constexpr auto is_hexdig = in_class<kHexdig>;
constexpr auto is_vchar = in_class<kVchar>;
constexpr auto is_obs_text = in_class<kObsText>;
constexpr auto is_qdtext = in_class<kQdtext>;
constexpr auto is_escapable = in_class<kEscapable>;
constexpr auto is_ctext = in_class<kCtext>;
constexpr auto is_etagc = in_class<kEtagc>;
constexpr auto is_token68_char = in_class<kToken68>;
constexpr auto is_scheme_char = in_class<kScheme>;
constexpr auto is_userinfo_char = in_class<kUserinfo>;
constexpr auto is_reg_name_char = in_class<kRegName>;
constexpr auto is_ip_literal_char = in_class<kIpLiteral>;
constexpr auto is_segment_nc_char = in_class<kSegmentNc>;
constexpr auto is_path_char = in_class<kPath>;
constexpr auto is_query_char = in_class<kQuery>;

// 1*DIGIT
bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_digit(byte(c))) return false;
  }
  return true;
}

// ---- Cursor -----------------------------------------------------------------------------------

// A read position in a value. peek() is -1 at the end, so it never equals a byte.
class Cursor {
 public:
  explicit Cursor(std::string_view s) noexcept : s_(s) {}

  [[nodiscard]] bool at_end() const noexcept { return i_ == s_.size(); }
  [[nodiscard]] int peek() const noexcept { return at_end() ? -1 : byte(s_[i_]); }
  [[nodiscard]] std::string_view rest() const noexcept { return s_.substr(i_); }
  void advance(std::size_t n = 1) noexcept { i_ += n; }

  bool eat(char c) noexcept {
    if (peek() != byte(c)) return false;
    ++i_;
    return true;
  }
  bool eat(std::string_view literal) noexcept {
    if (!rest().starts_with(literal)) return false;
    i_ += literal.size();
    return true;
  }
  // Skips SP and HTAB (OWS, BWS, RWS: RFC 9110 §5.6.3); returns how many.
  std::size_t skip_ows() noexcept { return skip_while(is_ows); }
  std::size_t skip_sp() noexcept {
    return skip_while([](unsigned char c) { return c == ' '; });
  }
  // token = 1*tchar (RFC 9110 §5.6.2); empty when there is none.
  std::string_view token() noexcept { return take_while(is_tchar); }
  // A quoted-string (RFC 9110 §5.6.4) including its quotes; empty when there is none.
  std::string_view quoted_string() noexcept {
    const std::size_t n = quoted_string_length(rest());
    const std::string_view q = rest().substr(0, n);
    i_ += n;
    return q;
  }
  // token / quoted-string
  bool eat_token_or_quoted_string() noexcept {
    return peek() == '"' ? !quoted_string().empty() : !token().empty();
  }

  template <typename Pred>
  std::string_view take_while(Pred pred) noexcept {
    const std::size_t begin = i_;
    skip_while(pred);
    return s_.substr(begin, i_ - begin);
  }

 private:
  template <typename Pred>
  std::size_t skip_while(Pred pred) noexcept {
    const std::size_t begin = i_;
    while (!at_end() && pred(byte(s_[i_])))
      ++i_;
    return i_ - begin;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// parameter = parameter-name "=" parameter-value (RFC 9110 §5.6.6, no whitespace around "=");
// transfer-parameter = token BWS "=" BWS ( token / quoted-string ) (RFC 9112 §7).
bool eat_parameter(Cursor& c, bool allow_bws, std::string_view& name) noexcept {
  name = c.token();
  if (name.empty()) return false;
  if (allow_bws) c.skip_ows();
  if (!c.eat('=')) return false;
  if (allow_bws) c.skip_ows();
  return c.eat_token_or_quoted_string();
}

// product = token [ "/" product-version ]; product-version = token (RFC 9110 §10.2.4)
bool eat_product(Cursor& c) noexcept {
  if (c.token().empty()) return false;
  return !c.eat('/') || !c.token().empty();
}

// comment = "(" *( ctext / quoted-pair / comment ) ")" (RFC 9110 §5.6.5), nesting counted
// instead of recursing.
bool eat_comment(Cursor& c) noexcept {
  if (!c.eat('(')) return false;
  std::size_t depth = 1;
  while (depth > 0) {
    const int ch = c.peek();
    if (ch < 0) return false;  // unclosed
    c.advance();
    if (ch == '(') {
      ++depth;
    } else if (ch == ')') {
      --depth;
    } else if (ch == '\\') {
      if (c.peek() < 0 || !is_escapable(static_cast<unsigned char>(c.peek()))) return false;
      c.advance();
    } else if (!is_ctext(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  return true;
}

// ---- Dates (RFC 9110 §5.6.7) ------------------------------------------------------------------

// Index 0 is Sunday, as in the weekday computed from the date.
constexpr std::string_view kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::string_view kLongDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday"};
constexpr std::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct DateParts {
  std::int64_t year = 0;
  int month = 0;  // 1-12
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int weekday = 0;  // the day name's index, 0 = Sunday
};

// The first three bytes of `name` in one integer (pre-condition: name.size() >= 3).
constexpr std::uint32_t packed_name(std::string_view name) noexcept {
  return std::uint32_t{byte(name[0])} | std::uint32_t{byte(name[1])} << 8 |
         std::uint32_t{byte(name[2])} << 16;
}

// The day and month names of an IMF-fixdate found by a perfect hash of their packed bytes: the
// top bits of a 32-bit product pick a slot, and one comparison with the name there decides.
// The multipliers were searched so that no two names share a slot (checked below).
struct NameHash {
  std::uint32_t multiplier;
  unsigned bits;
  // The name in each slot; kEmpty, which no three bytes pack to, when there is none (0 would
  // match "\0\0\0").
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  std::array<std::uint32_t, 16> packed{};
  std::array<std::int8_t, 16> index{};  // its position in the list
  bool collision = false;

  [[nodiscard]] constexpr unsigned slot(std::uint32_t name) const noexcept {
    return static_cast<std::uint32_t>(name * multiplier) >> (32 - bits);
  }
  // The position of `name` in the list, or -1.
  [[nodiscard]] constexpr int find(std::uint32_t name) const noexcept {
    const unsigned k = slot(name);
    return packed[k] == name ? index[k] : -1;
  }
};

template <std::size_t N>
constexpr NameHash make_name_hash(const std::string_view (&names)[N], std::uint32_t multiplier,
                                  unsigned bits) {
  NameHash h{multiplier, bits};
  h.packed.fill(NameHash::kEmpty);
  for (std::size_t i = 0; i < N; ++i) {
    const std::uint32_t name = packed_name(names[i]);
    const unsigned k = h.slot(name);
    if (h.packed[k] != NameHash::kEmpty) h.collision = true;
    h.packed[k] = name;
    h.index[k] = static_cast<std::int8_t>(i);
  }
  return h;
}

constexpr NameHash kDayNameHash = make_name_hash(kDayNames, 2522, 3);
constexpr NameHash kMonthNameHash = make_name_hash(kMonthNames, 26596, 4);
static_assert(!kDayNameHash.collision && !kMonthNameHash.collision);

// One of `names`, case-sensitive (the grammar uses %s"..."); `index` is its position.
template <std::size_t N>
bool eat_name(Cursor& c, const std::string_view (&names)[N], int& index) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (c.eat(names[i])) {
      index = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

bool eat_month(Cursor& c, DateParts& d) noexcept {
  int index = 0;
  if (!eat_name(c, kMonthNames, index)) return false;
  d.month = index + 1;
  return true;
}

// Exactly `count` DIGITs.
template <typename Int>
bool eat_digits(Cursor& c, int count, Int& out) noexcept {
  out = 0;
  for (int i = 0; i < count; ++i) {
    const int ch = c.peek();
    if (ch < '0' || ch > '9') return false;
    out = static_cast<Int>(out * 10 + (ch - '0'));
    c.advance();
  }
  return true;
}

// time-of-day = hour ":" minute ":" second, each 2DIGIT
bool eat_time_of_day(Cursor& c, DateParts& d) noexcept {
  return eat_digits(c, 2, d.hour) && c.eat(':') && eat_digits(c, 2, d.minute) && c.eat(':') &&
         eat_digits(c, 2, d.second);
}

// Eight bytes as a little-endian word, whatever the machine's byte order.
std::uint64_t load_le64(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

// The layout of an IMF-fixdate, eight bytes at a time: for each word, which bytes are fixed
// (and their value) and which are digits. "Sun, 06 Nov 1994 08:49:37 GMT" is 29 bytes, read as
// the words at 0, 8, 16 and 21.
struct DateWordLayout {
  std::uint64_t fixed_mask = 0;
  std::uint64_t fixed = 0;
  std::uint64_t digit_mask = 0;
};
constexpr std::string_view kImfLayout = "NNN, DD NNN DDDD DD:DD:DD GMT";  // N: a name, D: a digit
constexpr std::size_t kImfWordAt[4] = {0, 8, 16, 21};

constexpr std::array<DateWordLayout, 4> kImfWords = [] {
  std::array<DateWordLayout, 4> words{};
  for (std::size_t w = 0; w < 4; ++w) {
    for (std::size_t i = 0; i < 8; ++i) {
      const char c = kImfLayout[kImfWordAt[w] + i];
      const std::uint64_t byte_mask = std::uint64_t{0xFF} << (8 * i);
      if (c == 'D') {
        words[w].digit_mask |= byte_mask;
      } else if (c != 'N') {
        words[w].fixed_mask |= byte_mask;
        words[w].fixed |= static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << (8 * i);
      }
    }
  }
  return words;
}();

// IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT; date1 = day SP month SP year
//
// Every field of it is at a fixed position, so it is read by position, four words at a time:
// this is the form of nearly every Date, Expires and Last-Modified. Without a branch per byte:
// which month or day a date names, and whether its digits are digits, varies from date to date,
// so branches on them mispredict.
bool parse_imf_fixdate(std::string_view s, DateParts& d) noexcept {
  if (s.size() != 29) return false;
  std::uint64_t word[4];
  std::uint64_t bad = 0;
  for (std::size_t w = 0; w < 4; ++w) {
    // SAFETY: bytes [at, at + 8) with at + 8 <= 29, inside the value.
    word[w] = load_le64(s.data() + kImfWordAt[w]);
    const DateWordLayout& layout = kImfWords[w];
    bad |= (word[w] ^ layout.fixed) & layout.fixed_mask;
    // A digit byte minus "0" is 0-9: its high nibble is 0, and adding 6 does not carry into
    // bit 4. (A carry out of a lower byte only reaches the next when that byte is above 0xF9,
    // which no valid name or fixed byte is, so it never hides a bad digit.)
    const std::uint64_t t = word[w] ^ 0x3030303030303030ULL;
    bad |= ((t & 0xF0F0F0F0F0F0F0F0ULL) | ((t + 0x0606060606060606ULL) & 0x1010101010101010ULL)) &
           layout.digit_mask;
    word[w] = t;  // digits as their values from here on
  }
  // Two digits at a time: byte i of pairs(w) is 10 * digit i + digit i + 1, for the digit bytes
  // of word w (at most 99: no carry into the next byte; other bytes are cleared first, so that
  // they add nothing).
  auto pairs = [&word](std::size_t w) noexcept -> std::uint64_t {
    const std::uint64_t t = word[w] & kImfWords[w].digit_mask;
    return t * 10 + (t >> 8);
  };
  auto pair_at = [](std::uint64_t p, unsigned at) noexcept -> int {
    return static_cast<int>(p >> (8 * at) & 0xFF);
  };
  const std::uint64_t p0 = pairs(0);
  const std::uint64_t p1 = pairs(1);
  const std::uint64_t p2 = pairs(2);
  const std::uint64_t p3 = pairs(3);
  d.weekday = kDayNameHash.find(packed_name(s.substr(0, 3)));
  d.month = kMonthNameHash.find(packed_name(s.substr(8, 3))) + 1;
  d.day = pair_at(p0, 5);                          // bytes 5-6
  d.year = pair_at(p1, 4) * 100 + pair_at(p1, 6);  // bytes 12-15
  d.hour = pair_at(p2, 1);                         // bytes 17-18
  d.minute = pair_at(p2, 4);                       // bytes 20-21
  d.second = pair_at(p3, 2);                       // bytes 23-24
  return bad == 0 && d.weekday >= 0 && d.month >= 1;
}

// rfc850-date = day-name-l "," SP date2 SP time-of-day SP GMT; date2 = day "-" month "-" 2DIGIT.
// The year is left as its two digits.
bool parse_rfc850_date(std::string_view s, DateParts& d) noexcept {
  Cursor c(s);
  return eat_name(c, kLongDayNames, d.weekday) && c.eat(", ") && eat_digits(c, 2, d.day) &&
         c.eat('-') && eat_month(c, d) && c.eat('-') && eat_digits(c, 2, d.year) && c.eat(' ') &&
         eat_time_of_day(c, d) && c.eat(" GMT") && c.at_end();
}

// asctime-date = day-name SP date3 SP time-of-day SP year;
// date3 = month SP ( 2DIGIT / ( SP DIGIT ) )
bool parse_asctime_date(std::string_view s, DateParts& d) noexcept {
  Cursor c(s);
  if (!eat_name(c, kDayNames, d.weekday) || !c.eat(' ') || !eat_month(c, d) || !c.eat(' ')) {
    return false;
  }
  const bool day_ok = c.eat(' ') ? eat_digits(c, 1, d.day) : eat_digits(c, 2, d.day);
  return day_ok && c.eat(' ') && eat_time_of_day(c, d) && c.eat(' ') && eat_digits(c, 4, d.year) &&
         c.at_end();
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) noexcept {
  return a - floor_div(a, b) * b;
}

// RFC 9110 §5.6.7: a two-digit year that appears more than 50 years in the future is the most
// recent past year with the same last two digits. So: the latest year ending in `two_digits`
// that is at most reference_year + 50.
constexpr std::int64_t expand_two_digit_year(std::int64_t two_digits, int reference_year) noexcept {
  const std::int64_t latest = static_cast<std::int64_t>(reference_year) + 50;
  return latest - floor_mod(latest - two_digits, 100);
}

// The years dates can name: from kMinYear on. Every form writes the year in digits, but an
// rfc850 two-digit year read against a reference year near 0 can fall before year 0.
constexpr std::int64_t kMinYear = -400;

// 400 Gregorian years: a whole number of days and of weeks (146097 = 7 * 20871), with the same
// leap years. So the calendar arithmetic below runs on the year 800 years later, where every
// quotient is of a non-negative number (unsigned division by a constant is a multiplication;
// signed floor division needs corrections).
constexpr std::int64_t kDaysPer400Years = 146097;
static_assert(kDaysPer400Years % 7 == 0);
constexpr std::uint64_t shifted(std::int64_t year) noexcept {  // pre-condition: year >= kMinYear
  return static_cast<std::uint64_t>(year + 800);
}

// Gregorian leap years (proleptic before 1582).
constexpr bool is_leap_year(std::int64_t year) noexcept {
  const std::uint64_t y = shifted(year);
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

// At namespace scope: an array inside days_in_month() was copied onto the stack on every call.
constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

constexpr int days_in_month(std::int64_t year, int month) noexcept {
  return month == 2 && is_leap_year(year) ? 29 : kMonthDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil), negative before 1970.
constexpr std::int64_t days_from_civil(std::int64_t year, int m, int d) noexcept {
  const std::uint64_t y = shifted(year) - (m <= 2 ? 1 : 0);  // >= 399
  const std::uint64_t era = y / 400;                         // >= 0
  const std::uint64_t yoe = y - era * 400;                   // [0, 399]
  const auto doy = static_cast<std::uint64_t>((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1);
  const std::uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return static_cast<std::int64_t>(era * 146097 + doe) - 719468 - 2 * kDaysPer400Years;
}
static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(days_from_civil(1969, 12, 31) == -1);
static_assert(days_from_civil(0, 1, 1) == -719528);
static_assert(days_from_civil(-1, 12, 31) == -719529);
static_assert(days_from_civil(9999, 12, 31) == 2932896);
static_assert(is_leap_year(0) && is_leap_year(-4) && !is_leap_year(-100) && is_leap_year(-400));
// Weekdays are counted from a day a whole number of weeks before the earliest date, so that the
// remainder is of a non-negative number.
constexpr std::int64_t kWeekdayShift = 6 * kDaysPer400Years;
static_assert(days_from_civil(kMinYear, 1, 1) + kWeekdayShift >= 0);

// Checks the ranges and computes the time stamp.
HttpDate finish_date(const DateParts& d, HttpDate::Form form) noexcept {
  // Second 60: a leap second.
  if (d.year < kMinYear || d.hour > 23 || d.minute > 59 || d.second > 60) return {};
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return {};
  const std::int64_t days = days_from_civil(d.year, d.month, d.day);
  HttpDate date;
  date.form = form;
  date.seconds =
      days * 86400 + std::int64_t{d.hour} * 3600 + std::int64_t{d.minute} * 60 + d.second;
  // 1970-01-01 was a Thursday (4).
  date.weekday_matches =
      static_cast<std::uint64_t>(days + kWeekdayShift + 4) % 7 == static_cast<unsigned>(d.weekday);
  return date;
}

// ---- Location (RFC 3986) ----------------------------------------------------------------------

// The length of the scheme when `s` starts with `scheme ":"` (RFC 3986 §3.1), else 0.
std::size_t scheme_length(std::string_view s) noexcept {
  if (s.empty() || !is_alpha(byte(s[0]))) return 0;
  std::size_t i = 1;
  while (i < s.size() && is_scheme_char(byte(s[i])))
    ++i;
  return i < s.size() && s[i] == ':' ? i : 0;
}

// The first byte of s[from, to) that is neither `allowed` nor part of a pct-encoded triple
// (pct-encoded = "%" HEXDIG HEXDIG, RFC 3986 §2.1), or kNpos.
template <typename Allowed>
std::size_t find_bad_byte(std::string_view s, std::size_t from, std::size_t to,
                          Allowed allowed) noexcept {
  for (std::size_t i = from; i < to; ++i) {
    const unsigned char c = byte(s[i]);
    if (c == '%') {
      if (i + 2 >= to || !is_hexdig(byte(s[i + 1])) || !is_hexdig(byte(s[i + 2]))) return i;
      i += 2;
    } else if (!allowed(c)) {
      return i;
    }
  }
  return kNpos;
}

// dec-octet: 0-255 without leading zeros; IPv4address = dec-octet 3( "." dec-octet )
// (RFC 3986 §3.2.2).
bool is_ipv4_address(std::string_view s) noexcept {
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (s.empty() || s.front() != '.') return false;
      s.remove_prefix(1);
    }
    std::size_t n = 0;
    unsigned value = 0;
    while (n < s.size() && n < 4 && is_digit(byte(s[n])))
      value = value * 10 + static_cast<unsigned>(s[n++] - '0');
    if (n == 0 || n > 3 || value > 255 || (n > 1 && s.front() == '0')) return false;
    s.remove_prefix(n);
  }
  return s.empty();
}

// The 16-bit pieces of `s`, h16 *( ":" h16 ) with h16 = 1*4HEXDIG, the last of them possibly
// an IPv4address (two pieces) when `ipv4_last`; 0 for an empty `s`, -1 when it is neither.
int h16_pieces(std::string_view s, bool ipv4_last) noexcept {
  if (s.empty()) return 0;
  int pieces = 0;
  for (;;) {
    const std::size_t colon = s.find(':');
    const std::string_view piece = s.substr(0, colon);
    if (colon == kNpos && ipv4_last && piece.find('.') != kNpos) {
      return is_ipv4_address(piece) ? pieces + 2 : -1;
    }
    if (piece.empty() || piece.size() > 4) return -1;
    for (const char ch : piece) {
      if (!is_hexdig(byte(ch))) return -1;
    }
    ++pieces;
    if (colon == kNpos) return pieces;
    s.remove_prefix(colon + 1);
  }
}

// IPv6address (RFC 3986 §3.2.2): eight pieces, or fewer around one "::".
bool is_ipv6_address(std::string_view s) noexcept {
  const std::size_t gap = s.find("::");
  if (gap == kNpos) return h16_pieces(s, true) == 8;
  if (s.find("::", gap + 1) != kNpos) return false;
  const int left = h16_pieces(s.substr(0, gap), false);
  const int right = h16_pieces(s.substr(gap + 2), true);
  return left >= 0 && right >= 0 && left + right <= 7;
}

// What is inside "[" "]": IPv6address, IPv6addrz = IPv6address "%25" ZoneID (RFC 6874 §2), or
// IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ) (RFC 3986 §3.2.2). Returns
// the offending byte's position in `inside`, or kNpos.
std::size_t find_bad_in_ip_literal(std::string_view inside) noexcept {
  if (inside.front() == 'v' || inside.front() == 'V') {
    std::size_t i = 1;
    while (i < inside.size() && is_hexdig(byte(inside[i])))
      ++i;
    if (i == 1 || i == inside.size() || inside[i] != '.') return i;
    if (++i == inside.size()) return i - 1;
    for (; i < inside.size(); ++i) {
      if (!is_ip_literal_char(byte(inside[i]))) return i;
    }
    return kNpos;
  }
  const std::size_t zone = inside.find('%');
  if (zone != kNpos) {
    // ZoneID = 1*( unreserved / pct-encoded ), after the "%25" that encodes its "%".
    if (inside.substr(zone, 3) != "%25" || zone + 3 == inside.size()) return zone;
    for (std::size_t i = zone + 3; i < inside.size(); ++i) {
      const unsigned char c = byte(inside[i]);
      if (c == '%') {
        if (i + 2 >= inside.size() || !is_hexdig(byte(inside[i + 1])) ||
            !is_hexdig(byte(inside[i + 2]))) {
          return i;
        }
        i += 2;
      } else if (!grammar::is_unreserved(c)) {
        return i;
      }
    }
  }
  return is_ipv6_address(inside.substr(0, zone)) ? kNpos : 0;
}

// host = IP-literal / IPv4address / reg-name (RFC 3986 §3.2.2), at s[from, to). Sets `end` to
// where the host ends (a ":" port may follow). IPv4address is a reg-name by its bytes.
std::size_t find_bad_in_host(std::string_view s, std::size_t from, std::size_t to,
                             std::size_t& end) noexcept {
  if (from < to && s[from] == '[') {
    // IP-literal = "[" ( IPv6address / IPvFuture ) "]"; the bytes first, then the structure.
    std::size_t i = from + 1;
    while (i < to && (is_ip_literal_char(byte(s[i])) || s[i] == '%'))
      ++i;
    if (i == to) return from;                    // no "]"
    if (s[i] != ']' || i == from + 1) return i;  // a stray byte, or "[]"
    if (const std::size_t bad = find_bad_in_ip_literal(s.substr(from + 1, i - from - 1));
        bad != kNpos) {
      return from + 1 + bad;
    }
    end = i + 1;
    return kNpos;
  }
  end = s.substr(0, to).find(':', from);
  if (end == kNpos) end = to;
  return find_bad_byte(s, from, end, is_reg_name_char);
}

// authority = [ userinfo "@" ] host [ ":" port ] (RFC 3986 §3.2), at s[from, to).
std::size_t find_bad_in_authority(std::string_view s, std::size_t from, std::size_t to) noexcept {
  std::size_t host = from;
  if (const std::size_t at = s.substr(0, to).find('@', from); at != kNpos) {
    if (const std::size_t bad = find_bad_byte(s, from, at, is_userinfo_char); bad != kNpos) {
      return bad;
    }
    host = at + 1;
  }
  std::size_t host_end = to;
  if (const std::size_t bad = find_bad_in_host(s, host, to, host_end); bad != kNpos) return bad;
  if (host_end == to) return kNpos;
  if (s[host_end] != ':') return host_end;
  // port = *DIGIT (RFC 3986 §3.2.3)
  for (std::size_t i = host_end + 1; i < to; ++i) {
    if (!is_digit(byte(s[i]))) return i;
  }
  return kNpos;
}

// The position of the first byte of s[pos, end) that is one of a few delimiters, or s.size().
// A loop rather than find_first_of(), which calls memchr on the set for every byte.
template <typename IsDelimiter>
std::size_t first_of(std::string_view s, std::size_t pos, IsDelimiter is_delimiter) noexcept {
  while (pos < s.size() && !is_delimiter(s[pos]))
    ++pos;
  return std::min(pos, s.size());
}

// The first offending byte of a URI-reference whose scheme (if any) ends before `pos`.
//   URI          = scheme ":" hier-part [ "?" query ] [ "#" fragment ]       (RFC 3986 §3)
//   relative-ref = relative-part [ "?" query ] [ "#" fragment ]               (RFC 3986 §4.2)
//   hier-part / relative-part = "//" authority path-abempty / a path without authority
std::size_t find_bad_in_reference(std::string_view s, std::size_t pos, bool relative) noexcept {
  const std::size_t n = s.size();
  const std::size_t path_end = first_of(s, pos, [](char c) { return c == '?' || c == '#'; });
  if (s.substr(pos).starts_with("//")) {
    const std::size_t authority_end =
        first_of(s, pos + 2, [](char c) { return c == '/' || c == '?' || c == '#'; });
    if (const std::size_t bad = find_bad_in_authority(s, pos + 2, authority_end); bad != kNpos) {
      return bad;
    }
    pos = authority_end;
  } else if (relative) {
    // path-noscheme: the first segment of a relative path has no ":" (RFC 3986 §4.2)
    const std::size_t segment_end = std::min(s.find('/', pos), path_end);
    if (const std::size_t bad = find_bad_byte(s, pos, segment_end, is_segment_nc_char);
        bad != kNpos) {
      return bad;
    }
    pos = segment_end;
  }
  if (const std::size_t bad = find_bad_byte(s, pos, path_end, is_path_char); bad != kNpos) {
    return bad;
  }
  pos = path_end;
  if (pos < n && s[pos] == '?') {
    const std::size_t query_end = std::min(s.find('#', pos), n);
    if (const std::size_t bad = find_bad_byte(s, pos + 1, query_end, is_query_char); bad != kNpos) {
      return bad;
    }
    pos = query_end;
  }
  if (pos == n) return kNpos;
  // fragment: the same set as query, so a second "#" is an offending byte
  return find_bad_byte(s, pos + 1, n, is_query_char);
}

// ---- Authentication (RFC 9110 §11) ------------------------------------------------------------

// Where a list element may end: the end of the value, or OWS "," (RFC 9110 §5.6.1).
bool at_element_end(Cursor c) noexcept {
  c.skip_ows();
  return c.at_end() || c.peek() == ',';
}

// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" (RFC 9110 §11.2)
bool eat_token68(Cursor& c) noexcept {
  if (c.take_while(is_token68_char).empty()) return false;
  c.take_while([](unsigned char ch) { return ch == '='; });
  return true;
}

}  // namespace

// ---- Building blocks (RFC 9110 §5.6) ----------------------------------------------------------

std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && is_ows(byte(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && is_ows(byte(s.back())))
    s.remove_suffix(1);
  return s;
}

// token = 1*tchar (RFC 9110 §5.6.2)
bool is_token(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_tchar(byte(c))) return false;
  }
  return true;
}

// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4)
std::size_t quoted_string_length(std::string_view s) noexcept {
  if (s.empty() || s[0] != '"') return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const unsigned char c = byte(s[i]);
    if (c == '"') return i + 1;
    if (c == '\\') {
      if (i + 1 == s.size() || !is_escapable(byte(s[i + 1]))) return 0;
      ++i;
    } else if (!is_qdtext(c)) {
      return 0;
    }
  }
  return 0;  // unterminated
}

// #element => [ element ] *( OWS "," OWS [ element ] ) (RFC 9110 §5.6.1.2). After the first
// element `rest_` starts at the comma that ends the previous one, so "a," still has an (empty)
// element to visit. A DQUOTE opens a quoted section up to the next unescaped DQUOTE (or the end
// of the value, when unterminated): the element then fails its own grammar.
bool ListReader::next(std::string_view& element) noexcept {
  while (true) {
    if (started_) {
      if (rest_.empty()) return false;
      rest_.remove_prefix(1);  // the ","
    } else {
      started_ = true;
      if (rest_.empty()) return false;  // an empty value is an empty list
    }
    std::size_t end = 0;
    bool quoted = false;
    for (; end < rest_.size(); ++end) {
      const char c = rest_[end];
      if (quoted) {
        if (c == '\\') {
          ++end;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        break;
      }
    }
    end = std::min(end, rest_.size());
    const std::string_view candidate = trim_ows(rest_.substr(0, end));
    rest_.remove_prefix(end);
    if (!candidate.empty()) {
      element = candidate;
      return true;
    }
    ++empty_;
  }
}

namespace {

// The offset of the first byte after `token` that is not SP (section.size() at the end).
std::size_t after_spaces(std::string_view section, std::string_view token) noexcept {
  std::size_t at = static_cast<std::size_t>(token.data() - section.data()) + token.size();
  while (at < section.size() && section[at] == ' ')
    ++at;
  return at;
}

}  // namespace

bool htab_follows(std::string_view section, std::string_view token) noexcept {
  const std::size_t at = after_spaces(section, token);
  return at < section.size() && section[at] == '\t';
}

bool trailing_sp_follows(std::string_view section, std::string_view token) noexcept {
  const std::size_t end = static_cast<std::size_t>(token.data() - section.data()) + token.size();
  const std::size_t at = after_spaces(section, token);
  return at > end && at < section.size() && (section[at] == '\r' || section[at] == '\n');
}

// ---- Numbers ----------------------------------------------------------------------------------

Decimal parse_decimal(std::string_view s) noexcept {
  Decimal d;
  if (!all_digits(s)) return d;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t value = 0;
  for (const char c : s) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (kMax - digit) / 10) {
      d.status = Decimal::overflow;
      return d;
    }
    value = value * 10 + digit;
  }
  d.status = Decimal::ok;
  d.value = value;
  return d;
}

// Content-Length = 1*DIGIT (RFC 9110 §8.6), or the list "42, 42" (RFC 9110 §8.6, RFC 9112 §6.3).
// Members are checked left to right; the first problem is the one reported.
ContentLength parse_content_length(std::string_view value) noexcept {
  constexpr auto kMax63 = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  // The usual value: up to 18 digits, which cannot exceed 2^63 - 1.
  if (!value.empty() && value.size() <= 18) {
    std::uint64_t n = 0;
    std::size_t i = 0;
    for (; i < value.size(); ++i) {
      const unsigned digit = byte(value[i]) - static_cast<unsigned>('0');
      if (digit > 9) break;
      n = n * 10 + digit;
    }
    if (i == value.size()) {
      ContentLength r;
      r.status = ContentLength::ok;
      r.value = n;
      r.members = 1;
      return r;
    }
  }
  ContentLength r;
  r.status = ContentLength::ok;
  bool have_value = false;
  std::size_t begin = 0;
  while (true) {
    const std::size_t comma = value.find(',', begin);
    const std::size_t end = comma == kNpos ? value.size() : comma;
    ++r.members;
    if (r.status == ContentLength::ok) {
      std::size_t first = begin;
      while (first < end && is_ows(byte(value[first])))
        ++first;
      const std::string_view member = trim_ows(value.substr(first, end - first));
      const Decimal d = parse_decimal(member);
      r.bad_offset = first;
      r.bad_length = member.size();
      if (d.status == Decimal::syntax) {
        r.status = ContentLength::syntax;
      } else if (d.status == Decimal::overflow || d.value > kMax63) {
        r.status = ContentLength::overflow;
      } else if (have_value && d.value != r.value) {
        r.status = ContentLength::conflict;
      } else {
        r.value = d.value;
        have_value = true;
      }
    }
    if (comma == kNpos) break;
    begin = comma + 1;
  }
  if (r.status == ContentLength::ok) {
    r.bad_offset = 0;
    r.bad_length = 0;
  } else {
    r.value = 0;
  }
  return r;
}

// ---- Dates ------------------------------------------------------------------------------------

// HTTP-date = IMF-fixdate / obs-date; obs-date = rfc850-date / asctime-date (RFC 9110 §5.6.7)
HttpDate parse_http_date(std::string_view value, int reference_year) noexcept {
  DateParts d;
  if (parse_imf_fixdate(value, d)) return finish_date(d, HttpDate::imf_fixdate);
  d = {};
  if (parse_rfc850_date(value, d)) {
    d.year = expand_two_digit_year(d.year, reference_year);
    return finish_date(d, HttpDate::rfc850);
  }
  d = {};
  if (parse_asctime_date(value, d)) return finish_date(d, HttpDate::asctime);
  return {};
}

// Retry-After = HTTP-date / delay-seconds; delay-seconds = 1*DIGIT (RFC 9110 §10.2.3). A delay
// too large for 64 bits is valid and saturates.
RetryAfter parse_retry_after(std::string_view value, int reference_year) noexcept {
  RetryAfter r;
  if (const Decimal d = parse_decimal(value); d.status != Decimal::syntax) {
    r.valid = true;
    r.delay_seconds = d.status == Decimal::ok ? d.value : std::numeric_limits<std::uint64_t>::max();
    return r;
  }
  if (parse_http_date(value, reference_year).form != HttpDate::invalid) {
    r.valid = true;
    r.is_date = true;
  }
  return r;
}

// ---- Framing fields ---------------------------------------------------------------------------

// transfer-coding = token *( OWS ";" OWS transfer-parameter ) (RFC 9112 §7)
TransferCoding parse_transfer_coding(std::string_view element) noexcept {
  Cursor c(element);
  TransferCoding coding;
  const std::string_view name = c.token();
  if (name.empty()) return coding;
  bool has_parameters = false;
  while (!c.at_end()) {
    c.skip_ows();
    if (!c.eat(';')) return coding;
    c.skip_ows();
    std::string_view parameter;
    if (!eat_parameter(c, /*allow_bws=*/true, parameter)) return coding;
    has_parameters = true;
  }
  coding.valid = true;
  coding.name = name;
  coding.has_parameters = has_parameters;
  return coding;
}

// ---- Representation and range fields ----------------------------------------------------------

// Content-Range = range-unit SP ( range-resp / unsatisfied-range ) (RFC 9110 §14.4)
ContentRange parse_content_range(std::string_view value) noexcept {
  ContentRange r;
  Cursor c(value);
  r.unit = c.token();  // range-unit = token (RFC 9110 §14.1)
  if (r.unit.empty() || !c.eat(' ')) {
    r.unit = {};
    r.problem = ContentRange::missing_unit;
    return r;
  }
  const std::string_view rest = c.rest();
  const std::size_t slash = rest.find('/');
  if (slash == kNpos) {
    r.problem = ContentRange::missing_slash;
    return r;
  }
  const std::string_view range = rest.substr(0, slash);
  const std::string_view length = rest.substr(slash + 1);
  auto fail = [&r](ContentRange::Problem problem) {
    r.problem = problem;
    return r;
  };

  // The complete-length, or "*" for a range-resp of unknown length.
  const bool length_unknown = length == "*";
  if (!length_unknown) {
    const Decimal d = parse_decimal(length);
    if (d.status != Decimal::ok) return fail(ContentRange::bad_integer);
    r.complete_length = d.value;
    r.length_known = true;
  }

  // unsatisfied-range = "*/" complete-length
  if (range == "*") {
    if (length_unknown) return fail(ContentRange::invalid_asterisk);
    r.form = ContentRange::unsatisfied;
    r.problem = ContentRange::none;
    return r;
  }

  // incl-range = first-pos "-" last-pos
  const std::size_t hyphen = range.find('-');
  if (hyphen == kNpos) {
    return fail(range.find('*') != kNpos ? ContentRange::invalid_asterisk
                                         : ContentRange::missing_hyphen);
  }
  const std::string_view first = range.substr(0, hyphen);
  const std::string_view last = range.substr(hyphen + 1);
  if (first == "*" || last == "*") return fail(ContentRange::invalid_asterisk);
  const Decimal first_pos = parse_decimal(first);
  const Decimal last_pos = parse_decimal(last);
  if (first_pos.status != Decimal::ok || last_pos.status != Decimal::ok) {
    return fail(ContentRange::bad_integer);
  }
  r.first = first_pos.value;
  r.last = last_pos.value;
  if (r.last < r.first) return fail(ContentRange::last_before_first);
  if (r.length_known && r.complete_length <= r.last) {
    return fail(ContentRange::length_not_after_last);
  }
  r.form = ContentRange::range;
  r.problem = ContentRange::none;
  return r;
}

// media-type = type "/" subtype parameters; parameters = *( OWS ";" OWS [ parameter ] )
// (RFC 9110 §8.3.1, §5.6.6)
MediaType parse_media_type(std::string_view value) noexcept {
  Cursor c(value);
  const std::string_view type = c.token();
  if (type.empty() || !c.eat('/')) return {};
  const std::string_view subtype = c.token();
  if (subtype.empty()) return {};
  bool has_boundary = false;
  while (!c.at_end()) {
    c.skip_ows();
    if (!c.eat(';')) return {};
    c.skip_ows();
    if (c.at_end() || c.peek() == ';') continue;  // an empty parameter
    std::string_view name;
    if (!eat_parameter(c, /*allow_bws=*/false, name)) return {};
    has_boundary = has_boundary || field_name_equals(name, "boundary");
  }
  MediaType m;
  m.valid = true;
  m.type = type;
  m.subtype = subtype;
  m.has_boundary = has_boundary;
  return m;
}

// entity-tag = [ weak ] opaque-tag; weak = %s"W/"; opaque-tag = DQUOTE *etagc DQUOTE
// (RFC 9110 §8.8.3)
EntityTag parse_entity_tag(std::string_view value) noexcept {
  auto is_opaque_tag = [](std::string_view s) {
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
    for (const char c : s.substr(1, s.size() - 2)) {
      if (!is_etagc(byte(c))) return false;
    }
    return true;
  };
  EntityTag tag;
  const bool weak = value.starts_with("W/");
  if (is_opaque_tag(weak ? value.substr(2) : value)) {
    tag.valid = true;
    tag.weak = weak;
    tag.opaque = value.substr(weak ? 3 : 1, value.size() - (weak ? 4 : 2));
  } else if (value.starts_with("w/") && is_opaque_tag(value.substr(2))) {
    tag.lowercase_weak = true;
  } else if (!value.empty()) {
    tag.unquoted = true;
    for (const char c : value)
      tag.unquoted = tag.unquoted && is_etagc(byte(c));
  }
  return tag;
}

// ---- Location ---------------------------------------------------------------------------------

// URI-reference = URI / relative-ref (RFC 3986 §4.1)
UriReference parse_uri_reference(std::string_view value) noexcept {
  UriReference r;
  const std::size_t scheme = scheme_length(value);
  r.absolute = scheme > 0;
  const std::size_t bad = find_bad_in_reference(value, r.absolute ? scheme + 1 : 0, !r.absolute);
  if (bad != kNpos) {
    r.bad_offset = bad;
    return r;
  }
  r.valid = true;
  return r;
}

// ---- Cache-Control ----------------------------------------------------------------------------

// cache-directive = token [ "=" ( token / quoted-string ) ] (RFC 9111 §5.2)
CacheDirective parse_cache_directive(std::string_view element) noexcept {
  Cursor c(element);
  CacheDirective d;
  const std::string_view name = c.token();
  if (name.empty()) return d;
  if (c.eat('=')) {
    d.has_value = true;
    if (c.peek() == '"') {
      const std::string_view q = c.quoted_string();
      if (q.empty()) return {};
      d.quoted = true;
      d.value = q.substr(1, q.size() - 2);
    } else {
      d.value = c.token();
      if (d.value.empty()) return {};
    }
  }
  if (!c.at_end()) return {};
  d.valid = true;
  d.name = name;
  return d;
}

// delta-seconds = 1*DIGIT; a larger value than 2147483648 (2^31) is sent as 2147483648
// (RFC 9111 §1.2.2).
DeltaSeconds parse_delta_seconds(std::string_view s) noexcept {
  constexpr std::uint64_t kCap = 2147483648;
  const Decimal d = parse_decimal(s);
  if (d.status == Decimal::syntax) return {};
  if (d.status == Decimal::overflow || d.value > kCap) return {true, kCap, true};
  return {true, d.value, false};
}

// ---- Other fields -----------------------------------------------------------------------------

// protocol = protocol-name [ "/" protocol-version ] (RFC 9110 §7.8)
bool is_protocol(std::string_view element) noexcept {
  Cursor c(element);
  return eat_product(c) && c.at_end();
}

// WWW-Authenticate = #challenge; challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ];
// auth-param = token BWS "=" BWS ( token / quoted-string ) (RFC 9110 §11.6.1, §11.2). The
// commas separate challenges and a challenge's auth-params alike: a list element that is an
// auth-param continues the challenge before it when that one has auth-params; any other
// element starts a challenge. Empty elements are skipped (field.empty-list-element reports
// them).
bool is_challenge_list(std::string_view value) noexcept {
  if (!value.empty() && is_ows(byte(value.front()))) return false;  // values come trimmed
  Cursor c(value);
  bool any = false;
  bool in_params = false;  // the challenge before has auth-params: more may follow
  for (;;) {
    c.skip_ows();
    while (c.eat(',')) {
      c.skip_ows();
    }
    if (c.at_end()) return any;
    Cursor param = c;
    std::string_view name;
    if (in_params && eat_parameter(param, /*allow_bws=*/true, name) && at_element_end(param)) {
      c = param;
    } else {
      if (c.token().empty()) return false;  // auth-scheme = token
      any = true;
      in_params = false;
      if (c.skip_sp() != 0) {
        Cursor token68 = c;
        if (at_element_end(c)) {
          in_params = true;  // an empty #auth-param, or its first element empty
        } else if (eat_token68(token68) && at_element_end(token68)) {
          c = token68;
        } else if (eat_parameter(c, /*allow_bws=*/true, name) && at_element_end(c)) {
          in_params = true;
        } else {
          return false;
        }
      } else if (!at_element_end(c)) {
        return false;  // only SP separates the scheme from what follows ("Basic/1", HTAB)
      }
    }
    c.skip_ows();
    if (!c.at_end() && !c.eat(',')) return false;
  }
}

// Link = #link-value; link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param );
// link-param = token BWS [ "=" BWS ( token / quoted-string ) ] (RFC 8288 §3). A rel value is
// relation-type *( 1*SP relation-type ), compared case-insensitively (§3.3, §2.1.1). The
// address is skipped up to its ">": a URI-Reference holds no ">" (RFC 3986 §2), but may hold
// "," and ";", which therefore cannot split the list before it.
bool link_has_relation(std::string_view value, std::string_view relation) noexcept {
  Cursor c(value);
  for (;;) {
    c.skip_ows();
    while (c.eat(',')) {
      c.skip_ows();
    }
    if (c.at_end()) return false;
    if (!c.eat('<')) return false;  // not a link-value: what follows cannot be read either
    const std::size_t close = c.rest().find('>');
    if (close == std::string_view::npos) return false;
    c.advance(close + 1);
    // RFC 8288 §3.3: rel MUST NOT appear twice in a link-value; parsers ignore the later ones.
    bool rel_seen = false;
    for (;;) {
      c.skip_ows();
      if (c.at_end() || c.peek() == ',') break;
      if (!c.eat(';')) return false;
      c.skip_ows();
      const std::string_view name = c.token();
      if (name.empty()) return false;
      c.skip_ows();
      if (!c.eat('=')) continue;  // a parameter without a value
      c.skip_ows();
      std::string_view param = c.peek() == '"' ? c.quoted_string() : c.token();
      if (param.empty()) return false;
      if (param.front() == '"') param = param.substr(1, param.size() - 2);
      if (!field_name_equals(name, "rel") || rel_seen) continue;
      rel_seen = true;
      Cursor types(param);
      for (;;) {
        types.skip_sp();
        if (types.at_end()) break;
        const std::string_view type = types.take_while([](unsigned char ch) { return ch != ' '; });
        if (field_name_equals(type, relation)) return true;
      }
    }
  }
}

// Server = product *( RWS ( product / comment ) ) (RFC 9110 §10.2.4)
std::size_t server_products(std::string_view value) noexcept {
  Cursor c(value);
  if (!eat_product(c)) return 0;
  std::size_t products = 1;
  while (!c.at_end()) {
    if (c.skip_ows() == 0) return 0;  // RWS = 1*( SP / HTAB )
    const bool comment = c.peek() == '(';
    if (!(comment ? eat_comment(c) : eat_product(c))) return 0;
    products += comment ? 0 : 1;
  }
  return products;
}

// "URI: <url> String" (W3C HTRESP, 1992; RFC 1945 §10.11 for the absolute URL; RFC 2068
// §19.6.2.2 for the angle brackets).
W3cUriLine parse_w3c_uri_line(std::string_view value) noexcept {
  value = trim_ows(value);
  W3cUriLine line;
  std::size_t space = 0;
  while (space < value.size() && !is_ows(byte(value[space])))
    ++space;
  line.address = value.substr(0, space);
  line.comment = trim_ows(value.substr(space));
  if (line.address.size() >= 2 && line.address.front() == '<' && line.address.back() == '>') {
    line.address = line.address.substr(1, line.address.size() - 2);
  }
  line.address_absolute = scheme_length(line.address) > 0;
  return line;
}

// "Method: <method> <url>" (W3C HTRESP, 1992): method = token, whitespace, and a URL of
// 1*( VCHAR / obs-text ).
W3cMethodLine parse_w3c_method_line(std::string_view value) noexcept {
  Cursor c(value);
  const std::string_view method = c.token();
  if (method.empty() || c.skip_ows() == 0) return {};
  const std::string_view url =
      c.take_while([](unsigned char ch) { return is_vchar(ch) || is_obs_text(ch); });
  if (url.empty() || !c.at_end()) return {};
  W3cMethodLine line;
  line.valid = true;
  line.method = method;
  line.url = url;
  return line;
}

}  // namespace h1resp::detail::values
