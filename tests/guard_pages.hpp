// Bytes between inaccessible pages, for tests of code whose loads AddressSanitizer cannot check
// (masked vector loads, or word loads that stay inside a std::string's capacity): a load one
// byte outside the bytes faults, and the fault ends the test.
#pragma once

#if defined(__unix__)
#define H1RESP_HAVE_GUARD_PAGES 1

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <string_view>

namespace h1resp::testing {

// One writable page between two inaccessible ones.
class GuardPages {
 public:
  GuardPages() noexcept
      : page_(static_cast<std::size_t>(sysconf(_SC_PAGESIZE))),
        map_(mmap(nullptr, 3 * page_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) {
    if (map_ == MAP_FAILED) return;
    if (mprotect(map_, page_, PROT_NONE) != 0 ||
        mprotect(page_start() + page_, page_, PROT_NONE) != 0) {
      munmap(map_, 3 * page_);
      map_ = MAP_FAILED;
    }
  }
  GuardPages(const GuardPages&) = delete;
  GuardPages& operator=(const GuardPages&) = delete;
  ~GuardPages() {
    if (map_ != MAP_FAILED) munmap(map_, 3 * page_);
  }

  [[nodiscard]] bool ok() const noexcept { return map_ != MAP_FAILED; }
  [[nodiscard]] std::size_t page_size() const noexcept { return page_; }
  // The writable page: the inaccessible ones are right before and right after it.
  [[nodiscard]] char* page_start() const noexcept { return static_cast<char*>(map_) + page_; }

  // Copies `bytes` (at most a page) so that they end right before the second inaccessible page,
  // or (`at_start`) start right after the first; returns the copy.
  [[nodiscard]] std::string_view place(std::string_view bytes, bool at_start) const noexcept {
    char* const at = at_start ? page_start() : page_start() + page_ - bytes.size();
    if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
    return {at, bytes.size()};
  }

 private:
  std::size_t page_;
  void* map_;
};

}  // namespace h1resp::testing

#endif
