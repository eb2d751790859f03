// The library's promise that its hot path never allocates (parser.hpp, chunked.hpp,
// validator.hpp), checked by counting: this executable replaces the global operator new and
// delete with counting versions, so it has a binary of its own.
//
// Each scenario runs once to warm up (function-local statics, the kernel choice), then several
// more times while the count must not move: parsing, framing and validation of the benchmarks'
// realistic corpus and of the sample corpus, lenient inputs with findings, parse errors,
// incremental feeding, chunked bodies through ChunkedDecoder, and ResponseStream walks; all of
// it with every kernel the CPU supports. Inputs are built (and allocated) before counting.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "corpus_files.hpp"
#include "counting_new.hpp"
#include "h1resp/chunked.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/kernel.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"

namespace {

using namespace h1resp;

// What the scenarios compute goes here, so that no call can be optimised away.
volatile std::uint64_t g_sink = 0;

void consume(std::uint64_t v) noexcept {
  g_sink = g_sink + v;
}

// What every scenario also counts, to prove it went where it was meant to go.
struct Seen {
  std::uint64_t complete = 0;  // header sections parsed complete
  std::uint64_t errors = 0;    // parse or body errors
  std::uint64_t warnings = 0;  // warning findings (tokenizer, framing, validator)
  std::uint64_t findings = 0;  // findings of any severity
  std::uint64_t chunked = 0;   // chunked bodies decoded to the end
  std::uint64_t trailers = 0;  // trailer fields read
  std::uint64_t messages = 0;  // ResponseStream messages
};

// Reads what a reporter reads of findings: rule texts, severities, details.
void read_findings(const FindingList& findings, Seen& seen) noexcept {
  for (const Finding& f : findings) {
    consume(rule_info(f.rule).id.size() + rule_info(f.rule).summary.size() +
            to_string(f.severity).size() + f.detail.size() + f.offset);
  }
  seen.findings += findings.size();
  seen.warnings += findings.count(Severity::warning);
  consume(static_cast<std::uint64_t>(findings.verdict()));
}

// What a validating proxy does with one response whose bytes are all there.
void parse_frame_validate(ResponseParser& parser, std::string_view bytes, const Policy& policy,
                          RequestMethod method, Seen& seen) noexcept {
  FindingList findings;
  if (parser.parse(bytes) != ParseStatus::complete) {
    ++seen.errors;
    consume(parser.error().message().size() + parser.error().offset);
    return;
  }
  ++seen.complete;
  read_findings(parser.findings(), seen);
  const Response& r = parser.response();
  for (std::size_t i = 0; i < r.field_count(); ++i) {
    const Field f = r.field(i);
    consume(f.name.size() + f.value.size());
  }
  consume(r.find("content-type") + r.reason_phrase().size());
  const Framing framing = decide_framing(r, method, findings);
  consume(framing.length + to_string(framing.body).size() + framing.why.size());
  RequestContext request;
  request.method = method;
  validate(r, framing, request, policy, findings);
  read_findings(findings, seen);
}

// The same bytes fed in pieces of `step` bytes, as they would arrive from a socket.
void feed_in_pieces(ResponseParser& parser, std::string_view bytes, std::size_t step,
                    Seen& seen) noexcept {
  parser.reset();
  ParseStatus status = ParseStatus::incomplete;
  for (std::size_t n = step; status == ParseStatus::incomplete; n += step) {
    status = parser.feed(bytes.substr(0, std::min(n, bytes.size())));
    if (n >= bytes.size()) break;
  }
  if (status == ParseStatus::incomplete) status = parser.finish();
  if (status == ParseStatus::complete) {
    ++seen.complete;
  } else {
    ++seen.errors;
    consume(parser.error().message().size());
  }
}

// A chunked body through ChunkedDecoder, handed over `step` bytes at a time (a step larger than
// the body: all at once), then the trailers through validate_trailers().
void decode_chunked(std::string_view response, const Policy& policy, std::size_t step,
                    Seen& seen) noexcept {
  BasicResponseParser<> parser(policy);
  if (parser.parse(response) != ParseStatus::complete) return;
  const Response& header = parser.response();
  std::array<FieldLine, 16> trailer_storage;
  ChunkedDecoder decoder(trailer_storage, policy, header.header_size);
  const std::string_view body = response.substr(header.header_size);
  std::size_t consumed = 0;  // bytes of `body` the decoder is done with
  std::size_t received = 0;  // bytes of `body` that have "arrived"
  ChunkedDecoder::Status status = ChunkedDecoder::Status::incomplete;
  while (status != ChunkedDecoder::Status::complete && status != ChunkedDecoder::Status::error) {
    if (status == ChunkedDecoder::Status::incomplete) {
      if (received == body.size()) {
        status = decoder.finish();
        break;
      }
      received = std::min(body.size(), received + step);
    }
    const ChunkedDecoder::Result r = decoder.feed(body.substr(consumed, received - consumed));
    status = r.status;
    consumed += r.consumed;
    consume(r.data.size());
  }
  read_findings(decoder.findings(), seen);
  if (status != ChunkedDecoder::Status::complete) {
    ++seen.errors;
    consume(decoder.error().message().size());
    return;
  }
  ++seen.chunked;
  seen.trailers += decoder.trailers().field_count();
  consume(decoder.content_length() + decoder.chunk_count());
  FindingList findings;
  validate_trailers(decoder.trailers(), decoder.trailer_offset(), header, findings);
  read_findings(findings, seen);
}

// A connection's bytes walked with ResponseStream, as the CLI does.
void walk_stream(std::string_view bytes, const StreamOptions& options, Seen& seen) noexcept {
  ResponseStream stream(bytes, options);
  StreamMessage m;
  while (stream.next(m)) {
    ++seen.messages;
    if (m.status == ParseStatus::complete) ++seen.complete;
    if (m.verdict() == Verdict::reject) ++seen.errors;
    read_findings(m.findings, seen);
    consume(m.size + m.body_length + static_cast<std::uint64_t>(m.framing.body));
  }
  consume(stream.position());
}

// ---- Inputs (built before counting) ------------------------------------------------------------

struct Inputs {
  bench::Corpus realistic;
  std::vector<std::string> samples;  // corpus/examples/*.http: clean, broken and 1992-style
  std::vector<std::string> w3c;      // the 1992-style samples
  std::vector<std::string> lenient;  // each needs a leniency, or breaks a validator rule
  std::vector<std::string> broken;   // parse errors, limits included
  std::vector<std::string> chunked;  // responses with a complete chunked body
  std::string pipeline;              // one connection: interim, chunked, 304, close...
  std::string request;               // a request, for request_context()
};

Inputs make_inputs() {
  using namespace std::string_literals;
  Inputs in;
  in.realistic = bench::make_realistic_corpus();
  const std::filesystem::path examples =
      std::filesystem::path(H1RESP_SOURCE_DIR) / "corpus" / "examples";
  for (const auto& p : h1resp::testing::sorted_files(examples)) {
    if (p.extension() != ".http") continue;
    in.samples.push_back(h1resp::testing::read_file(p));
    if (p.filename().string().rfind("w3c1992-", 0) == 0) in.w3c.push_back(in.samples.back());
  }

  const std::string ok_tail = "Date: Tue, 05 Nov 2024 14:32:07 GMT\r\nContent-Length: 0\r\n\r\n";
  in.lenient = {
      "HTTP/1.1 200 OK\r\nX-Folded: first\r\n  second\r\n" + ok_tail,                 // obs-fold
      "HTTP/1.1 200 OK\nDate: Tue, 05 Nov 2024 14:32:07 GMT\nContent-Length: 0\n\n",  // bare LF
      "HTTP/1.1 200\r\n" + ok_tail,                                    // no reason SP
      "\r\n\r\nHTTP/1.1 200 OK\r\n" + ok_tail,                         // empty lines
      "HTTP/1.1 200 OK\r\nX-Spaced : value\r\n" + ok_tail,             // ws before :
      "HTTP/1.1 200 OK\r\nX-Cr: a\rb\r\n" + ok_tail,                   // bare CR
      "HTTP/1.1  200\tOK\r\n" + ok_tail,                               // status ws
      "HTTP/1.1 200 OK\r\n  ignored line\r\n" + ok_tail,               // ws-preceded
      "HTTP/1.1 200 OK\r\nX-Ctl: a\x01z\r\n" + ok_tail,                // value CTL
      "HTTP/1.1 200 OK\r\nX-Latin: caf\xc3\xa9\r\n" + ok_tail,         // obs-text
      "HTTP/1.1 301 Moved Permanently\r\n" + ok_tail,                  // no Location
      "HTTP/1.1 401 Unauthorized\r\n" + ok_tail,                       // no challenge
      "HTTP/1.1 302 Moved Temporarily\r\nLocation: /x\r\n" + ok_tail,  // legacy phrase
      "HTTP/1.1 299 Whatever\r\n" + ok_tail,                           // unregistered
      "HTTP/1.1 499 Client Closed Request\r\n" + ok_tail,              // nginx's
      "HTTP/1.1 304 Not Modified\r\nContent-Type: text/html\r\nContent-Length: 5\r\n"
      "Date: Tue, 05 Nov 2024 14:32:07 GMT\r\n\r\n",  // 304 fields
      "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
      "HTTP/1.1 200 OK\r\nDate: yesterday\r\nExpires: 0\r\nCache-Control: ,, max-age=x\r\n"
      "Content-Length: 0\r\nHost: example.com\r\nContent-MD5: abc\r\n\r\n",  // bad values
      "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-1/10\r\n" + ok_tail,
      "HTTP/1.0 200 OK\r\nConnection: keep-alive, close\r\nTransfer-Encoding: gzip\r\n\r\n",
  };
  in.broken = {
      "HTTP/1.1 2000 OK\r\n\r\n",
      "garbage\r\n\r\n",
      "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n",
      "HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n"s,       // a NUL in a value
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n",  // incomplete
  };
  std::string many = "HTTP/1.1 200 OK\r\n";
  for (int i = 0; i < 200; ++i)
    many += "X-Field-" + std::to_string(i) + ": v\r\n";
  in.broken.push_back(many + "\r\n");  // field.limits.field-count
  in.broken.push_back("HTTP/1.1 200 OK\r\nX-Long: " + std::string(20000, 'a') + "\r\n\r\n");
  std::string big = "HTTP/1.1 200 OK\r\n";
  while (big.size() < 70000)
    big += "X-Filler: " + std::string(8000, 'b') + "\r\n";
  in.broken.push_back(big + "\r\n");  // field.limits.section-size

  const std::string chunked_head =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:40:12 GMT\r\nContent-Type: text/plain\r\n"
      "Transfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n";
  in.chunked = {
      chunked_head +
          "5\r\nhello\r\n6;name=value;q=\"quoted \\\" text\"\r\n world\r\n0\r\n"
          "Server-Timing: db;dur=53\r\nContent-Length: 12\r\nX-Unannounced: 1\r\n\r\n",
      chunked_head + "1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n",
      // Lenient-only: a bare LF after a chunk line, an obs-folded trailer.
      chunked_head + "3\nabc\r\n0\r\nServer-Timing: a;dur=1\r\n b\r\n\r\n",
  };
  for (const std::string& s : in.samples) {
    if (s.find("Transfer-Encoding: chunked") != std::string::npos) in.chunked.push_back(s);
  }

  in.pipeline =
      "HTTP/1.1 100 Continue\r\n\r\n"
      "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload; as=style\r\n\r\n" +
      in.chunked[0] +
      "HTTP/1.1 304 Not Modified\r\nDate: Tue, 05 Nov 2024 14:40:12 GMT\r\nETag: \"x\"\r\n\r\n"
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:40:12 GMT\r\nContent-Length: 5\r\n\r\nhello"
      "HTTP/1.1 204 No Content\r\nDate: Tue, 05 Nov 2024 14:40:12 GMT\r\nContent-Length: 4\r\n\r\n"
      "HTTP/1.1 404 Not Found\r\nDate: Tue, 05 Nov 2024 14:40:12 GMT\r\nConnection: close\r\n"
      "Content-Length: 0\r\n\r\n"
      "HTTP/1.1 200 OK\r\n\r\nafter close";
  in.request =
      "GET /index.html HTTP/1.1\r\nHost: example.com\r\nExpect: 100-continue\r\n"
      "Range: bytes=0-99\r\nIf-None-Match: \"x\"\r\nUpgrade: websocket\r\n"
      "Accept: text/html\r\n\r\n";
  return in;
}

// ---- Scenarios ---------------------------------------------------------------------------------

void realistic_corpus(const Inputs& in, KernelId kernel, Seen& seen) {
  BasicResponseParser<> parser;
  parser.use_kernel(kernel);
  for (std::size_t i = 0; i < in.realistic.size(); ++i) {
    parse_frame_validate(parser, in.realistic.message(i), Policy::strict(), RequestMethod::get,
                         seen);
  }
}

void samples_and_lenient_inputs(const Inputs& in, KernelId kernel, Seen& seen) {
  for (const Policy& policy : {Policy::strict(), Policy::lenient()}) {
    BasicResponseParser<> parser(policy);
    parser.use_kernel(kernel);
    for (const auto* set : {&in.samples, &in.lenient, &in.broken}) {
      for (const std::string& s : *set) {
        parse_frame_validate(parser, s, policy, RequestMethod::get, seen);
        parse_frame_validate(parser, s, policy, RequestMethod::head, seen);
      }
    }
  }
  Policy w3c = Policy::lenient();
  w3c.dialect = Dialect::w3c1992;
  BasicResponseParser<> parser(w3c);
  parser.use_kernel(kernel);
  for (const std::string& s : in.w3c)
    parse_frame_validate(parser, s, w3c, RequestMethod::get, seen);
}

void incremental_feeding(const Inputs& in, KernelId kernel, Seen& seen) {
  BasicResponseParser<> strict;
  BasicResponseParser<> lenient(Policy::lenient());
  strict.use_kernel(kernel);
  lenient.use_kernel(kernel);
  for (std::size_t i = 0; i < in.realistic.size(); i += 25) {
    feed_in_pieces(strict, in.realistic.message(i), 7, seen);
  }
  for (const std::string& s : in.lenient)
    feed_in_pieces(lenient, s, 3, seen);
  for (const std::string& s : in.broken)
    feed_in_pieces(strict, s, 997, seen);
}

void chunked_bodies(const Inputs& in, KernelId kernel, Seen& seen) {
  force_kernel(kernel);  // the decoder's trailer parser takes the active kernel
  for (const Policy& policy : {Policy::strict(), Policy::lenient()}) {
    for (const std::string& s : in.chunked) {
      decode_chunked(s, policy, s.size(), seen);
      decode_chunked(s, policy, 1, seen);
      decode_chunked(s, policy, 5, seen);
    }
  }
}

void response_streams(const Inputs& in, KernelId kernel, Seen& seen) {
  force_kernel(kernel);  // the stream's parser takes the active kernel
  StreamOptions options;
  walk_stream(in.pipeline, options, seen);
  options.policy = Policy::lenient();
  for (const std::string& s : in.samples)
    walk_stream(s, options, seen);
  for (const std::string& s : in.lenient)
    walk_stream(s, options, seen);
  static constexpr RequestMethod kMethods[] = {RequestMethod::post, RequestMethod::head,
                                               RequestMethod::get};
  options.methods = kMethods;
  options.exact_requests = true;
  options.closed = false;
  options.request = request_context(in.request);
  walk_stream(in.pipeline, options, seen);
  options.validate = false;
  walk_stream(in.pipeline, options, seen);
}

void request_contexts(const Inputs& in, KernelId, Seen& seen) {
  const RequestContext c = request_context(in.request);
  consume(static_cast<std::uint64_t>(c.method) + c.upgrade.size() + c.accept.size() +
          (c.expect_continue ? 1 : 0));
  ++seen.complete;
}

struct Scenario {
  const char* name;
  void (*run)(const Inputs&, KernelId, Seen&);
  bool (*exercised)(const Seen&);  // the scenario went where it was meant to go
};

const Scenario kScenarios[] = {
    {"realistic corpus: parse, framing, validate (strict)", realistic_corpus,
     [](const Seen& s) { return s.complete == 500 && s.errors == 0; }},
    {"samples, lenient inputs and errors: parse, framing, validate (strict, lenient, 1992)",
     samples_and_lenient_inputs,
     [](const Seen& s) { return s.complete > 50 && s.errors > 10 && s.warnings > 50; }},
    {"incremental feeding", incremental_feeding,
     [](const Seen& s) { return s.complete > 20 && s.errors > 3; }},
    {"chunked bodies through ChunkedDecoder, trailers validated", chunked_bodies,
     [](const Seen& s) { return s.chunked > 10 && s.trailers > 3 && s.findings > 3; }},
    {"ResponseStream walks", response_streams,
     [](const Seen& s) { return s.messages > 40 && s.errors > 5; }},
    {"request_context()", request_contexts, [](const Seen& s) { return s.complete == 1; }},
};

}  // namespace

int main() {
  const Inputs inputs = make_inputs();
  const KernelId initial = active_kernel();
  int failures = 0;

  // The counter must see allocations, or every "0" below would mean nothing (for example if a
  // sanitizer's runtime took operator new over).
  {
    const std::uint64_t before = testing::allocation_count();
    auto p = std::make_unique<std::uint64_t>(42);
    consume(*p);
    if (testing::allocation_count() - before != 1) {
      std::fprintf(stderr, "FAIL: the counting operator new is not in use\n");
      return 1;
    }
  }

  constexpr int kRounds = 3;
  for (const KernelId kernel : supported_kernels()) {
    for (const Scenario& scenario : kScenarios) {
      Seen warm_up;
      scenario.run(inputs, kernel, warm_up);
      if (!scenario.exercised(warm_up)) {
        std::fprintf(stderr,
                     "FAIL [%s] %s: the inputs did not exercise it (complete %llu, errors %llu, "
                     "warnings %llu, findings %llu, chunked %llu, trailers %llu, messages %llu)\n",
                     std::string(to_string(kernel)).c_str(), scenario.name,
                     static_cast<unsigned long long>(warm_up.complete),
                     static_cast<unsigned long long>(warm_up.errors),
                     static_cast<unsigned long long>(warm_up.warnings),
                     static_cast<unsigned long long>(warm_up.findings),
                     static_cast<unsigned long long>(warm_up.chunked),
                     static_cast<unsigned long long>(warm_up.trailers),
                     static_cast<unsigned long long>(warm_up.messages));
        ++failures;
        continue;
      }
      const std::uint64_t before = testing::allocation_count();
      for (int round = 0; round < kRounds; ++round) {
        Seen seen;
        scenario.run(inputs, kernel, seen);
      }
      const std::uint64_t allocations = testing::allocation_count() - before;
      std::printf(
          "%s [%s] %s: %llu allocations in %d rounds (each: %llu complete, %llu errors, %llu "
          "findings, %llu chunked bodies, %llu stream messages)\n",
          allocations == 0 ? "ok  " : "FAIL", std::string(to_string(kernel)).c_str(), scenario.name,
          static_cast<unsigned long long>(allocations), kRounds,
          static_cast<unsigned long long>(warm_up.complete),
          static_cast<unsigned long long>(warm_up.errors),
          static_cast<unsigned long long>(warm_up.findings),
          static_cast<unsigned long long>(warm_up.chunked),
          static_cast<unsigned long long>(warm_up.messages));
      if (allocations != 0) ++failures;
    }
  }
  force_kernel(initial);
  if (failures != 0) {
    std::fprintf(stderr, "%d scenario(s) failed\n", failures);
    return 1;
  }
  std::printf("no allocation on the hot path\n");
  return 0;
}
