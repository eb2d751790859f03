// Fuzz target `differential`: h1resp and llhttp read the same response stream; every way they
// disagree must be a documented divergence (interop/llhttp/divergences.cpp).
//
// Input: the policy bytes (fuzz_common.hpp); harness flag bits 0-1: how many request methods
// (1-4); two bytes of methods (a nibble each, method_from_bits()); one byte of llhttp lenient
// flags (bit 0 headers, 1 chunked length, 2 keep-alive, 3 transfer encoding); then the stream.
//
// Three comparisons, all with interop::compare_streams() (stream reading, validation on):
//   h1resp strict        vs llhttp as Node.js runs it (no lenient flag);
//   h1resp strict        vs llhttp's strict build (LLHTTP_STRICT_MODE=1);
//   h1resp with the input's policy (leniencies, dialect, limits) vs llhttp with its flags.
// A disagreement without a table entry aborts, so libFuzzer keeps the input: it is either a bug
// of h1resp (fix it, keep the input in corpus/regressions/) or a deliberate difference that needs
// an entry with its RFC reason. A few are explained here rather than by compare_streams(): a
// reading changed by a leniency whose refusal is documented, trailers that the oracle's reader
// lists among the header fields, and llhttp's check of Content-Length on a response to HEAD.
// With leniencies or the 1992 dialect, inputs whose findings overflow a FindingList are skipped
// (see findings_dropped()).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_common.hpp"
#include "h1resp/stream.hpp"
#include "llhttp/compare.hpp"
#include "llhttp/llhttp_responses.hpp"

namespace h1resp::fuzz {
namespace {

// Leniencies make h1resp read bytes that llhttp reads in another way (the documented divergence
// says how: a bare CR ends llhttp's status line, a run of spaces splits it elsewhere, a
// whitespace-preceded line becomes a field, ...). Once h1resp used one, everything after it in
// that response can differ: the start line, the fields, where the response ends, which of the
// two refuses it.
//
// The rule whose documented refusal explains how llhttp reads what h1resp read with the
// leniency behind `rule`, or Rule::count_ when that leniency does not change the reading.
Rule reading_rule(Rule rule) noexcept {
  switch (rule) {
    case Rule::status_bare_cr:
    case Rule::status_sp_separator:
    case Rule::status_leading_garbage:
    case Rule::status_ws_after_start_line:
    case Rule::status_line_ending:
    case Rule::field_line_ending_lf:
    case Rule::field_value_cr_lf_nul:
    case Rule::field_ws_before_colon:
    case Rule::field_obs_fold:
      return rule;
    case Rule::htresp_status_line_ws:  // the 1992 dialect's name (an info) for the same split
      return Rule::status_sp_separator;
    default:
      return Rule::count_;
  }
}

// Walks h1resp's reading of `bytes` (with `policy`, answering `methods`) and calls
// `f(message)` for each response up to and including response `last`. Stops as soon as `f`
// returns true, and returns whether it did. The messages point into the stream: `f` looks at
// each one while it is alive.
template <typename F>
bool any_response(std::string_view bytes, const std::vector<RequestMethod>& methods,
                  const Policy& policy, std::size_t last, F&& f) {
  StreamOptions options;
  options.policy = policy;
  options.methods = methods;
  ResponseStream stream(bytes, options);
  StreamMessage m;
  while (stream.next(m) && m.index <= last) {
    if (f(std::as_const(m))) return true;
  }
  return false;
}

// The policy without leniencies, in the modern dialect: the strict reading of the same bytes.
Policy strict_modern(Policy policy) {
  policy.leniencies = 0;
  policy.dialect = Dialect::modern;
  return policy;
}

// A disagreement is documented when h1resp read the response with such a leniency and the
// refusal of that leniency's bytes has an entry. Returns the entry, or nullptr.
const interop::Divergence* leniency_divergence(const interop::Disagreement& d,
                                               std::string_view bytes,
                                               const std::vector<RequestMethod>& methods,
                                               const Policy& policy) {
  const interop::Divergence* entry = nullptr;
  any_response(bytes, methods, policy, d.index, [&](const StreamMessage& m) {
    if (m.index != d.index) return false;
    for (const Finding& f : m.findings) {
      const Rule rule = reading_rule(f.rule);
      if (f.severity == Severity::error || rule == Rule::count_) continue;
      if ((entry = interop::h1resp_stricter(rule)) != nullptr) break;
    }
    return true;
  });
  return entry;
}

// llhttp refuses a response that h1resp accepted only because a leniency is on: h1resp with the
// same policy but no leniency refuses the stream at that response or before it. Returns the
// table's entry for that, or nullptr.
const interop::Divergence* accepted_only_by_leniency(const interop::Disagreement& d,
                                                     std::string_view bytes,
                                                     const std::vector<RequestMethod>& methods,
                                                     const Policy& policy) {
  if (d.kind != interop::Disagreement::llhttp_rejects || policy.leniencies == 0) return nullptr;
  Policy without = policy;
  without.leniencies = 0;
  const bool refused = any_response(bytes, methods, without, d.index, [](const StreamMessage& m) {
    return m.status == ParseStatus::error || m.verdict() == Verdict::reject;
  });
  return refused ? interop::divergence("llhttp-rejects-what-only-a-leniency-accepts") : nullptr;
}

// The other way round: h1resp with leniencies, or in the 1992 dialect, refuses a response llhttp
// accepts, because the leniency or the dialect changed how it read the bytes (a bare CR read as
// whitespace keeps the status line going to the end of the input), and h1resp without them
// (strict policy, modern dialect) refuses the same response for a reason the table documents. A
// refusal of a header section carries no leniency findings (they are reported with a complete one),
// so leniency_divergence() cannot see the leniency there. Returns the entry of the strict refusal,
// or nullptr.
const interop::Divergence* strict_refusal_documented(const interop::Disagreement& d,
                                                     std::string_view bytes,
                                                     const std::vector<RequestMethod>& methods,
                                                     const Policy& policy) {
  if (d.kind != interop::Disagreement::h1resp_rejects ||
      (policy.leniencies == 0 && policy.dialect == Dialect::modern)) {
    return nullptr;
  }
  const interop::Divergence* entry = nullptr;
  any_response(bytes, methods, strict_modern(policy), d.index, [&](const StreamMessage& m) {
    if (m.status == ParseStatus::error) {
      entry = interop::h1resp_stricter(m.error.rule);
      return true;
    }
    if (const Finding* first = m.findings.first_error(); first != nullptr) {
      entry = interop::h1resp_stricter(first->rule);
      return true;
    }
    return false;
  });
  return entry;
}

// llhttp checks the Content-Length of every response; h1resp ignores it where it does not frame
// the body. compare_streams() passes llhttp_stricter() only the bytes, which tell a 1xx, 204 or
// 304 but not a response to HEAD: that one is matched here, where the method is known.
const interop::Divergence* head_content_length(const interop::Disagreement& d,
                                               std::string_view bytes,
                                               const std::vector<RequestMethod>& methods,
                                               const Policy& policy) {
  if (d.kind != interop::Disagreement::llhttp_rejects ||
      (d.what.find("HPE_INVALID_CONTENT_LENGTH") == std::string::npos &&
       d.what.find("HPE_UNEXPECTED_CONTENT_LENGTH") == std::string::npos)) {
    return nullptr;
  }
  const bool to_head = any_response(bytes, methods, policy, d.index, [&](const StreamMessage& m) {
    return m.index == d.index && m.method == RequestMethod::head;
  });
  return to_head ? interop::divergence("llhttp-checks-content-length-without-content") : nullptr;
}

// Whether llhttp might keep the connection open after `r` (llhttp_should_keep_alive()): only a
// version with a minor number above 0 whose Connection fields do not name close. HTTP/1.0 needs
// a keep-alive option that llhttp's own reading accepts; rather than mirror that reading, an
// HTTP/1.0 response counts as closing (the divergence is only looked for when llhttp refused
// what followed). "close" anywhere in a Connection value counts, for the same reason.
bool llhttp_may_keep_alive(const Response& r) {
  if (r.version_major == 0 || r.version_minor == 0) return false;
  for (std::size_t i = r.find("Connection"); i < r.field_count(); i = r.find("Connection", i + 1)) {
    std::string value(r.field(i).value);
    for (char& c : value)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (value.find("close") != std::string::npos) return false;
  }
  return true;
}

// llhttp stops after an interim response that does not keep the connection alive (HTTP/1.0
// without keep-alive, or Connection: close): without an error when the bytes end there, with
// HPE_CLOSED_CONNECTION when the final response follows. compare_streams() reports that llhttp
// has no next response or refuses it, and llhttp_stricter() cannot see the interim response
// before it. Both readings count: h1resp's fields of the interim response, and llhttp's own
// verdict on it, which differs where a leniency or the 1992 dialect read the bytes otherwise (a
// bare CR read as status-line whitespace makes "Connection: close" part of h1resp's reason
// phrase, while it ends llhttp's status line and the field is llhttp's).
const interop::Divergence* after_closing_interim(const interop::Disagreement& d,
                                                 std::string_view bytes,
                                                 const std::vector<RequestMethod>& methods,
                                                 const Policy& policy,
                                                 const interop::LlhttpOptions& llhttp) {
  if (d.kind != interop::Disagreement::llhttp_rejects || d.index == 0) return nullptr;
  const interop::LlhttpResult ll =
      interop::llhttp_read_responses(bytes, interop::method_names(methods), llhttp, true);
  const std::size_t previous = d.index - 1;
  const bool llhttp_closes_after_previous =
      previous < ll.messages.size() && ll.messages[previous].complete &&
      ll.messages[previous].status >= 100 && ll.messages[previous].status < 200 &&
      !ll.messages[previous].keep_alive;
  bool closing_interim = false;  // the response before the one looked at
  const bool after = any_response(bytes, methods, policy, d.index, [&](const StreamMessage& m) {
    if (m.index == d.index) return closing_interim;
    closing_interim = m.status == ParseStatus::complete && m.framing.interim &&
                      (!llhttp_may_keep_alive(m.response) || llhttp_closes_after_previous);
    return false;
  });
  return after ? interop::divergence("llhttp-stops-after-interim-without-keep-alive") : nullptr;
}

// Some findings were not stored (a response with more than FindingList::kCapacity findings).
// The refusal's rule is still known (FindingList::first_error()), but leniency_divergence()
// looks for the leniencies' warnings among the stored findings: with leniencies (or the 1992
// dialect's whitespace) on, such inputs are left out. The strict comparisons keep them.
bool findings_dropped(std::string_view bytes, const std::vector<RequestMethod>& methods,
                      const Policy& policy) {
  return any_response(bytes, methods, policy, SIZE_MAX,
                      [](const StreamMessage& m) { return m.findings.dropped() != 0; });
}

// The oracle's reader (interop/llhttp/llhttp_responses.cpp) appends the trailer fields of a
// chunked body to the header fields, so compare_streams() sees more fields on llhttp's side.
// That is the reader's doing, not a divergence: the header fields agree and llhttp read a chunked
// body. True in that case.
bool trailers_in_llhttp_fields(const interop::Disagreement& d, std::string_view bytes,
                               const std::vector<RequestMethod>& methods, const Policy& policy,
                               const interop::LlhttpOptions& llhttp) {
  if (d.kind != interop::Disagreement::fields) return false;
  const interop::LlhttpResult ll =
      interop::llhttp_read_responses(bytes, interop::method_names(methods), llhttp, true);
  if (d.index >= ll.messages.size()) return false;
  const interop::LlhttpMessage& lm = ll.messages[d.index];
  return any_response(bytes, methods, policy, d.index, [&](const StreamMessage& m) {
    if (m.index != d.index) return false;
    return lm.body == interop::LlhttpBody::chunked && lm.fields.size() > m.response.field_count() &&
           interop::leading_fields_agree(lm, m.response);
  });
}

}  // namespace

// Every disagreement of h1resp (`policy`) and llhttp (`options`) on `bytes` that nothing
// documents, described for people; empty when all are explained.
std::vector<std::string> undocumented(std::string_view bytes,
                                      const std::vector<RequestMethod>& methods,
                                      const Policy& policy, const interop::LlhttpOptions& options) {
  std::vector<std::string> out;
  const bool strict_modern_policy = policy.leniencies == 0 && policy.dialect == Dialect::modern;
  if (!strict_modern_policy && findings_dropped(bytes, methods, policy)) return out;
  for (const interop::Disagreement& d : interop::compare_streams(bytes, methods, policy, options)) {
    if (d.divergence != nullptr) continue;
    if (leniency_divergence(d, bytes, methods, policy) != nullptr) continue;
    if (accepted_only_by_leniency(d, bytes, methods, policy) != nullptr) continue;
    if (strict_refusal_documented(d, bytes, methods, policy) != nullptr) continue;
    if (head_content_length(d, bytes, methods, policy) != nullptr) continue;
    if (after_closing_interim(d, bytes, methods, policy, options) != nullptr) continue;
    if (trailers_in_llhttp_fields(d, bytes, methods, policy, options)) continue;
    out.push_back("response " + std::to_string(d.index) + " at " + std::to_string(d.offset) + ", " +
                  std::string(to_string(d.kind)) + ": " + d.what);
  }
  return out;
}

namespace {

void expect_documented(std::string_view bytes, const std::vector<RequestMethod>& methods,
                       const Policy& policy, const interop::LlhttpOptions& options,
                       const char* which) {
  const std::vector<std::string> found = undocumented(bytes, methods, policy, options);
  if (!found.empty()) [[unlikely]] {
    fail("an undocumented disagreement with llhttp", std::string("  ") + which + ": " + found[0]);
  }
}

}  // namespace

// The input's choices (see the top of this file).
struct DifferentialInput {
  Policy policy;
  std::vector<RequestMethod> methods;
  interop::LlhttpOptions llhttp;
  std::string_view bytes;
};

DifferentialInput read_input(const std::uint8_t* data, std::size_t size) {
  DifferentialInput d;
  Reader in(data, size);
  std::uint8_t flags = 0;
  d.policy = read_policy(in, flags);
  // Two statements: the operands of | are evaluated in no fixed order.
  unsigned method_bits = in.byte();
  method_bits |= static_cast<unsigned>(in.byte()) << 8U;
  for (unsigned i = 0; i <= (flags & 3U); ++i) {
    // Not CONNECT: the oracle's reader does not tell llhttp that a 2xx to CONNECT is a tunnel
    // (Node.js returns 2 from on_headers_complete there), so llhttp reads a body h1resp does not.
    const RequestMethod m = method_from_bits((method_bits >> (4 * i)) & 15U);
    d.methods.push_back(m == RequestMethod::connect ? RequestMethod::get : m);
  }
  const std::uint8_t ll = in.byte();
  d.llhttp.lenient_headers = (ll & 1U) != 0;
  d.llhttp.lenient_chunked_length = (ll & 2U) != 0;
  d.llhttp.lenient_keep_alive = (ll & 4U) != 0;
  d.llhttp.lenient_transfer_encoding = (ll & 8U) != 0;
  d.bytes = in.rest();
  return d;
}

}  // namespace h1resp::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace h1resp;
  using namespace h1resp::fuzz;
  const DifferentialInput in = read_input(data, size);
  // An exact copy: llhttp and h1resp both must stay inside the bytes.
  const ExactBuffer bytes(in.bytes);
  expect_documented(bytes.view(), in.methods, Policy::strict(), {},
                    "strict h1resp, default llhttp");
  interop::LlhttpOptions strict_llhttp;
  strict_llhttp.strict = true;
  expect_documented(bytes.view(), in.methods, Policy::strict(), strict_llhttp,
                    "strict h1resp, strict llhttp");
  expect_documented(bytes.view(), in.methods, in.policy, in.llhttp,
                    "input's policy and llhttp flags");
  return 0;
}
