// A structured sweep of the spellings of framing fields, for the differential and validate
// harnesses (replay_main.cpp --framing-sweep).
//
// libFuzzer needed about two million executions to reach "Transfer-Encoding: chunked<HTAB>", which
// llhttp reads until close and h1resp decoded as chunks. This sweep reaches every spelling of
// that kind in every build:
// - each framing field (Transfer-Encoding, Content-Length, Connection, Upgrade,
//   Proxy-Connection, Keep-Alive) with one or two extra bytes (whitespace, control bytes,
//   delimiters, obs-text, digits, letters) before, inside or after its value, or between it and
//   a further token;
// - framing field lines in pairs, both orders (conflicting, repeated, empty, with HTAB);
// both on the status lines whose framing differs (200 in HTTP/1.1 and 1.0, 101, 204, 304, 100),
// answering GET, or HEAD and then GET;
// - the lines of a chunked 200 (first and last chunk line, a trailer field), the names of the
//   framing fields and the status line (before it, in the version, around and inside the code,
//   in the reason, before its CRLF) with the same extra bytes.
// Each stream is followed by another response, and read with the strict policy and with every
// leniency. The harnesses then check what they check for any
// input: every disagreement with llhttp documented, the stream's invariants, errors_only,
// field-name case, each message on its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace h1resp::fuzz_replay {

struct SweepCase {
  std::string name;         // for the report: the field line and the status line, escaped
  std::string stream;       // the bytes under test
  bool head_first = false;  // the first request was HEAD (then GET), else every request was GET
};

// How the harnesses read a case: the strict policy (and llhttp without its lenient flags), or
// every leniency of h1resp (and every lenient flag of llhttp, for the differential harness's
// third comparison).
enum class SweepPolicy { strict, lenient };

std::vector<SweepCase> framing_sweep_cases();

// The input of the named harness ("differential" or "validate") for `c`: its choice bytes (the
// policy, the requests' methods, llhttp's lenient flags with the lenient policy, no request
// context, no split) and then the stream. Empty for other harnesses.
std::vector<std::uint8_t> harness_input(const char* target, const SweepCase& c, SweepPolicy policy);

}  // namespace h1resp::fuzz_replay
