// Findings: what the parser, the framing decision and the validator report about a response.
//
// A finding names a rule, a severity, and the bytes concerned (offset and length from the first
// byte of the response). Findings live in a fixed-capacity list, so reporting one never
// allocates; when the list is full, further findings are counted (and keep deciding the
// verdict) but not stored.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "h1resp/rules.hpp"

namespace h1resp {

struct Finding {
  Rule rule = Rule::count_;
  Severity severity = Severity::info;
  std::uint64_t offset = 0;  // first byte concerned, from the first byte of the response
  std::uint32_t length = 0;  // number of bytes concerned (0: a position, e.g. a missing field)
  // A static text that refines the rule's summary for this finding, e.g. "registered meaning:
  // Permanent Redirect". Always points to storage with static duration; may be empty.
  std::string_view detail = {};
};

// What a proxy should do with the response: derived from the worst severity, nothing else.
enum class Verdict : std::uint8_t {
  accept,  // no warning, no error
  warn,    // warnings: forward, and report
  reject,  // an error: do not forward (a proxy answers 502)
};

[[nodiscard]] std::string_view to_string(Verdict verdict) noexcept;

// A list of findings with a capacity fixed at compile time.
class FindingList {
 public:
  static constexpr std::size_t kCapacity = 48;

  // Construction writes none of the kCapacity slots, and a copy copies only the stored findings:
  // a list made per response (as README's example does) cleared 48 findings, 1.5 KiB, each time.
  // User-provided, not = default: `FindingList list{};` would then zero the slots first.
  FindingList() noexcept {}
  FindingList(const FindingList& other) noexcept
      : size_(other.size_),
        dropped_(other.dropped_),
        counts_(other.counts_),
        error_aside_(other.error_aside_) {
    std::copy_n(other.slots_.items, other.size_, slots_.items);
    std::copy_n(&other.slots_.aside, error_aside_ ? 1 : 0, &slots_.aside);
  }
  FindingList& operator=(const FindingList& other) noexcept {
    if (this != &other) {
      std::copy_n(other.slots_.items, other.size_, slots_.items);
      size_ = other.size_;
      dropped_ = other.dropped_;
      counts_ = other.counts_;
      error_aside_ = other.error_aside_;
      std::copy_n(&other.slots_.aside, error_aside_ ? 1 : 0, &slots_.aside);
    }
    return *this;
  }
  ~FindingList() = default;

  // Records `finding`. Side effect: when the list is full the finding is only counted, but the
  // first error that does not fit is kept aside (first_error()).
  void add(const Finding& finding) noexcept {
    ++counts_[static_cast<std::size_t>(finding.severity)];
    if (size_ < kCapacity) [[likely]] {
      slots_.items[size_++] = finding;
    } else {
      drop(finding);
    }
  }
  void add(Rule rule, Severity severity, std::uint64_t offset, std::uint32_t length,
           std::string_view detail = {}) noexcept {
    add(Finding{rule, severity, offset, length, detail});
  }

  // Counts `n` findings of `severity` whose detail was not kept (a bounded buffer before this
  // list had no room for them): they count in `count()`, `dropped()` and `verdict()`, as if
  // added to a full list.
  void add_counted(Severity severity, std::uint32_t n) noexcept {
    counts_[static_cast<std::size_t>(severity)] += n;
    dropped_ += n;
  }

  // Records every finding of `other`, those it stored and those it only counted: a list that
  // gathers another's findings keeps its counts and verdict whole. `offset_shift` is added to
  // their offsets (a trailer section's findings, counted from the section's start, join the
  // response's). Side effect as add().
  void append(const FindingList& other, std::uint64_t offset_shift = 0) noexcept {
    std::array<std::uint32_t, 3> stored{};
    for (Finding f : other.items()) {
      ++stored[static_cast<std::size_t>(f.severity)];
      f.offset += offset_shift;
      add(f);
    }
    for (std::size_t s = 0; s < counts_.size(); ++s) {
      const std::uint32_t only_counted = other.counts_[s] - stored[s];
      counts_[s] += only_counted;
      dropped_ += only_counted;
    }
    // The other list's first error that it could not store comes after all it stored.
    if (other.error_aside_ && first_error() == nullptr) {
      Finding aside = other.slots_.aside;
      aside.offset += offset_shift;
      keep_aside(aside);
    }
  }

  // A point in the list to come back to: a step that is re-run from its start when more bytes
  // arrive rolls back the findings it made before it ran out of bytes.
  struct Mark {
    std::uint32_t size;
    std::uint32_t dropped;
    std::array<std::uint32_t, 3> counts;
    bool error_aside;  // an error was kept aside
  };
  [[nodiscard]] Mark mark() const noexcept { return Mark{size_, dropped_, counts_, error_aside_}; }
  void rollback(const Mark& m) noexcept {
    size_ = m.size;
    dropped_ = m.dropped;
    counts_ = m.counts;
    // It is set once, by the first error that did not fit: after the mark, or before it.
    error_aside_ = error_aside_ && m.error_aside;
  }

  void clear() noexcept {
    size_ = 0;
    dropped_ = 0;
    counts_ = {};
    error_aside_ = false;
  }

  [[nodiscard]] std::span<const Finding> items() const noexcept { return {slots_.items, size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0 && dropped_ == 0; }
  [[nodiscard]] const Finding& operator[](std::size_t i) const noexcept { return slots_.items[i]; }
  [[nodiscard]] const Finding* begin() const noexcept { return slots_.items; }
  [[nodiscard]] const Finding* end() const noexcept { return slots_.items + size_; }
  // Findings only counted: they did not fit here, or in a bounded list before this one
  // (add_counted(); a framing field's reading keeps the most severe of its problems). They
  // still count in `count()` and `verdict()`.
  [[nodiscard]] std::uint32_t dropped() const noexcept { return dropped_; }
  // Every finding of `severity` reported, stored or dropped.
  [[nodiscard]] std::uint32_t count(Severity severity) const noexcept {
    return counts_[static_cast<std::size_t>(severity)];
  }
  [[nodiscard]] bool contains(Rule rule) const noexcept {
    for (const Finding& f : items()) {
      if (f.rule == rule) return true;
    }
    return false;
  }
  // The error a `reject` verdict rests on: the first error finding, stored or, when the list was
  // full, kept aside. nullptr when no error was added with its rule (count(Severity::error) is
  // 0, or add_counted() was the only way errors came). A proxy can log why it refused a
  // response whose findings overflowed the list.
  [[nodiscard]] const Finding* first_error() const noexcept {
    for (const Finding& f : items()) {
      if (f.severity == Severity::error) return &f;
    }
    return error_aside_ ? &slots_.aside : nullptr;
  }
  // Whether `f` points to one of the stored findings (items()), not to the error kept aside.
  [[nodiscard]] bool stores(const Finding* f) const noexcept {
    return !std::less<>{}(f, begin()) && std::less<>{}(f, end());
  }
  [[nodiscard]] Verdict verdict() const noexcept {
    if (count(Severity::error) != 0) return Verdict::reject;
    if (count(Severity::warning) != 0) return Verdict::warn;
    return Verdict::accept;
  }

 private:
  // Out of line: a full list is rare, and add() is inlined everywhere. drop() counts `finding`
  // and keeps it aside when it is the first error that did not fit.
  void drop(const Finding& finding) noexcept;
  void keep_aside(const Finding& error) noexcept;

  // Slots [0, size_) hold the stored findings, `aside` the first error that did not fit when
  // error_aside_ says so; the others are never read, and left unwritten.
  struct Slots {
    Slots() noexcept {}  // = default would write them: Finding's members have initializers
    union {
      Finding items[kCapacity];
    };
    union {
      Finding aside;
    };
  };
  Slots slots_;
  std::uint32_t size_ = 0;
  std::uint32_t dropped_ = 0;
  std::array<std::uint32_t, 3> counts_{};
  bool error_aside_ = false;
};

}  // namespace h1resp
