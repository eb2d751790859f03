// The SSE4.2 kernel (the SSSE3 byte shuffle and SSE2 compares): 16 bytes per instruction, four
// vectors per 64-byte block. The same classes as the AVX2 kernel, half as wide.
#include <immintrin.h>

#include <algorithm>
#include <cstring>

#include "scanner/block_masks.hpp"
#include "scanner/char_classes.hpp"

#define H1RESP_TARGET_SSE42 __attribute__((target("sse4.2,ssse3")))

namespace h1resp::detail {
namespace {

struct SseTables {
  __m128i tchar_low;
  __m128i tchar_high;
};

H1RESP_TARGET_SSE42 inline SseTables sse_tables() noexcept {
  // SAFETY: both tables are 16-byte arrays; _mm_loadu_si128 reads exactly 16 bytes.
  return {_mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByLowNibble.data())),
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(kTcharByHighNibble.data()))};
}

H1RESP_TARGET_SSE42 inline std::uint64_t not_tchar_mask(__m128i v, const SseTables& t) noexcept {
  const __m128i nibble = _mm_set1_epi8(0x0F);
  const __m128i low = _mm_shuffle_epi8(t.tchar_low, _mm_and_si128(v, nibble));
  const __m128i high = _mm_shuffle_epi8(t.tchar_high, _mm_and_si128(_mm_srli_epi16(v, 4), nibble));
  const __m128i tchar_bits = _mm_and_si128(low, high);
  return static_cast<std::uint16_t>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(tchar_bits, _mm_setzero_si128())));
}

H1RESP_TARGET_SSE42 inline std::uint64_t ctl_mask(__m128i v) noexcept {
  const __m128i below_space = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
  const __m128i htab = _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'));
  const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
  return static_cast<std::uint16_t>(
      _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(htab, below_space), del)));
}

H1RESP_TARGET_SSE42 inline BlockMasks classify_vectors(const __m128i (&v)[4],
                                                       const SseTables& t) noexcept {
  BlockMasks m{0, 0};
  for (std::size_t i = 0; i < 4; ++i) {
    m.not_tchar |= not_tchar_mask(v[i], t) << (16 * i);
    m.ctl |= ctl_mask(v[i]) << (16 * i);
  }
  return m;
}

// Pre-condition: p[0, 64) is readable.
H1RESP_TARGET_SSE42 inline BlockMasks classify_block(const char* p, const SseTables& t) noexcept {
  __m128i v[4];
  for (std::size_t i = 0; i < 4; ++i) {
    // SAFETY: a 16-byte load of p[16i, 16i + 16), inside the 64 readable bytes.
    v[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
  }
  return classify_vectors(v, t);
}

// The last, partial block: bytes p[0, rest), 0 < rest < 64, in four vectors at their places
// (what lies at or past `rest` is 0 or a copy of an earlier byte: the caller clears those bits).
// Eight eight-byte words, each loaded where it ends at `rest` at the latest and shifted down to
// its place, without a store: a copy into a local block (a memcpy of a variable size, then
// vector loads that cannot be forwarded from its stores) costs small responses much of their
// parse time. SSE has no masked load.
H1RESP_TARGET_SSE42 inline void load_tail(const char* p, std::size_t rest,
                                          __m128i (&v)[4]) noexcept {
  std::uint64_t word[8] = {};
  if (rest >= 8) {
    for (std::size_t k = 0; k < 8; ++k) {
      const std::size_t at = std::min(8 * k, rest - 8);
      std::uint64_t w;
      // SAFETY: an eight-byte load of p[at, at + 8), and at + 8 <= rest.
      std::memcpy(&w, p + at, 8);
      const std::size_t skip = 8 * k - at;  // bytes of w before position 8k (0: a whole word)
      word[k] = skip < 8 ? w >> (8 * skip) : 0;
    }
  } else {
    // Fewer than eight bytes: one word, each index clamped to the last byte.
    for (std::size_t i = 0; i < 8; ++i) {
      word[0] |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[std::min(i, rest - 1)]))
                 << (8 * i);
    }
  }
  for (std::size_t i = 0; i < 4; ++i) {
    v[i] = _mm_set_epi64x(static_cast<long long>(word[2 * i + 1]),
                          static_cast<long long>(word[2 * i]));
  }
}

}  // namespace

H1RESP_TARGET_SSE42 void classify_sse42(const char* data, std::size_t size,
                                        BlockMasks* out) noexcept {
  const SseTables tables = sse_tables();
  std::size_t block = 0;
  for (; (block + 1) * kBlockBytes <= size; ++block) {
    out[block] = classify_block(data + block * kBlockBytes, tables);
  }
  const std::size_t rest = size - block * kBlockBytes;
  if (rest != 0) {
    __m128i v[4];
    load_tail(data + block * kBlockBytes, rest, v);
    const BlockMasks m = classify_vectors(v, tables);
    const std::uint64_t keep = (std::uint64_t{1} << rest) - 1;  // rest < 64
    out[block] = BlockMasks{m.not_tchar & keep, m.ctl & keep};
  }
}

}  // namespace h1resp::detail
