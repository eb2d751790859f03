// The C API (include/h1resp/h1resp.h): handles that own a C++ object and its storage, and
// conversions between the C structs and the C++ ones. Each entry point checks its arguments,
// then calls the noexcept C++ API inside a guard, so that even a bug that throws becomes
// H1RESP_EINTERNAL instead of unwinding into C.
#include "h1resp/h1resp.h"

#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <type_traits>

#include "h1resp/chunked.hpp"
#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/validator.hpp"

namespace {

using h1resp::BodyKind;
using h1resp::ChunkedDecoder;
using h1resp::FieldLine;
using h1resp::FindingList;
using h1resp::ParseStatus;
using h1resp::Policy;
using h1resp::RequestMethod;

// The C enums are the C++ ones by value, so conversions are casts; these keep them in step.
static_assert(H1RESP_LENIENT_OBS_FOLD == static_cast<unsigned>(h1resp::Leniency::obs_fold));
static_assert(H1RESP_LENIENT_BARE_LF == static_cast<unsigned>(h1resp::Leniency::bare_lf));
static_assert(H1RESP_LENIENT_MISSING_REASON_SP ==
              static_cast<unsigned>(h1resp::Leniency::missing_reason_sp));
static_assert(H1RESP_LENIENT_LEADING_EMPTY_LINES ==
              static_cast<unsigned>(h1resp::Leniency::leading_empty_lines));
static_assert(H1RESP_LENIENT_WS_BEFORE_COLON ==
              static_cast<unsigned>(h1resp::Leniency::ws_before_colon));
static_assert(H1RESP_LENIENT_BARE_CR == static_cast<unsigned>(h1resp::Leniency::bare_cr));
static_assert(H1RESP_LENIENT_STATUS_LINE_WHITESPACE ==
              static_cast<unsigned>(h1resp::Leniency::status_line_whitespace));
static_assert(H1RESP_LENIENT_WS_PRECEDED_LINES ==
              static_cast<unsigned>(h1resp::Leniency::ws_preceded_lines));
static_assert(H1RESP_LENIENT_VALUE_CTL == static_cast<unsigned>(h1resp::Leniency::value_ctl));
static_assert(H1RESP_LENIENT_ALL == h1resp::kAllLeniencies);
static_assert(H1RESP_DIALECT_W3C1992 == static_cast<int>(h1resp::Dialect::w3c1992));
static_assert(H1RESP_METHOD_OTHER == static_cast<int>(RequestMethod::other));
static_assert(H1RESP_METHOD_DELETE == static_cast<int>(RequestMethod::delete_));
static_assert(H1RESP_BODY_TUNNEL == static_cast<int>(BodyKind::tunnel));
static_assert(H1RESP_SEVERITY_ERROR == static_cast<int>(h1resp::Severity::error));
static_assert(H1RESP_LEVEL_INFORMATIVE == static_cast<int>(h1resp::Requirement::informative));
static_assert(H1RESP_VERDICT_REJECT == static_cast<int>(h1resp::Verdict::reject));
static_assert(H1RESP_PARSE_ERROR == static_cast<int>(ParseStatus::error));
static_assert(H1RESP_CHUNKED_ERROR == static_cast<int>(ChunkedDecoder::Status::error));
static_assert(static_cast<unsigned>(H1RESP_FIELD_OBS_FOLDED) == FieldLine::obs_folded);
static_assert(static_cast<unsigned>(H1RESP_FIELD_BARE_CR) == FieldLine::bare_cr);
static_assert(static_cast<unsigned>(H1RESP_FIELD_WS_BEFORE_COLON) == FieldLine::ws_before_colon);
static_assert(static_cast<unsigned>(H1RESP_FIELD_HAS_CTL) == FieldLine::has_ctl);
static_assert(static_cast<unsigned>(H1RESP_FIELD_BARE_LF) == FieldLine::bare_lf);

// Runs `f`; an exception (which the noexcept C++ API cannot throw, but a bug might) becomes
// `on_exception` instead of crossing into C.
template <typename T, typename F>
T guarded(T on_exception, F&& f) noexcept {
  try {
    return f();
  } catch (...) {
    return on_exception;
  }
}

// The value of a C enum argument as the int the C caller passed. C lets an enum object hold any
// int; in C++ loading a value outside the enumerators' range is undefined (UBSan's -fsanitize=
// enum says so), so the bytes are read as an int and checked before any use as an enum.
template <typename E>
int raw(const E& e) noexcept {
  static_assert(std::is_enum_v<E> && sizeof(E) == sizeof(int));
  int value = 0;
  std::memcpy(&value, &e, sizeof value);
  return value;
}

// `e` as the C++ enum C when its value lies in [first, last], else std::nullopt.
template <typename C, typename E>
std::optional<C> checked(const E& e, E first, E last) noexcept {
  const int v = raw(e);
  if (v < static_cast<int>(first) || v > static_cast<int>(last)) return std::nullopt;
  return static_cast<C>(v);
}

std::optional<RequestMethod> method_of(const h1resp_method& method) noexcept {
  return checked<RequestMethod>(method, H1RESP_METHOD_GET, H1RESP_METHOD_OTHER);
}

h1resp_slice slice(std::string_view s) noexcept {
  return h1resp_slice{s.empty() ? nullptr : s.data(), s.size()};
}

// A C policy as the C++ one; false when it names a leniency, dialect or validation that does not
// exist.
bool to_policy(const h1resp_policy* in, Policy& out) noexcept {
  out = Policy::strict();
  if (in == nullptr) return true;
  if ((in->leniencies & ~static_cast<std::uint32_t>(h1resp::kAllLeniencies)) != 0) return false;
  const std::optional<h1resp::Dialect> dialect =
      checked<h1resp::Dialect>(in->dialect, H1RESP_DIALECT_MODERN, H1RESP_DIALECT_W3C1992);
  const std::optional<h1resp::Validation> validation = checked<h1resp::Validation>(
      in->validation, H1RESP_VALIDATION_EVERY_RULE, H1RESP_VALIDATION_ERRORS_ONLY);
  if (!dialect || !validation) return false;
  out.limits.max_header_section_bytes = in->max_header_section_bytes;
  out.limits.max_line_bytes = in->max_line_bytes;
  out.limits.max_fields = in->max_fields;
  out.limits.max_leading_empty_lines = in->max_leading_empty_lines;
  out.limits.max_chunk_extension_bytes = in->max_chunk_extension_bytes;
  out.limits.max_trailer_section_bytes = in->max_trailer_section_bytes;
  out.leniencies = static_cast<std::uint16_t>(in->leniencies);
  out.dialect = *dialect;
  out.validation = *validation;
  return true;
}

void from_policy(const Policy& in, h1resp_policy& out) noexcept {
  out.max_header_section_bytes = in.limits.max_header_section_bytes;
  out.max_line_bytes = in.limits.max_line_bytes;
  out.max_fields = in.limits.max_fields;
  out.max_leading_empty_lines = in.limits.max_leading_empty_lines;
  out.max_chunk_extension_bytes = in.limits.max_chunk_extension_bytes;
  out.max_trailer_section_bytes = in.limits.max_trailer_section_bytes;
  out.leniencies = in.leniencies;
  out.dialect = static_cast<h1resp_dialect>(in.dialect);
  out.validation = static_cast<h1resp_validation>(in.validation);
}

// Field storage for `policy`: the parser never uses more than max_fields lines. At least one,
// so that the allocation is never of zero elements.
std::unique_ptr<FieldLine[]> field_storage(const Policy& policy, std::size_t& size) noexcept {
  size = policy.limits.max_fields == 0 ? 1 : policy.limits.max_fields;
  return std::unique_ptr<FieldLine[]>(new (std::nothrow) FieldLine[size]);
}

// The create functions of the handles that own field storage (parser, chunked decoder): the
// policy checked, the storage and the handle allocated, `*out` set only on success.
template <typename Handle, typename... Extra>
h1resp_result create_handle(const h1resp_policy* policy, Handle** out, Extra... extra) noexcept {
  if (out == nullptr) return H1RESP_EINVAL;
  *out = nullptr;
  return guarded(H1RESP_EINTERNAL, [&] {
    Policy p;
    if (!to_policy(policy, p)) return H1RESP_EINVAL;
    std::size_t size = 0;
    std::unique_ptr<FieldLine[]> storage = field_storage(p, size);
    if (!storage) return H1RESP_ENOMEM;
    *out = new (std::nothrow) Handle(std::move(storage), size, p, extra...);
    return *out == nullptr ? H1RESP_ENOMEM : H1RESP_OK;
  });
}

h1resp_finding to_finding(const h1resp::Finding& f) noexcept {
  const h1resp::RuleInfo& info = h1resp::rule_info(f.rule);
  return h1resp_finding{
      .rule = slice(info.id),
      .catalog = slice(info.catalog),
      .severity = static_cast<h1resp_severity>(f.severity),
      .level = static_cast<h1resp_level>(info.level),
      .offset = f.offset,
      .length = f.length,
      .message = slice(f.detail.empty() ? info.summary : f.detail),
      .source = slice(info.source),
  };
}

h1resp_error to_error(const h1resp::ParseError& e) noexcept {
  return h1resp_error{
      .rule = e.rule == h1resp::Rule::count_ ? h1resp_slice{} : slice(h1resp::to_string(e.rule)),
      .offset = e.offset,
      .length = e.length,
      .message = slice(e.message()),
  };
}

h1resp_field to_field(const h1resp::Response& r, std::size_t i) noexcept {
  const h1resp::Field f = r.field(i);
  return h1resp_field{slice(f.name), slice(f.value), f.flags};
}

}  // namespace

// The handles. Defined at global scope: h1resp.h declares them as C structs.
struct h1resp_parser {
  h1resp_parser(std::unique_ptr<FieldLine[]> s, std::size_t size, const Policy& policy) noexcept
      : storage(std::move(s)), parser({storage.get(), size}, policy) {}

  // The findings as h1resp_parser_finding reads them (see h1resp.h). Rebuilt lazily from the
  // tokenizer's when a feed made them stale, so that feeding costs no copy.
  const FindingList& report() const noexcept {
    if (report_stale) {
      findings = parser.findings();
      if (parser.status() == ParseStatus::error) {
        const h1resp::ParseError& e = parser.error();
        findings.add(e.rule, h1resp::Severity::error, e.offset, e.length, e.message());
      }
      report_stale = false;
    }
    return findings;
  }

  std::unique_ptr<FieldLine[]> storage;
  h1resp::ResponseParser parser;
  mutable FindingList findings{};
  mutable bool report_stale = true;
  bool validated = false;   // `findings` holds a validate call's findings for this response
  bool body_added = false;  // h1resp_parser_add_chunked ran since (it adds only once)
};

struct h1resp_chunked {
  h1resp_chunked(std::unique_ptr<FieldLine[]> s, std::size_t size, const Policy& policy,
                 std::uint64_t body_offset) noexcept
      : storage(std::move(s)), decoder({storage.get(), size}, policy, body_offset) {}

  std::unique_ptr<FieldLine[]> storage;
  ChunkedDecoder decoder;
  // The decoder has no status getter; the C API needs it for trailers and add_chunked.
  ChunkedDecoder::Status last = ChunkedDecoder::Status::incomplete;
};

extern "C" {

const char* h1resp_result_name(h1resp_result result) noexcept {
  switch (raw(result)) {
    case H1RESP_OK:
      return "H1RESP_OK";
    case H1RESP_EINVAL:
      return "H1RESP_EINVAL";
    case H1RESP_ENOMEM:
      return "H1RESP_ENOMEM";
    case H1RESP_ESTATE:
      return "H1RESP_ESTATE";
    case H1RESP_ERANGE:
      return "H1RESP_ERANGE";
    case H1RESP_EINTERNAL:
      return "H1RESP_EINTERNAL";
  }
  return "?";
}

// ---- Policy ----------------------------------------------------------------------------------

void h1resp_policy_init(h1resp_policy* policy) noexcept {
  if (policy != nullptr) from_policy(Policy::strict(), *policy);
}

void h1resp_policy_init_lenient(h1resp_policy* policy) noexcept {
  if (policy != nullptr) from_policy(Policy::lenient(), *policy);
}

// ---- Names -----------------------------------------------------------------------------------

h1resp_method h1resp_method_from_name(const char* name, size_t size) noexcept {
  if (name == nullptr) return H1RESP_METHOD_OTHER;
  return static_cast<h1resp_method>(h1resp::method_from_name({name, size}));
}

h1resp_slice h1resp_method_name(h1resp_method method) noexcept {
  const std::optional<RequestMethod> m = method_of(method);
  return slice(m ? h1resp::to_string(*m) : "?");
}

h1resp_slice h1resp_body_kind_name(h1resp_body_kind kind) noexcept {
  const auto k = checked<BodyKind>(kind, H1RESP_BODY_NONE, H1RESP_BODY_TUNNEL);
  return slice(k ? h1resp::to_string(*k) : "?");
}

h1resp_slice h1resp_severity_name(h1resp_severity severity) noexcept {
  const auto v = checked<h1resp::Severity>(severity, H1RESP_SEVERITY_INFO, H1RESP_SEVERITY_ERROR);
  return slice(v ? h1resp::to_string(*v) : "?");
}

h1resp_slice h1resp_level_name(h1resp_level level) noexcept {
  const auto v = checked<h1resp::Requirement>(level, H1RESP_LEVEL_MUST, H1RESP_LEVEL_INFORMATIVE);
  return slice(v ? h1resp::to_string(*v) : "?");
}

h1resp_slice h1resp_verdict_name(h1resp_verdict verdict) noexcept {
  const auto v = checked<h1resp::Verdict>(verdict, H1RESP_VERDICT_ACCEPT, H1RESP_VERDICT_REJECT);
  return slice(v ? h1resp::to_string(*v) : "?");
}

// ---- Parser ----------------------------------------------------------------------------------

h1resp_result h1resp_parser_create(const h1resp_policy* policy, h1resp_parser** out) noexcept {
  return create_handle(policy, out);
}

void h1resp_parser_destroy(h1resp_parser* parser) noexcept {
  delete parser;
}

h1resp_result h1resp_parser_reset(h1resp_parser* parser) noexcept {
  if (parser == nullptr) return H1RESP_EINVAL;
  return guarded(H1RESP_EINTERNAL, [&] {
    parser->parser.reset();
    parser->report_stale = true;
    parser->validated = false;
    return H1RESP_OK;
  });
}

h1resp_parse_status h1resp_parser_feed(h1resp_parser* parser, const char* data,
                                       size_t size) noexcept {
  if (parser == nullptr || (data == nullptr && size != 0)) return H1RESP_PARSE_INVALID;
  return guarded(H1RESP_PARSE_INVALID, [&] {
    const ParseStatus status = parser->parser.feed({data == nullptr ? "" : data, size});
    parser->report_stale = true;
    parser->validated = false;
    return static_cast<h1resp_parse_status>(status);
  });
}

h1resp_parse_status h1resp_parser_finish(h1resp_parser* parser) noexcept {
  if (parser == nullptr) return H1RESP_PARSE_INVALID;
  return guarded(H1RESP_PARSE_INVALID, [&] {
    const ParseStatus status = parser->parser.finish();
    parser->report_stale = true;
    parser->validated = false;
    return static_cast<h1resp_parse_status>(status);
  });
}

h1resp_parse_status h1resp_parser_status(const h1resp_parser* parser) noexcept {
  if (parser == nullptr) return H1RESP_PARSE_INVALID;
  return static_cast<h1resp_parse_status>(parser->parser.status());
}

h1resp_result h1resp_parser_response(const h1resp_parser* parser, h1resp_response* out) noexcept {
  if (parser == nullptr || out == nullptr) return H1RESP_EINVAL;
  if (parser->parser.status() != ParseStatus::complete) return H1RESP_ESTATE;
  const h1resp::Response& r = parser->parser.response();
  *out = h1resp_response{
      .version_major = r.version_major,
      .version_minor = r.version_minor,
      .status_code = r.status,
      .status_line = slice(r.text(r.status_line)),
      .reason = slice(r.reason_phrase()),
      .field_count = r.field_count(),
      .header_size = r.header_size,
  };
  return H1RESP_OK;
}

h1resp_result h1resp_parser_field(const h1resp_parser* parser, size_t index,
                                  h1resp_field* out) noexcept {
  if (parser == nullptr || out == nullptr) return H1RESP_EINVAL;
  if (parser->parser.status() != ParseStatus::complete) return H1RESP_ESTATE;
  const h1resp::Response& r = parser->parser.response();
  if (index >= r.field_count()) return H1RESP_ERANGE;
  *out = to_field(r, index);
  return H1RESP_OK;
}

size_t h1resp_parser_find_field(const h1resp_parser* parser, const char* name, size_t name_size,
                                size_t from) noexcept {
  if (parser == nullptr || parser->parser.status() != ParseStatus::complete) return 0;
  const h1resp::Response& r = parser->parser.response();
  if (name == nullptr) return r.field_count();
  return guarded(r.field_count(), [&] { return r.find({name, name_size}, from); });
}

h1resp_result h1resp_parser_error(const h1resp_parser* parser, h1resp_error* out) noexcept {
  if (parser == nullptr || out == nullptr) return H1RESP_EINVAL;
  if (parser->parser.status() != ParseStatus::error) return H1RESP_ESTATE;
  *out = to_error(parser->parser.error());
  return H1RESP_OK;
}

h1resp_result h1resp_parser_framing(const h1resp_parser* parser, h1resp_method method,
                                    h1resp_framing* out) noexcept {
  const std::optional<RequestMethod> m = method_of(method);
  if (parser == nullptr || out == nullptr || !m) return H1RESP_EINVAL;
  if (parser->parser.status() != ParseStatus::complete) return H1RESP_ESTATE;
  return guarded(H1RESP_EINTERNAL, [&] {
    // The framing problems are reported by validate; here they go to a scratch list.
    FindingList scratch;
    const h1resp::Framing f = h1resp::decide_framing(parser->parser.response(), *m, scratch);
    *out = h1resp_framing{
        .body = static_cast<h1resp_body_kind>(f.body),
        .length = f.length,
        .interim = f.interim,
        .persistent = f.persistent,
        .step = f.step,
        .why = slice(f.why),
        .persistence_why = slice(f.persistence_why),
    };
    return H1RESP_OK;
  });
}

namespace {

// The findings of the tokenizer, the framing and the validator, for `request`.
h1resp_result validate_with(h1resp_parser* parser, const h1resp::RequestContext& request) noexcept {
  if (parser->parser.status() != ParseStatus::complete) return H1RESP_ESTATE;
  return guarded(H1RESP_EINTERNAL, [&] {
    const h1resp::Response& r = parser->parser.response();
    FindingList& findings = parser->findings;
    findings = parser->parser.findings();
    const h1resp::Framing framing = h1resp::decide_framing(r, request.method, findings);
    h1resp::validate(r, framing, request, parser->parser.policy(), findings);
    parser->report_stale = false;
    parser->validated = true;
    parser->body_added = false;
    return H1RESP_OK;
  });
}

}  // namespace

h1resp_result h1resp_parser_validate(h1resp_parser* parser, h1resp_method method) noexcept {
  const std::optional<RequestMethod> m = method_of(method);
  if (parser == nullptr || !m) return H1RESP_EINVAL;
  h1resp::RequestContext request;
  request.method = *m;
  return validate_with(parser, request);
}

h1resp_result h1resp_parser_validate_request(h1resp_parser* parser, const char* request,
                                             size_t request_size) noexcept {
  // NULL with a size of 0 is an empty request, as h1resp_parser_feed takes it.
  if (parser == nullptr || (request == nullptr && request_size != 0)) return H1RESP_EINVAL;
  return guarded(H1RESP_EINTERNAL, [&] {
    const std::string_view bytes =
        request == nullptr ? std::string_view() : std::string_view(request, request_size);
    return validate_with(parser, h1resp::request_context(bytes));
  });
}

size_t h1resp_parser_finding_count(const h1resp_parser* parser) noexcept {
  if (parser == nullptr) return 0;
  return parser->report().size();
}

uint32_t h1resp_parser_findings_dropped(const h1resp_parser* parser) noexcept {
  if (parser == nullptr) return 0;
  return parser->report().dropped();
}

h1resp_result h1resp_parser_finding(const h1resp_parser* parser, size_t index,
                                    h1resp_finding* out) noexcept {
  if (parser == nullptr || out == nullptr) return H1RESP_EINVAL;
  const FindingList& findings = parser->report();
  if (index >= findings.size()) return H1RESP_ERANGE;
  *out = to_finding(findings[index]);
  return H1RESP_OK;
}

h1resp_result h1resp_parser_first_error(const h1resp_parser* parser, h1resp_finding* out) noexcept {
  if (parser == nullptr || out == nullptr) return H1RESP_EINVAL;
  const h1resp::Finding* first = parser->report().first_error();
  if (first == nullptr) return H1RESP_ERANGE;
  *out = to_finding(*first);
  return H1RESP_OK;
}

h1resp_verdict h1resp_parser_verdict(const h1resp_parser* parser) noexcept {
  if (parser == nullptr || parser->parser.status() == ParseStatus::error) {
    return H1RESP_VERDICT_REJECT;
  }
  return static_cast<h1resp_verdict>(parser->report().verdict());
}

// ---- Chunked decoder -------------------------------------------------------------------------

h1resp_result h1resp_chunked_create(const h1resp_policy* policy, uint64_t body_offset,
                                    h1resp_chunked** out) noexcept {
  return create_handle(policy, out, body_offset);
}

void h1resp_chunked_destroy(h1resp_chunked* decoder) noexcept {
  delete decoder;
}

h1resp_result h1resp_chunked_reset(h1resp_chunked* decoder, uint64_t body_offset) noexcept {
  if (decoder == nullptr) return H1RESP_EINVAL;
  return guarded(H1RESP_EINTERNAL, [&] {
    decoder->decoder.reset(body_offset);
    decoder->last = ChunkedDecoder::Status::incomplete;
    return H1RESP_OK;
  });
}

h1resp_chunked_status h1resp_chunked_feed(h1resp_chunked* decoder, const char* input, size_t size,
                                          h1resp_chunk* chunk) noexcept {
  if (decoder == nullptr || (input == nullptr && size != 0)) return H1RESP_CHUNKED_INVALID;
  return guarded(H1RESP_CHUNKED_INVALID, [&] {
    const ChunkedDecoder::Result r = decoder->decoder.feed({input == nullptr ? "" : input, size});
    decoder->last = r.status;
    if (chunk != nullptr) {
      *chunk = h1resp_chunk{r.consumed, r.data.empty() ? nullptr : r.data.data(), r.data.size()};
    }
    return static_cast<h1resp_chunked_status>(r.status);
  });
}

h1resp_chunked_status h1resp_chunked_finish(h1resp_chunked* decoder) noexcept {
  if (decoder == nullptr) return H1RESP_CHUNKED_INVALID;
  return guarded(H1RESP_CHUNKED_INVALID, [&] {
    decoder->last = decoder->decoder.finish();
    return static_cast<h1resp_chunked_status>(decoder->last);
  });
}

h1resp_result h1resp_chunked_error(const h1resp_chunked* decoder, h1resp_error* out) noexcept {
  if (decoder == nullptr || out == nullptr) return H1RESP_EINVAL;
  if (decoder->last != ChunkedDecoder::Status::error) return H1RESP_ESTATE;
  *out = to_error(decoder->decoder.error());
  return H1RESP_OK;
}

bool h1resp_chunked_in_trailers(const h1resp_chunked* decoder) noexcept {
  return decoder != nullptr && decoder->decoder.in_trailers();
}

uint64_t h1resp_chunked_content_length(const h1resp_chunked* decoder) noexcept {
  return decoder == nullptr ? 0 : decoder->decoder.content_length();
}

uint32_t h1resp_chunked_chunk_count(const h1resp_chunked* decoder) noexcept {
  return decoder == nullptr ? 0 : decoder->decoder.chunk_count();
}

size_t h1resp_chunked_trailer_count(const h1resp_chunked* decoder) noexcept {
  if (decoder == nullptr || decoder->last != ChunkedDecoder::Status::complete) return 0;
  return decoder->decoder.trailers().field_count();
}

h1resp_result h1resp_chunked_trailer(const h1resp_chunked* decoder, size_t index,
                                     h1resp_field* out) noexcept {
  if (decoder == nullptr || out == nullptr) return H1RESP_EINVAL;
  if (index >= h1resp_chunked_trailer_count(decoder)) return H1RESP_ERANGE;
  *out = to_field(decoder->decoder.trailers(), index);
  return H1RESP_OK;
}

size_t h1resp_chunked_finding_count(const h1resp_chunked* decoder) noexcept {
  return decoder == nullptr ? 0 : decoder->decoder.findings().size();
}

h1resp_result h1resp_chunked_finding(const h1resp_chunked* decoder, size_t index,
                                     h1resp_finding* out) noexcept {
  if (decoder == nullptr || out == nullptr) return H1RESP_EINVAL;
  const FindingList& findings = decoder->decoder.findings();
  if (index >= findings.size()) return H1RESP_ERANGE;
  *out = to_finding(findings[index]);
  return H1RESP_OK;
}

h1resp_result h1resp_parser_add_chunked(h1resp_parser* parser,
                                        const h1resp_chunked* decoder) noexcept {
  if (parser == nullptr || decoder == nullptr) return H1RESP_EINVAL;
  const bool complete = decoder->last == ChunkedDecoder::Status::complete;
  if (!parser->validated || parser->body_added ||
      (!complete && decoder->last != ChunkedDecoder::Status::error)) {
    return H1RESP_ESTATE;
  }
  return guarded(H1RESP_EINTERNAL, [&] {
    parser->body_added = true;
    const ChunkedDecoder& d = decoder->decoder;
    FindingList& findings = parser->findings;
    findings.append(d.findings());  // also those the decoder only counted
    if (!complete) {
      const h1resp::ParseError& e = d.error();
      findings.add(e.rule, h1resp::Severity::error, e.offset, e.length, e.message());
    } else {
      h1resp::validate_trailers(d.trailers(), d.trailer_offset(), parser->parser.response(),
                                findings);
    }
    return H1RESP_OK;
  });
}

}  // extern "C"
