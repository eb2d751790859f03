// The body of the bad upstream's /early-big response, shared by the upstream that sends it and
// the test that checks what reached the client.
#pragma once

#include <cstddef>

namespace e2e {

// 16 MiB (in chunks of 64 KiB): more than loopback sockets buffer, so a client that does not
// read holds the proxy's relay in a write.
inline constexpr std::size_t kEarlyBigSize = std::size_t{16} << 20;

// Byte i of the body: a pattern in which every prefix is checkable and no run repeats for long.
inline char early_big_byte(std::size_t i) {
  return static_cast<char>('a' + (i * 7 + i / 251) % 26);
}

}  // namespace e2e
