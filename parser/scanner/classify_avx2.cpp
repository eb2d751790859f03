// The AVX2 kernel: 32 bytes per instruction, two vectors per 64-byte block.
//
// not_tchar: two nibble-table shuffles (vpshufb) whose AND is zero for non-tchars.
// ctl: an unsigned "<= 0x1F" (min + compare), minus HTAB, plus DEL.
// Compiled with a target attribute, so the library still runs on CPUs without AVX2; dispatch
// calls it only when the CPU has AVX2.
#include <immintrin.h>

#include <cstring>

#include "scanner/block_masks.hpp"
#include "scanner/char_classes.hpp"

#define H1RESP_TARGET_AVX2 __attribute__((target("avx2,bmi,bmi2")))

namespace h1resp::detail {
namespace {

struct Avx2Tables {
  __m256i tchar_low;
  __m256i tchar_high;
};

H1RESP_TARGET_AVX2 inline Avx2Tables avx2_tables() noexcept {
  // SAFETY: both tables are 16-byte arrays; _mm_loadu_si128 reads exactly 16 bytes.
  const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByLowNibble.data()));
  const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByHighNibble.data()));
  return {_mm256_broadcastsi128_si256(low), _mm256_broadcastsi128_si256(high)};
}

H1RESP_TARGET_AVX2 inline std::uint32_t not_tchar_mask(__m256i v, const Avx2Tables& t) noexcept {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_shuffle_epi8(t.tchar_low, _mm256_and_si256(v, nibble));
  const __m256i high =
      _mm256_shuffle_epi8(t.tchar_high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  const __m256i tchar_bits = _mm256_and_si256(low, high);
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_cmpeq_epi8(tchar_bits, _mm256_setzero_si256())));
}

H1RESP_TARGET_AVX2 inline std::uint32_t ctl_mask(__m256i v) noexcept {
  const __m256i below_space = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v);
  const __m256i htab = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t'));
  const __m256i del = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F));
  return static_cast<std::uint32_t>(
      _mm256_movemask_epi8(_mm256_or_si256(_mm256_andnot_si256(htab, below_space), del)));
}

// Pre-condition: p[0, 64) is readable.
H1RESP_TARGET_AVX2 inline BlockMasks classify_block(const char* p, const Avx2Tables& t) noexcept {
  // SAFETY: two unaligned 32-byte loads of p[0, 32) and p[32, 64), inside the 64 readable bytes
  // the caller guarantees.
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  return BlockMasks{
      not_tchar_mask(lo, t) | (static_cast<std::uint64_t>(not_tchar_mask(hi, t)) << 32),
      ctl_mask(lo) | (static_cast<std::uint64_t>(ctl_mask(hi)) << 32),
  };
}

}  // namespace

H1RESP_TARGET_AVX2 void classify_avx2(const char* data, std::size_t size,
                                      BlockMasks* out) noexcept {
  const Avx2Tables tables = avx2_tables();
  std::size_t block = 0;
  for (; (block + 1) * kBlockBytes <= size; ++block) {
    out[block] = classify_block(data + block * kBlockBytes, tables);
  }
  const std::size_t rest = size - block * kBlockBytes;
  if (rest != 0) {
    // The last, partial block is copied into a zeroed local block, so the vector loads never
    // touch a byte past data + size. The bits of the padding are cleared below.
    alignas(32) char tail[kBlockBytes] = {};
    std::memcpy(tail, data + block * kBlockBytes, rest);
    const BlockMasks m = classify_block(tail, tables);
    const std::uint64_t keep = (std::uint64_t{1} << rest) - 1;  // rest < 64
    out[block] = BlockMasks{m.not_tchar & keep, m.ctl & keep};
  }
}

}  // namespace h1resp::detail
