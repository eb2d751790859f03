// The semantic validator: what RFC 9110, RFC 9111 and the status code registry say about a
// parsed response, beyond its syntax and framing. Status code validity and class, per-code
// rules (Location on redirects, WWW-Authenticate on 401, ...), the 304 restrictions, field
// values (dates, Location, Content-Range, Cache-Control, ...), and the 1992 W3C dialect.
//
// Allocation-free; every finding names a rule of docs/rules.md.
#pragma once

#include <cstdint>
#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/response.hpp"

namespace h1resp {

// What is known of the request a response answers, and of the exchange around it. Rules that
// need more than the method are judged only when `known` is true (and E03/E04/D14/F01 only with
// a reference 200): docs/rules.md lists each rule's context.
struct RequestContext {
  RequestMethod method = RequestMethod::get;
  bool known = false;  // the fields below describe the actual request
  std::uint8_t version_major = 1;
  std::uint8_t version_minor = 1;
  bool expect_continue = false;  // Expect: 100-continue (catalog D05, D06)
  bool has_range = false;        // Range (catalog D13, D24)
  bool single_range = false;     // Range asks for exactly one range: no multipart answer (D13)
  bool conditional = false;      // If-None-Match or If-Modified-Since (catalog E07)
  std::string_view if_none_match = {};      // its If-None-Match value (catalog E09)
  std::string_view if_modified_since = {};  // its If-Modified-Since value (catalog E09)
  std::string_view upgrade = {};            // the protocols offered in Upgrade (catalog D06)
  std::string_view accept = {};             // the Accept field (catalog G13)
  // The 200 response the same request gets (catalog E03, E04, D14, F01), or nullptr. For a
  // cache judging a 304, the stored response the 304 would update (catalog E08).
  const Response* reference_200 = nullptr;
  std::uint64_t reference_length = 0;  // its content length, when reference_200 is set
  // The response is a proxy's own output, not an upstream's (catalog B15, D10, D27, E09).
  bool proxy_output = false;
  // With proxy_output, for catalog D10 (a proxy MUST forward 1xx, RFC 9110 §15.2): the 1xx
  // responses the proxy received from upstream for this request, not counting those it asked
  // for itself; and the interim responses it sent before the one judged (ResponseStream
  // counts those in the stream it walks).
  std::uint8_t upstream_interim = 0;
  std::uint8_t interim_sent = 0;
};

// Reads what the validator needs from the bytes of a request's header section (request line,
// Expect, Range, If-None-Match, If-Modified-Since, Upgrade, Accept). Lenient: it describes the
// context, it does not judge the request. A first line that does not end with an HTTP-version
// (HTTP/0.9, or no request line at all) leaves `known` false. Views point into `request`.
[[nodiscard]] RequestContext request_context(std::string_view request) noexcept;

// What is known of the body, when the validator runs after it was read (ResponseStream does).
struct BodyInfo {
  std::uint64_t length = 0;  // content bytes (de-chunked)
  bool complete = false;     // the whole body was received
};

// Checks `response` (a complete header section) with its `framing` (decide_framing()) against
// the semantic rules, for the dialect of `policy`, all of them or, with
// `policy.validation == Validation::errors_only`, only those that can find an error (the same
// errors, at a fraction of the cost). Appends findings to `findings`, offsets from the first
// byte of the response. `body` is what is known of the body, or nullptr before it is
// read (rules about the content then use the framing fields only).
void validate(const Response& response, const Framing& framing, const RequestContext& request,
              const Policy& policy, FindingList& findings, const BodyInfo* body = nullptr) noexcept;

// decide_framing() and validate() in one call, sharing one pass over the field names: what a
// proxy calls on every complete header section. Returns the framing; findings of both are
// appended to `findings`.
Framing examine(const Response& response, const RequestContext& request, const Policy& policy,
                FindingList& findings) noexcept;

// Checks the trailer section of a chunked response (RFC 9110 §6.5): fields that may not be
// trailers, and trailers the header section did not announce in Trailer. `trailer_offset` is the
// trailer section's offset from the first byte of the response.
void validate_trailers(const Response& trailers, std::uint64_t trailer_offset,
                       const Response& header, FindingList& findings) noexcept;

}  // namespace h1resp
