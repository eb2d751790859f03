// h1resp's checks for code that already parses responses with llhttp.
//
// The adapter collects what llhttp's callbacks deliver (version, reason phrase, field names and
// values, each possibly in several pieces), builds h1resp's zero-copy view of the header section
// (an h1resp::Response whose spans are offsets from the first byte of the status line), and when
// the header section ends runs h1resp's decide_framing() and validate() on it: the same
// findings as h1resp's own parser followed by the same two calls, except the tokenizer's notes
// on leniencies it applied (llhttp applies its own silently; tests/llhttp_adapter/ says which).
//
// Two ways to use it:
//
//   // 1. Let it own the callbacks (and chain to yours).
//   h1resp::interop::BasicLlhttpAdapter<> adapter;
//   llhttp_settings_t settings;
//   llhttp_settings_init(&settings);
//   llhttp_t parser;
//   llhttp_init(&parser, HTTP_RESPONSE, &settings);
//   adapter.attach(parser, settings, &my_settings);   // my_settings: optional, called after
//   llhttp_execute(&parser, buffer, size);            // adapter.findings() once headers end
//
//   // 2. Call its helpers from your own callbacks (on_message_begin, on_version, on_status,
//   //    on_header_field, on_header_field_complete, on_header_value, on_header_value_complete,
//   //    on_headers_complete), passing what llhttp passed you.
//
// Pre-condition of both: the bytes of each response, from its status line to the end of its
// header section, lie in ONE buffer that stays in place and unchanged until the header section
// has ended and the caller is done with response(): the adapter keeps pointers into it (llhttp
// may deliver a span in several callbacks, across llhttp_execute() calls, and the adapter joins
// the pieces by address). Feeding llhttp_execute() successive parts of one growing buffer that
// never moves satisfies it; copying each read into a reused buffer does not.
//
// Allocation-free: field lines go to storage the caller gives (BasicLlhttpAdapter has its own).
#pragma once

#include <llhttp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::interop {

class LlhttpAdapter {
 public:
  // `storage` receives the field lines and must outlive the adapter; the number of fields
  // accepted is the smaller of its size and policy.limits.max_fields. Of `policy`, the adapter
  // uses the dialect (for validate()) and the limits it can check from llhttp's spans: header
  // section size, line length and field count. Leniencies are llhttp's business (its own flags).
  explicit LlhttpAdapter(std::span<FieldLine> storage,
                         const Policy& policy = Policy::strict()) noexcept;

  // ---- Way 1: the adapter's own callbacks ----------------------------------------------------

  // Pre-condition: `parser` was initialised by llhttp_init() with `settings`, which outlives it.
  // Side effects: fills `settings` with the adapter's callbacks and sets parser.data to this
  //   adapter (put your own context in user_data()). Each callback updates the adapter, then
  //   calls the same callback of `next` (if `next` and that callback are set) and returns what
  //   it returns; `next` is copied (it may be `settings` itself). Without a next
  //   on_headers_complete, the adapter's returns 1 (no body) when h1resp's framing says the
  //   response has none (HEAD, 1xx, 204, 304: llhttp does not know the request method, and would
  //   read a declared body of 204 or 304), 2 (the bytes that follow are another protocol) for a
  //   tunnel, else 0.
  void attach(llhttp_t& parser, llhttp_settings_t& settings,
              const llhttp_settings_t* next = nullptr) noexcept;

  // The context of the request the next responses answer (its method decides the framing).
  // Applies to every header section that ends from now on, until changed.
  void set_request(const RequestContext& request) noexcept { request_ = request; }
  [[nodiscard]] const RequestContext& request() const noexcept { return request_; }

  void set_user_data(void* data) noexcept { user_data_ = data; }
  [[nodiscard]] void* user_data() const noexcept { return user_data_; }

  // ---- Way 2: helpers to call from your callbacks --------------------------------------------
  // Each returns 0, or -1 when a limit of the policy was exceeded (the adapter is then in error,
  // see error()); return that to llhttp to make it stop.

  int on_message_begin() noexcept;
  int on_version(const char* at, std::size_t length) noexcept;
  int on_status(const char* at, std::size_t length) noexcept;
  int on_header_field(const char* at, std::size_t length) noexcept;
  int on_header_field_complete() noexcept;
  int on_header_value(const char* at, std::size_t length) noexcept;
  int on_header_value_complete() noexcept;
  // Builds the Response from llhttp's reading (status code, version) and the spans collected,
  // then runs decide_framing() and validate() for request(). Returns 0, or -1 as above.
  int on_headers_complete(const llhttp_t& parser) noexcept;

  // ---- Results ---------------------------------------------------------------------------------

  // incomplete until the header section ends; then complete, or error (a limit).
  [[nodiscard]] ParseStatus status() const noexcept { return status_; }
  // The header section as h1resp reads it: spans are offsets from the first byte of the status
  // line ("HTTP/"), the bytes llhttp skipped before it (empty lines) excluded. Valid when
  // status() is complete, while the caller's buffer stays unchanged, until on_message_begin().
  [[nodiscard]] const Response& response() const noexcept { return response_; }
  // The first byte of the response (its status line) in the caller's buffer, or nullptr.
  [[nodiscard]] const char* response_start() const noexcept { return start_; }
  [[nodiscard]] const Framing& framing() const noexcept { return framing_; }
  // Framing and validator findings (complete), or the error as an error finding (error).
  [[nodiscard]] const FindingList& findings() const noexcept { return findings_; }
  [[nodiscard]] Verdict verdict() const noexcept { return findings_.verdict(); }
  [[nodiscard]] const ParseError& error() const noexcept { return error_; }
  // What attach()'s on_headers_complete returns to llhttp without a next one (see attach()):
  // for a next on_headers_complete that wants the same.
  [[nodiscard]] int headers_complete_result() const noexcept;

 private:
  struct Callbacks;  // attach()'s llhttp callbacks (adapter.cpp)
  friend struct Callbacks;
  enum class Piece : std::uint8_t { none, name, value };

  // Puts the adapter in error with `rule` at `at` (nullptr: offset 0). Returns -1.
  int fail(Rule rule, const char* at, std::size_t length, std::string_view detail) noexcept;
  // Fails with the section-size limit when the section reaches past `end`'s limit.
  int check_section(const char* end) noexcept;
  [[nodiscard]] std::uint32_t offset(const char* p) const noexcept {
    return static_cast<std::uint32_t>(p - start_);
  }
  int add_piece(Piece piece, const char* at, std::size_t length) noexcept;
  void end_name() noexcept;
  int end_field() noexcept;
  int status_line_spans() noexcept;
  // After the first LF at or after `p` (within the section limit), or nullptr.
  [[nodiscard]] const char* after_line_end(const char* p) const noexcept;

  std::span<FieldLine> storage_;
  std::uint32_t max_fields_;
  Policy policy_;
  RequestContext request_{};
  llhttp_settings_t next_{};  // attach()'s `next`, all null without one
  void* user_data_ = nullptr;

  // The message being read.
  const char* start_ = nullptr;        // "HTTP/" of the status line
  const char* version_end_ = nullptr;  // after "HTTP/x.y"
  const char* reason_begin_ = nullptr;
  const char* reason_end_ = nullptr;
  const char* piece_begin_ = nullptr;  // the name or value being collected: first byte
  const char* piece_end_ = nullptr;    // after its last byte so far
  const char* name_begin_ = nullptr;   // the current field's name, once complete
  const char* name_end_ = nullptr;
  const char* content_end_ = nullptr;  // after the last non-line-ending byte of the last line
  Piece piece_ = Piece::none;
  std::uint32_t field_count_ = 0;

  Response response_{};
  Framing framing_{};
  FindingList findings_{};
  ParseError error_{};
  ParseStatus status_ = ParseStatus::incomplete;
};

// An adapter with room for N field lines of its own.
template <std::size_t N = 128>
class BasicLlhttpAdapter : private std::array<FieldLine, N>, public LlhttpAdapter {
 public:
  explicit BasicLlhttpAdapter(const Policy& policy = Policy::strict()) noexcept
      : std::array<FieldLine, N>{}, LlhttpAdapter(std::span<FieldLine>(*this), policy) {}
};

}  // namespace h1resp::interop
