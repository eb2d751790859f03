// The scanner's output: for each 64-byte block, one bit mask per byte class.
//
// Stage 1 of the tokenizer (the kernels) classifies bytes into these masks; stage 2 (the
// tokenizer's Scan) walks them with count-trailing-zeros to find where names and lines end.
#pragma once

#include <cstddef>
#include <cstdint>

#include "h1resp/parser.hpp"

namespace h1resp::detail {

inline constexpr std::size_t kBlockBytes = 64;
// How many blocks one call to a kernel classifies at most: 512 bytes, enough for most header
// sections in one or two calls, small enough that classifying past the end of the header
// section (into the body) wastes little.
inline constexpr std::size_t kWindowBlocks = 8;
inline constexpr std::size_t kWindowBytes = kBlockBytes * kWindowBlocks;

struct BlockMasks {
  // Bytes that are not `tchar` (RFC 9110 §5.6.2): they end a field name. The colon, SP, HTAB,
  // CR, LF, the delimiters "(),/:;<=>?@[\]{}, DQUOTE, all CTLs, DEL and every byte >= 0x80.
  std::uint64_t not_tchar;
  // Control bytes that may not appear in a reason phrase or field value (RFC 9110 §5.5,
  // RFC 9112 §4): 0x00-0x1F except HTAB, and DEL (0x7F). CR and LF are among them, so the
  // first one after a colon is normally the CR of the line's CRLF.
  std::uint64_t ctl;
};

// The contract every kernel implements:
//   Pre-conditions: size <= kWindowBytes; `data` points to at least `size` readable bytes; `out`
//     has room for kWindowBlocks masks.
//   Effect: writes (size + 63) / 64 BlockMasks; bit i of out[b] describes data[b * 64 + i];
//     bits for positions >= size are 0. Reads no byte outside data[0, size).
void classify_scalar(const char* data, std::size_t size, BlockMasks* out) noexcept;
#if defined(__x86_64__) || defined(_M_X64)
void classify_sse42(const char* data, std::size_t size, BlockMasks* out) noexcept;
void classify_avx2(const char* data, std::size_t size, BlockMasks* out) noexcept;
void classify_avx512(const char* data, std::size_t size, BlockMasks* out) noexcept;
#endif

// The kernel function of `kernel`. Pre-condition: kernel_supported(kernel).
ClassifyFn classify_function(KernelId kernel) noexcept;

}  // namespace h1resp::detail
