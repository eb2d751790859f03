// 304 Not Modified (RFC 9110 §15.4.5, RFC 9111 §3.2, §4.3.4): no content, the fields a 200
// would have had that guide cache updates, and no other representation metadata.
#include "validator/checks.hpp"
#include "validator/field_values.hpp"

namespace h1resp::validator {
namespace {

// The fields RFC 9110 §15.4.5 requires in a 304 whenever the 200 would carry them.
constexpr FieldId kRequiredIf200Has[] = {
    FieldId::content_location, FieldId::date,   FieldId::etag, FieldId::vary,
    FieldId::cache_control,    FieldId::expires};

}  // namespace

void check_not_modified(const Checks& c) noexcept {
  if (c.code() != 304) return;
  // RFC 9112 §6.1: Transfer-Encoding in a 304 only says what a 200 would have used.
  if (c.has(FieldId::transfer_encoding)) {
    c.report_line(Rule::code_304_te_not_framing, c.first(FieldId::transfer_encoding));
  }
  // RFC 9110 §8.6: Content-Length in a 304 MUST equal the 200's content length.
  if (c.has(FieldId::content_length)) {
    const detail::values::ContentLength cl =
        detail::values::parse_content_length(c.value_of(FieldId::content_length));
    if (cl.status == detail::values::ContentLength::ok) {
      if (c.request.reference_200 != nullptr) {
        if (cl.value != c.request.reference_length) {
          c.report_line(Rule::code_304_content_length_value, c.first(FieldId::content_length),
                        "differs from the 200's content length");
        }
      } else if (cl.value == 0) {
        c.report_line_as(Severity::info, Rule::code_304_content_length_value,
                         c.first(FieldId::content_length),
                         "Content-Length: 0 claims an empty representation; caches must not update "
                         "the stored length from a 304");
      }
    }
  }
  // RFC 9110 §15.4.5: the fields a 200 would have sent; without a reference 200, Date is the
  // one that can be checked (an origin with a clock sends it in every 3xx, §6.6.1).
  if (c.request.reference_200 != nullptr) {
    const detail::FieldIndex reference(*c.request.reference_200);
    for (const FieldId id : kRequiredIf200Has) {
      if (reference.has(id) && !c.has(id)) {
        c.report_status(Rule::code_304_required_fields, detail::field_info(id).name);
      }
    }
    // RFC 9111 §4.3.4: for a cache, the reference is the stored response the 304 would update.
    check_freshening(c, reference);
  }
  // (A modern requirement: the 1992 dialect's 304 lists Date among the fields it may carry.)
  if (!c.has(FieldId::date) && !c.w3c()) c.report_status(Rule::code_304_date);
  // RFC 9110 §15.4.5: no other representation metadata, unless it guides cache updates.
  // Last-Modified is a validator caches update from (the RFC's own example), and what nearly
  // every server sends beside ETag: it is not reported.
  for (std::size_t i = 0; i < c.fields.field_count(); ++i) {
    const FieldId id = c.fields.id_at(i);
    if (id == FieldId::other || id == FieldId::content_location || id == FieldId::last_modified) {
      continue;
    }
    if (!detail::field_info(id).has(detail::FieldInfo::representation)) continue;
    c.report_line(Rule::code_304_representation_metadata, i, detail::field_info(id).name);
  }
  // A 304 answers a conditional request (RFC 9110 §15.4.5).
  if (c.request.known && !c.request.conditional) {
    c.report_code(Rule::code_304_unsolicited, "the request was not conditional");
  }
}

}  // namespace h1resp::validator
