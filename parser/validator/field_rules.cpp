// Field lines as a whole (catalog group B): repeated singletons, empty list elements, sizes,
// fields that belong to requests, deprecated fields, and bytes other parsers may trim.
#include <cstring>

#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

// REDbot's sizes for "too large" (FIELD_TOO_LARGE, FIELD_SECTION_TOO_LARGE): far below the
// parser's hard limits, but above what many implementations accept.
constexpr std::uint32_t kLargeField = 8 * 1024;
constexpr std::uint32_t kLargeSection = 32 * 1024;

// List fields whose elements the validator reads, where an empty element is a sender's error
// (RFC 9110 §5.6.1). Transfer-Encoding and Connection are the framing reader's.
constexpr FieldId kListFields[] = {
    FieldId::cache_control,    FieldId::vary,          FieldId::allow,   FieldId::content_encoding,
    FieldId::content_language, FieldId::accept_ranges, FieldId::upgrade, FieldId::trailer};

// Whether any byte is obs-text (>= 0x80): eight bytes at a time, since values can be long.
bool has_obs_text(std::string_view value) noexcept {
  std::size_t i = 0;
  for (; i + 8 <= value.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, value.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) return true;
  }
  for (; i < value.size(); ++i) {
    if (static_cast<unsigned char>(value[i]) >= 0x80) return true;
  }
  return false;
}

// VT and FF at either end of a value (kept only by the value-ctl leniency): some parsers trim
// them as whitespace although only SP and HTAB are OWS (RFC 9110 §5.6.3).
bool trimmed_elsewhere(unsigned char c) noexcept {
  return c == 0x0B || c == 0x0C;
}

void check_repeated_singletons(const Checks& c) {
  for (std::size_t k = 0; k < detail::kFieldIdCount; ++k) {
    const auto id = static_cast<FieldId>(k);
    if (id == FieldId::content_length || c.fields.count(id) < 2) continue;  // CL: framing
    const detail::FieldInfo& info = detail::field_info(id);
    if (!info.has(detail::FieldInfo::singleton)) continue;
    // RFC 9110 §5.3: a sender MUST NOT send a singleton field more than once. When Location or
    // Content-Type values differ, recipients that take the first and the last disagree.
    const std::size_t first = c.first(id);
    const std::size_t second = c.fields.next(id, first);
    const bool differ = c.value(first) != c.value(second);
    const bool meaning = id == FieldId::location || id == FieldId::content_type;
    if (differ && meaning) {
      c.report_as(Severity::error, Rule::field_singleton_repeated, c.line(second).name.offset,
                  c.line(second).value.end() - c.line(second).name.offset,
                  "repeated with a different value: recipients may take either");
    } else {
      c.report_line(Rule::field_singleton_repeated, second, info.name);
    }
  }
}

}  // namespace

void check_field_lines(const Checks& c) noexcept {
  const Response& r = c.response;
  check_repeated_singletons(c);

  for (const FieldId id : kListFields) {
    for (std::size_t i = c.first(id); i < c.fields.field_count(); i = c.fields.next(id, i)) {
      // Without a comma a list has no empty element (an empty value is an empty list).
      if (c.value(i).find(',') == std::string_view::npos) continue;
      detail::values::ListReader list(c.value(i));
      std::string_view element;
      while (list.next(element)) {
      }
      if (list.empty_elements() != 0) {
        c.report_line(Rule::field_empty_list_element, i, detail::field_info(id).name);
      }
    }
  }

  if (r.header_size > kLargeSection) {
    c.report(Rule::field_limits, 0, r.header_size, "header section larger than 32 KiB");
  }

  for (std::size_t i = 0; i < c.fields.field_count(); ++i) {
    const FieldLine& line = c.line(i);
    const std::string_view value = c.value(i);
    const FieldId id = c.fields.id_at(i);
    if (line.value.length > kLargeField) {
      c.report_line(Rule::field_limits, i, "field value larger than 8 KiB");
    }
    if (!value.empty() && (trimmed_elsewhere(static_cast<unsigned char>(value.front())) ||
                           trimmed_elsewhere(static_cast<unsigned char>(value.back())))) {
      c.report_line(Rule::field_ows_only_sp_htab, i,
                    "the value starts or ends with a byte other parsers trim as whitespace");
    } else if (has_obs_text(value)) {
      // RFC 9110 §5.5: obs-text is opaque; parsers that decode it, or strip NBSP (0xA0) or
      // NEL (0x85) as whitespace, read another value.
      c.report_line(Rule::field_value_obs_text, i, "bytes above 0x7F in the value");
    }
    if (id == FieldId::other) continue;
    const detail::FieldInfo& info = detail::field_info(id);
    if (info.has(detail::FieldInfo::request_only)) {
      c.report_line(Rule::field_request_only, i, info.name);
    }
    // The URI and Method lines are the 1992 dialect's, judged by its own rules.
    if (info.has(detail::FieldInfo::deprecated) && id != FieldId::uri && id != FieldId::method) {
      c.report_line(Rule::field_deprecated, i, info.name);
    }
    // RFC 9110 §7.6.1: what an intermediary must remove, found in its own output.
    if (c.request.proxy_output && (id == FieldId::connection || id == FieldId::keep_alive ||
                                   id == FieldId::proxy_connection)) {
      c.report_line(Rule::field_hop_by_hop_forwarded, i, info.name);
    }
  }
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
