// Walking a stream of responses: header section, framing, body, and what may follow.
#include "h1resp/stream.hpp"

#include <algorithm>

#include "framing/framing_fields.hpp"
#include "registry/field_registry.hpp"
#include "validator/checks.hpp"

namespace h1resp {

ResponseStream::ResponseStream(std::string_view bytes, const StreamOptions& options) noexcept
    : bytes_(bytes),
      options_(options),
      parser_(options.policy),
      chunked_(trailer_storage_, options.policy) {}

RequestMethod ResponseStream::current_method() const noexcept {
  if (options_.methods.empty()) return RequestMethod::get;
  return options_.methods[std::min(answered_, options_.methods.size() - 1)];
}

bool ResponseStream::next(StreamMessage& m) noexcept {
  if (ended_ || position_ >= bytes_.size()) {
    // The end of the stream. Interim responses promise a final one (RFC 9110 §15.2): a stream
    // that closes after them leaves the request unanswered (catalog C26, H01).
    if (!ended_ && interim_pending_ && options_.closed) {
      ended_ = true;
      m = StreamMessage{};
      m.index = index_++;
      m.offset = position_;
      m.status = ParseStatus::error;
      m.error = ParseError{Rule::framing_interim_then_final, 0, 0,
                           "the connection closed after an interim response, before the final one"};
      m.findings.add(m.error.rule, Severity::error, 0, 0, m.error.detail);
      return true;
    }
    ended_ = true;
    return false;
  }
  m = StreamMessage{};
  m.index = index_++;
  m.offset = position_;
  m.method = current_method();
  const std::string_view rest = bytes_.substr(position_);

  // Bytes after a response that ends the connection, or after the last request's response, are
  // not a response (RFC 9112 §6.3 last paragraph, §9.6; catalog C19, C27).
  if (after_final_close_ || (options_.exact_requests && answered_ >= options_.methods.size())) {
    ended_ = true;
    m.status = ParseStatus::error;
    m.error =
        after_final_close_
            ? ParseError{Rule::framing_after_close, 0,
                         static_cast<std::uint32_t>(std::min<std::size_t>(rest.size(), UINT32_MAX)),
                         "bytes after a response that closes the connection"}
            : ParseError{Rule::framing_extra_data, 0,
                         static_cast<std::uint32_t>(std::min<std::size_t>(rest.size(), UINT32_MAX)),
                         "bytes after the response to the last request"};
    m.findings.add(m.error.rule, Severity::error, 0, m.error.length, m.error.detail);
    explain_stray_body(m, rest);
    m.size = rest.size();
    return true;
  }

  parser_.reset();
  parser_.feed(rest);
  if (parser_.status() == ParseStatus::incomplete && options_.closed) parser_.finish();
  m.status = parser_.status();
  m.response = parser_.response();
  m.findings.append(parser_.findings());
  if (m.status != ParseStatus::complete) {
    ended_ = true;
    m.size = rest.size();
    if (m.status == ParseStatus::error) {
      m.error = parser_.error();
      m.findings.add(m.error.rule, Severity::error, m.error.offset, m.error.length,
                     m.error.message());
      explain_stray_body(m, rest);
    }
    return true;
  }

  const detail::FieldIndex index(m.response,
                                 validator::index_scope(options_.policy, options_.validate));
  m.framing = framing::decide(index, m.method, m.findings);
  m.body_offset = parser_.header_size();
  if (!m.framing.interim && interim_close_ && m.framing.persistent) {
    // RFC 9110 §7.6.1: an interim response's "close" ends the connection after the exchange.
    m.framing.persistent = false;
    m.framing.persistence_why = "an interim response before it said Connection: close";
  }

  // A response that cannot have content (RFC 9112 §6.3 (1)): if what follows is not a
  // response, it is most likely a body the server sent anyway.
  declared_body_rule_ = Rule::count_;
  if (m.framing.step == 1 && m.response.status != 101) {
    const unsigned code = m.response.status;
    const bool w3c = options_.policy.dialect == Dialect::w3c1992;
    declared_body_rule_ = m.method == RequestMethod::head ? Rule::body_head
                          : code < 200                    ? Rule::body_1xx
                          : code == 204 ? (w3c ? Rule::htresp_2xx_semantics : Rule::body_204)
                                        : Rule::code_304_no_body;
  }
  read_body(m);
  position_ += m.size;
  if (!m.complete) {
    m.framing.persistent = false;
    m.framing.persistence_why = "the response is incomplete: the connection cannot be reused";
  }
  // Errors so far (tokenizer, framing, body) make the rest of the stream untrustworthy; the
  // validator's errors concern this response only.
  const bool framing_error = m.findings.count(Severity::error) != 0;
  if (options_.validate) {
    RequestContext request = options_.request;
    request.method = m.method;
    request.interim_sent = interim_sent_;
    const BodyInfo body{m.body_length, m.complete};
    validator::run(index, m.framing, request, options_.policy, m.findings, &body);
    if (m.framing.body == BodyKind::chunked && m.complete) {
      validate_trailers(chunked_.trailers(), chunked_.trailer_offset(), m.response, m.findings);
    }
  }

  if (m.framing.interim) {
    interim_pending_ = true;
    if (interim_sent_ < UINT8_MAX) ++interim_sent_;
    if (!m.framing.persistent) interim_close_ = true;
  } else {
    interim_pending_ = false;
    interim_sent_ = 0;
    interim_close_ = false;
    ++answered_;
    if (!m.framing.persistent) after_final_close_ = true;
  }
  // After a tunnel the rest is another protocol; after an incomplete or mis-framed response it
  // cannot be trusted.
  if (m.framing.body == BodyKind::tunnel || !m.complete || framing_error) ended_ = true;
  return true;
}

// Bytes that are not a response, after a response that cannot have content (a HEAD response,
// 1xx, 204, 304): most likely the body its status or the request method said it could not
// have. Named, so that the report says why the stream broke. Bytes that start as a status line
// does ("HTTP/" in any case, or as much of it as arrived) are the next response, malformed or
// not: their own error says what is wrong, and calling them content would blame the wrong
// message.
void ResponseStream::explain_stray_body(StreamMessage& m, std::string_view rest) noexcept {
  if (declared_body_rule_ == Rule::count_) return;
  constexpr std::string_view kVersionStart = "HTTP/";
  const std::size_t n = std::min(rest.size(), kVersionStart.size());
  if (n != 0 && field_name_equals(rest.substr(0, n), kVersionStart.substr(0, n))) return;
  // The stray bytes run to where a status line starts again ("HTTP/" and a digit), most likely
  // the next response, which is not to blame; else to the end of the stream.
  std::size_t end = rest.size();
  for (std::size_t at = rest.find("HTTP/", 1); at != std::string_view::npos;
       at = rest.find("HTTP/", at + 1)) {
    if (at + 5 < rest.size() && rest[at + 5] >= '0' && rest[at + 5] <= '9') {
      end = at;
      break;
    }
  }
  m.findings.add(declared_body_rule_, Severity::error, 0,
                 static_cast<std::uint32_t>(std::min<std::size_t>(end, UINT32_MAX)),
                 "bytes after a response that cannot have content: a recipient that reads them "
                 "as its body frames every later response differently");
}

void ResponseStream::read_body(StreamMessage& m) noexcept {
  const std::uint64_t start = position_ + m.body_offset;
  const std::uint64_t available = bytes_.size() - start;
  switch (m.framing.body) {
    case BodyKind::none:
      m.size = m.body_offset;
      m.complete = true;
      return;
    case BodyKind::tunnel:
      // The bytes after the header section belong to the new protocol.
      m.size = bytes_.size() - position_;
      m.complete = true;
      return;
    case BodyKind::until_close:
      m.body_length = available;
      m.size = bytes_.size() - position_;
      m.complete = options_.closed;
      return;
    case BodyKind::content_length:
      if (available < m.framing.length) {
        m.body_length = available;
        m.size = bytes_.size() - position_;
        if (options_.closed) {
          // RFC 9112 §8: fewer octets than Content-Length, then a close: incomplete. Like a
          // chunked body cut short, the response is not usable: the error says why.
          m.error = ParseError{Rule::framing_cl_incorrect, m.body_offset + available, 0,
                               "the connection closed before Content-Length bytes arrived"};
          m.findings.add(m.error.rule, Severity::error, m.error.offset, m.error.length,
                         m.error.detail);
        }
        return;
      }
      m.body_length = m.framing.length;
      m.size = m.body_offset + m.framing.length;
      m.complete = true;
      return;
    case BodyKind::chunked:
      break;
  }
  chunked_.reset(m.body_offset);
  std::string_view input = bytes_.substr(start);
  std::uint64_t consumed = 0;
  ChunkedDecoder::Status status = ChunkedDecoder::Status::incomplete;
  for (;;) {
    const ChunkedDecoder::Result r = chunked_.feed(input);
    status = r.status;
    if (r.status == ChunkedDecoder::Status::data) {
      m.body_length += r.data.size();
      consumed += r.consumed;
      input.remove_prefix(r.consumed);
      continue;
    }
    if (r.status == ChunkedDecoder::Status::complete) consumed += r.consumed;
    break;
  }
  if (status == ChunkedDecoder::Status::incomplete && options_.closed) status = chunked_.finish();
  m.findings.append(chunked_.findings());
  if (status == ChunkedDecoder::Status::error) {
    m.error = chunked_.error();
    m.findings.add(m.error.rule, Severity::error, m.error.offset, m.error.length,
                   m.error.message());
  }
  m.complete = status == ChunkedDecoder::Status::complete;
  m.size = m.complete ? m.body_offset + consumed : bytes_.size() - position_;
}

}  // namespace h1resp
