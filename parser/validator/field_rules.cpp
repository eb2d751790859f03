// Field lines as a whole (catalog group B): repeated singletons, empty list elements, sizes,
// fields that belong to requests, deprecated fields, and bytes other parsers may trim.
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

// REDbot's sizes for "too large" (FIELD_TOO_LARGE, FIELD_SECTION_TOO_LARGE): far below the
// parser's hard limits, but above what many implementations accept.
constexpr std::uint32_t kLargeField = 8 * 1024;
constexpr std::uint32_t kLargeSection = 32 * 1024;

// List fields whose elements the validator reads, where an empty element is a sender's error
// (RFC 9110 §5.6.1). Transfer-Encoding and Connection are the framing reader's, Cache-Control
// check_cache_control()'s.
constexpr FieldId kListFields[] = {FieldId::vary,
                                   FieldId::allow,
                                   FieldId::content_encoding,
                                   FieldId::content_language,
                                   FieldId::accept_ranges,
                                   FieldId::upgrade,
                                   FieldId::trailer,
                                   FieldId::www_authenticate,
                                   FieldId::proxy_authenticate};

// Whether any byte is obs-text (>= 0x80). Where SSE2 (part of every x86-64) is there, 128 bytes
// are OR-ed before one test, then sixteen at a time, else eight: this runs over the whole header
// section of every response, and once more over each value when that says yes.
bool has_obs_text(std::string_view value) noexcept {
  const char* p = value.data();
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 128 <= value.size(); i += 128) {
    // SAFETY: eight 16-byte loads of value[i, i + 128), inside the value.
    __m128i any = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    for (std::size_t k = 16; k < 128; k += 16)
      any = _mm_or_si128(any, _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + k)));
    if (_mm_movemask_epi8(any) != 0) return true;  // the high bit of each byte
  }
  for (; i + 16 <= value.size(); i += 16) {
    // SAFETY: a 16-byte load of value[i, i + 16), inside the value.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if (_mm_movemask_epi8(v) != 0) return true;
  }
  if (i < value.size() && value.size() >= 16) {
    // The last bytes, with the sixteen that end the value (some of them seen already).
    // SAFETY: a 16-byte load of value[size - 16, size), inside the value.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + value.size() - 16));
    return _mm_movemask_epi8(v) != 0;
  }
#endif
  for (; i + 8 <= value.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) return true;
  }
  for (; i < value.size(); ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) return true;
  }
  return false;
}

// VT and FF at either end of a value (kept only by the value-ctl leniency): some parsers trim
// them as whitespace although only SP and HTAB are OWS (RFC 9110 §5.6.3).
bool trimmed_elsewhere(unsigned char c) noexcept {
  return c == 0x0B || c == 0x0C;
}

// Calls f(id) for each FieldId whose bit is set in `bits`.
template <typename F>
void for_each_id(std::uint64_t bits, F&& f) {
  while (bits != 0) {
    f(static_cast<FieldId>(std::countr_zero(bits)));
    bits &= bits - 1;
  }
}

}  // namespace

void check_repeated_singletons(const Checks& c) noexcept {
  // Content-Length repeated is the framing decision's business.
  const std::uint64_t singletons = detail::fields_with(detail::FieldInfo::singleton) &
                                   ~(std::uint64_t{1} << static_cast<int>(FieldId::content_length));
  for_each_id(c.fields.repeated() & singletons, [&](FieldId id) {
    // RFC 9110 §5.3: a sender MUST NOT send a singleton field more than once. When Location or
    // Content-Type values differ, recipients that take the first and the last disagree: the
    // first line that differs from the first value is the error, wherever it is.
    const std::size_t first = c.first(id);
    const std::size_t second = c.fields.next(id, first);
    const bool meaning = id == FieldId::location || id == FieldId::content_type;
    std::size_t differing = c.fields.field_count();
    for (std::size_t i = second; meaning && i < c.fields.field_count(); i = c.fields.next(id, i)) {
      if (c.value(i) != c.value(first)) {
        differing = i;
        break;
      }
    }
    if (differing < c.fields.field_count()) {
      c.report_line_as(Severity::error, Rule::field_singleton_repeated, differing,
                       "repeated with a different value: recipients may take either");
    } else {
      c.report_line(Rule::field_singleton_repeated, second, detail::field_info(id).name);
    }
  });
}

// What every field line can break, known or not. Most responses have none of it, and one look
// at the whole section says so: no value is over 8 KiB in a section under 8 KiB, VT and FF
// stay in a value only when its line has the has_ctl flag (value_ctl leniency), and obs-text
// is found by one pass over the section's bytes. Only then is each line looked at (a loop
// over values of varying lengths whose branches mispredict). Of these only B09 is an error:
// with errors_only, the section is not searched for obs-text and sizes.
void check_line_bytes(const Checks& c) noexcept {
  const Response& r = c.response;
  const bool all = !c.errors_only();
  const bool any_obs_text = all && has_obs_text(r.bytes.substr(0, r.header_size));
  const bool any_ctl = (c.fields.line_flags() & FieldLine::has_ctl) != 0;
  const bool any_large = all && r.header_size > kLargeField;
  for (std::size_t i = 0; (any_obs_text || any_ctl || any_large) && i < c.fields.field_count();
       ++i) {
    const FieldLine& line = c.line(i);
    const std::string_view value = c.value(i);
    if (line.value.length > kLargeField) {
      c.report_line(Rule::field_limits, i, "field value larger than 8 KiB");
    }
    if (any_ctl && !value.empty() &&
        (trimmed_elsewhere(static_cast<unsigned char>(value.front())) ||
         trimmed_elsewhere(static_cast<unsigned char>(value.back())))) {
      c.report_line(Rule::field_ows_only_sp_htab, i,
                    "the value starts or ends with a byte other parsers trim as whitespace");
    } else if (any_obs_text && has_obs_text(value)) {
      // RFC 9110 §5.5: obs-text is opaque; parsers that decode it, or strip NBSP (0xA0) or
      // NEL (0x85) as whitespace, read another value.
      c.report_line(Rule::field_value_obs_text, i, "bytes above 0x7F in the value");
    }
  }
}

namespace {

// Every line of the fields in `bits`.
template <typename F>
void for_each_line(const Checks& c, std::uint64_t bits, F&& f) {
  for_each_id(bits, [&](FieldId id) {
    for (std::size_t i = c.first(id); i < c.fields.field_count(); i = c.fields.next(id, i))
      f(id, i);
  });
}

}  // namespace

namespace {

// RFC 9110 §7.6.1: a proxy MUST remove the fields its upstream's Connection named, and SHOULD
// remove Proxy-Connection and Keep-Alive. Its own Connection is its business ("close",
// "keep-alive" with its own Keep-Alive, "upgrade" with the Upgrade of a 101 it relays), so the
// field itself is not reported: only the fields it names that are in the response, and the
// hop-by-hop fields no option of the proxy's own explains.
void check_hop_by_hop_forwarded(const Checks& c) {
  bool keep_alive_option = false;
  for (std::size_t i = c.first(FieldId::connection); i < c.fields.field_count();
       i = c.fields.next(FieldId::connection, i)) {
    detail::values::ListReader options(c.value(i));
    std::string_view option;
    while (options.next(option)) {
      const FieldId named = detail::field_id(option);
      if (named == FieldId::keep_alive) keep_alive_option = true;
      if (named == FieldId::keep_alive || named == FieldId::upgrade ||
          field_name_equals(option, "close")) {
        continue;
      }
      for (std::size_t k = 0; k < c.fields.field_count(); ++k) {
        if (k != i && field_name_equals(c.response.text(c.line(k).name), option)) {
          c.report_line(Rule::field_hop_by_hop_forwarded, k,
                        "a field the Connection field names: it was for the previous hop");
        }
      }
    }
  }
  for (std::size_t i = c.first(FieldId::proxy_connection); i < c.fields.field_count();
       i = c.fields.next(FieldId::proxy_connection, i)) {
    c.report_line(Rule::field_hop_by_hop_forwarded, i, "Proxy-Connection");
  }
  if (keep_alive_option) return;
  for (std::size_t i = c.first(FieldId::keep_alive); i < c.fields.field_count();
       i = c.fields.next(FieldId::keep_alive, i)) {
    c.report_line(Rule::field_hop_by_hop_forwarded, i,
                  "Keep-Alive without a keep-alive connection option of the proxy's own");
  }
}

}  // namespace

void check_field_lines(const Checks& c) noexcept {
  const Response& r = c.response;
  check_repeated_singletons(c);

  std::uint64_t lists = 0;
  for (const FieldId id : kListFields)
    lists |= std::uint64_t{1} << static_cast<int>(id);
  for_each_line(c, c.fields.present() & lists, [&](FieldId id, std::size_t i) {
    // Without a comma a list has no empty element (an empty value is an empty list).
    if (c.value(i).find(',') == std::string_view::npos) return;
    detail::values::ListReader list(c.value(i));
    std::string_view element;
    while (list.next(element)) {
    }
    if (list.empty_elements() != 0) {
      c.report_line(Rule::field_empty_list_element, i, detail::field_info(id).name);
    }
  });

  if (r.header_size > kLargeSection) {
    c.report(Rule::field_limits, 0, r.header_size, "header section larger than 32 KiB");
  }
  check_line_bytes(c);

  // Fields that do not belong in a response, deprecated ones (the URI and Method lines are the
  // 1992 dialect's, judged by its own rules), and, in a proxy's output, hop-by-hop ones (RFC 9110
  // §7.6.1: what an intermediary must remove).
  const std::uint64_t present = c.fields.present();
  // RFC 9110 §15.5.16: a 415 may say with Accept which media types it would have taken.
  const std::uint64_t accept_in_415 =
      c.code() == 415 ? std::uint64_t{1} << static_cast<int>(FieldId::accept) : 0;
  for_each_line(c, present & detail::fields_with(detail::FieldInfo::request_only) & ~accept_in_415,
                [&](FieldId id, std::size_t i) {
                  c.report_line(Rule::field_request_only, i, detail::field_info(id).name);
                });
  const std::uint64_t dialect_lines = (std::uint64_t{1} << static_cast<int>(FieldId::uri)) |
                                      (std::uint64_t{1} << static_cast<int>(FieldId::method));
  for_each_line(c, present & detail::fields_with(detail::FieldInfo::deprecated) & ~dialect_lines,
                [&](FieldId id, std::size_t i) {
                  c.report_line(Rule::field_deprecated, i, detail::field_info(id).name);
                });
  if (c.request.proxy_output) check_hop_by_hop_forwarded(c);
}

void validate_trailer_fields(const Response& trailers, std::uint64_t trailer_offset,
                             const Response& header, FindingList& findings) noexcept {
  const detail::FieldIndex header_fields(header);
  for (std::size_t i = 0; i < trailers.field_count(); ++i) {
    const FieldLine& line = trailers.field_lines[i];
    const std::string_view name = trailers.text(line.name);
    const FieldId id = detail::field_id(name);
    const std::uint64_t offset = trailer_offset + line.name.offset;
    const std::uint32_t length = line.value.end() - line.name.offset;
    // RFC 9110 §6.5.1: framing, routing, authentication, response control and content format
    // fields may not be trailers; a recipient MUST NOT merge them into the header section.
    if (id != FieldId::other && detail::field_info(id).has(detail::FieldInfo::not_in_trailer)) {
      findings.add(Rule::field_trailer_prohibited,
                   id == FieldId::content_length || id == FieldId::transfer_encoding
                       ? Severity::error
                       : rule_info(Rule::field_trailer_prohibited).severity,
                   offset, length, detail::field_info(id).name);
      continue;
    }
    // RFC 9110 §6.6.2: a sender SHOULD announce its trailers in the Trailer field.
    bool announced = false;
    for (std::size_t t = header_fields.first(FieldId::trailer); t < header_fields.field_count();
         t = header_fields.next(FieldId::trailer, t)) {
      detail::values::ListReader list(header.text(header.field_lines[t].value));
      std::string_view element;
      while (list.next(element))
        announced = announced || field_name_equals(element, name);
    }
    if (!announced) {
      findings.add(Rule::field_trailer_prohibited, Severity::info, offset, length,
                   "a trailer the Trailer field did not announce");
    }
  }
}

}  // namespace h1resp::validator

namespace h1resp {

void validate_trailers(const Response& trailers, std::uint64_t trailer_offset,
                       const Response& header, FindingList& findings) noexcept {
  validator::validate_trailer_fields(trailers, trailer_offset, header, findings);
}

}  // namespace h1resp
