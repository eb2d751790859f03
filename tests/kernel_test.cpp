// Every scanner kernel the CPU supports gives, byte for byte, the masks of the scalar kernel;
// and the whole parser gives the same outcome on every kernel for random and mutated responses.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "guard_pages.hpp"
#include "h1resp/kernel.hpp"
#include "parse_harness.hpp"
#include "scanner/block_masks.hpp"
#include "scanner/char_classes.hpp"

namespace h1resp::testing {
namespace {

using detail::BlockMasks;
using detail::kWindowBlocks;
using detail::kWindowBytes;

std::vector<BlockMasks> classify(KernelId kernel, std::string_view bytes) {
  std::vector<BlockMasks> out(kWindowBlocks, BlockMasks{~0ULL, ~0ULL});
  const ExactBuffer buffer(bytes);  // exact size: ASan sees any read past the end
  detail::classify_function(kernel)(buffer.view().data(), bytes.size(), out.data());
  out.resize((bytes.size() + 63) / 64);
  return out;
}

bool same(const std::vector<BlockMasks>& a, const std::vector<BlockMasks>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].not_tchar != b[i].not_tchar || a[i].ctl != b[i].ctl) return false;
  }
  return true;
}

TEST(Kernels, ScalarIsTheReferenceAndAlwaysSupported) {
  ASSERT_FALSE(supported_kernels().empty());
  EXPECT_EQ(supported_kernels().front(), KernelId::scalar);
  EXPECT_TRUE(kernel_supported(KernelId::scalar));
  for (KernelId k : supported_kernels())
    EXPECT_EQ(kernel_from_name(to_string(k)), k);
  EXPECT_FALSE(kernel_from_name("avx3").has_value());
}

TEST(Kernels, ScalarMasksFollowTheRfcClasses) {
  std::string all;
  for (int c = 0; c < 256; ++c)
    all.push_back(static_cast<char>(c));
  const auto masks = classify(KernelId::scalar, all);
  ASSERT_EQ(masks.size(), 4U);
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    const bool not_tchar = (masks[c / 64].not_tchar >> (c % 64)) & 1;
    const bool ctl = (masks[c / 64].ctl >> (c % 64)) & 1;
    EXPECT_EQ(not_tchar, !detail::tchar_by_definition(byte)) << c;
    EXPECT_EQ(ctl, (c < 0x20 && c != '\t') || c == 0x7F) << c;
  }
}

TEST(Kernels, EveryKernelClassifiesEveryByteValueAtEveryPosition) {
  for (KernelId kernel : supported_kernels()) {
    for (int shift = 0; shift < 64; ++shift) {  // each byte value in each lane of a block
      std::string bytes;
      for (int c = 0; c < 256; ++c)
        bytes.push_back(static_cast<char>((c + shift) & 0xFF));
      EXPECT_TRUE(same(classify(kernel, bytes), classify(KernelId::scalar, bytes)))
          << to_string(kernel) << " shift " << shift;
    }
  }
}

TEST(Kernels, EveryKernelMatchesScalarOnRandomBuffersOfEverySize) {
  std::mt19937_64 rng(20261126);
  const std::string alphabet = "HTTP/1.1 200 OK\r\n:;\t\x01\x7f\x80\xff\x00 aZ-_~\"";
  for (std::size_t size = 0; size <= kWindowBytes; ++size) {
    for (int round = 0; round < 4; ++round) {
      std::string bytes(size, '\0');
      for (char& c : bytes) {
        c = (rng() & 1) ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
      }
      const auto reference = classify(KernelId::scalar, bytes);
      for (KernelId kernel : supported_kernels()) {
        ASSERT_TRUE(same(classify(kernel, bytes), reference))
            << to_string(kernel) << " size " << size;
      }
    }
  }
}

#if defined(H1RESP_HAVE_GUARD_PAGES)
// Masked loads are not checked by AddressSanitizer, so bounds are checked by the hardware here:
// the bytes end right before an inaccessible page (and, second, start right after one), for
// every size a kernel is given; a kernel that touched one byte outside them would fault.
TEST(Kernels, EveryKernelStaysInsideBytesBetweenGuardPages) {
  const GuardPages guard;
  ASSERT_TRUE(guard.ok());
  const std::size_t page = guard.page_size();
  ASSERT_GE(page, kWindowBytes);
  char* const middle = guard.page_start();
  std::mt19937_64 rng(7);
  for (std::size_t i = 0; i < page; ++i)
    middle[i] = static_cast<char>(rng());
  for (std::size_t size = 0; size <= kWindowBytes; ++size) {
    for (const char* data :
         {static_cast<const char*>(middle + page - size), static_cast<const char*>(middle)}) {
      const std::string bytes(data, size);
      const auto reference = classify(KernelId::scalar, bytes);
      for (KernelId kernel : supported_kernels()) {
        std::vector<BlockMasks> out(kWindowBlocks);
        detail::classify_function(kernel)(data, size, out.data());  // a fault ends the test
        out.resize((size + 63) / 64);
        ASSERT_TRUE(same(out, reference)) << to_string(kernel) << " size " << size;
      }
    }
  }
}
#endif

TEST(Kernels, ForceKernelChangesWhatNewParsersUse) {
  const KernelId before = active_kernel();
  for (KernelId kernel : supported_kernels()) {
    ASSERT_TRUE(force_kernel(kernel));
    BasicResponseParser<> parser;
    EXPECT_EQ(parser.kernel(), kernel);
  }
  force_kernel(before);
}

// The suite is also run once per kernel with H1RESP_KERNEL set (tests/CMakeLists.txt). On a
// CPU without that kernel it would run another one under the kernel's name and pass: instead
// the binary exits at once with kSkipExitCode, which CTest reports as a skipped test
// (SKIP_RETURN_CODE), before any test runs.
constexpr int kSkipExitCode = 77;
[[maybe_unused]] const bool kNamedKernelChecked = [] {
  const char* env = std::getenv("H1RESP_KERNEL");
  if (env == nullptr) return true;
  const auto named = kernel_from_name(env);
  if (!named.has_value() || kernel_supported(*named)) return true;
  std::fprintf(stderr, "H1RESP_KERNEL=%s: this CPU does not support it; skipped\n", env);
  std::_Exit(kSkipExitCode);
}();

TEST(Kernels, EnvironmentVariableNamesTheKernelWhenSet) {
  const char* env = std::getenv("H1RESP_KERNEL");
  if (env == nullptr) GTEST_SKIP() << "H1RESP_KERNEL not set";
  const auto named = kernel_from_name(env);
  ASSERT_TRUE(named.has_value()) << env;
  EXPECT_EQ(active_kernel(), *named);
}

// Mutated responses: bytes replaced, inserted and deleted, so the parse fails in every way it
// can; every kernel must agree with the scalar one, one-shot and fed in random pieces.
TEST(Kernels, ParserAgreesAcrossKernelsOnMutatedResponses) {
  const std::string seeds[] = {
      "HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: text/html; "
      "charset=utf-8\r\nSet-Cookie: id=" +
          std::string(300, 'x') +
          "; Path=/\r\n"
          "Content-Length: 5\r\n\r\nhello",
      "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nX: a\r\n b\r\n\r\n",
      "HTTP/1.0 302 Found\r\nURI: http://a/ b\r\nLocation: /x\r\n\r\n",
  };
  const std::string inserts = "\r\n\t :\x00\x0b\x7f\x80";
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int round = 0; round < 600; ++round) {
    std::string input = seeds[rng() % std::size(seeds)];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !input.empty(); ++e) {
      const std::size_t at = rng() % input.size();
      switch (rng() % 3) {
        case 0:
          input[at] = inserts[rng() % inserts.size()];
          break;
        case 1:
          input.insert(at, 1, inserts[rng() % inserts.size()]);
          break;
        default:
          input.erase(at, 1);
          break;
      }
    }
    const Policy policy = (rng() & 1) ? Policy::lenient() : Policy::strict();
    const Outcome reference = parse_in_pieces(input, policy, KernelId::scalar, {}, true);
    for (KernelId kernel : supported_kernels()) {
      std::vector<std::size_t> cuts;
      for (std::size_t at = rng() % 97; at < input.size(); at += 1 + rng() % 97)
        cuts.push_back(at);
      ASSERT_EQ(parse_in_pieces(input, policy, kernel, {}, true), reference) << to_string(kernel);
      ASSERT_EQ(parse_in_pieces(input, policy, kernel, cuts, true), reference) << to_string(kernel);
      ++checked;
    }
  }
  EXPECT_GT(checked, 600);
}

}  // namespace
}  // namespace h1resp::testing
