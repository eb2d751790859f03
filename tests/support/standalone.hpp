// A response means the same wherever it is on the connection: each message of a stream, read
// again on its own (its bytes alone, answering the same method), must give the same reading and
// the same findings, except those of the rules that judge what surrounds it (Context::stream:
// what follows, the end of input; Context::proxy_output: the interim responses before it). A
// difference is state one message left behind for the next: in the parser that reset() reuses,
// the chunked decoder, the stream's counters, or a rule that looks at the previous response
// without saying so. The comparison that tests/standalone_test.cpp and the validate fuzz target
// (fuzz/validate.cpp) both make.
#pragma once

#include <string>
#include <string_view>

#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"

namespace h1resp::testing {

// Whether finding `f` of message `m` can depend on the bytes around the message: its rule
// judges the stream or a proxy's exchange, or it is how ResponseStream explains bytes it cannot
// parse after a response that cannot have content (RFC 9112 §6.3 (1)): on their own, the same
// bytes follow nothing.
inline bool judges_surroundings(const StreamMessage& m, const Finding& f) {
  const Context context = rule_info(f.rule).context;
  if (context == Context::stream || context == Context::proxy_output) return true;
  const bool declared_body_rule = f.rule == Rule::body_head || f.rule == Rule::body_1xx ||
                                  f.rule == Rule::body_204 || f.rule == Rule::code_304_no_body ||
                                  f.rule == Rule::htresp_2xx_semantics;
  return m.status == ParseStatus::error && declared_body_rule && f.offset == 0;
}

// One message's reading with the findings that do not depend on its surroundings, offsets from
// the message's first byte. `with_persistence`: false for a final response after an interim one
// that said "Connection: close", whose connection then ends whatever the final one says.
inline std::string own_reading(const StreamMessage& m, bool with_persistence = true) {
  std::string out = "  " + std::to_string(m.size) + " bytes, status " +
                    std::to_string(static_cast<int>(m.status)) + ", body " +
                    std::string(to_string(m.framing.body)) + " " +
                    std::to_string(m.framing.length) + ", content " +
                    std::to_string(m.body_length) + (m.framing.interim ? ", interim" : "") +
                    (with_persistence && m.framing.persistent ? ", persistent" : "") +
                    (m.complete ? ", complete" : "") + "\n";
  for (const Finding& f : m.findings) {
    if (judges_surroundings(m, f)) continue;
    out += "    " + std::string(to_string(f.rule)) + " " + std::string(to_string(f.severity)) +
           " at " + std::to_string(f.offset) + "+" + std::to_string(f.length) + ": " +
           std::string(f.detail) + "\n";
  }
  return out;
}

struct StandaloneComparison {
  std::size_t messages = 0;  // messages compared
  std::string difference;    // empty when every message reads the same alone; else the first
};

// Walks `bytes` with `options`, and reads each message again on its own with the same options
// (its method, and no other request after it). Compared: the messages the stream reads as
// responses: the first, and those after a complete response that lets the connection persist,
// while a request is left to answer (else the bytes are not a response but what is left of the
// connection, which only the stream can judge); and only those whose findings did not overflow
// their list (which ones a full list keeps can depend on what came before).
inline StandaloneComparison compare_standalone(std::string_view bytes,
                                               const StreamOptions& options) {
  StandaloneComparison result;
  ResponseStream stream(bytes, options);
  StreamMessage m;
  bool read_as_response = true;  // m is the first message, or follows a persistent one
  bool interim_close = false;    // an interim response before m said "Connection: close"
  std::size_t answered = 0;      // final responses so far
  while (stream.next(m)) {
    // A message without bytes is the stream's note about its end (closed after an interim
    // response): there is nothing to read on its own.
    const bool compare = read_as_response && m.size != 0 && m.findings.dropped() == 0;
    const bool after_closing_interim = interim_close;
    if (m.status == ParseStatus::complete && !m.framing.interim) ++answered;
    const bool requests_left = !options.exact_requests || answered < options.methods.size();
    // The final response follows an interim one on the same connection, "close" or not.
    read_as_response = m.complete && (m.framing.persistent || m.framing.interim) && requests_left;
    interim_close = m.framing.interim && (interim_close || !m.framing.persistent);
    if (!compare) continue;
    const RequestMethod method[1] = {m.method};
    StreamOptions alone = options;
    alone.methods = method;
    alone.exact_requests = false;
    ResponseStream single(bytes.substr(m.offset, m.size), alone);
    StreamMessage s;
    const bool with_persistence = !after_closing_interim;
    const std::string in_stream = own_reading(m, with_persistence);
    const std::string on_its_own =
        single.next(s) ? own_reading(s, with_persistence) : "  (no message)\n";
    if (s.findings.dropped() != 0) continue;
    ++result.messages;
    if (in_stream != on_its_own) {
      result.difference = "message " + std::to_string(m.index) + " at " + std::to_string(m.offset) +
                          ", in the stream:\n" + in_stream + " on its own:\n" + on_its_own;
      return result;
    }
  }
  return result;
}

}  // namespace h1resp::testing
