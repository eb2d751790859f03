/* Uses the installed C API: parses a response, validates it, prints the verdict and findings.
 * Exit status 0 when the results are the expected ones. */
#include <h1resp/h1resp.h>
#include <stdio.h>
#include <string.h>

static const char kResponse[] =
    "HTTP/1.1 401 Unauthorized\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\n"
    "Content-Length: 0\r\n\r\n";

int main(void) {
  h1resp_parser* parser = NULL;
  if (h1resp_parser_create(NULL, &parser) != H1RESP_OK) return 1;
  int failed = h1resp_parser_feed(parser, kResponse, sizeof kResponse - 1) != H1RESP_PARSE_COMPLETE;
  failed |= h1resp_parser_validate(parser, H1RESP_METHOD_GET) != H1RESP_OK;
  int www_authenticate = 0;
  for (size_t i = 0; i < h1resp_parser_finding_count(parser); ++i) {
    h1resp_finding f;
    if (h1resp_parser_finding(parser, i, &f) != H1RESP_OK) return 1;
    printf("%.*s %.*s\n", (int)f.rule.size, f.rule.data, (int)f.message.size, f.message.data);
    www_authenticate |= f.rule.size == 20 && memcmp(f.rule.data, "401.www-authenticate", 20) == 0;
  }
  const h1resp_slice verdict = h1resp_verdict_name(h1resp_parser_verdict(parser));
  printf("verdict: %.*s\n", (int)verdict.size, verdict.data);
  failed |= !www_authenticate || h1resp_parser_verdict(parser) != H1RESP_VERDICT_WARN;
  h1resp_parser_destroy(parser);
  return failed;
}
