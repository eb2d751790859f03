// The status code and the reason phrase: validity (RFC 9110 §15), registration (IANA),
// unofficial codes (catalog H) and what the reason phrase names.
#include <array>

#include "h1resp/status_registry.hpp"
#include "validator/checks.hpp"

namespace h1resp::validator {
namespace {

// The catalog's group H rule for an unregistered code with unofficial names; `matched` is the
// name the reason phrase is, or nullptr.
Rule unofficial_rule(unsigned code, const StatusAlias* matched) noexcept {
  switch (code / 100) {
    case 1:
      return Rule::unofficial_1xx;
    case 2:
      return Rule::unofficial_2xx;
    case 4:
      if (code == 444 || (code >= 494 && code <= 497)) return Rule::unofficial_nginx;
      if (code == 499) {  // Esri's "Token Required" or nginx's "Client Closed Request"
        return matched != nullptr && matched->name == "Token Required" ? Rule::unofficial_4xx_vendor
                                                                       : Rule::unofficial_nginx;
      }
      return Rule::unofficial_4xx_vendor;
    case 5:
      if (code == 509 || code == 598 || code == 599) return Rule::unofficial_509_598_599;
      return Rule::unofficial_cdn_5xx;
    default:
      return Rule::count_;
  }
}

// The unofficial name of `info`'s code that the reason phrase is, or nullptr: "499 Client
// Closed Request" is nginx's, "499 Token Required" Esri's.
const StatusAlias* matched_unofficial_name(const StatusInfo& info,
                                           std::string_view reason) noexcept {
  PhraseMatch m[8];
  const std::size_t n = find_reason_phrase(reason, m);
  for (std::size_t i = 0; i < n; ++i) {
    if (m[i].code == info.code && m[i].alias != nullptr) return m[i].alias;
  }
  return nullptr;
}

constexpr std::array<std::string_view, 6> kHandledAs = {
    "",
    "an unregistered code: handled as 100 Continue (interim)",
    "an unregistered code: handled as 200 OK",
    "an unregistered code: handled as 300 Multiple Choices",
    "an unregistered code: handled as 400 Bad Request",
    "an unregistered code: handled as 500 Internal Server Error"};

}  // namespace

// RFC 9110 §15: 100..599. Anything else is invalid (not an unknown class), and a client
// SHOULD treat it as 5xx. Returns whether the code is in range.
bool check_code_in_range(const Checks& c) noexcept {
  if (status_class(c.code()) != StatusClass::invalid) return true;
  c.report_code(Rule::status_code_range, "outside 100-599");
  c.report_code(Rule::unofficial_out_of_range,
                "process it as 5xx; a proxy answers 502 Bad Gateway instead");
  return false;
}

void check_status_code(const Checks& c) noexcept {
  const Response& r = c.response;
  const unsigned code = c.code();
  if (c.w3c()) {
    // The 1992 text has a code set and versions of its own (w3c1992_rules); a code outside
    // 100..599 is invalid there too.
    check_code_in_range(c);
    return;
  }

  // RFC 9110 §6.2: a higher minor version is processed as the highest one supported (1.1);
  // an intermediary forwards with its own version.
  if (r.version_major == 1 && r.version_minor > 1) {
    c.report(Rule::status_version_minor_higher, r.status_line.offset, 8,
             "a minor version above 1: processed as HTTP/1.1");
  }

  if (!check_code_in_range(c)) return;

  const StatusInfo* info = status_info(code);
  if (info == nullptr || !info->has(StatusInfo::registered)) {
    // RFC 9110 §15: an unrecognised code is handled as the x00 code of its class.
    c.report_code(code < 200 ? Rule::code_1xx_unknown_or_provisional : Rule::class_unknown_code,
                  kHandledAs[code / 100]);
    if (info != nullptr && !info->unofficial_names.empty()) {
      const StatusAlias* matched = matched_unofficial_name(*info, r.reason_phrase());
      if (const Rule rule = unofficial_rule(code, matched); rule != Rule::count_) {
        // The note of the name the phrase is, else of the code's first name.
        c.report_code(rule, matched != nullptr && !matched->note.empty()
                                ? matched->note
                                : info->unofficial_names.front().note);
      }
    }
    return;
  }

  switch (code) {
    case 102:
      c.report_code(Rule::code_1xx_unknown_or_provisional,
                    "102 Processing was registered by RFC 2518, which RFC 4918 obsoleted");
      break;
    case 104:
      c.report_code(Rule::code_1xx_unknown_or_provisional,
                    "104 is a temporary registration (resumable uploads)");
      break;
    case 305:
      c.report_code(Rule::code_305_deprecated);
      break;
    case 306:
    case 418: {
      // Registered as (Unused), with a meaning of their own in old lists: "306 Switch Proxy"
      // (RFC 2616 §10.3.7), "418 I'm a teapot" (RFC 2324). A phrase that names it gets that
      // meaning said beside the warning.
      const StatusAlias* matched = matched_unofficial_name(*info, r.reason_phrase());
      c.report_code(code == 306 ? Rule::code_306_reserved : Rule::code_418_unused,
                    matched != nullptr ? matched->note : std::string_view());
      break;
    }
    case 402:
      c.report_code(Rule::code_402_reserved);
      break;
    case 510:
      c.report_code(Rule::code_510_obsoleted);
      break;
    default:
      break;
  }
}

bool reason_names_unofficial_308(const Checks& c) noexcept {
  if (c.code() != 308 || c.w3c()) return false;
  PhraseMatch matches[8];
  const std::size_t n =
      find_reason_phrase(detail::values::trim_ows(c.response.reason_phrase()), matches);
  bool unofficial = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (matches[i].code != 308) continue;
    if (matches[i].kind == PhraseMatch::registered) return false;
    unofficial = unofficial || matches[i].kind == PhraseMatch::unofficial;
  }
  return unofficial;
}

// RFC 9112 §4: the reason phrase carries no meaning. It is noted when it names another code,
// an old name of this one, or an unofficial meaning that collides with the registered one.
void check_reason_phrase(const Checks& c) noexcept {
  const Response& r = c.response;
  const std::string_view phrase = detail::values::trim_ows(r.reason_phrase());
  const unsigned code = c.code();
  if (phrase.empty() || status_class(code) == StatusClass::invalid) return;
  // The usual case, the registered name of this very code, needs no search of the registry.
  if (const StatusInfo* info = status_info(code);
      info != nullptr && field_name_equals(phrase, c.w3c() ? info->w3c1992_name : info->name)) {
    return;
  }
  PhraseMatch matches[8];
  const std::size_t n = find_reason_phrase(phrase, matches);
  if (n == 0) return;
  const PhraseMatch* same = nullptr;  // the best match for this very code
  for (std::size_t i = 0; i < n; ++i) {
    if (matches[i].code != code) continue;
    if (same == nullptr || matches[i].kind == PhraseMatch::registered) same = &matches[i];
  }
  const Span span = r.reason;
  if (same == nullptr) {
    // The phrase itself is the finding's span. In the modern dialect the note says what the code
    // is registered as (issue 3: "naming the registered meaning").
    if (const std::string_view registered = c.w3c() ? std::string_view() : registered_note(code);
        !registered.empty()) {
      c.report(Rule::status_reason_not_semantic, span.offset, span.length, registered);
      return;
    }
    // Else which other code's name the phrase is: a registered one first (504's "Gateway
    // Timeout" before 503's 1992 "Gateway timeout"), or in the 1992 dialect a 1992 one; named as
    // matched.
    const auto rank = [&c](PhraseMatch::Kind kind) {
      if (kind == (c.w3c() ? PhraseMatch::w3c1992 : PhraseMatch::registered)) return 0;
      return kind == PhraseMatch::registered ? 1 : kind == PhraseMatch::legacy ? 2 : 3;
    };
    const PhraseMatch* named = &matches[0];
    for (std::size_t i = 1; i < n; ++i) {
      if (rank(matches[i].kind) < rank(named->kind)) named = &matches[i];
    }
    const StatusInfo* other = status_info(named->code);
    std::string_view name = named->alias != nullptr ? named->alias->name : std::string_view();
    if (other != nullptr && named->kind == PhraseMatch::registered) name = other->name;
    if (other != nullptr && named->kind == PhraseMatch::w3c1992) name = other->w3c1992_name;
    c.report(Rule::status_reason_not_semantic, span.offset, span.length,
             name.empty() ? "the phrase names another status code" : name);
    return;
  }
  if (c.w3c()) return;  // in the 1992 dialect every name of the code is its own
  switch (same->kind) {
    case PhraseMatch::registered:
      return;
    case PhraseMatch::legacy:
    case PhraseMatch::w3c1992:
      if (same->kind == PhraseMatch::w3c1992 && (code == 502 || code == 503)) return;  // G10
      c.report(Rule::unofficial_legacy_reason_phrases, span.offset, span.length,
               same->alias != nullptr ? same->alias->note : "an old name of this status code");
      return;
    case PhraseMatch::unofficial:
      if (code == 308) {
        c.report(Rule::unofficial_308_resume_incomplete, span.offset, span.length,
                 "the reason phrase names Google's resumable-upload 308; registered: 308 Permanent "
                 "Redirect");
      } else if (code == 103) {
        c.report(Rule::unofficial_1xx, span.offset, span.length,
                 "103 Checkpoint (a resumable-requests proposal); registered: 103 Early Hints");
      }
      return;
  }
}

}  // namespace h1resp::validator
