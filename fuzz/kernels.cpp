// Fuzz target `kernels`: every scanner kernel the CPU supports is interchangeable with scalar.
//
// Input: the policy bytes (fuzz_common.hpp); one byte whose low 6 bits misalign the copy of the
// bytes (the SIMD kernels load 16/32/64 bytes at a time: every start alignment within a cache
// line matters); then the bytes.
//
// 1. Masks: the bytes are classified window by window (512 bytes, the kernel contract of
//    scanner/block_masks.hpp), and the last window is as short as the bytes make it, so every
//    size 0..512 occurs. Each kernel must write byte for byte the masks of the scalar kernel, and
//    read nothing outside the window (the copy ends exactly where the bytes end, for ASan).
// 2. Parse: the whole parser with each kernel gives the same outcome as with scalar, one-shot
//    and then finished.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "h1resp/kernel.hpp"
#include "scanner/block_masks.hpp"

namespace h1resp::fuzz {
namespace {

using detail::BlockMasks;
using detail::kWindowBlocks;
using detail::kWindowBytes;

void compare_masks(std::string_view bytes, std::size_t misalign) {
  const ExactBuffer buffer(bytes, misalign);
  const std::string_view all = buffer.view();
  const detail::ClassifyFn scalar = detail::classify_function(KernelId::scalar);
  for (std::size_t start = 0; start == 0 || start < all.size(); start += kWindowBytes) {
    const std::size_t size = std::min(kWindowBytes, all.size() - start);
    const std::size_t blocks = (size + 63) / 64;
    BlockMasks expected[kWindowBlocks];
    // A pattern, so that a mask left unwritten shows.
    for (BlockMasks& m : expected)
      m = BlockMasks{0xA5A5A5A5A5A5A5A5ULL, 0x5A5A5A5A5A5A5A5AULL};
    scalar(all.data() + start, size, expected);
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::size_t bits = std::min<std::size_t>(64, size - b * 64);
      if (bits < 64) {
        const std::uint64_t past = ~0ULL << bits;
        check((expected[b].not_tchar & past) == 0 && (expected[b].ctl & past) == 0,
              "scalar sets bits past the end of the window");
      }
    }
    for (const KernelId kernel : supported_kernels()) {
      BlockMasks got[kWindowBlocks];
      for (BlockMasks& m : got)
        m = BlockMasks{0xA5A5A5A5A5A5A5A5ULL, 0x5A5A5A5A5A5A5A5AULL};
      detail::classify_function(kernel)(all.data() + start, size, got);
      // Only the blocks the contract has it write: the room past them is the kernel's to use.
      for (std::size_t b = 0; b < blocks; ++b) {
        if (got[b].not_tchar != expected[b].not_tchar || got[b].ctl != expected[b].ctl) {
          [[unlikely]] fail("a kernel's masks differ from scalar's",
                            "  kernel " + std::string(to_string(kernel)) + ", window at " +
                                std::to_string(start) + ", size " + std::to_string(size) +
                                ", block " + std::to_string(b) + ", misalign " +
                                std::to_string(misalign));
        }
      }
    }
    if (all.empty()) break;
  }
}

}  // namespace
}  // namespace h1resp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace h1resp;
  using namespace h1resp::fuzz;
  Reader in(data, size);
  std::uint8_t flags = 0;
  const Policy policy = read_policy(in, flags);
  const std::size_t misalign = in.byte() & 63U;
  const std::string_view input = in.rest();

  compare_masks(input, misalign);

  BasicResponseParser<> reference(policy);
  check(reference.use_kernel(KernelId::scalar), "scalar is not supported");
  const ParseOutcome expected = feed_in_pieces(reference, input, {}, true);
  for (const KernelId kernel : supported_kernels()) {
    BasicResponseParser<> parser(policy);
    check(parser.use_kernel(kernel), "a supported kernel was refused");
    check(parser.kernel() == kernel, "use_kernel() did not switch");
    const ParseOutcome got = feed_in_pieces(parser, input, {}, true);
    if (!(got == expected)) [[unlikely]] {
      fail("a kernel's parse differs from scalar's", "  kernel " + std::string(to_string(kernel)) +
                                                         "\n  expected " + describe(expected) +
                                                         "\n  got      " + describe(got));
    }
  }
  return 0;
}
