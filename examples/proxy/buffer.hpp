// The proxy's byte buffers. Memory per connection is bounded: a buffer never grows past the
// ceiling it was made with, and only grows at all where a header section must be contiguous for
// the parser (the policy's header limit is the ceiling there).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

#include <asio/buffer.hpp>

namespace h1proxy {

// Received bytes, read from one socket. The unconsumed bytes are [begin, end). A prefix
// [0, pinned) can be kept where it is while later bytes flow through: the parsed header section
// of a message stays valid (parser views point into it) while its body is read.
class InputBuffer {
 public:
  InputBuffer(std::size_t initial, std::size_t max)
      : data_(new char[initial]), capacity_(initial), max_(max < initial ? initial : max) {}

  [[nodiscard]] std::string_view data() const noexcept {
    return {data_.get() + begin_, end_ - begin_};
  }
  // The pinned prefix (a header section), or any prefix of the stored bytes.
  [[nodiscard]] std::string_view front(std::size_t n) const noexcept { return {data_.get(), n}; }
  [[nodiscard]] std::size_t size() const noexcept { return end_ - begin_; }
  [[nodiscard]] bool empty() const noexcept { return begin_ == end_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] const char* base() const noexcept { return data_.get(); }

  // Marks n bytes consumed; never more than there are (a caller that lost track of a clear()
  // gets an empty buffer, not a size that wrapped around past the allocation).
  void consume(std::size_t n) noexcept {
    begin_ += n < end_ - begin_ ? n : end_ - begin_;
    if (begin_ == end_) begin_ = end_ = pinned_;
  }
  // Keeps [0, n) in place from now on: later bytes are received after it. Pre-condition: the
  // bytes [0, n) are consumed. (When that emptied the buffer, consume() moved begin and end
  // back to the old pinned prefix; the bytes are still where they were, and receiving must
  // start after them, or the next read overwrites what the views point into.)
  void pin(std::size_t n) noexcept {
    if (begin_ == end_ && begin_ < n && n <= capacity_) begin_ = end_ = n;
    pinned_ = n < begin_ ? n : begin_;
  }
  // Releases the pinned prefix: the unconsumed bytes move to the front.
  void unpin() noexcept {
    pinned_ = 0;
    compact();
  }
  void clear() noexcept { pinned_ = begin_ = end_ = 0; }

  // Room to receive into, after the unconsumed bytes. Compacts (down to the pinned prefix) when
  // the room is short; when `grow` and the buffer is full, doubles it up to its ceiling, which
  // moves the bytes (base() changes: views into them must be renewed). Empty when full.
  asio::mutable_buffer prepare(bool grow) {
    if (capacity_ - end_ < kMinRoom && begin_ > pinned_) compact();
    if (end_ == capacity_ && grow && capacity_ < max_) {
      const std::size_t bigger = capacity_ * 2 < max_ ? capacity_ * 2 : max_;
      std::unique_ptr<char[]> moved(new char[bigger]);
      std::memcpy(moved.get(), data_.get(), end_);
      data_ = std::move(moved);
      capacity_ = bigger;
    }
    return asio::buffer(data_.get() + end_, capacity_ - end_);
  }
  void commit(std::size_t n) noexcept { end_ += n; }

 private:
  static constexpr std::size_t kMinRoom = 4096;

  void compact() noexcept {
    if (begin_ == pinned_) return;
    std::memmove(data_.get() + pinned_, data_.get() + begin_, end_ - begin_);
    end_ = pinned_ + (end_ - begin_);
    begin_ = pinned_;
  }

  std::unique_ptr<char[]> data_;
  std::size_t capacity_;
  std::size_t max_;
  std::size_t pinned_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

// Bytes to send, with a fixed capacity: the body held back before a response is committed, and
// afterwards a coalescing buffer that turns small pieces into one write.
class OutputBuffer {
 public:
  explicit OutputBuffer(std::size_t capacity) : data_(new char[capacity]), capacity_(capacity) {}

  [[nodiscard]] std::string_view data() const noexcept { return {data_.get(), size_}; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] std::size_t room() const noexcept { return capacity_ - size_; }
  [[nodiscard]] char* raw() noexcept { return data_.get(); }

  // Pre-condition: s.size() <= room().
  void append(std::string_view s) noexcept {
    std::memcpy(data_.get() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void clear() noexcept { size_ = 0; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_;
  std::size_t size_ = 0;
};

}  // namespace h1proxy
