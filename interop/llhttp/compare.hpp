// h1resp and llhttp read the same response stream; where do they disagree, and is each
// disagreement documented (divergences.hpp)? The differential fuzzer aborts on an undocumented
// one; `h1resp check --compare llhttp` reports them all.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/policy.hpp"
#include "llhttp/divergences.hpp"
#include "llhttp/llhttp_responses.hpp"

namespace h1resp::interop {

struct Disagreement {
  enum Kind : std::uint8_t {
    h1resp_rejects,  // h1resp refuses a response llhttp accepts
    llhttp_rejects,  // llhttp refuses a response h1resp accepts
    start_line,      // both accept, with another version, status or reason
    fields,          // both accept, with other field lines
    framing,         // both accept, but the response ends elsewhere
  };
  Kind kind;
  std::size_t index;                       // the response, counted from 0 in h1resp's reading
  std::uint64_t offset;                    // its first byte in the stream
  std::string what;                        // for people
  const Divergence* divergence = nullptr;  // the table's explanation, if documented
};

[[nodiscard]] std::string_view to_string(Disagreement::Kind kind) noexcept;

// Whether llhttp's first field lines are h1resp's field lines of `r`, all of them: the same
// names, and values as h1resp reads them (obs-fold and bare CR replaced by SP, RFC 9112 §5.2)
// equal to llhttp's without its trailing whitespace (RFC 9112 §5.1 excludes it). False when
// llhttp has fewer lines.
[[nodiscard]] bool leading_fields_agree(const LlhttpMessage& llhttp, const Response& r);

// The names of `methods`, as llhttp_read_responses() takes the requests' methods.
[[nodiscard]] std::vector<std::string_view> method_names(std::span<const RequestMethod> methods);

// Reads `bytes` with h1resp (`policy`, validation on) and llhttp (`options`), both as a stream
// of responses to requests with `methods` (the last repeating; empty: GET) that ends at a close.
std::vector<Disagreement> compare_streams(std::string_view bytes,
                                          std::span<const RequestMethod> methods,
                                          const Policy& policy, const LlhttpOptions& options);

}  // namespace h1resp::interop
