#include "corpus_check.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "h1resp/framing.hpp"
#include "h1resp/kernel.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/validator.hpp"
#include "llhttp_spans.hpp"

namespace h1resp::bench {
namespace {

[[noreturn]] void fail(const Corpus& corpus, std::size_t i, const std::string& what) {
  const std::string_view header = corpus.header(i);
  std::fprintf(stderr,
               "h1resp_bench: corpus '%s', response %zu: %s\n"
               "---- header section (%zu bytes, first 600 shown) ----\n%.*s\n----\n",
               corpus.name.c_str(), i, what.c_str(), header.size(),
               static_cast<int>(std::min<std::size_t>(header.size(), 600)), header.data());
  std::exit(1);
}

std::string describe(const FindingList& findings, const Response& response) {
  std::string out;
  for (const Finding& f : findings) {
    out += "\n  ";
    out += to_string(f.severity);
    out += " ";
    out += rule_info(f.rule).id;
    out += ": ";
    out += rule_info(f.rule).summary;
    if (!f.detail.empty()) out += std::string(" (") + std::string(f.detail) + ")";
    if (f.offset < response.bytes.size()) {
      out +=
          " at \"" + std::string(response.bytes.substr(f.offset, std::min(f.length, 60U))) + "\"";
    }
  }
  return out;
}

}  // namespace

CorpusCheck check_corpus_or_exit(const Corpus& corpus) {
  CorpusCheck result;
  BasicResponseParser<> parser;
  BasicResponseParser<> other;
  LlhttpHeaderReader llhttp;
  FindingList findings;
  const Policy policy = Policy::strict();
  // H1RESP_BENCH_FINDINGS=1 lists the warnings and notes, to keep the corpora clean.
  const char* env = std::getenv("H1RESP_BENCH_FINDINGS");
  const bool show_findings = env != nullptr && std::string_view(env) == "1";
  for (std::size_t i = 0; i < corpus.size(); ++i) {
    const std::string_view message = corpus.message(i);
    if (parser.parse(message) != ParseStatus::complete) {
      fail(corpus, i,
           "h1resp (strict) does not parse it: " + std::string(to_string(parser.status())) + ", " +
               std::string(parser.error().message()) + " at offset " +
               std::to_string(parser.error().offset));
    }
    const Response& response = parser.response();
    if (response.header_size != corpus.entries[i].header_size) {
      fail(corpus, i, "h1resp ends the header section at " + std::to_string(response.header_size));
    }
    if (!parser.findings().empty()) {
      fail(corpus, i, "tokenizer findings:" + describe(parser.findings(), response));
    }
    for (const KernelId kernel : supported_kernels()) {
      other.use_kernel(kernel);
      bool same = other.parse(message) == ParseStatus::complete &&
                  other.response().field_count() == response.field_count() &&
                  other.header_size() == response.header_size &&
                  other.response().reason == response.reason;
      for (std::size_t f = 0; same && f < response.field_count(); ++f) {
        same = other.response().field_lines[f].name == response.field_lines[f].name &&
               other.response().field_lines[f].value == response.field_lines[f].value;
      }
      if (!same)
        fail(corpus, i, "kernel " + std::string(to_string(kernel)) + " reads it differently");
    }

    findings.clear();
    const Framing framing = decide_framing(response, RequestMethod::get, findings);
    validate(response, framing, RequestContext{}, policy, findings);
    if (findings.count(Severity::error) != 0) {
      fail(corpus, i, "error findings:" + describe(findings, response));
    }
    if (show_findings && !findings.empty()) {
      std::fprintf(stderr, "%s %zu:%s\n", corpus.name.c_str(), i,
                   describe(findings, response).c_str());
    }
    result.warnings += findings.count(Severity::warning);
    result.infos += findings.count(Severity::info);

    if (!llhttp.read(message)) {
      fail(corpus, i,
           "llhttp does not reach the end of the header section: " +
               std::string(llhttp_errno_name(llhttp.error())));
    }
    if (llhttp.stop() != message.data() + response.header_size) {
      fail(corpus, i, "llhttp ends the header section elsewhere");
    }
    if (llhttp.status() != response.status || llhttp.version_major() != response.version_major ||
        llhttp.version_minor() != response.version_minor ||
        llhttp.reason().view() != response.reason_phrase() ||
        llhttp.field_count() != response.field_count()) {
      fail(corpus, i, "llhttp reads another status line or field count");
    }
    for (std::size_t f = 0; f < response.field_count(); ++f) {
      const Field field = response.field(f);
      if (llhttp.field(f).name.view() != field.name ||
          llhttp.field(f).value.view() != field.value) {
        fail(corpus, i, "llhttp reads field " + std::to_string(f) + " differently");
      }
    }
  }
  return result;
}

}  // namespace h1resp::bench
