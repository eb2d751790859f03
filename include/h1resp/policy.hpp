// The policy: limits, leniencies and dialect, chosen by the caller and fixed per parser.
//
// Strict by default. A leniency accepts one named deviation that RFC 9112 allows a recipient
// to accept, and records a warning finding each time it applies; none of them can make the
// framing ambiguous, because the framing decision refuses a framing field (Content-Length,
// Transfer-Encoding) whose bytes needed a leniency (see framing.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "h1resp/rules.hpp"

namespace h1resp {

// Each limit fails the message with its own rule id when exceeded. Defaults are safe for a
// proxy facing untrusted upstreams and large enough for real traffic (long CSP and cookies).
struct Limits {
  // Status line, field lines and the empty line that ends them: the section fails as soon as
  // it cannot end within this many bytes, so 0 fails on the first feed, even an empty one.
  // [field.limits.section-size]
  std::uint32_t max_header_section_bytes = 64 * 1024;
  // One line without its line ending; a folded field counts all its lines and the line endings
  // between them (every byte kept for the field). Applies to the status line too.
  // [field.limits.line-length]
  std::uint32_t max_line_bytes = 16 * 1024;
  // Field lines in one header or trailer section. [field.limits.field-count]
  std::uint32_t max_fields = 128;
  // Empty lines skipped before the status line when `Leniency::leading_empty_lines` is on.
  std::uint32_t max_leading_empty_lines = 4;
  // Bytes of one chunk line besides its significant size digits: its extensions (RFC 9112
  // §7.1.1) and any leading zeros. [chunked.limits.extension-size]
  std::uint32_t max_chunk_extension_bytes = 1024;
  // Bytes of the trailer section of a chunked body, counted like the header section: its field
  // lines and the empty line that ends the body (RFC 9112 §7.1.2), so a body without trailers
  // needs 2 (1 with Leniency::bare_lf). [chunked.limits.trailer-size]
  std::uint32_t max_trailer_section_bytes = 16 * 1024;
};

// Named leniencies; each one is named after the rule whose violation it accepts.
enum class Leniency : std::uint16_t {
  // [field.obs-fold] Accept obs-fold (a field line continued by a line that starts with SP or
  // HTAB); the value keeps the raw bytes and is flagged `FieldLine::obs_folded`, to be read with
  // each fold replaced by SP (RFC 9112 §5.2).
  obs_fold = 1U << 0,
  // [status.line-ending, field.line-ending-lf] Accept a bare LF as a line ending (RFC 9112 §2.2).
  bare_lf = 1U << 1,
  // [status.reason-sp-required] Accept a status line that ends right after the code, without the
  // SP that RFC 9112 §4 requires before an empty reason phrase.
  missing_reason_sp = 1U << 2,
  // [status.leading-garbage] Skip empty lines before the status line (RFC 9112 §2.2), at most
  // `Limits::max_leading_empty_lines`.
  leading_empty_lines = 1U << 3,
  // [field.ws-before-colon] Accept whitespace between a field name and its colon and strip it,
  // as RFC 9112 §5.1 requires of a proxy.
  ws_before_colon = 1U << 4,
  // [status.bare-cr, field.value-cr-lf-nul] Read a CR that is not followed by LF as SP (RFC 9112
  // §2.2), in the reason phrase and in field values; flagged `FieldLine::bare_cr`.
  bare_cr = 1U << 5,
  // [status.sp-separator] Split the status line on any run of SP, HTAB, VT, FF or bare CR
  // (RFC 9112 §4).
  status_line_whitespace = 1U << 6,
  // [status.ws-after-start-line] Ignore every whitespace-preceded line between the status line
  // and the first field line, instead of rejecting the message (RFC 9112 §2.2).
  ws_preceded_lines = 1U << 7,
  // [field.value-ctl] Keep control characters other than NUL, CR and LF in field values
  // (RFC 9110 §5.5 "safe context"); flagged `FieldLine::has_ctl`.
  value_ctl = 1U << 8,
};

inline constexpr std::uint16_t kAllLeniencies = (1U << 9) - 1;

struct LeniencyInfo {
  Leniency leniency;
  std::string_view name;      // e.g. "obs-fold": what the CLI's --allow takes
  Rule rule;                  // the rule whose violation it accepts
  std::string_view security;  // what can go wrong when it is on
};

[[nodiscard]] std::span<const LeniencyInfo> all_leniencies() noexcept;
[[nodiscard]] const LeniencyInfo& leniency_info(Leniency leniency) noexcept;
[[nodiscard]] std::optional<Leniency> find_leniency(std::string_view name) noexcept;

// Which specification the responses are judged against.
enum class Dialect : std::uint8_t {
  modern,   // RFC 9110, 9111, 9112 and the IANA status code registry
  w3c1992,  // the W3C HTTP response text of 1992-1994 (HTRESP): HTTP/1.0, its 18 codes, URI:
};

[[nodiscard]] std::string_view to_string(Dialect dialect) noexcept;

// Which rules the semantic validator (validate(), examine()) runs. The tokenizer, the framing
// decision and the body checks of ResponseStream report every finding either way.
enum class Validation : std::uint8_t {
  // Every rule: errors, warnings and infos. What a conformance tester or a log wants.
  every_rule,
  // Only the rules that can find an error. The error findings are the same as with every_rule,
  // in the same order, so the verdict is `reject` exactly when every_rule's is; the validator
  // looks for no warning or info (the tokenizer's and the framing decision's are still there,
  // so the verdict can be `warn`). What a proxy that only decides between
  // forwarding and answering 502 needs: it skips the value grammars (dates, Cache-Control,
  // Location, ...) and the class and 304 rules, most of the validator's cost.
  errors_only,
};

[[nodiscard]] std::string_view to_string(Validation validation) noexcept;

struct Policy {
  Limits limits{};
  std::uint16_t leniencies = 0;  // a set of `Leniency` bits
  Dialect dialect = Dialect::modern;
  Validation validation = Validation::every_rule;

  [[nodiscard]] constexpr bool allows(Leniency l) const noexcept {
    return (leniencies & static_cast<std::uint16_t>(l)) != 0;
  }
  constexpr Policy& allow(Leniency l, bool on = true) noexcept {
    const auto bit = static_cast<std::uint16_t>(l);
    leniencies = static_cast<std::uint16_t>(on ? (leniencies | bit) : (leniencies & ~bit));
    return *this;
  }

  // Every rule enforced; the default.
  [[nodiscard]] static constexpr Policy strict() noexcept { return Policy{}; }
  // Every leniency RFC 9112 allows a recipient; each use is reported as a warning.
  [[nodiscard]] static constexpr Policy lenient() noexcept {
    Policy p{};
    p.leniencies = kAllLeniencies;
    return p;
  }
};

}  // namespace h1resp
