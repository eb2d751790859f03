// Writes the seed corpora of the fuzz targets: corpus/fuzz/<target>/ (run by hand when the
// rule table or the input layout changes; the fuzzers then grow and merge the corpus).
//
//   fuzz_make_seeds SOURCE_DIR
//
// Seeds are the violating and conforming example of every rule of the rule table (the catalog's
// examples, parser/registry/rule_table.cpp), the samples of corpus/examples/, and a few chunked
// bodies and trailer sections; each with the choice bytes of its target (fuzz_common.hpp) in
// front: the strict policy, and for violating examples also every leniency, so that both the
// refusal and the lenient reading are in the corpus.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/validator.hpp"

namespace fs = std::filesystem;
using h1resp::RequestMethod;

namespace {

constexpr std::size_t kMaxSeed = 4096;  // larger examples (limit tests) slow every mutation

// Policy bytes: strict with default limits, or every leniency.
std::string policy_bytes(bool lenient, std::uint8_t harness_flags = 0) {
  std::string p(6, '\0');
  p[0] = static_cast<char>(lenient ? 0xFF : 0x00);
  p[1] = static_cast<char>((lenient ? 0x01 : 0x00) | (harness_flags << 3));
  return p;
}

struct Seed {
  std::string name;
  std::string bytes;  // the response (or stream)
  std::string request;
  bool lenient = false;
  // The validate target's context: the reference 200 or stored response (sent first, as the
  // stream's first response), a proxy's own output, the 1xx received upstream.
  std::string reference = {};
  bool proxy_output = false;
  unsigned upstream_interim = 0;
};

void write(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::string safe = name;
  std::replace_if(
      safe.begin(), safe.end(), [](char c) { return c == '/' || c == ' '; }, '_');
  std::ofstream(dir / safe, std::ios::binary) << bytes;
}

unsigned method_bits(std::string_view request) {
  const std::string_view name = request.substr(0, request.find(' '));
  return static_cast<unsigned>(h1resp::method_from_name(name.empty() ? "GET" : name));
}

// The body of a chunked response: the bytes after its header section, if it is one.
std::string chunked_body(std::string_view response) {
  const std::size_t end = response.find("\r\n\r\n");
  if (end == std::string_view::npos) return {};
  const std::string_view head = response.substr(0, end);
  if (head.find("chunked") == std::string_view::npos) return {};
  return std::string(response.substr(end + 4));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds SOURCE_DIR\n");
    return 2;
  }
  const fs::path root = argv[1];
  const fs::path out = root / "corpus" / "fuzz";

  std::vector<Seed> seeds;
  for (const h1resp::RuleInfo& rule : h1resp::all_rules()) {
    const std::string id(rule.id);
    const auto seed = [&](std::string name, std::string_view bytes, bool lenient) {
      return Seed{std::move(name),
                  std::string(bytes),
                  std::string(rule.example_request),
                  lenient,
                  std::string(rule.example_reference),
                  rule.context == h1resp::Context::proxy_output,
                  rule.example_upstream_interim};
    };
    if (!rule.violating.empty() && rule.violating.size() <= kMaxSeed) {
      seeds.push_back(seed(id + ".violating", rule.violating, false));
      seeds.push_back(seed(id + ".violating.lenient", rule.violating, true));
    }
    if (!rule.conforming.empty() && rule.conforming.size() <= kMaxSeed) {
      seeds.push_back(seed(id + ".conforming", rule.conforming, false));
    }
  }
  for (const fs::directory_entry& e : fs::directory_iterator(root / "corpus" / "examples")) {
    if (e.path().extension() != ".http") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    seeds.push_back({"example." + e.path().stem().string(), bytes, "", false});
  }

  std::size_t n = 0;
  for (const Seed& s : seeds) {
    const std::uint8_t mode = static_cast<std::uint8_t>(n++ % 4);
    const unsigned m = method_bits(s.request);
    const h1resp::RequestContext ctx = h1resp::request_context(s.request);
    // parse: the response, with a split mode.
    write(out / "parse", s.name, policy_bytes(s.lenient) + static_cast<char>(mode) + s.bytes);
    // kernels: the response, misaligned by a few bytes.
    write(out / "kernels", s.name, policy_bytes(s.lenient) + static_cast<char>(n % 64) + s.bytes);
    // validate: one method, the request context when the example has a request.
    const std::uint8_t vflags = s.request.empty() ? 0 : 16;  // bit 4: the request is known
    std::string context(
        1, static_cast<char>(
               (ctx.expect_continue ? 1 : 0) | (ctx.has_range ? 2 : 0) | (ctx.conditional ? 4 : 0) |
               (s.proxy_output ? 8 : 0) | (ctx.version_minor == 0 ? 16 : 0) |
               (std::min<unsigned>(s.upstream_interim, 3) << 5) | (s.reference.empty() ? 0 : 128)));
    write(out / "validate", s.name,
          policy_bytes(s.lenient, vflags) + static_cast<char>(m) + '\0' + context +
              static_cast<char>(mode) + s.reference + s.bytes);
    // differential: one method, llhttp's default flags (lenient flags with the lenient policy).
    write(out / "differential", s.name,
          policy_bytes(s.lenient) + static_cast<char>(m) + '\0' +
              static_cast<char>(s.lenient ? 0x0F : 0x00) + s.bytes);
    // chunked: the body of a chunked example, with the peer closing after it.
    if (const std::string body = chunked_body(s.bytes); !body.empty()) {
      write(out / "chunked", s.name,
            policy_bytes(s.lenient, 1) + static_cast<char>(mode) + '\x01' + body);
    }
  }

  // Chunked bodies the examples do not have: extensions, trailers, sizes, splits.
  const std::pair<const char*, std::string> kBodies[] = {
      {"empty", "0\r\n\r\n"},
      {"two-chunks", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"},
      {"hex-sizes", "a\r\n0123456789\r\nA\r\n0123456789\r\n00\r\n\r\n"},
      {"extensions", "5;name=value;q=\"quoted \\\" pair\"\r\nhello\r\n0;last\r\n\r\n"},
      {"extension-bws", "5 ; a = b\r\nhello\r\n0\r\n\r\n"},
      {"trailers", "3\r\nabc\r\n0\r\nServer-Timing: total;dur=12\r\nX-Checksum: 1\r\n\r\n"},
      {"trailer-fold", "3\r\nabc\r\n0\r\nX: a\r\n b\r\n\r\n"},
      {"bare-lf", "3\nabc\n0\n\n"},
      {"leading-zeros", "0000000000000003\r\nabc\r\n0\r\n\r\n"},
      {"overflow", "fffffffffffffffff\r\n"},
      {"max-size", "ffffffffffffffff\r\nabc"},
      {"data-crlf-missing", "3\r\nabcX\r\n0\r\n\r\n"},
      {"truncated", "5\r\nhel"},
      {"negative", "-5\r\nhello\r\n0\r\n\r\n"},
      {"data-holds-crlf", "4\r\n\r\n\r\n\r\n0\r\n\r\n"},
  };
  for (const auto& [name, body] : kBodies) {
    for (const bool lenient : {false, true}) {
      write(out / "chunked", std::string("body.") + name + (lenient ? ".lenient" : ""),
            policy_bytes(lenient, 1) + '\x02' + '\x00' + body);
    }
    // Also as the body of a response, for the stream and differential targets.
    const std::string response =
        std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") + body;
    write(out / "validate", std::string("chunked.") + name,
          policy_bytes(false) + std::string(2, '\0') + '\0' + '\x01' + response);
    write(out / "differential", std::string("chunked.") + name,
          policy_bytes(false) + std::string(3, '\0') + response);
  }
  // Trailer sections for the parse target (harness flag 0: Section::trailers).
  for (const char* section :
       {"X: a\r\nY: b\r\n\r\n", "\r\n", "X: a\nY: b\n\n", "X:a\r\n b\r\n\r\n"}) {
    write(out / "parse",
          std::string("trailers.") + std::to_string(std::string_view(section).size()),
          policy_bytes(false, 1) + '\x00' + section);
  }
  // Small limits (flag bit 2 of byte 1) on a realistic response: every limit within reach.
  const std::string kSmall = std::string("\xFF\x05\x04\x08\x43\x08", 6);
  write(out / "parse", "small-limits",
        kSmall + '\x01' +
            "\r\n\r\nHTTP/1.1 200 OK\r\nServer: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n");
  write(out / "chunked", "small-limits",
        std::string("\x00\x0d\x04\x08\x43\x04", 6) + '\x00' + '\x00' +
            "3;aaaaaaaaaa\r\nabc\r\n0\r\nX: 1\r\nY: 2\r\nZ: 3\r\n\r\n");
  return 0;
}
