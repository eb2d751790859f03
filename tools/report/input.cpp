#include "report/input.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>
#include <utility>

namespace h1resp::report {

InputBytes InputBytes::open(const std::string& path) {
  InputBytes in;
  if (path == "-") {
    in.owned_.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    in.bytes_ = in.owned_;
    return in;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    in.error_ = std::strerror(errno);
    return in;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    in.error_ = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    ::close(fd);
    return in;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size != 0) {
    // Large captures are mapped, not read: the walk reads each byte once, in order.
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      in.error_ = std::strerror(errno);
    } else {
      ::madvise(map, size, MADV_SEQUENTIAL);
      in.mapping_ = map;
      in.mapped_size_ = size;
      in.bytes_ = std::string_view(static_cast<const char*>(map), size);
    }
  }
  ::close(fd);
  return in;
}

InputBytes::InputBytes(InputBytes&& other) noexcept {
  *this = std::move(other);
}

InputBytes& InputBytes::operator=(InputBytes&& other) noexcept {
  if (this == &other) return *this;
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
  mapping_ = std::exchange(other.mapping_, nullptr);
  mapped_size_ = std::exchange(other.mapped_size_, 0);
  const bool owns = other.bytes_.data() == other.owned_.data();
  owned_ = std::move(other.owned_);
  bytes_ = owns ? std::string_view(owned_) : other.bytes_;
  error_ = std::move(other.error_);
  other.bytes_ = {};
  return *this;
}

InputBytes::~InputBytes() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && fs::is_directory(argument, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(argument, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        // Notes that sit beside captures are not captures.
        if (it->path().extension() == ".md" || name.rfind("README", 0) == 0) continue;
        if (it->is_regular_file(ec)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(argument);
    }
  }
  return files;
}

}  // namespace h1resp::report
