// Where h1resp and llhttp 8.1 (as Debian and Node.js build it) knowingly disagree, and why.
//
// One table, shared by the unit tests, the differential fuzzer and `h1resp check --compare`:
// a disagreement that no entry explains is a bug in one of the two parsers (or a missing entry),
// and the fuzzer keeps the input.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "h1resp/rules.hpp"

namespace h1resp::interop {

enum class DivergenceSide : std::uint8_t {
  h1resp_rejects,  // h1resp (strict) rejects what llhttp accepts
  llhttp_rejects,  // llhttp rejects what h1resp accepts
  framing,         // both accept, but delimit the body differently
};

struct Divergence {
  std::string_view id;  // stable, e.g. "llhttp-accepts-obs-fold"
  DivergenceSide side;
  // h1resp_rejects / framing: the h1resp rule it concerns. llhttp_rejects: Rule::count_.
  Rule rule;
  // llhttp_rejects: the llhttp error name (e.g. "HPE_INVALID_VERSION"); otherwise empty.
  std::string_view llhttp_error;
  std::string_view what;  // what each parser does
  std::string_view why;   // why h1resp does what it does (RFC section)
};

[[nodiscard]] std::span<const Divergence> all_divergences() noexcept;

// The entry with id `id`, or nullptr.
[[nodiscard]] const Divergence* divergence(std::string_view id) noexcept;

// The entry explaining why h1resp rejects (rule `rule`) what llhttp accepts, or nullptr.
[[nodiscard]] const Divergence* h1resp_stricter(Rule rule) noexcept;

// The entry explaining why llhttp rejects (error `llhttp_error`, e.g. "HPE_INVALID_VERSION")
// the response `bytes`, which h1resp accepts; nullptr when none does.
[[nodiscard]] const Divergence* llhttp_stricter(std::string_view llhttp_error,
                                                std::string_view bytes) noexcept;

// The entry explaining why llhttp has no reading of a response h1resp reads, when llhttp took
// the connection for closed after the response before it (`previous`, its bytes) and h1resp did
// not; nullptr when none does.
[[nodiscard]] const Divergence* persistence_divergence(std::string_view previous) noexcept;

// The entry explaining why both accept but frame differently, given the rule h1resp's framing
// reported (or Rule::count_ when it reported none); nullptr when none does.
[[nodiscard]] const Divergence* framing_divergence(Rule rule) noexcept;

}  // namespace h1resp::interop
