#include "llhttp_responses.hpp"

#include <llhttp.h>

// The strict build of llhttp (LLHTTP_STRICT_MODE=1), its symbols renamed h1resp_strict_* (see
// cmake/prefix_llhttp_symbols.cmake): the same types, other functions.
extern "C" {
void h1resp_strict_llhttp_settings_init(llhttp_settings_t* settings);
void h1resp_strict_llhttp_init(llhttp_t* parser, llhttp_type_t type,
                               const llhttp_settings_t* settings);
void h1resp_strict_llhttp_set_lenient_headers(llhttp_t* parser, int enabled);
void h1resp_strict_llhttp_set_lenient_chunked_length(llhttp_t* parser, int enabled);
void h1resp_strict_llhttp_set_lenient_keep_alive(llhttp_t* parser, int enabled);
void h1resp_strict_llhttp_set_lenient_transfer_encoding(llhttp_t* parser, int enabled);
llhttp_errno_t h1resp_strict_llhttp_execute(llhttp_t* parser, const char* data, size_t len);
llhttp_errno_t h1resp_strict_llhttp_finish(llhttp_t* parser);
void h1resp_strict_llhttp_resume(llhttp_t* parser);
const char* h1resp_strict_llhttp_get_error_pos(const llhttp_t* parser);
const char* h1resp_strict_llhttp_errno_name(llhttp_errno_t err);
int h1resp_strict_llhttp_message_needs_eof(const llhttp_t* parser);
int h1resp_strict_llhttp_should_keep_alive(const llhttp_t* parser);
}

namespace h1resp::interop {
namespace {

// The functions of one build of llhttp.
struct LlhttpBuild {
  decltype(&llhttp_settings_init) settings_init;
  decltype(&llhttp_init) init;
  decltype(&llhttp_set_lenient_headers) set_lenient_headers;
  decltype(&llhttp_set_lenient_chunked_length) set_lenient_chunked_length;
  decltype(&llhttp_set_lenient_keep_alive) set_lenient_keep_alive;
  decltype(&llhttp_set_lenient_transfer_encoding) set_lenient_transfer_encoding;
  decltype(&llhttp_execute) execute;
  decltype(&llhttp_finish) finish;
  decltype(&llhttp_resume) resume;
  decltype(&llhttp_get_error_pos) get_error_pos;
  decltype(&llhttp_errno_name) errno_name;
  decltype(&llhttp_message_needs_eof) message_needs_eof;
  decltype(&llhttp_should_keep_alive) should_keep_alive;
};

constexpr LlhttpBuild kDefaultBuild{llhttp_settings_init,
                                    llhttp_init,
                                    llhttp_set_lenient_headers,
                                    llhttp_set_lenient_chunked_length,
                                    llhttp_set_lenient_keep_alive,
                                    llhttp_set_lenient_transfer_encoding,
                                    llhttp_execute,
                                    llhttp_finish,
                                    llhttp_resume,
                                    llhttp_get_error_pos,
                                    llhttp_errno_name,
                                    llhttp_message_needs_eof,
                                    llhttp_should_keep_alive};

constexpr LlhttpBuild kStrictBuild{h1resp_strict_llhttp_settings_init,
                                   h1resp_strict_llhttp_init,
                                   h1resp_strict_llhttp_set_lenient_headers,
                                   h1resp_strict_llhttp_set_lenient_chunked_length,
                                   h1resp_strict_llhttp_set_lenient_keep_alive,
                                   h1resp_strict_llhttp_set_lenient_transfer_encoding,
                                   h1resp_strict_llhttp_execute,
                                   h1resp_strict_llhttp_finish,
                                   h1resp_strict_llhttp_resume,
                                   h1resp_strict_llhttp_get_error_pos,
                                   h1resp_strict_llhttp_errno_name,
                                   h1resp_strict_llhttp_message_needs_eof,
                                   h1resp_strict_llhttp_should_keep_alive};

struct Reader {
  const LlhttpBuild* build;
  std::string_view bytes;
  std::span<const std::string_view> methods;
  std::size_t final_responses = 0;  // how many requests have been answered
  LlhttpResult result;
  LlhttpMessage current;
  enum class Piece { none, field, value } last = Piece::none;

  std::string_view method_for_current() const {
    if (methods.empty()) return "GET";
    return methods[std::min(final_responses, methods.size() - 1)];
  }
  std::size_t offset_of(const char* at) const {
    return static_cast<std::size_t>(at - bytes.data());
  }
};

Reader& reader(llhttp_t* p) {
  return *static_cast<Reader*>(p->data);
}

int on_message_begin(llhttp_t* p) {
  reader(p).current = LlhttpMessage{};
  reader(p).last = Reader::Piece::none;
  return 0;
}

int on_status(llhttp_t* p, const char* at, std::size_t length) {
  reader(p).current.reason.append(at, length);
  return 0;
}

// Field lines after the header section are a chunked body's trailers.
std::vector<std::pair<std::string, std::string>>& lines(Reader& r) {
  return r.current.header_end != 0 ? r.current.trailers : r.current.fields;
}

int on_header_field(llhttp_t* p, const char* at, std::size_t length) {
  Reader& r = reader(p);
  auto& list = lines(r);
  if (r.last != Reader::Piece::field || list.empty()) list.emplace_back();
  list.back().first.append(at, length);
  r.last = Reader::Piece::field;
  return 0;
}

int on_header_value(llhttp_t* p, const char* at, std::size_t length) {
  Reader& r = reader(p);
  auto& list = lines(r);
  if (list.empty()) list.emplace_back();
  list.back().second.append(at, length);
  r.last = Reader::Piece::value;
  return 0;
}

int on_headers_complete(llhttp_t* p) {
  Reader& r = reader(p);
  LlhttpMessage& m = r.current;
  m.version_major = p->http_major;
  m.version_minor = p->http_minor;
  m.status = p->status_code;
  m.keep_alive = reader(p).build->should_keep_alive(p) != 0;
  const bool interim = m.status >= 100 && m.status < 200 && m.status != 101;
  const std::string_view method = r.method_for_current();
  if (!interim && method == "HEAD") p->flags |= F_SKIPBODY;  // what returning 1 would do
  if (method == "CONNECT" && m.status >= 200 && m.status < 300) {
    // A tunnel follows: what returning 2 does (Node.js does so for CONNECT), set by hand since
    // this callback pauses instead.
    p->flags |= F_SKIPBODY;
    p->upgrade = 1;
  }
  // Pause, to learn where the header section ends (llhttp_get_error_pos), then resume.
  return HPE_PAUSED;
}

int on_body(llhttp_t* p, const char*, std::size_t length) {
  reader(p).current.body_bytes += length;
  return 0;
}

int on_message_complete(llhttp_t* p) {
  Reader& r = reader(p);
  r.current.complete = true;
  r.result.messages.push_back(r.current);
  const bool interim = r.current.status >= 100 && r.current.status < 200 && r.current.status != 101;
  if (!interim) ++r.final_responses;
  // Pause here too, to record where the message ended.
  return HPE_PAUSED;
}

LlhttpBody body_kind(const LlhttpBuild& build, const llhttp_t& p, bool upgrade) {
  if (upgrade) return LlhttpBody::upgrade;
  if (p.flags & F_SKIPBODY) return LlhttpBody::none;
  if (p.flags & F_CHUNKED) return LlhttpBody::chunked;
  if (build.message_needs_eof(&p) != 0) return LlhttpBody::until_close;
  if ((p.flags & F_CONTENT_LENGTH) && p.content_length > 0) return LlhttpBody::content_length;
  return LlhttpBody::none;
}

}  // namespace

LlhttpResult llhttp_read_responses(std::string_view bytes,
                                   std::span<const std::string_view> methods,
                                   const LlhttpOptions& options, bool eof) {
  const LlhttpBuild& ll = options.strict ? kStrictBuild : kDefaultBuild;
  llhttp_settings_t settings;
  ll.settings_init(&settings);
  settings.on_message_begin = on_message_begin;
  settings.on_status = on_status;
  settings.on_header_field = on_header_field;
  settings.on_header_value = on_header_value;
  settings.on_headers_complete = on_headers_complete;
  settings.on_body = on_body;
  settings.on_message_complete = on_message_complete;

  llhttp_t parser;
  ll.init(&parser, HTTP_RESPONSE, &settings);
  ll.set_lenient_headers(&parser, options.lenient_headers ? 1 : 0);
  ll.set_lenient_chunked_length(&parser, options.lenient_chunked_length ? 1 : 0);
  ll.set_lenient_keep_alive(&parser, options.lenient_keep_alive ? 1 : 0);
  ll.set_lenient_transfer_encoding(&parser, options.lenient_transfer_encoding ? 1 : 0);

  Reader r{&ll, bytes, methods, 0, {}, {}, Reader::Piece::none};
  parser.data = &r;
  const char* at = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  llhttp_errno_t err = HPE_OK;
  bool in_headers = true;
  for (;;) {
    err = ll.execute(&parser, at, static_cast<std::size_t>(end - at));
    if (err != HPE_PAUSED) break;
    const char* pos = ll.get_error_pos(&parser);
    if (in_headers && !r.current.complete && r.current.header_end == 0) {
      r.current.header_end = r.offset_of(pos);
      r.last = Reader::Piece::none;
      r.current.content_length = parser.content_length;
      r.current.body = body_kind(ll, parser, false);
      in_headers = false;
    } else if (!r.result.messages.empty()) {
      r.result.messages.back().end = r.offset_of(pos);
      in_headers = true;
    }
    ll.resume(&parser);
    at = pos;
  }
  if (err == HPE_PAUSED_UPGRADE) {
    r.result.upgraded = true;
    if (!r.result.messages.empty()) r.result.messages.back().body = LlhttpBody::upgrade;
    err = HPE_OK;
  }
  if (err == HPE_OK && eof) {
    err = ll.finish(&parser);
    if (err == HPE_PAUSED) {  // on_message_complete of a close-delimited body
      r.result.messages.back().end = bytes.size();
      err = HPE_OK;
    }
  }
  if (err != HPE_OK) {
    r.result.error = err;
    r.result.error_name = ll.errno_name(err);
    r.result.reason = parser.reason != nullptr ? parser.reason : "";
    const char* pos = ll.get_error_pos(&parser);
    r.result.error_offset =
        pos != nullptr && pos >= bytes.data() && pos <= end ? r.offset_of(pos) : bytes.size();
  }
  return std::move(r.result);
}

}  // namespace h1resp::interop
