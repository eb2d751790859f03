// A progress line on the terminal for long runs: shown on stderr only when it is a terminal,
// only once a run has taken more than a second, redrawn at most four times a second, and
// erased before other output and at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace h1resp::report {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // `enabled`: whether to draw at all (the caller checks that `out` is a terminal).
  explicit Progress(bool enabled, std::FILE* out = stderr) noexcept;
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A new input of `size` bytes, the `number`th of `count`.
  void begin_input(std::string_view name, std::uint64_t size, std::size_t number,
                   std::size_t count);
  // Where the walk is in the current input, and how many responses were read in all. Cheap:
  // looks at the clock only every few calls.
  void advance(std::uint64_t position, std::size_t responses) {
    if (!enabled_ || ++calls_ % kCallsPerClockRead != 0) return;
    tick(position, responses);
  }
  // Erases the line, if shown, so that other output starts on a clean line.
  void clear() noexcept {
    if (shown_) erase();
  }
  [[nodiscard]] bool shown() const noexcept { return shown_; }

 private:
  static constexpr unsigned kCallsPerClockRead = 64;
  static constexpr auto kInterval = std::chrono::milliseconds(250);

  void tick(std::uint64_t position, std::size_t responses);
  void erase() noexcept;

  bool enabled_;
  std::FILE* out_;
  // One second; H1RESP_PROGRESS_DELAY_MS sets another, so tests need not run for a second.
  Clock::duration delay_;
  Clock::time_point start_;
  Clock::time_point last_draw_{};
  std::uint64_t done_bytes_ = 0;  // bytes of the inputs before the current one
  std::uint64_t size_ = 0;
  std::size_t number_ = 0;
  std::size_t count_ = 0;
  std::string name_;
  unsigned calls_ = 0;
  bool shown_ = false;
};

}  // namespace h1resp::report
