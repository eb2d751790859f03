#include "llhttp/compare.hpp"

#include <llhttp.h>

#include "h1resp/stream.hpp"

namespace h1resp::interop {
namespace {

std::string_view trim_ows_right(std::string_view s) noexcept {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// The rule behind h1resp's refusal: the parse error, else the first error finding (kept by the
// list also when it was full).
Rule refusal_rule(const StreamMessage& m) noexcept {
  if (m.status == ParseStatus::error) return m.error.rule;
  const Finding* first = m.findings.first_error();
  return first != nullptr ? first->rule : m.error.rule;
}

// The catalog rule that says this bodiless response ends at its header section.
Rule bodiless_rule(const StreamMessage& m) noexcept {
  if (m.framing.step != 1) return Rule::count_;
  if (m.method == RequestMethod::head) return Rule::body_head;
  if (m.response.status < 200) return Rule::body_1xx;
  if (m.response.status == 204) return Rule::body_204;
  return Rule::code_304_no_body;
}

std::string describe_body(LlhttpBody body) {
  switch (body) {
    case LlhttpBody::none:
      return "no body";
    case LlhttpBody::content_length:
      return "a Content-Length body";
    case LlhttpBody::chunked:
      return "a chunked body";
    case LlhttpBody::until_close:
      return "a body until close";
    case LlhttpBody::upgrade:
      return "an upgrade";
  }
  return "?";
}

}  // namespace

std::string_view to_string(Disagreement::Kind kind) noexcept {
  switch (kind) {
    case Disagreement::h1resp_rejects:
      return "h1resp-rejects";
    case Disagreement::llhttp_rejects:
      return "llhttp-rejects";
    case Disagreement::start_line:
      return "start-line";
    case Disagreement::fields:
      return "fields";
    case Disagreement::framing:
      return "framing";
  }
  return "?";
}

bool leading_fields_agree(const LlhttpMessage& llhttp, const Response& r) {
  if (llhttp.fields.size() < r.field_count()) return false;
  for (std::size_t f = 0; f < r.field_count(); ++f) {
    const Field field = r.field(f);
    const auto& [name, value] = llhttp.fields[f];
    if (name != field.name) return false;
    const bool rewritten = (field.flags & (FieldLine::obs_folded | FieldLine::bare_cr)) != 0;
    const std::string_view theirs = trim_ows_right(value);
    if (rewritten ? theirs != normalized_value(field.value) : theirs != field.value) return false;
  }
  return true;
}

std::vector<std::string_view> method_names(std::span<const RequestMethod> methods) {
  std::vector<std::string_view> names;
  names.reserve(methods.size());
  for (const RequestMethod m : methods)
    names.push_back(to_string(m));
  return names;
}

std::vector<Disagreement> compare_streams(std::string_view bytes,
                                          std::span<const RequestMethod> methods,
                                          const Policy& policy, const LlhttpOptions& options) {
  const LlhttpResult ll = llhttp_read_responses(bytes, method_names(methods), options, true);

  StreamOptions stream_options;
  stream_options.policy = policy;
  stream_options.methods = methods;
  ResponseStream stream(bytes, stream_options);
  StreamMessage m;
  std::vector<Disagreement> out;
  std::string_view previous;      // the bytes of the response before m
  bool previous_interim = false;  // ... and whether it was an interim response
  for (std::size_t i = 0; stream.next(m); ++i) {
    const bool h1_ok =
        m.status == ParseStatus::complete && m.complete && m.findings.count(Severity::error) == 0;
    const LlhttpMessage* lm = i < ll.messages.size() ? &ll.messages[i] : nullptr;
    // llhttp finished this response when it completed it; after an upgrade it stops reading.
    const bool ll_ok = lm != nullptr && (lm->complete || lm->body == LlhttpBody::upgrade);
    auto add = [&](Disagreement::Kind kind, std::string what, const Divergence* divergence) {
      out.push_back(Disagreement{kind, i, m.offset, std::move(what), divergence});
    };
    if (!h1_ok && ll_ok) {
      const Rule rule = refusal_rule(m);
      add(Disagreement::h1resp_rejects,
          "llhttp accepts what h1resp rejects (" + std::string(to_string(rule)) + ")",
          h1resp_stricter(rule));
      break;
    }
    if (h1_ok && !ll_ok) {
      const std::string error = ll.error != 0 ? ll.error_name + ": " + ll.reason : "no response";
      const Divergence* why = llhttp_stricter(ll.error_name, bytes.substr(m.offset));
      // llhttp closed the connection after the previous response, which h1resp let persist.
      const bool llhttp_closed =
          i > 0 && i - 1 < ll.messages.size() && !ll.messages[i - 1].keep_alive;
      if (why == nullptr && llhttp_closed) {
        // llhttp ends the connection at an interim response that does not keep it alive,
        // where the final response follows (RFC 9110 §15.2); else a persistence reading.
        why = previous_interim ? divergence("llhttp-stops-after-interim-without-keep-alive")
                               : persistence_divergence(previous);
      }
      add(Disagreement::llhttp_rejects, "llhttp rejects what h1resp accepts (" + error + ")", why);
      break;
    }
    if (!h1_ok) break;  // both refuse: they agree

    const Response& r = m.response;
    if (lm->version_major != r.version_major || lm->version_minor != r.version_minor ||
        lm->status != r.status || lm->reason != r.reason_phrase()) {
      add(Disagreement::start_line,
          "llhttp reads the status line as HTTP/" + std::to_string(lm->version_major) + "." +
              std::to_string(lm->version_minor) + " " + std::to_string(lm->status) + " \"" +
              lm->reason + "\"",
          nullptr);
    }
    if (lm->fields.size() != r.field_count() || !leading_fields_agree(*lm, r)) {
      add(Disagreement::fields,
          "llhttp sees " + std::to_string(lm->fields.size()) + " field lines, h1resp " +
              std::to_string(r.field_count()) + ", or other names or values",
          nullptr);
    }
    // Once both switched protocols, the rest is another protocol's bytes: the readings end.
    // (llhttp switches on a 101 only after reading a body it declares; without those bytes it
    // fails, an llhttp refusal above.) Only one switching is a framing disagreement: the
    // other reads the next bytes as HTTP.
    const bool h1_tunnel = m.framing.body == BodyKind::tunnel;
    const bool ll_tunnel = lm->body == LlhttpBody::upgrade;
    if (h1_tunnel && ll_tunnel) break;
    const std::uint64_t h1_end = m.offset + m.size;
    if (h1_tunnel != ll_tunnel || lm->end != h1_end) {
      // The table's framing entries are about bodies of responses that cannot have one; where
      // only one parser switched protocols, the other reads the tunnel as HTTP, which no entry
      // explains (it is how one smuggles responses through a WebSocket upgrade).
      add(Disagreement::framing,
          "llhttp reads " + describe_body(lm->body) + " ending at " + std::to_string(lm->end) +
              ", h1resp ends the response at " + std::to_string(h1_end) + " (" +
              std::string(m.framing.why) + ")",
          h1_tunnel == ll_tunnel ? framing_divergence(bodiless_rule(m)) : nullptr);
      break;  // the readings no longer line up
    }
    previous = bytes.substr(m.offset, m.size);
    previous_interim = m.framing.interim;
  }
  return out;
}

}  // namespace h1resp::interop
