#include "framing_sweep.hpp"

#include <cstring>
#include <iterator>
#include <string_view>

#include "h1resp/framing.hpp"

namespace h1resp::fuzz_replay {
namespace {

struct FieldSpelling {
  const char* name;
  const char* value;
};

// Each framing field with a value that frames, keeps or switches the connection.
constexpr FieldSpelling kFields[] = {
    {"Transfer-Encoding", "chunked"},   {"Transfer-Encoding", "gzip, chunked"},
    {"Transfer-Encoding", "identity"},  {"Content-Length", "5"},
    {"Content-Length", "05"},           {"Connection", "close"},
    {"Connection", "keep-alive"},       {"Connection", "upgrade"},
    {"Connection", "close, upgrade"},   {"Upgrade", "websocket"},
    {"Proxy-Connection", "keep-alive"}, {"Keep-Alive", "timeout=5"},
};

// The bytes put into a value: OWS and its neighbours, bytes other parsers strip or split on,
// delimiters of the field grammars, obs-text, signs and digits, a letter.
constexpr std::string_view kInserts[] = {
    " ",    "\t",   "  ", "\t\t", "\t ", " \t", "\v", "\f", "\r",   std::string_view("\0", 1),
    "\x7f", "\x1b", ",",  ";",    "\"",  "=",   "/",  ":",  "\x80", "\xa0",
    "+",    "-",    "0",  "x",
};

constexpr const char* kStatusLines[] = {
    "HTTP/1.1 200 OK",         "HTTP/1.0 200 OK",           "HTTP/1.1 101 Switching Protocols",
    "HTTP/1.1 204 No Content", "HTTP/1.1 304 Not Modified", "HTTP/1.1 100 Continue",
};

// Field lines combined in pairs, in both orders: framing fields that conflict, repeat, or
// decide persistence and the protocol switch together.
constexpr std::string_view kPairLines[] = {
    "Transfer-Encoding: chunked", "Transfer-Encoding: chunked\t",
    "Transfer-Encoding: gzip",    "Transfer-Encoding: identity",
    "Transfer-Encoding:",         "Content-Length: 5",
    "Content-Length: 05",         "Content-Length: 5\t",
    "Content-Length: 5, 5",       "Content-Length:",
    "Connection: close",          "Connection: keep-alive",
    "Connection: upgrade",        "Upgrade: websocket",
};

std::string escaped(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

std::vector<SweepCase> framing_sweep_cases() {
  std::vector<SweepCase> cases;
  for (const char* status : kStatusLines) {
    const std::string_view line(status);
    const bool switching = line.find(" 101 ") != std::string_view::npos;
    for (const FieldSpelling& f : kFields) {
      const std::string_view name(f.name);
      for (const std::string_view insert : kInserts) {
        for (int at = 0; at < 4; ++at) {
          // Before the value, after it, in its middle, or between it and a further token.
          std::string value(f.value);
          if (at == 0) value.insert(0, insert);
          if (at == 1) value.append(insert);
          if (at == 2) value.insert(value.size() / 2, insert);
          if (at == 3) value.append(std::string(insert) + "x");
          const bool chunked = name == "Transfer-Encoding";
          std::string fields = std::string(f.name) + ": " + value + "\r\n";
          // The other fields the status needs to frame a body or switch protocols.
          if (!chunked && name != "Content-Length") fields += "Content-Length: 5\r\n";
          if (switching && name != "Upgrade") fields += "Upgrade: websocket\r\n";
          if (switching && name == "Upgrade") fields += "Connection: upgrade\r\n";
          const std::string body = chunked ? "5\r\nhello\r\n0\r\n\r\n" : "hello";
          const std::string stream = std::string(status) + "\r\n" + fields + "\r\n" + body +
                                     "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
          for (const bool head_first : {false, true}) {
            cases.push_back({escaped(std::string(f.name) + ": " + value) + " | " + status +
                                 (head_first ? " | HEAD" : " | GET"),
                             stream, head_first});
          }
        }
      }
    }
  }
  for (const char* status : kStatusLines) {
    for (const std::string_view first : kPairLines) {
      for (const std::string_view second : kPairLines) {
        // A body for whichever framing the pair decides: chunks that are also five bytes of a
        // Content-Length body would make the lengths agree by accident, so they are not.
        const std::string stream = std::string(status) + "\r\n" + std::string(first) + "\r\n" +
                                   std::string(second) + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n" +
                                   "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        for (const bool head_first : {false, true}) {
          cases.push_back({escaped(std::string(first) + " + " + std::string(second)) + " | " +
                               status + (head_first ? " | HEAD" : " | GET"),
                           stream, head_first});
        }
      }
    }
  }
  // The lines of a chunked body: the first chunk line, the data's line end, the last chunk line
  // and a trailer field, each with the same extra bytes before, inside or after it.
  constexpr std::string_view kChunkedLines[] = {"5;a=b", "0", "X-T: 1"};
  for (std::size_t which = 0; which < std::size(kChunkedLines); ++which) {
    for (const std::string_view insert : kInserts) {
      for (int at = 0; at < 3; ++at) {
        std::string line(kChunkedLines[which]);
        if (at == 0) line.insert(0, insert);
        if (at == 1) line.insert(1, insert);
        if (at == 2) line.append(insert);
        const std::string first = which == 0 ? line : "5";
        const std::string last = which == 1 ? line : "0";
        const std::string trailer = which == 2 ? line + "\r\n" : "";
        const std::string stream = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + first +
                                   "\r\nhello\r\n" + last + "\r\n" + trailer + "\r\n" +
                                   "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        cases.push_back({escaped("chunked body line: " + line), stream, false});
      }
    }
  }
  // The names of the framing fields with the same extra bytes before, inside or at the end of
  // them: a name that one parser still takes for the field and the other does not frames the
  // body twice.
  constexpr std::string_view kFramingLines[] = {"Transfer-Encoding: chunked", "Content-Length: 5",
                                                "Connection: close"};
  for (const std::string_view field_line : kFramingLines) {
    const std::size_t colon = field_line.find(':');
    for (const std::string_view insert : kInserts) {
      for (const std::size_t at : {std::size_t{0}, colon / 2, colon}) {
        std::string line(field_line);
        line.insert(at, insert);
        const std::string stream = "HTTP/1.1 200 OK\r\n" + line +
                                   "\r\n\r\n5\r\nhello\r\n0\r\n\r\n" +
                                   "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
        cases.push_back({escaped("field name: " + line), stream, false});
      }
    }
  }
  // The status line, where a response starts: the same extra bytes before it, in the version,
  // around and inside the code, in the reason phrase and before its CRLF.
  constexpr std::string_view kStatusLine = "HTTP/1.1 200 OK";
  for (const std::string_view insert : kInserts) {
    for (const std::size_t at :
         {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{9}, std::size_t{10},
          std::size_t{12}, std::size_t{14}, kStatusLine.size()}) {
      std::string line(kStatusLine);
      line.insert(at, insert);
      const std::string stream = line + "\r\nContent-Length: 5\r\n\r\nhello" +
                                 "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
      for (const bool head_first : {false, true}) {
        cases.push_back({escaped("status line: " + line) + (head_first ? " | HEAD" : " | GET"),
                         stream, head_first});
      }
    }
  }
  return cases;
}

std::vector<std::uint8_t> harness_input(const char* target, const SweepCase& c,
                                        SweepPolicy policy) {
  // fuzz/fuzz_common.hpp read_policy(): the leniencies (a byte, and bit 0 of the flags); flags
  // bits 3-4 carry the harness's "number of methods - 1"; the limits bytes are ignored. Then two
  // bytes of methods, a nibble each (fuzz/differential.cpp and fuzz/validate.cpp read them
  // alike).
  const bool lenient = policy == SweepPolicy::lenient;
  const auto methods_minus_one = static_cast<std::uint8_t>(c.head_first ? 1 : 0);
  std::vector<std::uint8_t> in = {
      static_cast<std::uint8_t>(lenient ? 0xFF : 0),
      static_cast<std::uint8_t>(methods_minus_one << 3 | (lenient ? 1 : 0)),
      0,
      0,
      0,
      0};
  in.push_back(static_cast<std::uint8_t>(c.head_first
                                             ? static_cast<unsigned>(RequestMethod::head) |
                                                   static_cast<unsigned>(RequestMethod::get) << 4
                                             : static_cast<unsigned>(RequestMethod::get)));
  in.push_back(0);
  if (std::strcmp(target, "differential") == 0) {
    in.push_back(lenient ? 0x0F : 0);  // llhttp's lenient flags: headers, chunked length,
                                       // keep-alive, transfer encoding
  } else if (std::strcmp(target, "validate") == 0) {
    in.push_back(0);  // request context: none
    in.push_back(0);  // split mode 0
  } else {
    return {};
  }
  in.insert(in.end(), c.stream.begin(), c.stream.end());
  return in;
}

}  // namespace h1resp::fuzz_replay
