// Stage 2's view of the bytes during one feed(): the bytes, how far the tokenizer may look, and
// a window of block masks from stage 1 (the kernel), walked with count-trailing-zeros.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <string_view>

#include "h1resp/parser.hpp"
#include "scanner/block_masks.hpp"

namespace h1resp {

class ResponseParser::Scan {
 public:
  // `limit`: the first offset the header section may not reach (max_header_section_bytes).
  Scan(std::string_view bytes, std::size_t limit, detail::ClassifyFn classify) noexcept
      : data_(bytes.data()),
        size_(bytes.size()),
        avail_(std::min(bytes.size(), limit)),
        limit_(limit),
        classify_(classify) {}

  [[nodiscard]] const char* data() const noexcept { return data_; }
  // Bytes the tokenizer may look at: those received, up to the section limit.
  [[nodiscard]] std::size_t avail() const noexcept { return avail_; }
  // True when the bytes reach the section limit: needing one more byte is then an error, not a
  // reason to wait. Depends only on the offsets, so the outcome is the same for every split.
  [[nodiscard]] bool at_limit() const noexcept { return size_ >= limit_; }
  [[nodiscard]] std::size_t limit() const noexcept { return limit_; }
  [[nodiscard]] unsigned char at(std::size_t i) const noexcept {
    return static_cast<unsigned char>(data_[i]);
  }

  // The window of masks, for the hot loop, which walks them with its state in registers: the
  // masks of the bytes [window_start(), window_end()); refill(from) moves it to start at `from`.
  [[nodiscard]] const detail::BlockMasks* masks() const noexcept { return masks_; }
  [[nodiscard]] std::size_t window_start() const noexcept { return window_start_; }
  [[nodiscard]] std::size_t window_end() const noexcept { return window_end_; }

  // Classifies the window that starts at `from`. Searches only move forward, so every byte is
  // classified at most once per feed().
  void refill(std::size_t from) noexcept {
    window_start_ = from;
    window_end_ = std::min(avail_, from + detail::kWindowBytes);
    classify_(data_ + from, window_end_ - from, masks_);
    classified_ += window_end_ - from;
  }
  // Bytes classified by this Scan so far (ResponseParser::bytes_classified() adds them up).
  [[nodiscard]] std::size_t classified() const noexcept { return classified_; }

  // The first offset in [from, bound) whose byte is a value CTL, or `bound` when there is none.
  // Pre-condition: bound <= avail().
  [[nodiscard]] std::size_t next_ctl(std::size_t from, std::size_t bound) noexcept {
    return next<&detail::BlockMasks::ctl>(from, bound);
  }
  // The first offset in [from, bound) whose byte is not a tchar, or `bound`.
  [[nodiscard]] std::size_t next_not_tchar(std::size_t from, std::size_t bound) noexcept {
    return next<&detail::BlockMasks::not_tchar>(from, bound);
  }

 private:
  template <std::uint64_t detail::BlockMasks::*Kind>
  std::size_t next(std::size_t from, std::size_t bound) noexcept {
    while (from < bound) {
      if (from < window_start_ || from >= window_end_) refill(from);
      const std::size_t rel = from - window_start_;
      const std::size_t block = rel / detail::kBlockBytes;
      const std::uint64_t bits = (masks_[block].*Kind) >> (rel % detail::kBlockBytes);
      if (bits != 0) return std::min(from + std::countr_zero(bits), bound);
      from = window_start_ + (block + 1) * detail::kBlockBytes;
    }
    return bound;
  }

  const char* data_;
  std::size_t size_;
  std::size_t avail_;
  std::size_t limit_;
  detail::ClassifyFn classify_;
  std::size_t window_start_ = 0;
  std::size_t window_end_ = 0;
  std::size_t classified_ = 0;
  detail::BlockMasks masks_[detail::kWindowBlocks];
};

}  // namespace h1resp
