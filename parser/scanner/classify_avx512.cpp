// The AVX-512BW kernel: one 64-byte vector per block, compares straight into mask registers, and
// masked loads for the last partial block (no copy, no read past the end).
#include <immintrin.h>

#include "scanner/block_masks.hpp"
#include "scanner/char_classes.hpp"

#define H1RESP_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,bmi,bmi2")))

namespace h1resp::detail {
namespace {

struct Avx512Tables {
  __m512i tchar_low;
  __m512i tchar_high;
};

H1RESP_TARGET_AVX512 inline Avx512Tables avx512_tables() noexcept {
  // SAFETY: both tables are 16-byte arrays; _mm_loadu_si128 reads exactly 16 bytes.
  const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByLowNibble.data()));
  const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByHighNibble.data()));
  // The maskz form: GCC 12 warns on the plain broadcast (an undefined source operand).
  return {_mm512_maskz_broadcast_i32x4(0xFFFF, low), _mm512_maskz_broadcast_i32x4(0xFFFF, high)};
}

H1RESP_TARGET_AVX512 inline BlockMasks classify_vector(__m512i v, const Avx512Tables& t) noexcept {
  const __m512i nibble = _mm512_set1_epi8(0x0F);
  const __m512i low = _mm512_shuffle_epi8(t.tchar_low, _mm512_and_si512(v, nibble));
  const __m512i high =
      _mm512_shuffle_epi8(t.tchar_high, _mm512_and_si512(_mm512_srli_epi16(v, 4), nibble));
  const __mmask64 tchar = _mm512_test_epi8_mask(low, high);
  const __mmask64 below_space = _mm512_cmplt_epu8_mask(v, _mm512_set1_epi8(0x20));
  const __mmask64 htab = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\t'));
  const __mmask64 del = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(0x7F));
  return BlockMasks{~tchar, (below_space & ~htab) | del};
}

}  // namespace

H1RESP_TARGET_AVX512 void classify_avx512(const char* data, std::size_t size,
                                          BlockMasks* out) noexcept {
  const Avx512Tables tables = avx512_tables();
  std::size_t block = 0;
  for (; (block + 1) * kBlockBytes <= size; ++block) {
    // SAFETY: a 64-byte load of data[64 * block, 64 * block + 64), all below data + size.
    const __m512i v = _mm512_loadu_si512(data + block * kBlockBytes);
    out[block] = classify_vector(v, tables);
  }
  const std::size_t rest = size - block * kBlockBytes;
  if (rest != 0) {
    const __mmask64 keep = (std::uint64_t{1} << rest) - 1;  // rest < 64
    // SAFETY: a masked load reads only the `rest` bytes whose mask bit is set, all below
    // data + size; masked-off lanes are not accessed (fault suppression) and read as 0.
    const __m512i v = _mm512_maskz_loadu_epi8(keep, data + block * kBlockBytes);
    const BlockMasks m = classify_vector(v, tables);
    out[block] = BlockMasks{m.not_tchar & keep, m.ctl & keep};
  }
}

}  // namespace h1resp::detail
