// Replacement global operator new and delete that count every allocation (counting_new.cpp).
// Link counting_new.cpp into an executable of its own: it replaces the allocation functions of
// the whole program. Used by the zero-allocation tests of the library and of the C API.
#pragma once

#include <cstdint>

namespace h1resp::testing {

// How many times any form of operator new has allocated since the program started.
[[nodiscard]] std::uint64_t allocation_count() noexcept;

}  // namespace h1resp::testing
