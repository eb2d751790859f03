#include "framing/framing_fields.hpp"

#include <algorithm>

#include "validator/field_values.hpp"

namespace h1resp::framing {
namespace {

using detail::FieldId;
using detail::FieldIndex;

std::uint64_t offset_in(const Response& r, std::string_view part) noexcept {
  return static_cast<std::uint64_t>(part.data() - r.bytes.data());
}

// Notes the first field line of the reading's field: where findings about "the field" point.
void locate(FieldReading& reading, const FieldLine& line) noexcept {
  if (reading.present) return;
  reading.present = true;
  reading.offset = line.name.offset;
  reading.length = line.value.end() - line.name.offset;
}

Problem at_element(Rule rule, const Response& r, std::string_view element,
                   std::string_view detail) noexcept {
  return Problem{rule,
                 offset_in(r, element),
                 static_cast<std::uint32_t>(element.empty() ? 1 : element.size()),
                 detail,
                 Severity::info,
                 Severity::error};
}

}  // namespace

// Content-Length = 1*DIGIT (RFC 9110 §8.6); several equal values MAY be collapsed, different
// values or an invalid one make the length unrecoverable (RFC 9112 §6.3 (5)).
FieldReading read_content_length(const FieldIndex& index) noexcept {
  const Response& r = index.response();
  FieldReading reading;
  bool have_value = false;
  for (std::size_t i = index.first(FieldId::content_length); i < index.field_count();
       i = index.next(FieldId::content_length, i)) {
    const FieldLine& line = r.field_lines[i];
    locate(reading, line);
    const std::string_view value = r.text(line.value);
    const detail::values::ContentLength cl = detail::values::parse_content_length(value);
    const std::uint64_t bad = line.value.offset + cl.bad_offset;
    switch (cl.status) {
      case detail::values::ContentLength::syntax:
        reading.valid = false;
        reading.add(Rule::framing_cl_syntax, value.empty() ? line.name.offset : bad,
                    value.empty() ? line.name.length : 1,
                    value.empty() ? "empty Content-Length" : "Content-Length is not 1*DIGIT");
        continue;
      case detail::values::ContentLength::overflow:
        reading.valid = false;
        reading.add(Rule::framing_cl_overflow, bad, static_cast<std::uint32_t>(cl.bad_length),
                    "Content-Length does not fit in 63 bits");
        continue;
      case detail::values::ContentLength::conflict:
        reading.valid = false;
        reading.add(Rule::framing_cl_conflict, bad, static_cast<std::uint32_t>(cl.bad_length),
                    "Content-Length list members differ");
        continue;
      case detail::values::ContentLength::ok:
        break;
    }
    if (have_value && cl.value != reading.value) {
      reading.valid = false;
      reading.add(Rule::framing_cl_conflict, line.name.offset, line.value.end() - line.name.offset,
                  "Content-Length differs from an earlier one");
      continue;
    }
    if (have_value || cl.members > 1) {
      reading.add({Rule::framing_cl_duplicate_same, line.name.offset,
                   line.value.end() - line.name.offset, "the same Content-Length repeated",
                   Severity::info, Severity::warning});
    }
    reading.value = cl.value;
    have_value = true;
  }
  reading.valid = reading.valid && have_value;
  return reading;
}

// Transfer-Encoding = #transfer-coding (RFC 9112 §6.1, §7). Codings apply in order, across all
// field lines; only a final "chunked" delimits a response body.
FieldReading read_transfer_encoding(const FieldIndex& index) noexcept {
  const Response& r = index.response();
  FieldReading reading;
  unsigned chunked = 0;
  bool last_chunked = false;
  std::string_view chunked_element;
  for (std::size_t i = index.first(FieldId::transfer_encoding); i < index.field_count();
       i = index.next(FieldId::transfer_encoding, i)) {
    const FieldLine& line = r.field_lines[i];
    locate(reading, line);
    detail::values::ListReader list(r.text(line.value));
    std::string_view element;
    bool any = false;
    while (list.next(element)) {
      any = true;
      const detail::values::TransferCoding coding = detail::values::parse_transfer_coding(element);
      last_chunked = false;
      if (!coding.valid) {
        reading.add(at_element(Rule::framing_te_unknown, r, element, "not a transfer-coding"));
        continue;
      }
      if (field_name_equals(coding.name, "chunked")) {
        ++chunked;
        last_chunked = true;
        chunked_element = element;
        if (coding.has_parameters) {
          reading.add(at_element(Rule::framing_te_params, r, element,
                                 "chunked has no parameters (RFC 9112 §7.1)"));
        }
        if (coding.name != "chunked") {
          // Valid (names are case-insensitive), but case-sensitive parsers then read to close.
          reading.add({Rule::transfer_coding_case_insensitive, offset_in(r, coding.name),
                       static_cast<std::uint32_t>(coding.name.size()),
                       "\"chunked\" not in lower case", Severity::info, Severity::info});
        }
        continue;
      }
      if (field_name_equals(coding.name, "identity")) {
        reading.add(at_element(Rule::framing_te_identity, r, element,
                               "identity is not a transfer coding (removed by RFC 7230)"));
      } else if (!field_name_equals(coding.name, "gzip") &&
                 !field_name_equals(coding.name, "deflate") &&
                 !field_name_equals(coding.name, "compress") &&
                 !field_name_equals(coding.name, "x-gzip") &&
                 !field_name_equals(coding.name, "x-compress")) {
        reading.add(at_element(Rule::framing_te_unknown, r, element, "unknown transfer coding"));
      } else if (coding.has_parameters) {
        // No registered transfer coding defines parameters, and a parser that looks for
        // "chunked" anywhere in the value (nginx's upstream module) decodes chunks where the
        // RFC reads until close ("gzip;q=chunked"): the decision's severity, as for chunked.
        reading.add(at_element(Rule::framing_te_params, r, element,
                               "transfer-coding parameters: no transfer coding defines any"));
      }
    }
    if (list.empty_elements() != 0) {
      // RFC 9110 §5.6.1: a sender MUST NOT generate empty list elements; on Transfer-Encoding
      // parsers split on them (",chunked").
      reading.add(Rule::field_empty_list_element, line.value.offset,
                  std::max<std::uint32_t>(line.value.length, 1),
                  "empty element in Transfer-Encoding");
    }
    if (!any) {
      reading.add(Rule::framing_te_empty, line.name.offset, line.value.end() - line.name.offset,
                  "Transfer-Encoding without a coding");
    }
  }
  const std::string_view section = r.bytes.substr(0, r.header_size);
  if (last_chunked && detail::values::htab_follows(section, chunked_element)) {
    // HTAB is OWS (RFC 9110 §5.6.3), but after "chunked\t" llhttp 8.1 (Node.js) reads the body
    // until the connection closes (its header_value_te_chunked_last state), while RFC 9112
    // §6.3 (4) recipients decode chunks. Two readings of where the response ends: the
    // obfuscation C08 refuses. The differential fuzzer found it.
    reading.add(at_element(Rule::framing_te_unknown, r, chunked_element,
                           "HTAB after the final chunked: llhttp (Node.js) then reads the body "
                           "until close instead of decoding chunks"));
  } else if (last_chunked && detail::values::trailing_sp_follows(section, chunked_element)) {
    // SP after the final chunked is OWS too, outside the field value (RFC 9112 §5), but
    // Python's http.client compares the raw value with "chunked" and reads the body until
    // close (checked with CPython 3.11): the same two readings of where the response ends.
    reading.add(at_element(Rule::framing_te_unknown, r, chunked_element,
                           "SP after the final chunked: Python's http.client then reads the "
                           "body until close instead of decoding chunks"));
  }
  if (chunked > 1) {
    reading.add(at_element(Rule::framing_te_chunked_twice, r, chunked_element,
                           "chunked applied more than once (RFC 9112 §6.1)"));
  }
  if (reading.present && !last_chunked) {
    // RFC 9112 §6.1: a sender MUST make chunked the final coding or close the connection.
    // Without chunked at all the body is close-delimited, which every parser agrees on; with
    // chunked before another coding, parsers disagree.
    reading.add({Rule::framing_te_chunked_not_final, reading.offset, reading.length,
                 chunked != 0 ? std::string_view("chunked is not the final transfer coding")
                              : std::string_view("no chunked coding: the body runs until close"),
                 Severity::info, chunked != 0 ? Severity::error : Severity::warning});
  }
  reading.chunked_final = last_chunked;
  return reading;
}

// Connection = #connection-option (RFC 9110 §7.6.1).
FieldReading read_connection(const FieldIndex& index) noexcept {
  const Response& r = index.response();
  FieldReading reading;
  for (std::size_t i = index.first(FieldId::connection); i < index.field_count();
       i = index.next(FieldId::connection, i)) {
    const FieldLine& line = r.field_lines[i];
    locate(reading, line);
    // The two values nearly every response has, without reading a list.
    const std::string_view value = r.text(line.value);
    if (field_name_equals(value, "keep-alive")) {
      reading.keep_alive = true;
      continue;
    }
    if (field_name_equals(value, "close")) {
      reading.close = true;
      continue;
    }
    detail::values::ListReader list(value);
    std::string_view option;
    while (list.next(option)) {
      if (!detail::values::is_token(option)) {
        reading.valid = false;
        reading.add(
            at_element(Rule::connection_options, r, option, "a connection option is not a token"));
        continue;
      }
      if (field_name_equals(option, "close")) {
        reading.close = true;
      } else if (field_name_equals(option, "keep-alive")) {
        reading.keep_alive = true;
      } else if (field_name_equals(option, "upgrade")) {
        reading.upgrade = true;
      } else if (const FieldId id = detail::field_id(option);
                 id != FieldId::other &&
                 detail::field_info(id).has(detail::FieldInfo::end_to_end)) {
        // RFC 9110 §7.6.1: a hop that honours it strips a field meant for every recipient;
        // for Content-Length that is the framing itself.
        const bool framing = id == FieldId::content_length;
        reading.add({Rule::field_connection_nominates_end_to_end, offset_in(r, option),
                     static_cast<std::uint32_t>(option.size()),
                     framing
                         ? std::string_view("Connection names Content-Length")
                         : std::string_view("Connection names a field meant for all recipients"),
                     framing ? Severity::error : Severity::info,
                     framing ? Severity::error : Severity::warning});
      }
    }
    if (list.empty_elements() != 0) {
      reading.add({Rule::field_empty_list_element, line.value.offset,
                   std::max<std::uint32_t>(line.value.length, 1), "empty element in Connection",
                   Severity::info, Severity::warning});
    }
  }
  return reading;
}

bool report_repaired_framing_fields(const FieldIndex& index, FindingList& findings) noexcept {
  const Response& r = index.response();
  bool reported = false;
  if (index.line_flags() == 0) return false;  // no line needed a leniency: the common case
  for (const FieldId id :
       {FieldId::content_length, FieldId::transfer_encoding, FieldId::connection}) {
    for (std::size_t i = index.first(id); i < index.field_count(); i = index.next(id, i)) {
      const FieldLine& line = r.field_lines[i];
      const Rule rule = line.has(FieldLine::obs_folded)        ? Rule::field_obs_fold
                        : line.has(FieldLine::bare_cr)         ? Rule::field_value_cr_lf_nul
                        : line.has(FieldLine::ws_before_colon) ? Rule::field_ws_before_colon
                        : line.has(FieldLine::has_ctl)         ? Rule::field_value_ctl
                                                               : Rule::count_;
      if (rule == Rule::count_) continue;
      findings.add(rule, Severity::error, line.name.offset, line.value.end() - line.name.offset,
                   "a framing field needed a leniency: its meaning is ambiguous, refused");
      reported = true;
    }
  }
  // Whitespace before a colon ends the field section for some recipients (Python's
  // http.client reads the rest as content): a Content-Length or Transfer-Encoding after such a
  // line frames the response for h1resp only.
  if ((index.line_flags() & FieldLine::ws_before_colon) != 0) {
    std::size_t first_ws = index.field_count();
    for (std::size_t i = 0; i < index.field_count() && first_ws == index.field_count(); ++i) {
      if (r.field_lines[i].has(FieldLine::ws_before_colon)) first_ws = i;
    }
    for (const FieldId id : {FieldId::content_length, FieldId::transfer_encoding}) {
      for (std::size_t i = index.first(id); i < index.field_count(); i = index.next(id, i)) {
        const FieldLine& line = r.field_lines[i];
        if (i <= first_ws || line.has(FieldLine::ws_before_colon)) continue;  // reported above
        findings.add(Rule::field_ws_before_colon, Severity::error, line.name.offset,
                     line.value.end() - line.name.offset,
                     "a framing field after a line with whitespace before its colon: recipients "
                     "that stop reading fields there do not see it");
        reported = true;
      }
    }
  }
  return reported;
}

}  // namespace h1resp::framing
