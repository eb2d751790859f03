// Reading what the tool checks: files (memory-mapped), directories (recursively, in name
// order) and standard input.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace h1resp::report {

// The bytes of one input, owned: a memory mapping of a file, or the bytes read from stdin, a
// pipe or a device (at most 1 GiB: past that, an error).
class InputBytes {
 public:
  // Maps `path` ("-": reads standard input). On failure, error() says why and bytes() is empty.
  static InputBytes open(const std::string& path);
  InputBytes(InputBytes&& other) noexcept;
  InputBytes& operator=(InputBytes&& other) noexcept;
  InputBytes(const InputBytes&) = delete;
  InputBytes& operator=(const InputBytes&) = delete;
  ~InputBytes();

  [[nodiscard]] std::string_view bytes() const noexcept { return bytes_; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }

 private:
  InputBytes() = default;
  void* mapping_ = nullptr;
  std::size_t mapped_size_ = 0;
  std::string owned_;  // stdin, or small files
  std::string_view bytes_;
  std::string error_;
};

// Expands the arguments into the files to read: "-" stays, directories become every regular
// file below them (sorted; hidden files, README files and *.md notes skipped), files stay. Names
// that do not exist are kept, so that opening them reports the error.
std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments);

}  // namespace h1resp::report
