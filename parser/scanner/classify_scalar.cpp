// The scalar kernel: one table lookup per byte. The reference the SIMD kernels are tested
// against, so it stays this simple.
#include <algorithm>

#include "scanner/block_masks.hpp"
#include "scanner/char_classes.hpp"

namespace h1resp::detail {

void classify_scalar(const char* data, std::size_t size, BlockMasks* out) noexcept {
  for (std::size_t block = 0; block * kBlockBytes < size; ++block) {
    const std::size_t base = block * kBlockBytes;
    const std::size_t n = std::min(kBlockBytes, size - base);
    std::uint64_t not_tchar = 0;
    std::uint64_t ctl = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint8_t cls = kByteClasses[static_cast<unsigned char>(data[base + i])];
      not_tchar |= static_cast<std::uint64_t>(cls & kNotTchar) << i;
      ctl |= static_cast<std::uint64_t>((cls & kValueCtl) >> 1) << i;
    }
    out[block] = BlockMasks{not_tchar, ctl};
  }
}

}  // namespace h1resp::detail
