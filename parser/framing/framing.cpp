// The framing decision: RFC 9112 §6.3, items numbered as in the RFC where they are coded, and
// persistence (RFC 9112 §9.3). The three framing fields are read first, whatever the status,
// so that a malformed one is reported even where it does not decide the length.
#include "h1resp/framing.hpp"

#include "framing/framing_fields.hpp"
#include "registry/field_registry.hpp"

namespace h1resp {
namespace {

using detail::FieldIndex;

bool is_http11_or_later(const Response& r) noexcept {
  return r.version_major > 1 || (r.version_major == 1 && r.version_minor >= 1);
}

// A problem's severity: the one asked, within the problem's bounds. Some problems are errors
// wherever they appear (a repaired framing field is never trusted), others are notes whatever
// the severity asked (e.g. the case of "Chunked").
Severity bounded(Severity asked, Severity floor, Severity cap) noexcept {
  return floor > asked ? floor : cap < asked ? cap : asked;
}

// Reports the problems of the framing fields; `severity` is error where they decide the length
// and warning where the RFC says they are ignored. Returns true when an error was reported.
bool report_problems(const framing::FieldReading& reading, Severity severity,
                     FindingList& findings) {
  bool error = false;
  for (const framing::Problem& p : reading.problems()) {
    const Severity s = bounded(severity, p.severity_floor, p.severity_cap);
    findings.add(p.rule, s, p.offset, p.length, p.detail.view());
    error = error || s == Severity::error;
  }
  if (reading.dropped != 0) {
    // Counted only; the most severe of them is in the last item, reported above.
    constexpr std::size_t kSeverities = framing::FieldReading::kSeverities;
    for (std::size_t floor = 0; floor < kSeverities; ++floor) {
      for (std::size_t cap = 0; cap < kSeverities; ++cap) {
        const std::uint32_t n = reading.dropped_by_bounds[floor][cap];
        if (n == 0) continue;
        const Severity s =
            bounded(severity, static_cast<Severity>(floor), static_cast<Severity>(cap));
        findings.add_counted(s, n);
        error = error || s == Severity::error;
      }
    }
  }
  return error;
}

// report_problems() where there are any: most readings have none, and decide() asks up to five
// times per response.
inline bool report(const framing::FieldReading& reading, Severity severity, FindingList& findings) {
  if (reading.count == 0 && reading.dropped == 0) return false;
  return report_problems(reading, severity, findings);
}

// RFC 9112 §6.2: a sender MUST NOT send Content-Length in a message that has Transfer-Encoding,
// whatever the status or the method. Where neither field decides the length (items 1 and 2) no
// recipient frames by them, so a warning; where they do, item 3's error.
void report_both_framing_fields(const framing::FieldReading& cl, const framing::FieldReading& te,
                                FindingList& findings) noexcept {
  if (cl.present && te.present) {
    findings.add(Rule::framing_te_and_cl, Severity::warning, cl.offset, cl.length,
                 "both Transfer-Encoding and Content-Length (they do not frame this response)");
  }
}

}  // namespace

std::string_view to_string(BodyKind kind) noexcept {
  switch (kind) {
    case BodyKind::none:
      return "none";
    case BodyKind::content_length:
      return "content-length";
    case BodyKind::chunked:
      return "chunked";
    case BodyKind::until_close:
      return "close";
    case BodyKind::tunnel:
      return "tunnel";
  }
  return "?";
}

RequestMethod method_from_name(std::string_view name) noexcept {
  constexpr std::pair<std::string_view, RequestMethod> kMethods[] = {
      {"GET", RequestMethod::get},         {"HEAD", RequestMethod::head},
      {"POST", RequestMethod::post},       {"PUT", RequestMethod::put},
      {"DELETE", RequestMethod::delete_},  {"CONNECT", RequestMethod::connect},
      {"OPTIONS", RequestMethod::options}, {"TRACE", RequestMethod::trace},
      {"PATCH", RequestMethod::patch},
  };
  for (const auto& [text, method] : kMethods) {
    if (text == name) return method;
  }
  return RequestMethod::other;
}

std::string_view to_string(RequestMethod method) noexcept {
  switch (method) {
    case RequestMethod::get:
      return "GET";
    case RequestMethod::head:
      return "HEAD";
    case RequestMethod::post:
      return "POST";
    case RequestMethod::put:
      return "PUT";
    case RequestMethod::delete_:
      return "DELETE";
    case RequestMethod::connect:
      return "CONNECT";
    case RequestMethod::options:
      return "OPTIONS";
    case RequestMethod::trace:
      return "TRACE";
    case RequestMethod::patch:
      return "PATCH";
    case RequestMethod::other:
      return "other";
  }
  return "?";
}

Framing decide_framing(const Response& response, RequestMethod method,
                       FindingList& findings) noexcept {
  // Only the framing fields are told apart: the decision reads nothing else.
  const FieldIndex index(response, FieldIndex::Scope::framing_fields);
  return framing::decide(index, method, findings);
}

namespace framing {

Framing decide(const FieldIndex& index, RequestMethod method, FindingList& findings) noexcept {
  const Response& r = index.response();
  const unsigned code = r.status;
  const FieldReading cl = read_content_length(index);
  const FieldReading te = read_transfer_encoding(index);
  const FieldReading connection = read_connection(index);
  const bool informational = code >= 100 && code < 200;

  // A 2xx to CONNECT starts a tunnel (item 2), a 204 too: item 1 ends it at its empty line,
  // and the tunnel starts there (RFC 9110 §9.3.6: any 2xx).
  const bool connect_2xx = method == RequestMethod::connect && code >= 200 && code < 300;

  Framing f;
  bool error = report(connection, Severity::warning, findings);
  // 1. Any response to a HEAD request and any 1xx, 204 or 304 response ends with its header
  //    section, whatever Content-Length or Transfer-Encoding say.
  if (!connect_2xx &&
      (method == RequestMethod::head || informational || code == 204 || code == 304)) {
    f.step = 1;
    f.body = code == 101 ? BodyKind::tunnel : BodyKind::none;
    f.interim = informational && code != 101;
    f.why = method == RequestMethod::head ? "a response to HEAD has no content (RFC 9112 §6.3 (1))"
            : informational               ? "a 1xx response has no content (RFC 9112 §6.3 (1))"
            : code == 204                 ? "a 204 response has no content (RFC 9112 §6.3 (1))"
                                          : "a 304 response has no content (RFC 9112 §6.3 (1))";
    // Their syntax is reported as warnings: the fields do not decide the length here.
    error |= report(cl, Severity::warning, findings);
    error |= report(te, Severity::warning, findings);
    report_both_framing_fields(cl, te, findings);
    if ((informational || code == 204) && declares_content(cl, te)) {
      // RFC 9110 §8.6, RFC 9112 §6.1: a server MUST NOT send either field in a 1xx or 204. A
      // "Content-Length: 0" is the validator's warning (D03, D11): it changes no one's reading.
      // Any other value, or a Transfer-Encoding, is a body that parsers which frame by the
      // fields (llhttp; Node.js on a 204 or a 101) read out of the bytes of the next response:
      // recipients disagree on where this one ends. (A 304 and a response to HEAD may carry
      // the representation's Content-Length, RFC 9110 §8.6; clients skip their bodies.)
      const bool by_te = te.present;
      findings.add(
          informational ? Rule::code_1xx_no_framing_fields : Rule::code_204_no_framing_fields,
          Severity::error, by_te ? te.offset : cl.offset, by_te ? te.length : cl.length,
          by_te ? "Transfer-Encoding declares a body that parsers framing by it read"
                : "a Content-Length other than 0 declares a body that parsers framing "
                  "by it read");
      error = true;
    }
  } else if (connect_2xx) {
    // 2. A 2xx response to CONNECT switches to tunnel mode after the header section; the server
    //    MUST NOT send Content-Length or Transfer-Encoding, the client MUST ignore them.
    f.step = 2;
    f.body = BodyKind::tunnel;
    f.why = "a 2xx response to CONNECT starts a tunnel (RFC 9112 §6.3 (2))";
    report(cl, Severity::warning, findings);
    report(te, Severity::warning, findings);
    report_both_framing_fields(cl, te, findings);
    if (cl.present || te.present) {
      findings.add(Rule::body_connect_2xx, Severity::warning, cl.present ? cl.offset : te.offset,
                   cl.present ? cl.length : te.length,
                   "Content-Length or Transfer-Encoding in a 2xx response to CONNECT");
    }
  } else if (te.present) {
    // 3. Transfer-Encoding and Content-Length together: Transfer-Encoding overrides, and the
    //    message "ought to be handled as an error" (request smuggling, response splitting).
    if (cl.present) {
      findings.add(Rule::framing_te_and_cl, Severity::error, cl.offset, cl.length,
                   "both Transfer-Encoding and Content-Length");
      error = true;
    }
    error |= report(te, Severity::error, findings);
    report(cl, Severity::warning, findings);
    // 4. Chunked as the final coding: chunked. Otherwise a response is read until close.
    f.step = 4;
    if (te.chunked_final) {
      f.body = BodyKind::chunked;
      f.why = "Transfer-Encoding ends with chunked (RFC 9112 §6.3 (4))";
    } else {
      f.body = BodyKind::until_close;
      f.why = "Transfer-Encoding does not end with chunked: read until close (RFC 9112 §6.3 (4))";
    }
  } else if (cl.present) {
    // 5. An invalid Content-Length is an unrecoverable error: a proxy closes the upstream
    //    connection, discards the response and sends 502. 6. A valid one is the length.
    error |= report(cl, Severity::error, findings);
    if (!cl.valid) {
      f.step = 5;
      f.body = BodyKind::until_close;
      f.why = "the Content-Length is invalid: the length is unknown (RFC 9112 §6.3 (5))";
    } else {
      f.step = 6;
      f.body = BodyKind::content_length;
      f.length = cl.value;
      f.why = "Content-Length (RFC 9112 §6.3 (6))";
    }
  } else {
    // 8. Otherwise the body runs until the server closes the connection. (Item 7 is for
    //    requests.)
    f.step = 8;
    f.body = BodyKind::until_close;
    f.why = "no Content-Length or Transfer-Encoding: read until close (RFC 9112 §6.3 (8))";
    // No field says where the body ends: at the status line, as for any missing field.
    findings.add(Rule::framing_close_delimited, Severity::info, r.status_line.offset,
                 r.status_line.length, "the body is delimited by the end of the connection");
  }
  error |= report_repaired_framing_fields(index, findings);
  // RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding is treated as if its framing were
  // faulty, even if a Content-Length is present, and the connection closes after it: whatever
  // item decided the length (also on a response to HEAD, or a 304).
  if (te.present && !is_http11_or_later(r)) {
    findings.add(Rule::framing_te_in_http10, Severity::error, te.offset, te.length,
                 "Transfer-Encoding in an HTTP/1.0 response");
    error = true;
  }

  // RFC 9112 §9.3: persistence.
  if (f.interim) {
    // The final response follows on the same connection in any case (RFC 9110 §15.2); "close"
    // ends the connection after the exchange (RFC 9110 §7.6.1), so after the final response:
    // ResponseStream carries it over.
    // With an error its framing cannot be trusted, and neither can where the final response
    // starts: never persistent, like any response with a framing error.
    f.persistent = !connection.close && !error;
    f.persistence_why = error ? "the framing is in error: where the final response starts is "
                                "uncertain, so the connection cannot be reused"
                        : connection.close ? "Connection: close: the final response follows, then "
                                             "the connection closes"
                                           : "the final response follows on the same connection";
  } else if (f.body == BodyKind::tunnel) {
    f.persistence_why = "the connection switches to another protocol";
  } else if (f.body == BodyKind::until_close) {
    f.persistence_why = "the body ends when the connection closes";
  } else if (error) {
    f.persistence_why = "the framing is in error: the connection cannot be reused";
  } else if (connection.close) {
    f.persistence_why = "Connection: close";
  } else if (!connection.valid) {
    f.persistence_why = "the Connection field cannot be read: closing is the safe reading";
  } else if (is_http11_or_later(r)) {
    f.persistent = true;
    f.persistence_why = "HTTP/1.1 connections persist unless closed (RFC 9112 §9.3)";
  } else if (connection.keep_alive) {
    f.persistent = true;
    f.persistence_why = "HTTP/1.0 with Connection: keep-alive";
  } else {
    f.persistence_why = "HTTP/1.0 without Connection: keep-alive (RFC 9112 §9.3)";
  }
  return f;
}

}  // namespace framing
}  // namespace h1resp
