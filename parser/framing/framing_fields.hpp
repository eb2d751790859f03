// Reading the three framing fields (Content-Length, Transfer-Encoding, Connection) into what the
// framing decision needs, with every problem found on the way. Internal to the library: the
// validator reuses the readings.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "registry/field_registry.hpp"

namespace h1resp::framing {

// A static text as a pointer and a size. Not std::string_view, whose default constructor
// writes both: see Problem.
struct StaticText {
  const char* data;
  std::size_t size;

  StaticText() = default;  // uninitialized, and trivial
  // Implicit: a StaticText stands for the string_view or literal it is made from.
  constexpr StaticText(std::string_view text) noexcept : data(text.data()), size(text.size()) {}
  template <std::size_t N>
  constexpr StaticText(const char (&literal)[N]) noexcept : data(literal), size(N - 1) {}
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, size}; }
};

// Trivially constructible (no member initializers, no member with a constructor): a reading's
// array of problems is not initialized, only what add() writes is read. Three readings per
// response, eight problems each: zeroing their texts was some fifty stores per response.
struct Problem {
  Rule rule;
  std::uint64_t offset;
  std::uint32_t length;
  StaticText detail;
  // The severity is the decision's (error where the field decides the length), bounded by these.
  Severity severity_floor;
  Severity severity_cap;
};
static_assert(std::is_trivially_default_constructible_v<Problem>);

struct FieldReading {
  bool present = false;
  std::uint64_t offset = 0;  // the first field line of this name
  std::uint32_t length = 0;
  // Content-Length: a usable value, and the value.
  bool valid = true;
  std::uint64_t value = 0;
  // Transfer-Encoding: chunked is the final coding.
  bool chunked_final = false;
  // Connection: the options that matter for persistence.
  bool close = false;
  bool keep_alive = false;
  bool upgrade = false;

  // The detail of the first problems, and of the most severe of the rest (see add()).
  static constexpr std::size_t kCapacity = 8;
  Problem items[kCapacity];
  std::uint32_t count = 0;
  // Problems whose detail was not kept, counted by their bounds, [floor][cap]. Written from the
  // first one on (dropped != 0), like the items: most readings never drop one.
  static constexpr std::size_t kSeverities = 3;  // info, warning, error
  std::uint32_t dropped = 0;
  std::uint32_t dropped_by_bounds[kSeverities][kSeverities];

  // A problem whose severity is the decision's.
  void add(Rule rule, std::uint64_t offset, std::uint32_t length,
           std::string_view detail) noexcept {
    add(Problem{rule, offset, length, detail, Severity::info, Severity::error});
  }
  // Keeps `p`, or when the items are full, counts it or the last item, whichever is less severe,
  // and keeps the other in the last slot: so an error is never among the counted ones, however
  // many warnings came before it (a field line repeated to fill the slots must not hide the
  // line that makes the framing invalid).
  void add(const Problem& p) noexcept {
    if (count < kCapacity) {
      items[count++] = p;
      return;
    }
    if (dropped == 0) {
      for (auto& row : dropped_by_bounds)
        for (std::uint32_t& n : row)
          n = 0;
    }
    ++dropped;
    Problem& last = items[kCapacity - 1];
    const bool replaces = more_severe(p, last);
    const Problem& counted = replaces ? last : p;
    ++dropped_by_bounds[static_cast<std::size_t>(counted.severity_floor)]
                       [static_cast<std::size_t>(counted.severity_cap)];
    if (replaces) last = p;
  }
  [[nodiscard]] std::span<const Problem> problems() const noexcept { return {items, count}; }

  // Whether `a` ends at least one step more severe than `b` for some severity the decision
  // asks, and never less: with floors info or error (a reading's problems have no other), the
  // order of (cap, floor) is exactly that.
  static bool more_severe(const Problem& a, const Problem& b) noexcept {
    return a.severity_cap != b.severity_cap ? a.severity_cap > b.severity_cap
                                            : a.severity_floor > b.severity_floor;
  }
};

[[nodiscard]] FieldReading read_content_length(const detail::FieldIndex& index) noexcept;
// Whether the framing fields declare content: a Transfer-Encoding, or a Content-Length other
// than a valid 0. On a 1xx or 204 response that is an error (decide()); a lone
// "Content-Length: 0" there is only the validator's warning.
[[nodiscard]] inline bool declares_content(const FieldReading& content_length,
                                           const FieldReading& transfer_encoding) noexcept {
  return transfer_encoding.present ||
         (content_length.present && !(content_length.valid && content_length.value == 0));
}
[[nodiscard]] FieldReading read_transfer_encoding(const detail::FieldIndex& index) noexcept;
[[nodiscard]] FieldReading read_connection(const detail::FieldIndex& index) noexcept;

// A framing field (Content-Length, Transfer-Encoding, Connection) whose bytes needed a
// leniency is refused: a recipient that reads the raw bytes could frame differently. Returns
// true when one was reported (always as an error).
bool report_repaired_framing_fields(const detail::FieldIndex& index,
                                    FindingList& findings) noexcept;

// decide_framing() on an index the caller already built (the validator shares it).
Framing decide(const detail::FieldIndex& index, RequestMethod method,
               FindingList& findings) noexcept;

}  // namespace h1resp::framing
