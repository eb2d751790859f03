#include "llhttp_spans.hpp"

namespace h1resp::bench {

LlhttpHeaderReader::LlhttpHeaderReader() noexcept {
  llhttp_settings_init(&settings_);
  settings_.on_status = &on_status;
  settings_.on_header_field = &on_header_field;
  settings_.on_header_value = &on_header_value;
  settings_.on_headers_complete = &on_headers_complete;
  // No lenient flags, like h1resp's default policy (the build is Node.js's, without
  // LLHTTP_STRICT_MODE: the lenient flags are all llhttp lets a caller turn on or off).
  llhttp_init(&parser_, HTTP_RESPONSE, &settings_);
  parser_.data = this;  // llhttp_reset keeps it
}

int LlhttpHeaderReader::on_status(llhttp_t* p, const char* at, std::size_t length) noexcept {
  LlhttpHeaderReader& r = self(p);
  if (r.reason_.at == nullptr) {
    r.reason_ = {at, length};
  } else {
    r.reason_.length += length;  // a continuation: the bytes follow in the same buffer
  }
  return 0;
}

int LlhttpHeaderReader::on_header_field(llhttp_t* p, const char* at, std::size_t length) noexcept {
  LlhttpHeaderReader& r = self(p);
  if (r.last_ == Piece::name) {
    r.fields_[r.field_count_ - 1].name.length += length;
    return 0;
  }
  // A full array is an error, as it is for h1resp (field.limits.field-count).
  if (r.field_count_ == kMaxFields) return -1;
  r.fields_[r.field_count_++] = FieldSpans{{at, length}, {}};
  r.last_ = Piece::name;
  return 0;
}

int LlhttpHeaderReader::on_header_value(llhttp_t* p, const char* at, std::size_t length) noexcept {
  LlhttpHeaderReader& r = self(p);
  if (r.field_count_ == 0) return -1;  // llhttp never sends a value first; do not trust it
  Span& value = r.fields_[r.field_count_ - 1].value;
  if (r.last_ == Piece::value) {
    value.length += length;
  } else {
    value = {at, length};
    r.last_ = Piece::value;
  }
  return 0;
}

int LlhttpHeaderReader::on_headers_complete(llhttp_t* p) noexcept {
  LlhttpHeaderReader& r = self(p);
  r.status_ = p->status_code;
  r.version_major_ = p->http_major;
  r.version_minor_ = p->http_minor;
  // Stop here: the comparison is about header sections.
  return HPE_PAUSED;
}

}  // namespace h1resp::bench
