// Picks the scanner kernel once, at first use: H1RESP_KERNEL if it names a kernel this CPU can
// run, else the best one it can. force_kernel() overrides it, so tests can cover every kernel.
#include <array>
#include <atomic>
#include <cstdlib>

#include "h1resp/kernel.hpp"
#include "scanner/block_masks.hpp"

namespace h1resp {
namespace {

bool cpu_has(KernelId kernel) noexcept {
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
  switch (kernel) {
    case KernelId::scalar:
      return true;
    case KernelId::sse42:
      return __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("ssse3");
    case KernelId::avx2:
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
    case KernelId::avx512:
      return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f") &&
             __builtin_cpu_supports("bmi2");
  }
  return false;
#else
  return kernel == KernelId::scalar;
#endif
}

struct KernelSet {
  std::array<KernelId, 4> ids{};
  std::size_t count = 0;
};

const KernelSet& supported() noexcept {
  static const KernelSet set = [] {
    KernelSet s;
    for (KernelId k : {KernelId::scalar, KernelId::sse42, KernelId::avx2, KernelId::avx512}) {
      if (cpu_has(k)) s.ids[s.count++] = k;
    }
    return s;
  }();
  return set;
}

KernelId initial_kernel() noexcept {
  if (const char* env = std::getenv("H1RESP_KERNEL"); env != nullptr) {
    if (auto named = kernel_from_name(env); named && kernel_supported(*named)) return *named;
  }
  const KernelSet& s = supported();
  return s.ids[s.count - 1];
}

std::atomic<KernelId>& active() noexcept {
  static std::atomic<KernelId> kernel{initial_kernel()};
  return kernel;
}

}  // namespace

std::string_view to_string(KernelId kernel) noexcept {
  switch (kernel) {
    case KernelId::scalar:
      return "scalar";
    case KernelId::sse42:
      return "sse42";
    case KernelId::avx2:
      return "avx2";
    case KernelId::avx512:
      return "avx512";
  }
  return "?";
}

std::optional<KernelId> kernel_from_name(std::string_view name) noexcept {
  for (KernelId k : {KernelId::scalar, KernelId::sse42, KernelId::avx2, KernelId::avx512}) {
    if (to_string(k) == name) return k;
  }
  return std::nullopt;
}

std::span<const KernelId> supported_kernels() noexcept {
  const KernelSet& s = supported();
  return {s.ids.data(), s.count};
}

bool kernel_supported(KernelId kernel) noexcept {
  for (KernelId k : supported_kernels()) {
    if (k == kernel) return true;
  }
  return false;
}

KernelId active_kernel() noexcept {
  return active().load(std::memory_order_relaxed);
}

bool force_kernel(KernelId kernel) noexcept {
  if (!kernel_supported(kernel)) return false;
  active().store(kernel, std::memory_order_relaxed);
  return true;
}

namespace detail {

ClassifyFn classify_function(KernelId kernel) noexcept {
  switch (kernel) {
#if defined(__x86_64__) || defined(_M_X64)
    case KernelId::sse42:
      return &classify_sse42;
    case KernelId::avx2:
      return &classify_avx2;
    case KernelId::avx512:
      return &classify_avx512;
#endif
    default:
      return &classify_scalar;
  }
}

}  // namespace detail
}  // namespace h1resp
