// The rule catalog: one stable id per check h1resp makes.
//
// Ids are those of the project's rule catalog (kept outside this repository, in the project's
// shared/reference/response-rules.md; docs/rules.md lists them all), e.g. "status.code-3digit".
// Every parse error and every finding names one, and the text for people (summary, explanation,
// source, examples) lives in one table, parser/registry/rule_table.cpp, which docs/rules.md is
// generated from.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace h1resp {

// How bad a finding is. The order matters: a larger value is worse.
enum class Severity : std::uint8_t {
  info,     // worth knowing; nothing is wrong with forwarding the message
  warning,  // violates a MUST or SHOULD, but every recipient frames it the same way
  error,    // malformed, or recipients could disagree on where it ends: never forward as is
};

// The requirement level of the rule as its source states it (BCP 14 words, or the grammar).
enum class Requirement : std::uint8_t {
  must,
  must_not,
  should,
  should_not,
  may,
  grammar,      // the bytes do not match the ABNF
  definition,   // what a (historic) specification defines, without a BCP 14 keyword
  informative,  // not normative: only useful to know
};

// What a check needs besides the response bytes. Rules whose context is not given are not judged.
enum class Context : std::uint8_t {
  none,            // the response bytes alone
  request_method,  // the method of the request (HEAD, CONNECT, ...)
  request,         // more of the request: version, Expect, Range, conditionals, Upgrade
  reference_200,   // the 200 response the same request would get
  stream,          // the byte stream around the message (what follows it, end of input)
  proxy_output,    // checks a proxy's own output, not an upstream's response
  cache,           // a cache's stored state
};

enum class Rule : std::uint16_t {
  // A. Status line (RFC 9112 §4)
  status_version_syntax,        // A01 status.version-syntax
  status_version_major,         // A02 status.version-major
  status_version_minor_higher,  // A03 status.version-minor-higher
  status_sp_separator,          // A04 status.sp-separator
  status_code_3digit,           // A05 status.code-3digit
  status_code_range,            // A06 status.code-range
  status_reason_sp_required,    // A07 status.reason-sp-required
  status_reason_charset,        // A08 status.reason-charset
  status_reason_not_semantic,   // A09 status.reason-not-semantic
  status_line_ending,           // A10 status.line-ending
  status_bare_cr,               // A11 status.bare-cr
  status_leading_garbage,       // A12 status.leading-garbage
  status_http09,                // A13 status.http09
  status_ws_after_start_line,   // A14 status.ws-after-start-line
  status_1xx_to_http10,         // A15 status.1xx-to-http10

  // B. Field syntax (RFC 9110 §5, RFC 9112 §5)
  field_name_token,                       // B01 field.name-token
  field_ws_before_colon,                  // B02 field.ws-before-colon
  field_no_colon,                         // B03 field.no-colon
  field_obs_fold,                         // B04 field.obs-fold
  field_value_cr_lf_nul,                  // B05 field.value-cr-lf-nul
  field_line_ending_lf,                   // B06 field.line-ending-lf
  field_value_ctl,                        // B07 field.value-ctl
  field_value_obs_text,                   // B08 field.value-obs-text
  field_ows_only_sp_htab,                 // B09 field.ows-only-sp-htab
  field_singleton_repeated,               // B10 field.singleton-repeated
  field_empty_list_element,               // B11 field.empty-list-element
  field_limits,                           // B12 field.limits
  field_request_only,                     // B13 field.request-only
  field_deprecated,                       // B14 field.deprecated
  field_hop_by_hop_forwarded,             // B15 field.hop-by-hop-forwarded
  field_connection_nominates_end_to_end,  // B16 field.connection-nominates-end-to-end
  field_trailer_prohibited,               // B17 field.trailer-prohibited

  // C. Framing and body length (RFC 9112 §6, §7)
  body_head,                          // C01 body.head
  body_1xx,                           // C02 body.1xx
  body_204,                           // C03 body.204
  body_connect_2xx,                   // C04 body.connect-2xx
  framing_te_and_cl,                  // C05 framing.te-and-cl
  framing_te_chunked_not_final,       // C06 framing.te-chunked-not-final
  framing_te_chunked_twice,           // C07 framing.te-chunked-twice
  framing_te_unknown,                 // C08 framing.te-unknown
  framing_te_empty,                   // C09 framing.te-empty
  framing_te_params,                  // C10 framing.te-params
  framing_te_identity,                // C11 framing.te-identity
  framing_te_in_http10,               // C12 framing.te-in-http10
  framing_te_to_http10_client,        // C13 framing.te-to-http10-client
  framing_cl_syntax,                  // C14 framing.cl-syntax
  framing_cl_conflict,                // C15 framing.cl-conflict
  framing_cl_duplicate_same,          // C16 framing.cl-duplicate-same
  framing_cl_overflow,                // C17 framing.cl-overflow
  framing_cl_incorrect,               // C18 framing.cl-incorrect
  framing_extra_data,                 // C19 framing.extra-data
  framing_close_delimited,            // C20 framing.close-delimited
  chunked_size_syntax,                // C21 chunked.size-syntax
  chunked_size_overflow,              // C22 chunked.size-overflow
  chunked_data_crlf,                  // C23 chunked.data-crlf
  chunked_ext_syntax,                 // C24 chunked.ext-syntax
  chunked_incomplete,                 // C25 chunked.incomplete
  framing_interim_then_final,         // C26 framing.interim-then-final
  framing_after_close,                // C27 framing.after-close
  framing_multipart_self_delimiting,  // C28 framing.multipart-self-delimiting

  // D. Status codes and class rules (RFC 9110 §15)
  class_unknown_code,               // D01 class.unknown-code
  class_heuristic_cacheability,     // D02 class.heuristic-cacheability
  code_1xx_no_framing_fields,       // D03 1xx.no-framing-fields
  code_1xx_unknown_or_provisional,  // D04 1xx.unknown-or-provisional
  code_100_unsolicited,             // D05 100.unsolicited
  code_101_upgrade,                 // D06 101.upgrade
  code_103_early_hints,             // D07 103.early-hints
  code_200_validators,              // D08 200.validators
  code_201_location,                // D09 201.location
  code_1xx_proxy_forward,           // D10 1xx.proxy-forward
  code_204_no_framing_fields,       // D11 204.no-framing-fields
  code_205_no_content,              // D12 205.no-content
  code_206_content_range,           // D13 206.content-range
  code_206_headers_as_200,          // D14 206.headers-as-200
  code_3xx_location,                // D15 3xx.location
  code_305_deprecated,              // D16 305.deprecated
  code_306_reserved,                // D17 306.reserved
  code_4xx5xx_explanation,          // D18 4xx5xx.explanation
  code_401_www_authenticate,        // D19 401.www-authenticate
  code_402_reserved,                // D20 402.reserved
  code_405_allow,                   // D21 405.allow
  code_407_proxy_authenticate,      // D22 407.proxy-authenticate
  retry_after_advisable,            // D23 retry-after.advisable
  code_416_content_range,           // D24 416.content-range
  code_426_upgrade,                 // D25 426.upgrade
  code_418_unused,                  // D26 418.unused
  code_421_not_from_proxy,          // D27 421.not-from-proxy
  code_6585_not_storable,           // D28 6585.not-storable
  code_511_captive_portal,          // D29 511.captive-portal
  code_510_obsoleted,               // D30 510.obsoleted

  // E. 304 Not Modified (RFC 9110 §15.4.5)
  code_304_no_body,                  // E01 304.no-body
  code_304_te_not_framing,           // E02 304.te-not-framing
  code_304_content_length_value,     // E03 304.content-length-value
  code_304_required_fields,          // E04 304.required-fields
  code_304_date,                     // E05 304.date
  code_304_representation_metadata,  // E06 304.representation-metadata
  code_304_unsolicited,              // E07 304.unsolicited
  code_304_freshen_match,            // E08 304.freshen-match
  code_304_forwarding,               // E09 304.forwarding

  // F. Field values that matter for responses (RFC 9110, RFC 9111)
  content_length_head_value,         // F01 content-length.head-value
  transfer_coding_case_insensitive,  // F02 transfer-coding.case-insensitive
  date_http_date,                    // F03 date.http-date
  date_required,                     // F04 date.required
  date_strict_form,                  // F05 date.strict-form
  last_modified_future,              // F06 last-modified.future
  location_syntax,                   // F07 location.syntax
  location_status_meaning,           // F08 location.status-meaning
  retry_after_syntax,                // F09 retry-after.syntax
  allow_syntax,                      // F10 allow.syntax
  content_range_syntax,              // F11 content-range.syntax
  content_range_status,              // F12 content-range.status
  content_range_length_consistency,  // F13 content-range.length-consistency
  cache_control_syntax,              // F14 cache-control.syntax
  cache_control_must_understand,     // F15 cache-control.must-understand
  age_syntax,                        // F16 age.syntax
  expires_syntax,                    // F17 expires.syntax
  etag_syntax,                       // F18 etag.syntax
  vary_syntax,                       // F19 vary.syntax
  connection_options,                // F20 connection.options
  upgrade_syntax,                    // F21 upgrade.syntax
  authenticate_syntax,               // F22 authenticate.syntax
  server_product,                    // F23 server.product
  content_type_present,              // F24 content-type.present

  // G. Historic dialects (W3C 1992 HTRESP, RFC 1945, RFC 2068)
  htresp_status_line_ws,       // G01 htresp.status-line-ws
  htresp_version_bnf_erratum,  // G02 htresp.version-bnf-erratum
  htresp_status_code_digits,   // G03 htresp.status-code-digits
  htresp_reason_line,          // G04 htresp.reason-line
  htresp_code_set,             // G05 htresp.code-set
  htresp_3xx_uri_lines,        // G06 htresp.3xx-uri-lines
  htresp_uri_line_parse,       // G07 htresp.uri-line-parse
  htresp_303_method,           // G08 htresp.303-method
  htresp_304_headers,          // G09 htresp.304-headers
  htresp_5xx_renumbering,      // G10 htresp.5xx-renumbering
  htresp_2xx_semantics,        // G11 htresp.2xx-semantics
  htresp_401_402_parameter,    // G12 htresp.401-402-parameter
  htresp_body_media_types,     // G13 htresp.body-media-types
  http10_version_multidigit,   // G14 http10.version-multidigit
  http10_body_or_cl0,          // G15 http10.body-or-cl0
  http10_location_absolute,    // G16 http10.location-absolute
  rfc2068_uri_header,          // G17 rfc2068.uri-header

  // H. Unofficial codes and reason phrases
  unofficial_1xx,                    // H01 unofficial.1xx
  unofficial_2xx,                    // H02 unofficial.2xx
  unofficial_308_resume_incomplete,  // H03 unofficial.308-resume-incomplete
  unofficial_4xx_vendor,             // H04 unofficial.4xx-vendor
  unofficial_nginx,                  // H05 unofficial.nginx
  unofficial_cdn_5xx,                // H06 unofficial.cdn-5xx
  unofficial_509_598_599,            // H07 unofficial.509-598-599
  unofficial_out_of_range,           // H08 unofficial.out-of-range
  unofficial_legacy_reason_phrases,  // H09 unofficial.legacy-reason-phrases

  // L. h1resp's own limits and stream states; each refines the catalog rule named beside it.
  limit_section_size,     // B12 field.limits.section-size
  limit_field_count,      // B12 field.limits.field-count
  limit_line_length,      // B12 field.limits.line-length
  limit_chunk_extension,  // C24 chunked.limits.extension-size
  limit_trailer_section,  // B12 chunked.limits.trailer-size
  message_incomplete,     // C18 message.incomplete

  count_  // not a rule: the number of rules
};

inline constexpr std::size_t kRuleCount = static_cast<std::size_t>(Rule::count_);

// Everything a person or a machine needs to know about one rule.
struct RuleInfo {
  Rule rule;
  std::string_view id;           // stable id, e.g. "status.code-3digit"
  std::string_view catalog;      // catalog entry, e.g. "A05"
  Severity severity;             // the severity h1resp reports it with by default
  Requirement level;             // the requirement level in its source
  Context context;               // what it needs besides the response bytes
  std::string_view source;       // e.g. "RFC 9112 §4"
  std::string_view summary;      // one line: what is wrong
  std::string_view explanation;  // for people: why it matters and what to do
  std::string_view violating;    // exact bytes of a response (or stream) that breaks the rule
  std::string_view conforming;   // exact bytes of a response (or stream) that keeps it
  // The request both examples answer, as raw bytes ("" means "GET / HTTP/1.1"); for
  // Context::reference_200 the 200 response that request would get, and for Context::cache the
  // stored response; for Context::proxy_output, the 1xx responses the proxy received upstream.
  std::string_view example_request = {};
  std::string_view example_reference = {};
  std::uint8_t example_upstream_interim = 0;
};

// The entry of `rule`; for Rule::count_ (no rule), an entry with the id "none".
[[nodiscard]] const RuleInfo& rule_info(Rule rule) noexcept;

// The rule with the stable id `id` ("status.code-3digit") or catalog entry ("A05"), if any.
[[nodiscard]] std::optional<Rule> find_rule(std::string_view id_or_catalog) noexcept;

// Every rule, in the order of the enumeration.
[[nodiscard]] std::span<const RuleInfo> all_rules() noexcept;

[[nodiscard]] std::string_view to_string(Severity severity) noexcept;
[[nodiscard]] std::string_view to_string(Requirement level) noexcept;
[[nodiscard]] std::string_view to_string(Context context) noexcept;
// The stable id of `rule`, e.g. "status.code-3digit".
[[nodiscard]] inline std::string_view to_string(Rule rule) noexcept {
  return rule_info(rule).id;
}

}  // namespace h1resp
