// Scanner kernels: the instruction-set-specific code under the tokenizer.
//
// Every kernel classifies the same bytes into the same bit masks; the tokenizer's results never
// depend on which one runs. The active kernel is picked once, at first use, from the CPU, unless
// the environment variable H1RESP_KERNEL (scalar|sse42|avx2|avx512) or force_kernel() names one.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace h1resp {

enum class KernelId : std::uint8_t {
  scalar,  // portable C++: the reference every other kernel is tested against
  sse42,   // SSE4.2 (16 bytes at a time)
  avx2,    // AVX2 (32 bytes at a time)
  avx512,  // AVX-512BW (64 bytes at a time, masked tail loads)
};

[[nodiscard]] std::string_view to_string(KernelId kernel) noexcept;
[[nodiscard]] std::optional<KernelId> kernel_from_name(std::string_view name) noexcept;

// The kernels this build contains and this CPU can run, scalar first, best last.
[[nodiscard]] std::span<const KernelId> supported_kernels() noexcept;
[[nodiscard]] bool kernel_supported(KernelId kernel) noexcept;

// The kernel new parsers use. Decided once, at the first call: H1RESP_KERNEL if it names a
// supported kernel, else the best supported one.
[[nodiscard]] KernelId active_kernel() noexcept;

// Makes `kernel` the one new parsers use. Returns false (and changes nothing) when the CPU
// cannot run it. Parsers that exist keep the kernel they were created with, also across reset()
// (ResponseParser::use_kernel() changes one parser's).
bool force_kernel(KernelId kernel) noexcept;

}  // namespace h1resp
