// The llhttp adapter (adapter.hpp): from llhttp's callbacks to h1resp's Response view, then
// h1resp's framing decision and validator.
//
// llhttp delivers less than a Response holds: no span for the status code, none for an empty
// reason phrase, a value span with its trailing whitespace, a bogus pointer for an empty value,
// and the pieces of an obs-folded value without the fold. The adapter rebuilds what is missing
// from the bytes around the spans, as h1resp's tokenizer would have read them, because the
// validator's offsets and the framing decision's FieldLine flags depend on them.
#include "llhttp/adapter.hpp"

#include <algorithm>

namespace h1resp::interop {
namespace {

constexpr bool is_ows(char c) noexcept {
  return c == ' ' || c == '\t';
}

// A control byte h1resp's tokenizer flags in a value (has_ctl): CTL except HTAB, CR and LF.
constexpr bool is_value_ctl(unsigned char c) noexcept {
  return ((c < 0x20 && c != '\t') || c == 0x7F) && c != '\r' && c != '\n';
}

}  // namespace

LlhttpAdapter::LlhttpAdapter(std::span<FieldLine> storage, const Policy& policy) noexcept
    : storage_(storage),
      max_fields_(static_cast<std::uint32_t>(
          std::min<std::size_t>(storage.size(), policy.limits.max_fields))),
      policy_(policy) {}

int LlhttpAdapter::fail(Rule rule, const char* at, std::size_t length,
                        std::string_view detail) noexcept {
  const std::uint32_t where = at == nullptr || start_ == nullptr ? 0 : offset(at);
  error_ = ParseError{rule, where, static_cast<std::uint32_t>(length), detail};
  status_ = ParseStatus::error;
  findings_.add(rule, Severity::error, where, error_.length, error_.message());
  return -1;
}

int LlhttpAdapter::check_section(const char* end) noexcept {
  if (start_ == nullptr || end == nullptr) return 0;
  if (static_cast<std::size_t>(end - start_) <= policy_.limits.max_header_section_bytes) return 0;
  return fail(Rule::limit_section_size, start_, policy_.limits.max_header_section_bytes,
              "the header section is larger than max_header_section_bytes");
}

const char* LlhttpAdapter::after_line_end(const char* p) const noexcept {
  // llhttp consumed the header section before calling on_headers_complete, so the LF is there;
  // the bound only keeps a broken pre-condition from reading far.
  const char* const bound = start_ + policy_.limits.max_header_section_bytes;
  for (; p < bound; ++p) {
    if (*p == '\n') return p + 1;
  }
  return nullptr;
}

// ---- Callbacks ------------------------------------------------------------------------------

int LlhttpAdapter::on_message_begin() noexcept {
  start_ = version_end_ = reason_begin_ = reason_end_ = nullptr;
  piece_begin_ = piece_end_ = name_begin_ = name_end_ = content_end_ = nullptr;
  piece_ = Piece::none;
  field_count_ = 0;
  response_ = Response{};
  framing_ = Framing{};
  findings_.clear();
  error_ = ParseError{};
  status_ = ParseStatus::incomplete;
  return 0;
}

int LlhttpAdapter::on_version(const char* at, std::size_t length) noexcept {
  if (status_ == ParseStatus::error) return -1;
  // llhttp's version span is "1.1": the status line starts with the "HTTP/" before it.
  if (start_ == nullptr) start_ = at - 5;
  version_end_ = at + length;
  return check_section(version_end_);
}

int LlhttpAdapter::on_status(const char* at, std::size_t length) noexcept {
  if (status_ == ParseStatus::error) return -1;
  if (length == 0) return 0;
  if (reason_begin_ == nullptr) reason_begin_ = at;
  reason_end_ = at + length;
  return check_section(reason_end_);
}

int LlhttpAdapter::add_piece(Piece piece, const char* at, std::size_t length) noexcept {
  if (status_ == ParseStatus::error) return -1;
  if (piece_ != piece) {
    // Without the *_complete callbacks, a piece of the other kind ends the one before.
    if (piece_ == Piece::value) {
      if (end_field() != 0) return -1;
    } else if (piece_ == Piece::name) {
      end_name();
    }
    piece_ = piece;
    piece_begin_ = piece_end_ = nullptr;
  }
  // Empty pieces carry no position (llhttp reports an empty value at the next line's start).
  if (length == 0) return 0;
  if (piece_begin_ == nullptr) piece_begin_ = at;
  piece_end_ = at + length;
  return check_section(piece_end_);
}

int LlhttpAdapter::on_header_field(const char* at, std::size_t length) noexcept {
  return add_piece(Piece::name, at, length);
}

int LlhttpAdapter::on_header_field_complete() noexcept {
  if (status_ == ParseStatus::error) return -1;
  if (piece_ == Piece::name) end_name();
  piece_ = Piece::none;
  return 0;
}

int LlhttpAdapter::on_header_value(const char* at, std::size_t length) noexcept {
  if (piece_ == Piece::none && name_begin_ == nullptr) return 0;  // a value without a name
  return add_piece(Piece::value, at, length);
}

int LlhttpAdapter::on_header_value_complete() noexcept {
  if (status_ == ParseStatus::error) return -1;
  if (piece_ == Piece::name) end_name();
  // An empty value may come without any on_header_value call.
  return name_begin_ != nullptr ? end_field() : 0;
}

void LlhttpAdapter::end_name() noexcept {
  if (piece_begin_ != nullptr) {
    name_begin_ = piece_begin_;
    name_end_ = piece_end_;
  } else {
    // llhttp accepts an empty name (": v"): it starts its line.
    const char* line = after_line_end(content_end_ != nullptr ? content_end_ : version_end_);
    name_begin_ = name_end_ = line != nullptr ? line : version_end_;
  }
  piece_ = Piece::none;
  piece_begin_ = piece_end_ = nullptr;
}

int LlhttpAdapter::end_field() noexcept {
  // The name: llhttp keeps whitespace before the colon in it; h1resp strips it and flags the
  // field (the framing decision refuses such a Content-Length or Transfer-Encoding).
  std::uint8_t flags = 0;
  const char* const colon = name_end_;
  const char* name_end = name_end_;
  while (name_end > name_begin_ && is_ows(name_end[-1]))
    --name_end;
  if (name_end != name_end_) flags |= FieldLine::ws_before_colon;

  // The value: llhttp skips leading OWS but keeps trailing OWS; an obs-folded value comes in
  // pieces whose first byte to last byte span is exactly h1resp's raw value.
  const char* value_begin = piece_begin_;
  const char* raw_end = piece_end_;  // the line's last byte before its line ending
  if (piece_ != Piece::value || value_begin == nullptr) {
    value_begin = colon + 1;
    while (is_ows(*value_begin))
      ++value_begin;
    raw_end = value_begin;
  }
  const char* value_end = raw_end;
  while (value_end > value_begin && is_ows(value_end[-1]))
    --value_end;
  // Flags concern the whole field line, like the tokenizer's: a fold before the value (an
  // empty first line) or after it (only whitespace follows) counts too.
  for (const char* p = colon + 1; p < raw_end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '\n') {
      flags |= FieldLine::obs_folded;
      if (p[-1] != '\r') flags |= FieldLine::bare_lf;
    } else if (c == '\r' && p[1] != '\n') {
      flags |= FieldLine::bare_cr;
    } else if (is_value_ctl(c)) {
      flags |= FieldLine::has_ctl;
    }
  }
  if (*raw_end == '\n') flags |= FieldLine::bare_lf;

  const char* const line_begin = name_begin_;
  piece_ = Piece::none;
  piece_begin_ = piece_end_ = name_begin_ = name_end_ = nullptr;
  content_end_ = raw_end;
  if (static_cast<std::size_t>(raw_end - line_begin) > policy_.limits.max_line_bytes) {
    return fail(Rule::limit_line_length, line_begin, raw_end - line_begin,
                "a field line is longer than max_line_bytes");
  }
  if (field_count_ >= max_fields_) {
    return fail(Rule::limit_field_count, line_begin, raw_end - line_begin,
                "more field lines than max_fields");
  }
  storage_[field_count_++] = FieldLine{
      .name = Span{offset(line_begin), static_cast<std::uint32_t>(name_end - line_begin)},
      .value = Span{offset(value_begin), static_cast<std::uint32_t>(value_end - value_begin)},
      .flags = flags,
  };
  return check_section(raw_end);
}

int LlhttpAdapter::status_line_spans() noexcept {
  // "HTTP/x.y" SP status-code [SP reason-phrase]: llhttp gives the version span and a non-empty
  // reason; the code's digits are those after the SP that follows the version.
  const char* const code_begin = version_end_ + 1;
  const char* code_end = code_begin;
  while (code_end - code_begin < 3 && *code_end >= '0' && *code_end <= '9')
    ++code_end;
  const char* reason_begin = reason_begin_;
  const char* reason_end = reason_end_;
  if (reason_begin == nullptr) {
    reason_begin = reason_end = code_end + (*code_end == ' ' ? 1 : 0);
  }
  const char* line_end = reason_end;
  while (*line_end != '\r' && *line_end != '\n')
    ++line_end;
  response_.status_line = Span{0, offset(line_end)};
  response_.code = Span{offset(code_begin), static_cast<std::uint32_t>(code_end - code_begin)};
  response_.reason =
      Span{offset(reason_begin), static_cast<std::uint32_t>(reason_end - reason_begin)};
  if (content_end_ == nullptr) content_end_ = line_end;
  if (response_.status_line.length > policy_.limits.max_line_bytes) {
    return fail(Rule::limit_line_length, start_, response_.status_line.length,
                "the status line is longer than max_line_bytes");
  }
  return 0;
}

int LlhttpAdapter::on_headers_complete(const llhttp_t& parser) noexcept {
  if (status_ == ParseStatus::error) return -1;
  if (piece_ == Piece::name) end_name();
  if (name_begin_ != nullptr && end_field() != 0) return -1;
  if (start_ == nullptr || version_end_ == nullptr) {
    return fail(Rule::status_version_syntax, nullptr, 0,
                "llhttp gave no version span: on_version was not forwarded to the adapter");
  }
  if (status_line_spans() != 0) return -1;
  // The header section ends with the empty line after the last line's line ending.
  const char* end = after_line_end(content_end_);
  if (end != nullptr) end = after_line_end(end);
  if (end == nullptr) {
    return fail(Rule::limit_section_size, start_, policy_.limits.max_header_section_bytes,
                "the header section is larger than max_header_section_bytes");
  }
  if (check_section(end) != 0) return -1;

  response_.header_size = offset(end);
  response_.bytes = std::string_view(start_, response_.header_size);
  response_.version_major = parser.http_major;
  response_.version_minor = parser.http_minor;
  response_.status = static_cast<std::uint16_t>(std::min(parser.status_code, std::uint16_t{999}));
  response_.field_lines = std::span<const FieldLine>(storage_.data(), field_count_);
  framing_ = decide_framing(response_, request_.method, findings_);
  validate(response_, framing_, request_, policy_, findings_);
  status_ = ParseStatus::complete;
  return 0;
}

int LlhttpAdapter::headers_complete_result() const noexcept {
  // llhttp does not know the request: tell it what h1resp's framing decided.
  if (status_ != ParseStatus::complete) return 0;
  switch (framing_.body) {
    case BodyKind::none:
      return 1;
    case BodyKind::tunnel:
      return 2;
    default:
      return 0;
  }
}

// ---- attach() -------------------------------------------------------------------------------

struct LlhttpAdapter::Callbacks {
  static LlhttpAdapter& self(llhttp_t* p) noexcept { return *static_cast<LlhttpAdapter*>(p->data); }

  // The adapter's result, else the user's callback's.
  static int then(int mine, llhttp_cb next, llhttp_t* p) noexcept {
    if (mine != 0) return mine;
    return next != nullptr ? next(p) : 0;
  }
  static int then(int mine, llhttp_data_cb next, llhttp_t* p, const char* at,
                  std::size_t length) noexcept {
    if (mine != 0) return mine;
    return next != nullptr ? next(p, at, length) : 0;
  }
  static const llhttp_settings_t& next(llhttp_t* p) noexcept { return self(p).next_; }

  static int message_begin(llhttp_t* p) noexcept {
    return then(self(p).on_message_begin(), next(p).on_message_begin, p);
  }
  static int version(llhttp_t* p, const char* at, std::size_t n) noexcept {
    return then(self(p).on_version(at, n), next(p).on_version, p, at, n);
  }
  static int status(llhttp_t* p, const char* at, std::size_t n) noexcept {
    return then(self(p).on_status(at, n), next(p).on_status, p, at, n);
  }
  static int header_field(llhttp_t* p, const char* at, std::size_t n) noexcept {
    return then(self(p).on_header_field(at, n), next(p).on_header_field, p, at, n);
  }
  static int header_field_complete(llhttp_t* p) noexcept {
    return then(self(p).on_header_field_complete(), next(p).on_header_field_complete, p);
  }
  static int header_value(llhttp_t* p, const char* at, std::size_t n) noexcept {
    return then(self(p).on_header_value(at, n), next(p).on_header_value, p, at, n);
  }
  static int header_value_complete(llhttp_t* p) noexcept {
    return then(self(p).on_header_value_complete(), next(p).on_header_value_complete, p);
  }
  static int headers_complete(llhttp_t* p) noexcept {
    LlhttpAdapter& a = self(p);
    if (a.on_headers_complete(*p) != 0) return -1;
    if (next(p).on_headers_complete != nullptr) return next(p).on_headers_complete(p);
    return a.headers_complete_result();
  }
};

void LlhttpAdapter::attach(llhttp_t& parser, llhttp_settings_t& settings,
                           const llhttp_settings_t* next) noexcept {
  // A copy: `next` may be `settings` itself, which is about to change. The user's other
  // callbacks (body, chunks, message complete, ...) go to llhttp unchanged.
  next_ = llhttp_settings_t{};
  if (next != nullptr) next_ = *next;
  settings = next_;
  settings.on_message_begin = Callbacks::message_begin;
  settings.on_version = Callbacks::version;
  settings.on_status = Callbacks::status;
  settings.on_header_field = Callbacks::header_field;
  settings.on_header_field_complete = Callbacks::header_field_complete;
  settings.on_header_value = Callbacks::header_value;
  settings.on_header_value_complete = Callbacks::header_value_complete;
  settings.on_headers_complete = Callbacks::headers_complete;
  parser.data = this;
}

}  // namespace h1resp::interop
