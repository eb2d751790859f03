// Field names are case-insensitive (RFC 9110 §5.1): a stream whose field names are spelled in
// another case must be read the same way, with the same findings at the same bytes. The
// comparison that tests/name_case_test.cpp and the validate fuzz target (fuzz/validate.cpp) both
// make; it catches a rule, a framing reader or a registry lookup that compares a name
// byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"

namespace h1resp::testing {

// One message's reading, without the texts (a detail may quote a name as it is spelled).
inline std::string reading_lines(const StreamMessage& m) {
  std::string out =
      "  message " + std::to_string(m.index) + " at " + std::to_string(m.offset) + "+" +
      std::to_string(m.size) + " status " + std::to_string(static_cast<int>(m.status)) + " body " +
      std::string(to_string(m.framing.body)) + " length " + std::to_string(m.framing.length) +
      (m.framing.persistent ? " persistent" : "") + (m.complete ? " complete" : "") + " counts " +
      std::to_string(m.findings.count(Severity::error)) + "/" +
      std::to_string(m.findings.count(Severity::warning)) + "/" +
      std::to_string(m.findings.count(Severity::info)) + "\n";
  if (m.findings.dropped() != 0) return out;  // which ones were kept can depend on the order
  for (const Finding& f : m.findings) {
    out += "    " + std::string(to_string(f.rule)) + " " + std::string(to_string(f.severity)) +
           " at " + std::to_string(f.offset) + "+" + std::to_string(f.length) + "\n";
  }
  return out;
}

// The whole stream's reading, message by message.
inline std::string stream_reading(std::string_view bytes, const StreamOptions& options) {
  std::string out;
  ResponseStream stream(bytes, options);
  StreamMessage m;
  while (stream.next(m))
    out += reading_lines(m);
  return out;
}

// One walk of `bytes`: its reading, and the same bytes with every letter of every header field
// name that the reading finds in lower case, and in upper case (the bytes of names only: the
// lengths and offsets of everything stay the same).
struct NameCaseVariants {
  std::string reading;
  std::string lower;
  std::string upper;
};

inline NameCaseVariants read_with_name_case_variants(std::string_view bytes,
                                                     const StreamOptions& options) {
  NameCaseVariants out{{}, std::string(bytes), std::string(bytes)};
  ResponseStream stream(bytes, options);
  StreamMessage m;
  while (stream.next(m)) {
    out.reading += reading_lines(m);
    for (const FieldLine& line : m.response.field_lines) {
      for (std::uint64_t i = 0; i < line.name.length; ++i) {
        const std::size_t at = m.offset + line.name.offset + i;
        const char c = bytes[at];
        if (c >= 'A' && c <= 'Z') out.lower[at] = static_cast<char>(c ^ 0x20);
        if (c >= 'a' && c <= 'z') out.upper[at] = static_cast<char>(c ^ 0x20);
      }
    }
  }
  return out;
}

struct NameCaseComparison {
  bool names_changed = false;  // the stream had a field name with a letter
  std::string difference;      // empty when the readings agree; else the first two that differ
};

// Reads `bytes`, the same bytes with the field names in lower case, and in upper case, and
// compares. Both are needed: a name compared byte for byte with its canonical spelling
// ("Content-Length") differs from the lower-case reading, one compared with a lower-case
// spelling from the upper-case reading (unless the sender wrote it that way).
inline NameCaseComparison compare_name_case(std::string_view bytes, const StreamOptions& options) {
  NameCaseComparison result;
  const NameCaseVariants variants = read_with_name_case_variants(bytes, options);
  for (const std::string* changed : {&variants.lower, &variants.upper}) {
    if (*changed == bytes) continue;
    result.names_changed = true;
    const std::string changed_reading = stream_reading(*changed, options);
    if (variants.reading != changed_reading) {
      result.difference = " as sent:\n" + variants.reading + " names in " +
                          (changed == &variants.lower ? "lower" : "upper") + " case:\n" +
                          changed_reading;
      return result;
    }
  }
  return result;
}

}  // namespace h1resp::testing
