// h1resp's benchmarks, with llhttp as the baseline, on three generated corpora (corpus.hpp).
//
//   parse/<corpus>/<kernel>     ResponseParser::parse() of each response, with each kernel
//   parse_framing/<corpus>      parse() and decide_framing(): what llhttp works out too (it reads
//                               Content-Length, Transfer-Encoding and Connection as it parses)
//   parse_validate/<corpus>     parse() and examine() (decide_framing() and validate() sharing one
//                               index of the field names): what a validating proxy does per
//                               response (the active kernel: the best one, unless H1RESP_KERNEL
//                               names another)
//   parse_validate_errors/<corpus>
//                               the same with Validation::errors_only: what a proxy that only
//                               decides between forwarding and 502 does per response
//   framing/<corpus>            decide_framing() alone, on responses parsed beforehand
//   validate/<corpus>           validate() alone, on responses parsed and framed beforehand
//   validate_errors/<corpus>    the same with Validation::errors_only
//   examine/<corpus>            examine() alone, on responses parsed beforehand
//   llhttp/<corpus>             llhttp reading the same header sections (llhttp_spans.hpp)
//   scan/realistic/<kernel>     stage 1 alone: the kernel classifying the header-section bytes
//   fixed_order/<benchmark>     parse/realistic/<active kernel>, examine/realistic and
//                               llhttp/realistic with every pass in the corpus's own order: what
//                               the shuffled passes below keep out of every other figure
//
// Each pass visits the whole corpus in one of kPassOrders shuffled orders, a different one from
// the pass before. In the same order every pass, the branch predictor learns the corpus: the
// history before a response's branches is the end of the response before it, which then tells
// where in the corpus the pass is and so how every branch goes. Real traffic does not repeat
// like that. Measured on one machine (AMD EPYC, AVX-512), fixed against shuffled, µs per pass of
// realistic: parse 47 against 60, examine() 102 against 115, and parse + examine() in one loop
// 165 against 172 (the two stages' branches together are too many to learn, so that figure was
// nearly honest, and looked like more than the sum of its parts).
// Every benchmark processes the whole corpus per iteration and reports header-section bytes per
// second and responses per second (of CPU time, which a busy machine disturbs less than wall
// time). The corpora are checked once at start-up (corpus_check.hpp).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "corpus_check.hpp"
#include "h1resp/framing.hpp"
#include "h1resp/kernel.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"
#include "llhttp_spans.hpp"
#include "scanner/block_masks.hpp"

namespace h1resp::bench {
namespace {

// Passes over a corpus: enough distinct orders that no pair of neighbours repeats often.
constexpr std::size_t kPassOrders = 16;

enum class PassOrder { shuffled, fixed };

// A corpus and what the benchmarks need of it, built before timing.
struct Prepared {
  const Corpus* corpus = nullptr;
  // The order of each pass: kPassOrders permutations of the corpus (from a fixed seed), or the
  // corpus's own order alone (PassOrder::fixed). Each holds every response once, so a pass
  // processes corpus->header_bytes whatever the order.
  std::vector<std::vector<std::uint32_t>> orders;
  std::vector<std::string_view> messages;
  // Parsed once, for the benchmarks of the later stages alone: each response's field lines are
  // copied out of the parser, and the Response points to the copy.
  std::vector<std::vector<FieldLine>> field_lines;
  std::vector<Response> responses;
  std::vector<Framing> framings;

  // The order of pass number `pass` (counted from 0 by each benchmark).
  [[nodiscard]] const std::vector<std::uint32_t>& order(std::size_t pass) const noexcept {
    return orders[pass % orders.size()];
  }
};

std::vector<std::vector<std::uint32_t>> pass_orders(std::size_t size, PassOrder kind) {
  std::vector<std::uint32_t> identity(size);
  std::iota(identity.begin(), identity.end(), 0U);
  if (kind == PassOrder::fixed) return {identity};
  std::vector<std::vector<std::uint32_t>> orders(kPassOrders, identity);
  std::mt19937 random(20261127);  // std::shuffle's draws vary between libraries, the seed not
  for (std::vector<std::uint32_t>& order : orders)
    std::shuffle(order.begin(), order.end(), random);
  return orders;
}

Prepared prepare(const Corpus& corpus, PassOrder order = PassOrder::shuffled) {
  Prepared p;
  p.corpus = &corpus;
  p.orders = pass_orders(corpus.size(), order);
  BasicResponseParser<> parser;
  FindingList findings;
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    p.messages.push_back(corpus.message(i));
    parser.parse(p.messages.back());  // complete: checked at start-up
    const auto lines = parser.response().field_lines;
    p.field_lines.emplace_back(lines.begin(), lines.end());
  }
  // Only now do the vectors of field lines stay where they are.
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    parser.parse(p.messages[i]);
    Response r = parser.response();
    r.field_lines = p.field_lines[i];
    p.responses.push_back(r);
    p.framings.push_back(decide_framing(r, RequestMethod::get, findings));
  }
  return p;
}

void report(benchmark::State& state, const Corpus& corpus) {
  const auto passes = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(passes * static_cast<std::int64_t>(corpus.header_bytes));
  state.counters["responses"] =
      benchmark::Counter(static_cast<double>(passes) * static_cast<double>(corpus.size()),
                         benchmark::Counter::kIsRate);
}

void parse(benchmark::State& state, const Prepared& p, KernelId kernel) {
  BasicResponseParser<> parser;
  if (!parser.use_kernel(kernel)) {
    state.SkipWithError("kernel not supported");
    return;
  }
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const std::string_view message = p.messages[i];
      benchmark::DoNotOptimize(parser.parse(message));
      benchmark::DoNotOptimize(parser.header_size());
    }
  }
  report(state, *p.corpus);
}

void parse_framing(benchmark::State& state, const Prepared& p) {
  BasicResponseParser<> parser;  // the active kernel
  FindingList findings;
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const std::string_view message = p.messages[i];
      benchmark::DoNotOptimize(parser.parse(message));
      findings.clear();
      const Framing framing = decide_framing(parser.response(), RequestMethod::get, findings);
      benchmark::DoNotOptimize(framing.length);
      benchmark::DoNotOptimize(findings.verdict());
    }
  }
  report(state, *p.corpus);
}

void parse_validate(benchmark::State& state, const Prepared& p, Validation validation) {
  BasicResponseParser<> parser;  // the active kernel
  FindingList findings;
  Policy policy = Policy::strict();
  policy.validation = validation;
  const RequestContext request{};
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const std::string_view message = p.messages[i];
      benchmark::DoNotOptimize(parser.parse(message));
      findings.clear();
      benchmark::DoNotOptimize(examine(parser.response(), request, policy, findings));
      benchmark::DoNotOptimize(findings.verdict());
    }
  }
  report(state, *p.corpus);
}

void framing_only(benchmark::State& state, const Prepared& p) {
  FindingList findings;
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const Response& response = p.responses[i];
      findings.clear();
      const Framing framing = decide_framing(response, RequestMethod::get, findings);
      benchmark::DoNotOptimize(framing.length);
      benchmark::DoNotOptimize(findings.verdict());
    }
  }
  report(state, *p.corpus);
}

void validate_only(benchmark::State& state, const Prepared& p, Validation validation) {
  FindingList findings;
  Policy policy = Policy::strict();
  policy.validation = validation;
  const RequestContext request{};
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      findings.clear();
      validate(p.responses[i], p.framings[i], request, policy, findings);
      benchmark::DoNotOptimize(findings.verdict());
    }
  }
  report(state, *p.corpus);
}

void examine_only(benchmark::State& state, const Prepared& p) {
  FindingList findings;
  const Policy policy = Policy::strict();
  const RequestContext request{};
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const Response& response = p.responses[i];
      findings.clear();
      benchmark::DoNotOptimize(examine(response, request, policy, findings));
      benchmark::DoNotOptimize(findings.verdict());
    }
  }
  report(state, *p.corpus);
}

void llhttp_read(benchmark::State& state, const Prepared& p) {
  LlhttpHeaderReader reader;
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const std::string_view message = p.messages[i];
      benchmark::DoNotOptimize(reader.read(message));
      benchmark::DoNotOptimize(reader.field_count());
    }
  }
  report(state, *p.corpus);
}

// Stage 1 alone, in the windows the tokenizer uses, over each header section.
void scan(benchmark::State& state, const Prepared& p, KernelId kernel) {
  const detail::ClassifyFn classify = detail::classify_function(kernel);
  detail::BlockMasks masks[detail::kWindowBlocks];
  std::size_t pass = 0;
  for (auto _ : state) {
    for (const std::uint32_t i : p.order(pass++)) {
      const std::string_view header = p.corpus->header(i);
      for (std::size_t at = 0; at < header.size(); at += detail::kWindowBytes) {
        classify(header.data() + at, std::min(detail::kWindowBytes, header.size() - at), masks);
        benchmark::DoNotOptimize(masks);
      }
    }
  }
  report(state, *p.corpus);
}

std::string kernel_list() {
  std::string out;
  for (const KernelId k : supported_kernels()) {
    if (!out.empty()) out += ",";
    out += to_string(k);
  }
  return out;
}

}  // namespace
}  // namespace h1resp::bench

int main(int argc, char** argv) {
  using namespace h1resp;
  using namespace h1resp::bench;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
#if defined(H1RESP_BENCH_LLHTTP_SSE42)
  // llhttp is built with -msse4.2 here (bench/CMakeLists.txt): it would fault without it.
  if (!__builtin_cpu_supports("sse4.2")) {
    std::fprintf(stderr,
                 "h1resp_bench: this CPU lacks SSE4.2, which the llhttp baseline was "
                 "built with\n");
    return 1;
  }
#endif

  const std::vector<Corpus> corpora = make_all_corpora();
  std::vector<Prepared> prepared;
  prepared.reserve(corpora.size());  // the benchmarks keep references
  for (const Corpus& corpus : corpora) {
    const CorpusCheck check = check_corpus_or_exit(corpus);
    char text[160];
    std::snprintf(text, sizeof text,
                  "%zu responses, %zu header bytes (%.1f per response), %zu warnings, %zu infos",
                  corpus.size(), corpus.header_bytes, corpus.average_header_bytes(), check.warnings,
                  check.infos);
    benchmark::AddCustomContext("corpus_" + corpus.name, text);
    prepared.push_back(prepare(corpus));
  }
  benchmark::AddCustomContext("kernels", kernel_list());
  benchmark::AddCustomContext("active_kernel", std::string(to_string(active_kernel())));
  benchmark::AddCustomContext(
      "llhttp", std::to_string(LLHTTP_VERSION_MAJOR) + "." + std::to_string(LLHTTP_VERSION_MINOR) +
                    "." + std::to_string(LLHTTP_VERSION_PATCH) +
#if defined(H1RESP_BENCH_LLHTTP_SSE42)
                    " (built with -msse4.2: its SSE4.2 field scans on)"
#else
                    " (baseline build: its SSE4.2 field scans off)"
#endif
  );

  // Lambdas that hold a pointer: RegisterBenchmark's extra arguments would be copied, corpus and
  // all.
  for (const Prepared& prep : prepared) {
    const Prepared* p = &prep;
    const std::string& name = p->corpus->name;
    for (const KernelId kernel : supported_kernels()) {
      const std::string id = "parse/" + name + "/" + std::string(to_string(kernel));
      benchmark::RegisterBenchmark(id.c_str(),
                                   [p, kernel](benchmark::State& s) { parse(s, *p, kernel); });
    }
    benchmark::RegisterBenchmark(("parse_framing/" + name).c_str(),
                                 [p](benchmark::State& s) { parse_framing(s, *p); });
    benchmark::RegisterBenchmark(("parse_validate/" + name).c_str(), [p](benchmark::State& s) {
      parse_validate(s, *p, Validation::every_rule);
    });
    benchmark::RegisterBenchmark(
        ("parse_validate_errors/" + name).c_str(),
        [p](benchmark::State& s) { parse_validate(s, *p, Validation::errors_only); });
    benchmark::RegisterBenchmark(("framing/" + name).c_str(),
                                 [p](benchmark::State& s) { framing_only(s, *p); });
    benchmark::RegisterBenchmark(("validate/" + name).c_str(), [p](benchmark::State& s) {
      validate_only(s, *p, Validation::every_rule);
    });
    benchmark::RegisterBenchmark(("validate_errors/" + name).c_str(), [p](benchmark::State& s) {
      validate_only(s, *p, Validation::errors_only);
    });
    benchmark::RegisterBenchmark(("examine/" + name).c_str(),
                                 [p](benchmark::State& s) { examine_only(s, *p); });
    benchmark::RegisterBenchmark(("llhttp/" + name).c_str(),
                                 [p](benchmark::State& s) { llhttp_read(s, *p); });
  }
  const Prepared* realistic = &prepared.front();
  for (const KernelId kernel : supported_kernels()) {
    const std::string id = "scan/realistic/" + std::string(to_string(kernel));
    benchmark::RegisterBenchmark(
        id.c_str(), [realistic, kernel](benchmark::State& s) { scan(s, *realistic, kernel); });
  }
  // The same corpus in its own order every pass: how much a learnt order flatters each.
  const Prepared fixed = prepare(corpora.front(), PassOrder::fixed);
  const Prepared* f = &fixed;
  const KernelId active = active_kernel();
  benchmark::RegisterBenchmark(
      ("fixed_order/parse/realistic/" + std::string(to_string(active))).c_str(),
      [f, active](benchmark::State& s) { parse(s, *f, active); });
  benchmark::RegisterBenchmark("fixed_order/examine/realistic",
                               [f](benchmark::State& s) { examine_only(s, *f); });
  benchmark::RegisterBenchmark("fixed_order/llhttp/realistic",
                               [f](benchmark::State& s) { llhttp_read(s, *f); });

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
