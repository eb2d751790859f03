#include "report/check.hpp"

namespace h1resp::report {

void Summary::count(const StreamMessage& m) noexcept {
  ++responses;
  switch (m.verdict()) {
    case Verdict::accept:
      ++accepted;
      break;
    case Verdict::warn:
      ++warned;
      break;
    case Verdict::reject:
      ++rejected;
      break;
  }
  int worst = -1;
  for (int s = 0; s < 3; ++s) {
    const std::uint32_t n = m.findings.count(static_cast<Severity>(s));
    findings[s] += n;
    if (n != 0) worst = s;
  }
  for (int s = 0; s <= worst; ++s)
    ++responses_at_least[s];
}

void check_stream(std::string_view file, std::string_view bytes, const CheckSettings& settings,
                  Reporter& reporter, Summary& summary) {
  ++summary.files;
  std::vector<Disagreement> disagreements;
  if (settings.compare_llhttp) {
    interop::LlhttpOptions llhttp;
    llhttp.strict = settings.llhttp_strict;
    disagreements = interop::compare_streams(bytes, settings.methods, settings.policy, llhttp);
    summary.disagreements += disagreements.size();
  }
  StreamOptions options;
  options.policy = settings.policy;
  options.methods = settings.methods;
  options.exact_requests = settings.exact_requests;
  if (settings.request != nullptr) options.request = *settings.request;
  ResponseStream stream(bytes, options);
  StreamMessage message;
  std::vector<Disagreement> mine;
  // Disagreements come in response order: one cursor hands each response its own.
  std::size_t next_disagreement = 0;
  while (stream.next(message)) {
    summary.count(message);
    if (settings.progress != nullptr) {
      settings.progress->advance(stream.position(), summary.responses);
      // The reporter writes next: on the same terminal, that starts on a clean line.
      if (settings.progress_shares_terminal) settings.progress->clear();
    }
    mine.clear();
    while (next_disagreement < disagreements.size() &&
           disagreements[next_disagreement].index <= message.index) {
      if (disagreements[next_disagreement].index == message.index) {
        mine.push_back(disagreements[next_disagreement]);
      }
      ++next_disagreement;
    }
    reporter.response(ResponseEvent{file, bytes, message, settings.compare_llhttp ? &mine : nullptr,
                                    settings.request_bytes});
  }
}

}  // namespace h1resp::report
