// The AVX2 kernel: 32 bytes per instruction, two vectors per 64-byte block.
//
// not_tchar: two nibble-table shuffles (vpshufb) whose AND is zero for non-tchars.
// ctl: an unsigned "<= 0x1F" (min + compare), minus HTAB, plus DEL.
// Compiled with a target attribute, so the library still runs on CPUs without AVX2; dispatch
// calls it only when the CPU has AVX2.
#include <immintrin.h>

#include <algorithm>

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

H1RESP_TARGET_AVX2 inline BlockMasks classify_vectors(__m256i lo, __m256i hi,
                                                      const Avx2Tables& t) noexcept {
  return BlockMasks{
      not_tchar_mask(lo, t) | (static_cast<std::uint64_t>(not_tchar_mask(hi, t)) << 32),
      ctl_mask(lo) | (static_cast<std::uint64_t>(ctl_mask(hi)) << 32),
  };
}

// Pre-condition: p[0, 64) is readable.
H1RESP_TARGET_AVX2 inline BlockMasks classify_block(const char* p, const Avx2Tables& t) noexcept {
  // SAFETY: two unaligned 32-byte loads of p[0, 32) and p[32, 64), inside the 64 readable bytes
  // the caller guarantees.
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  return classify_vectors(lo, hi, t);
}

// The last, partial block: bytes p[0, rest), 0 < rest < 64, in two vectors at their places
// (what lies beyond `rest` is 0 or a copy of p[rest - 1]: the caller clears those bits).
// Without a branch on `rest` and without a store: the whole four-byte groups come from masked
// loads, the last 1-3 bytes from byte loads blended into their group. Every response ends in
// such a block, and most small ones are nothing else: a copy into a local block (a memcpy of a
// variable size, then vector loads that cannot be forwarded from its stores) cost tiny
// responses a third of their parse time.
H1RESP_TARGET_AVX2 inline void load_tail(const char* p, std::size_t rest, __m256i& lo,
                                         __m256i& hi) noexcept {
  const auto whole = static_cast<int>(rest & ~std::size_t{3});  // bytes in whole groups
  const __m256i offset_lo = _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28);
  const __m256i offset_hi = _mm256_add_epi32(offset_lo, _mm256_set1_epi32(32));
  const __m256i limit = _mm256_set1_epi32(whole);
  // A group is loaded when its four bytes are below `whole`.
  const __m256i load_lo = _mm256_cmpgt_epi32(limit, offset_lo);
  const __m256i load_hi = _mm256_cmpgt_epi32(limit, offset_hi);
  // The second half's base is p + 32 only when it has a group to load (else p, with every lane
  // masked off): no pointer past the bytes is formed.
  const char* const hi_base = p + (whole > 32 ? 32 : 0);
  // SAFETY: masked loads access only the lanes whose mask is set, each four bytes inside
  // p[0, whole), which is inside p[0, rest); masked-off lanes are not accessed (no fault) and
  // read as 0.
  lo = _mm256_maskload_epi32(reinterpret_cast<const int*>(p), load_lo);
  hi = _mm256_maskload_epi32(reinterpret_cast<const int*>(hi_base), load_hi);
  // The last 0-3 bytes, at offset `whole`: each index is clamped to rest - 1, inside the bytes
  // (a clamped byte lands at or past `rest`, where its bits are cleared).
  const std::size_t last = rest - 1;
  const auto byte_at = [p, last](std::size_t i) noexcept {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(p[std::min(i, last)]));
  };
  const auto at = static_cast<std::size_t>(whole);
  const std::uint32_t partial = byte_at(at) | byte_at(at + 1) << 8 | byte_at(at + 2) << 16;
  const __m256i value = _mm256_set1_epi32(static_cast<int>(partial));
  lo = _mm256_blendv_epi8(lo, value, _mm256_cmpeq_epi32(offset_lo, limit));
  hi = _mm256_blendv_epi8(hi, value, _mm256_cmpeq_epi32(offset_hi, limit));
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
    __m256i lo;
    __m256i hi;
    load_tail(data + block * kBlockBytes, rest, lo, hi);
    const BlockMasks m = classify_vectors(lo, hi, tables);
    const std::uint64_t keep = (std::uint64_t{1} << rest) - 1;  // rest < 64
    out[block] = BlockMasks{m.not_tchar & keep, m.ctl & keep};
  }
}

}  // namespace h1resp::detail
