// The status code registry: what each code means today (IANA, RFC 9110 and friends), what it
// meant in the W3C text of 1992-1994, and the unofficial names old web lists and vendors give it.
//
// A table in code (parser/registry/status_registry.cpp); lookups never allocate.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace h1resp {

enum class StatusClass : std::uint8_t {
  invalid,        // outside 100..599 (RFC 9110 §15: a client SHOULD treat it as 5xx)
  informational,  // 1xx
  successful,     // 2xx
  redirection,    // 3xx
  client_error,   // 4xx
  server_error,   // 5xx
};

[[nodiscard]] constexpr StatusClass status_class(unsigned code) noexcept {
  if (code < 100 || code > 599) return StatusClass::invalid;
  return static_cast<StatusClass>(code / 100);
}
[[nodiscard]] std::string_view to_string(StatusClass cls) noexcept;

// A name a code goes by outside the registry: a vendor's, an old list's, or an old RFC's.
struct StatusAlias {
  std::string_view name;    // the reason phrase, e.g. "Resume Incomplete"
  std::string_view origin;  // who uses or used it, e.g. "Google resumable uploads"
  std::string_view note;    // what it really is, and how a recipient should treat it
};

struct StatusInfo {
  enum Flag : std::uint16_t {
    registered = 1U << 0,               // in the IANA HTTP Status Code Registry
    obsolete = 1U << 1,                 // registered, but obsoleted (510)
    deprecated = 1U << 2,               // registered, but deprecated (305)
    unused = 1U << 3,                   // registered as "(Unused)" (306, 418)
    temporary = 1U << 4,                // a temporary registration (104)
    heuristically_cacheable = 1U << 5,  // RFC 9110 §15.1 (and RFC 7725 for 451)
    never_stored = 1U << 6,             // a cache MUST NOT store it (RFC 6585: 428/429/431/511)
    in_w3c1992 = 1U << 7,               // one of the 18 codes of the 1992 W3C text
  };

  std::uint16_t code = 0;
  std::uint16_t flags = 0;
  std::string_view name;    // the registered name (IANA), or "" when the code is unregistered
  std::string_view source;  // where it is defined, e.g. "RFC 9110 §15.4.9"
  // The 1992 W3C name and meaning, when the code is in that text ("" otherwise).
  std::string_view w3c1992_name;
  std::string_view w3c1992_meaning;
  // The code that carries the 1992 meaning today, when it moved (502 -> 503, 503 -> 504); 0 when
  // the meaning stayed with the same code.
  std::uint16_t w3c1992_modern_code = 0;
  // Names from old RFCs (302 "Moved Temporarily", 413 "Request Entity Too Large", ...).
  std::span<const StatusAlias> legacy_names;
  // Unofficial names from old web lists and vendors (103 "Checkpoint", 308 "Resume
  // Incomplete", 420 "Enhance Your Calm", 522 "Connection Timed Out", ...).
  std::span<const StatusAlias> unofficial_names;

  [[nodiscard]] constexpr bool has(Flag f) const noexcept { return (flags & f) != 0; }
};

// What the registry knows of `code`, or nullptr when it knows nothing (unregistered, and no
// unofficial or historic name).
[[nodiscard]] const StatusInfo* status_info(unsigned code) noexcept;

// "registered: 200 OK" for a registered code, "" for any other: a text with static storage, for
// findings that name a code's registered meaning.
[[nodiscard]] std::string_view registered_note(unsigned code) noexcept;

// Every code the registry knows, in increasing order.
[[nodiscard]] std::span<const StatusInfo> all_status_codes() noexcept;

// The code an unknown code is handled as (RFC 9110 §15: x00 of its class), or 0 for an invalid
// code.
[[nodiscard]] constexpr unsigned handled_as(unsigned code) noexcept {
  return status_class(code) == StatusClass::invalid ? 0 : code / 100 * 100;
}

// A reason phrase recognised as the name of a code (compared case-insensitively, ignoring
// surrounding whitespace).
struct PhraseMatch {
  enum Kind : std::uint8_t { registered, legacy, unofficial, w3c1992 };
  std::uint16_t code;
  Kind kind;
  const StatusAlias* alias;  // the legacy or unofficial name matched, or nullptr
};

// Every code whose registered, legacy, unofficial or 1992 name is `phrase`, at most `out.size()`
// of them; returns how many were written. "Found" names 302 today and in 1992; "Resume
// Incomplete" names Google's 308.
std::size_t find_reason_phrase(std::string_view phrase, std::span<PhraseMatch> out) noexcept;

}  // namespace h1resp
