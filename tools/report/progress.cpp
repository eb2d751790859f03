#include "report/progress.hpp"

#include <fmt/core.h>

#include <cstdlib>

namespace h1resp::report {

namespace {

Progress::Clock::duration delay_from_environment() noexcept {
  const char* text = std::getenv("H1RESP_PROGRESS_DELAY_MS");
  if (text != nullptr && *text != '\0') {
    char* end = nullptr;
    const long ms = std::strtol(text, &end, 10);
    if (*end == '\0' && ms >= 0) return std::chrono::milliseconds(ms);
  }
  return std::chrono::seconds(1);
}

}  // namespace

Progress::Progress(bool enabled, std::FILE* out) noexcept
    : enabled_(enabled), out_(out), delay_(delay_from_environment()), start_(Clock::now()) {}

void Progress::begin_input(std::string_view name, std::uint64_t size, std::size_t number,
                           std::size_t count) {
  done_bytes_ += size_;
  size_ = size;
  number_ = number;
  count_ = count;
  if (!enabled_) return;
  name_.assign(name);
  // A long name would wrap, and a wrapped line cannot be erased with \r.
  if (name_.size() > 40) name_ = "..." + name_.substr(name_.size() - 37);
  calls_ = kCallsPerClockRead - 1;  // look at the clock on the next advance()
}

void Progress::tick(std::uint64_t position, std::size_t responses) {
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_ || (shown_ && now - last_draw_ < kInterval)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double done = static_cast<double>(done_bytes_ + position);
  std::string line = fmt::format("h1resp: {}", name_);
  if (count_ > 1) line += fmt::format(" ({} of {})", number_, count_);
  line += fmt::format(": {:.1f} of {:.1f} MB", static_cast<double>(position) / 1e6,
                      static_cast<double>(size_) / 1e6);
  if (size_ != 0) {
    line += fmt::format(" ({:.0f}%)",
                        100.0 * static_cast<double>(position) / static_cast<double>(size_));
  }
  line += fmt::format(", {} responses, {:.0f} MB/s", responses, done / 1e6 / seconds);
  fmt::print(out_, "\r{}\x1b[K", line);
  std::fflush(out_);
  shown_ = true;
}

void Progress::erase() noexcept {
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  shown_ = false;
}

}  // namespace h1resp::report
