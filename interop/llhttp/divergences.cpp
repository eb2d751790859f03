#include "llhttp/divergences.hpp"

#include <array>

namespace h1resp::interop {
namespace {

using enum DivergenceSide;

constexpr Divergence kDivergences[] = {
    // h1resp (strict) rejects what llhttp accepts.
    {"llhttp-accepts-other-major-versions", h1resp_rejects, Rule::status_version_major, "",
     "llhttp reads \"HTTP/2.0 200 OK\" on an HTTP/1 connection as a response; h1resp refuses it.",
     "RFC 9110 §6.2: the major version defines the message syntax; only 1 is HTTP/1.x."},
    {"llhttp-splits-status-line-on-runs", h1resp_rejects, Rule::status_sp_separator, "",
     "llhttp reads \"HTTP/1.1  200 OK\" as status 0 with reason \"200 OK\"; h1resp refuses a "
     "separator that is not exactly one SP.",
     "RFC 9112 §4: exactly one SP; lenient splitting can result in response splitting."},
    {"llhttp-accepts-short-status-codes", h1resp_rejects, Rule::status_code_3digit, "",
     "llhttp reads \"HTTP/1.1 20 OK\" as status 20.", "RFC 9112 §4: status-code = 3DIGIT."},
    {"llhttp-accepts-missing-reason-sp", h1resp_rejects, Rule::status_reason_sp_required, "",
     "llhttp accepts \"HTTP/1.1 200\\r\\n\"; h1resp needs the leniency missing-reason-sp.",
     "RFC 9112 §4: the SP after the status code is required even with an empty reason."},
    {"llhttp-skips-ctl-in-reason", h1resp_rejects, Rule::status_reason_charset, "",
     "llhttp drops control bytes from the reason phrase; h1resp refuses them.",
     "RFC 9112 §4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )."},
    {"llhttp-ends-status-line-at-bare-cr", h1resp_rejects, Rule::status_bare_cr, "",
     "llhttp takes a bare CR as the end of the status line and skips the byte after it (so "
     "\"\\rContent-Length\" becomes a field \"ontent-Length\"); h1resp refuses it.",
     "RFC 9112 §2.2: a bare CR is invalid; treating it as a line end is response splitting."},
    {"llhttp-skips-leading-empty-lines", h1resp_rejects, Rule::status_leading_garbage, "",
     "llhttp skips CR and LF before the status line; h1resp needs leading-empty-lines.",
     "RFC 9112 §2.2 allows skipping empty lines; h1resp is strict by default because they "
     "usually follow a miscounted body."},
    {"llhttp-accepts-non-token-names", h1resp_rejects, Rule::field_name_token, "",
     "llhttp accepts an empty field name and names with SP inside (\"X Y: z\").",
     "RFC 9110 §5.1: field-name = token; recipients that disagree on names disagree on fields."},
    {"llhttp-keeps-ws-before-colon", h1resp_rejects, Rule::field_ws_before_colon, "",
     "llhttp accepts \"X : y\" and names the field \"X \"; h1resp refuses it, or strips the "
     "whitespace with the leniency ws-before-colon.",
     "RFC 9112 §5.1: a proxy MUST remove the whitespace before forwarding a response."},
    {"llhttp-unfolds-obs-fold", h1resp_rejects, Rule::field_obs_fold, "",
     "llhttp unfolds obs-fold into the value; h1resp refuses it, or unfolds with the leniency "
     "obs-fold (never for framing fields).",
     "RFC 9112 §5.2: a proxy MUST either reject the message or replace each obs-fold with SP."},
    {"llhttp-accepts-any-status-code", h1resp_rejects, Rule::status_code_range, "",
     "llhttp accepts 000-099 and 600-999; h1resp's validator refuses them.",
     "RFC 9110 §15: status codes are 100-599; a client SHOULD treat others as 5xx."},

    // Both accept, but the response ends elsewhere.
    {"llhttp-reads-body-of-1xx", framing, Rule::body_1xx, "",
     "llhttp reads a Content-Length body on a 1xx response; h1resp ends it at the empty line.",
     "RFC 9112 §6.3 (1): a 1xx response ends with its header section, whatever it declares."},
    {"llhttp-reads-body-of-204", framing, Rule::body_204, "",
     "llhttp reads a Content-Length body on a 204 response; h1resp ends it at the empty line.",
     "RFC 9112 §6.3 (1): a 204 response ends with its header section."},
    {"llhttp-reads-body-of-304", framing, Rule::code_304_no_body, "",
     "llhttp reads a Content-Length body on a 304 response; h1resp ends it at the empty line.",
     "RFC 9112 §6.3 (1), RFC 9110 §15.4.5: a 304 cannot contain content."},

    // llhttp rejects what h1resp accepts.
    {"llhttp-rejects-higher-minor-versions", llhttp_rejects, Rule::count_, "HPE_INVALID_VERSION",
     "llhttp knows only HTTP/0.9, 1.0, 1.1 and 2.0 and refuses \"HTTP/1.2\"; h1resp accepts it "
     "(the validator notes status.version-minor-higher).",
     "RFC 9110 §6.2: a recipient SHOULD process a higher minor version as the highest it "
     "supports."},
};

bool starts_with_higher_minor(std::string_view bytes) noexcept {
  // "HTTP/1.d" with d >= 2, after the empty lines llhttp skips.
  const std::size_t start = bytes.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return false;
  const std::string_view line = bytes.substr(start);
  return line.size() >= 8 && line.substr(0, 7) == "HTTP/1." && line[7] >= '2' && line[7] <= '9';
}

}  // namespace

std::span<const Divergence> all_divergences() noexcept {
  return kDivergences;
}

const Divergence* h1resp_stricter(Rule rule) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.side == h1resp_rejects && d.rule == rule) return &d;
  }
  return nullptr;
}

const Divergence* llhttp_stricter(std::string_view llhttp_error, std::string_view bytes) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.side != llhttp_rejects || d.llhttp_error != llhttp_error) continue;
    if (d.id == "llhttp-rejects-higher-minor-versions" && starts_with_higher_minor(bytes)) {
      return &d;
    }
  }
  return nullptr;
}

const Divergence* framing_divergence(Rule rule) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.side == framing && d.rule == rule) return &d;
  }
  return nullptr;
}

}  // namespace h1resp::interop
