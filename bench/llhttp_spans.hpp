// The llhttp baseline: llhttp driven the way a careful zero-copy user drives it to read a
// response's header section, collecting what h1resp's Response holds.
//
// The callbacks record the reason phrase, each field name and value as (pointer, length) spans
// into the caller's buffer, and the version and status code at the end of the header section.
// llhttp may deliver one span in several callbacks (it does when the bytes arrive in pieces);
// since the whole message is in one buffer, a continuation extends the previous span. Nothing
// is copied and nothing is allocated. on_headers_complete pauses the parser (HPE_PAUSED), so
// llhttp stops exactly at the end of the header section, as h1resp does; returning 1 (skip body)
// would make it read the body bytes as the next message.
#pragma once

#include <llhttp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace h1resp::bench {

class LlhttpHeaderReader {
 public:
  // As many field lines as h1resp's BasicResponseParser<> (and its default limit) accepts.
  static constexpr std::size_t kMaxFields = 128;

  struct Span {
    const char* at = nullptr;
    std::size_t length = 0;
    [[nodiscard]] std::string_view view() const noexcept { return {at, length}; }
  };
  struct FieldSpans {
    Span name;
    Span value;
  };

  LlhttpHeaderReader() noexcept;
  // llhttp keeps a pointer to the settings, and the callbacks one to this object.
  LlhttpHeaderReader(const LlhttpHeaderReader&) = delete;
  LlhttpHeaderReader& operator=(const LlhttpHeaderReader&) = delete;

  // Reads the header section at the start of `message` (llhttp_reset, then llhttp_execute).
  // Returns true when llhttp reached the end of the header section (it then paused there).
  bool read(std::string_view message) noexcept {
    llhttp_reset(&parser_);
    reason_ = {};
    field_count_ = 0;
    last_ = Piece::none;
    status_ = 0;
    error_ = llhttp_execute(&parser_, message.data(), message.size());
    return error_ == HPE_PAUSED;
  }

  [[nodiscard]] llhttp_errno_t error() const noexcept { return error_; }
  // Where llhttp stopped: after the header section when read() returned true.
  [[nodiscard]] const char* stop() const noexcept { return llhttp_get_error_pos(&parser_); }
  [[nodiscard]] int status() const noexcept { return status_; }
  [[nodiscard]] int version_major() const noexcept { return version_major_; }
  [[nodiscard]] int version_minor() const noexcept { return version_minor_; }
  [[nodiscard]] Span reason() const noexcept { return reason_; }
  [[nodiscard]] std::size_t field_count() const noexcept { return field_count_; }
  [[nodiscard]] const FieldSpans& field(std::size_t i) const noexcept { return fields_[i]; }

 private:
  enum class Piece : std::uint8_t { none, name, value };

  static LlhttpHeaderReader& self(llhttp_t* p) noexcept {
    return *static_cast<LlhttpHeaderReader*>(p->data);
  }
  static int on_status(llhttp_t* p, const char* at, std::size_t length) noexcept;
  static int on_header_field(llhttp_t* p, const char* at, std::size_t length) noexcept;
  static int on_header_value(llhttp_t* p, const char* at, std::size_t length) noexcept;
  static int on_headers_complete(llhttp_t* p) noexcept;

  llhttp_settings_t settings_{};
  llhttp_t parser_{};
  llhttp_errno_t error_ = HPE_OK;
  Span reason_;
  std::size_t field_count_ = 0;
  Piece last_ = Piece::none;
  int status_ = 0;
  int version_major_ = 0;
  int version_minor_ = 0;
  std::array<FieldSpans, kMaxFields> fields_{};
};

}  // namespace h1resp::bench
