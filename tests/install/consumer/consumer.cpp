// Uses the installed C++ API (and the C API from C++): parses a response, decides its framing,
// validates it. Exit status 0 when the results are the expected ones.
#include <h1resp/h1resp.h>
#include <h1resp/framing.hpp>
#include <h1resp/parser.hpp>
#include <h1resp/validator.hpp>

#include <cstdio>
#include <string_view>

int main() {
  constexpr std::string_view kResponse =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nContent-Length: 3\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  h1resp::BasicResponseParser<> parser;
  if (parser.feed(kResponse) != h1resp::ParseStatus::complete) return 1;
  h1resp::FindingList findings;
  const h1resp::Framing framing =
      h1resp::decide_framing(parser.response(), h1resp::RequestMethod::get, findings);
  h1resp::validate(parser.response(), framing, {}, parser.policy(), findings);
  for (const h1resp::Finding& f : findings) {
    const std::string_view id = h1resp::to_string(f.rule);
    std::printf("%.*s\n", static_cast<int>(id.size()), id.data());
  }
  const bool cpp_ok = framing.body == h1resp::BodyKind::chunked &&
                      findings.contains(h1resp::Rule::framing_te_and_cl) &&
                      findings.verdict() == h1resp::Verdict::reject;

  // The C API from C++, same response, same verdict.
  h1resp_parser* c = nullptr;
  if (h1resp_parser_create(nullptr, &c) != H1RESP_OK) return 1;
  const bool c_ok =
      h1resp_parser_feed(c, kResponse.data(), kResponse.size()) == H1RESP_PARSE_COMPLETE &&
      h1resp_parser_validate(c, H1RESP_METHOD_GET) == H1RESP_OK &&
      h1resp_parser_verdict(c) == H1RESP_VERDICT_REJECT;
  h1resp_parser_destroy(c);
  std::printf("verdict: %s\n", cpp_ok && c_ok ? "reject, as expected" : "unexpected");
  return cpp_ok && c_ok ? 0 : 1;
}
