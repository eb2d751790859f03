#include "report/input.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace h1resp::report {

namespace {

// What is read into memory from one input that cannot be mapped (a pipe, a terminal, a
// device): /dev/zero or an endless pipe must end with an error, not with the memory.
constexpr std::size_t kMaxStreamBytes = std::size_t{1} << 30;

// Reads all of `fd` (a pipe, a terminal or a device) into `out`, up to kMaxStreamBytes.
std::string read_all(int fd, std::string& out) {
  constexpr std::size_t kChunk = 1 << 20;
  std::size_t used = 0;
  for (;;) {
    if (used >= kMaxStreamBytes) {
      out.resize(used);
      return "more than 1 GiB from a pipe or device (save it to a file to check it)";
    }
    if (out.size() - used < kChunk) {
      out.resize(std::min(std::max(out.size() * 2, used + kChunk), kMaxStreamBytes));
    }
    const ssize_t n = ::read(fd, out.data() + used, out.size() - used);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      out.resize(used);
      return std::strerror(errno);
    }
    used += static_cast<std::size_t>(n);
  }
  out.resize(used);
  return {};
}

}  // namespace

InputBytes InputBytes::open(const std::string& path) {
  InputBytes in;
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    in.error_ = std::strerror(errno);
    return in;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    in.error_ = std::strerror(errno);
    if (!standard_input) ::close(fd);
    return in;
  }
  if (!S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      in.error_ = "is a directory";
    } else {
      // A pipe (also `<(...)` and /dev/stdin), a terminal or a device: read it all; a
      // redirected file is mapped below.
      in.error_ = read_all(fd, in.owned_);
      if (!in.error_.empty()) in.owned_.clear();
      in.bytes_ = in.owned_;
    }
    if (!standard_input) ::close(fd);
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
  if (!standard_input) ::close(fd);
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
