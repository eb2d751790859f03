/* The C API, from C: every entry point of include/h1resp/h1resp.h, on valid, broken and
 * incrementally fed responses, and its argument checks. Built twice, against the static and the
 * shared library, so that a function missing from the shared library's exports fails the link.
 *
 * Exit status 0 when every check passed; each failed check is printed with its line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "h1resp/h1resp.h"

static int g_checks = 0;
static int g_failed = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++g_checks;                                                                \
    if (!(cond)) {                                                             \
      ++g_failed;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

/* True when `s` holds exactly the text `text`. */
static bool slice_is(h1resp_slice s, const char* text) {
  const size_t n = strlen(text);
  return s.size == n && (n == 0 || memcmp(s.data, text, n) == 0);
}

/* True when the parser's findings include `rule`. */
static bool has_finding(const h1resp_parser* p, const char* rule) {
  const size_t n = h1resp_parser_finding_count(p);
  for (size_t i = 0; i < n; ++i) {
    h1resp_finding f;
    if (h1resp_parser_finding(p, i, &f) == H1RESP_OK && slice_is(f.rule, rule)) return true;
  }
  return false;
}

static const char kPage[] =
    "HTTP/1.1 200 OK\r\n"
    "Date: Tue, 05 Nov 2024 14:49:10 GMT\r\n"
    "Server: nginx\r\n"
    "Content-Type: text/plain\r\n"
    "Content-Length: 5\r\n"
    "\r\n"
    "hello";

static void test_policy(void) {
  h1resp_policy strict;
  h1resp_policy lenient;
  h1resp_policy_init(&strict);
  h1resp_policy_init_lenient(&lenient);
  h1resp_policy_init(NULL); /* ignored */
  CHECK(strict.leniencies == 0);
  CHECK(strict.dialect == H1RESP_DIALECT_MODERN);
  CHECK(strict.validation == H1RESP_VALIDATION_EVERY_RULE);
  CHECK(strict.max_header_section_bytes == 64u * 1024u);
  CHECK(strict.max_fields == 128);
  CHECK(lenient.leniencies == H1RESP_LENIENT_ALL);
  CHECK(lenient.max_line_bytes == strict.max_line_bytes);

  /* Unknown leniency bits and dialects are refused, and *out is cleared. */
  h1resp_parser* p = (h1resp_parser*)&strict;
  h1resp_policy bad = strict;
  bad.leniencies = 1u << 12;
  CHECK(h1resp_parser_create(&bad, &p) == H1RESP_EINVAL);
  CHECK(p == NULL);
  bad = strict;
  bad.dialect = (h1resp_dialect)7;
  CHECK(h1resp_parser_create(&bad, &p) == H1RESP_EINVAL);
  bad = strict;
  bad.validation = (h1resp_validation)2;
  CHECK(h1resp_parser_create(&bad, &p) == H1RESP_EINVAL);
  CHECK(h1resp_parser_create(NULL, NULL) == H1RESP_EINVAL);
  h1resp_chunked* d = NULL;
  CHECK(h1resp_chunked_create(&bad, 0, &d) == H1RESP_EINVAL && d == NULL);
}

static void test_names(void) {
  CHECK(strcmp(h1resp_result_name(H1RESP_ESTATE), "H1RESP_ESTATE") == 0);
  CHECK(strcmp(h1resp_result_name((h1resp_result)42), "?") == 0);
  CHECK(h1resp_method_from_name("HEAD", 4) == H1RESP_METHOD_HEAD);
  CHECK(h1resp_method_from_name("head", 4) == H1RESP_METHOD_OTHER); /* case-sensitive */
  CHECK(h1resp_method_from_name(NULL, 0) == H1RESP_METHOD_OTHER);
  CHECK(slice_is(h1resp_method_name(H1RESP_METHOD_DELETE), "DELETE"));
  CHECK(slice_is(h1resp_method_name((h1resp_method)99), "?"));
  CHECK(slice_is(h1resp_body_kind_name(H1RESP_BODY_CHUNKED), "chunked"));
  CHECK(slice_is(h1resp_severity_name(H1RESP_SEVERITY_WARNING), "warning"));
  CHECK(slice_is(h1resp_level_name(H1RESP_LEVEL_MUST_NOT), "MUST NOT"));
  CHECK(slice_is(h1resp_verdict_name(H1RESP_VERDICT_REJECT), "reject"));
}

static void test_null_handles(void) {
  h1resp_response r;
  h1resp_field f;
  h1resp_error e;
  h1resp_framing fr;
  h1resp_finding fi;
  h1resp_parser_destroy(NULL);
  h1resp_chunked_destroy(NULL);
  CHECK(h1resp_parser_reset(NULL) == H1RESP_EINVAL);
  CHECK(h1resp_parser_feed(NULL, "x", 1) == H1RESP_PARSE_INVALID);
  CHECK(h1resp_parser_finish(NULL) == H1RESP_PARSE_INVALID);
  CHECK(h1resp_parser_status(NULL) == H1RESP_PARSE_INVALID);
  CHECK(h1resp_parser_response(NULL, &r) == H1RESP_EINVAL);
  CHECK(h1resp_parser_field(NULL, 0, &f) == H1RESP_EINVAL);
  CHECK(h1resp_parser_find_field(NULL, "a", 1, 0) == 0);
  CHECK(h1resp_parser_error(NULL, &e) == H1RESP_EINVAL);
  CHECK(h1resp_parser_framing(NULL, H1RESP_METHOD_GET, &fr) == H1RESP_EINVAL);
  CHECK(h1resp_parser_validate(NULL, H1RESP_METHOD_GET) == H1RESP_EINVAL);
  CHECK(h1resp_parser_validate_request(NULL, "", 0) == H1RESP_EINVAL);
  CHECK(h1resp_parser_finding_count(NULL) == 0);
  CHECK(h1resp_parser_findings_dropped(NULL) == 0);
  CHECK(h1resp_parser_finding(NULL, 0, &fi) == H1RESP_EINVAL);
  CHECK(h1resp_parser_first_error(NULL, &fi) == H1RESP_EINVAL);
  CHECK(h1resp_parser_verdict(NULL) == H1RESP_VERDICT_REJECT);
  CHECK(h1resp_chunked_reset(NULL, 0) == H1RESP_EINVAL);
  CHECK(h1resp_chunked_feed(NULL, "0\r\n\r\n", 5, NULL) == H1RESP_CHUNKED_INVALID);
  CHECK(h1resp_chunked_finish(NULL) == H1RESP_CHUNKED_INVALID);
  CHECK(h1resp_chunked_error(NULL, &e) == H1RESP_EINVAL);
  CHECK(!h1resp_chunked_in_trailers(NULL));
  CHECK(h1resp_chunked_content_length(NULL) == 0);
  CHECK(h1resp_chunked_chunk_count(NULL) == 0);
  CHECK(h1resp_chunked_trailer_count(NULL) == 0);
  CHECK(h1resp_chunked_trailer(NULL, 0, &f) == H1RESP_EINVAL);
  CHECK(h1resp_chunked_finding_count(NULL) == 0);
  CHECK(h1resp_chunked_finding(NULL, 0, &fi) == H1RESP_EINVAL);
  CHECK(h1resp_parser_add_chunked(NULL, NULL) == H1RESP_EINVAL);
}

/* A valid response fed one byte at a time, in a buffer that moves (a fresh copy each time): the
 * parser keeps offsets, so the result is that of a one-shot parse. */
static void test_valid_incremental(void) {
  h1resp_parser* p = NULL;
  CHECK(h1resp_parser_create(NULL, &p) == H1RESP_OK && p != NULL);
  if (p == NULL) return;
  const size_t total = sizeof kPage - 1;
  char* copy = NULL;
  h1resp_parse_status st = H1RESP_PARSE_INCOMPLETE;
  size_t fed = 0;
  while (st == H1RESP_PARSE_INCOMPLETE && fed < total) {
    ++fed;
    free(copy);
    copy = (char*)malloc(fed);
    if (copy == NULL) break;
    memcpy(copy, kPage, fed);
    st = h1resp_parser_feed(p, copy, fed);
    if (st == H1RESP_PARSE_INCOMPLETE) {
      h1resp_response early;
      CHECK(h1resp_parser_response(p, &early) == H1RESP_ESTATE);
    }
  }
  CHECK(st == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_status(p) == H1RESP_PARSE_COMPLETE);
  CHECK(fed == total - 5); /* complete at the empty line, before the body */
  CHECK(h1resp_parser_feed(p, NULL, 3) == H1RESP_PARSE_INVALID);

  h1resp_response r;
  CHECK(h1resp_parser_response(p, &r) == H1RESP_OK);
  CHECK(r.version_major == 1 && r.version_minor == 1);
  CHECK(r.status_code == 200);
  CHECK(slice_is(r.reason, "OK"));
  CHECK(slice_is(r.status_line, "HTTP/1.1 200 OK"));
  CHECK(r.reason.data == copy + 13); /* borrowed from the last buffer fed */
  CHECK(r.field_count == 4);
  CHECK(r.header_size == total - 5);

  h1resp_field f;
  CHECK(h1resp_parser_field(p, 1, &f) == H1RESP_OK);
  CHECK(slice_is(f.name, "Server") && slice_is(f.value, "nginx") && f.flags == 0);
  CHECK(h1resp_parser_field(p, 4, &f) == H1RESP_ERANGE);
  CHECK(h1resp_parser_field(p, 0, NULL) == H1RESP_EINVAL);
  CHECK(h1resp_parser_find_field(p, "content-length", 14, 0) == 3);
  CHECK(h1resp_parser_find_field(p, "Content-Length", 14, 4) == 4);
  CHECK(h1resp_parser_find_field(p, "Location", 8, 0) == 4);

  h1resp_error e;
  CHECK(h1resp_parser_error(p, &e) == H1RESP_ESTATE);

  h1resp_framing fr;
  CHECK(h1resp_parser_framing(p, H1RESP_METHOD_GET, &fr) == H1RESP_OK);
  CHECK(fr.body == H1RESP_BODY_CONTENT_LENGTH && fr.length == 5);
  CHECK(fr.persistent && !fr.interim && fr.step > 0 && fr.why.size > 0);
  CHECK(fr.persistence_why.size > 0);
  CHECK(h1resp_parser_framing(p, H1RESP_METHOD_HEAD, &fr) == H1RESP_OK);
  CHECK(fr.body == H1RESP_BODY_NONE);
  CHECK(h1resp_parser_framing(p, (h1resp_method)77, &fr) == H1RESP_EINVAL);

  CHECK(h1resp_parser_finding_count(p) == 0);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(has_finding(p, "200.validators")); /* info: no ETag, no Last-Modified */
  CHECK(h1resp_parser_findings_dropped(p) == 0);
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_ACCEPT);
  CHECK(h1resp_parser_validate(p, (h1resp_method)-3) == H1RESP_EINVAL);

  /* Content to a HEAD request: the validator notices what the request makes wrong. */
  static const char kHead[] = "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n";
  CHECK(h1resp_parser_validate_request(p, kHead, sizeof kHead - 1) == H1RESP_OK);

  /* Reset: ready for the next response, nothing left of this one. */
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_status(p) == H1RESP_PARSE_INCOMPLETE);
  CHECK(h1resp_parser_finding_count(p) == 0);
  CHECK(h1resp_parser_find_field(p, "Server", 6, 0) == 0);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_ESTATE);
  CHECK(h1resp_parser_framing(p, H1RESP_METHOD_GET, &fr) == H1RESP_ESTATE);
  CHECK(h1resp_parser_feed(p, kPage, total) == H1RESP_PARSE_COMPLETE);
  /* An empty feed of a fresh parser is just incomplete. */
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, NULL, 0) == H1RESP_PARSE_INCOMPLETE);
  free(copy);
  h1resp_parser_destroy(p);
}

/* Semantic findings and their fields: a 401 without WWW-Authenticate, a 308 without Location. */
static void test_findings(void) {
  h1resp_parser* p = NULL;
  CHECK(h1resp_parser_create(NULL, &p) == H1RESP_OK);
  if (p == NULL) return;
  static const char k401[] =
      "HTTP/1.1 401 Unauthorized\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\n"
      "Content-Length: 0\r\n\r\n";
  CHECK(h1resp_parser_feed(p, k401, sizeof k401 - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_finding_count(p) >= 1);
  CHECK(has_finding(p, "401.www-authenticate"));
  h1resp_finding f;
  bool seen = false;
  for (size_t i = 0; i < h1resp_parser_finding_count(p); ++i) {
    CHECK(h1resp_parser_finding(p, i, &f) == H1RESP_OK);
    if (!slice_is(f.rule, "401.www-authenticate")) continue;
    seen = true;
    CHECK(f.severity == H1RESP_SEVERITY_WARNING);
    CHECK(f.level == H1RESP_LEVEL_MUST);
    CHECK(f.offset == 0 && f.length == 25); /* the status line */
    CHECK(f.message.size > 0 && f.source.size > 0 && f.catalog.size == 3);
  }
  CHECK(seen);
  CHECK(h1resp_parser_finding(p, 1000, &f) == H1RESP_ERANGE);
  CHECK(h1resp_parser_finding(p, 0, NULL) == H1RESP_EINVAL);
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_WARN);

  /* Validating again replaces the findings instead of adding to them. */
  const size_t count = h1resp_parser_finding_count(p);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_finding_count(p) == count);

  /* A framing error: both Content-Length and Transfer-Encoding. */
  static const char kSmuggle[] =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nContent-Length: 3\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, kSmuggle, sizeof kSmuggle - 1) == H1RESP_PARSE_COMPLETE);
  h1resp_framing fr;
  CHECK(h1resp_parser_framing(p, H1RESP_METHOD_GET, &fr) == H1RESP_OK);
  CHECK(fr.body == H1RESP_BODY_CHUNKED && !fr.persistent);
  CHECK(h1resp_parser_finding_count(p) == 0); /* framing() reports nothing */
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(has_finding(p, "framing.te-and-cl"));
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_REJECT);
  CHECK(h1resp_parser_first_error(p, &f) == H1RESP_OK && slice_is(f.rule, "framing.te-and-cl"));
  CHECK(h1resp_parser_first_error(p, NULL) == H1RESP_EINVAL);

  /* More findings than fit, then an error: it is only counted, but kept aside and named. Every
   * leniency: each of the 60 lines ended by a bare LF is a warning. */
  h1resp_policy lenient;
  h1resp_policy_init_lenient(&lenient);
  h1resp_parser* q = NULL;
  CHECK(h1resp_parser_create(&lenient, &q) == H1RESP_OK);
  if (q != NULL) {
    char many[1024];
    size_t n = 0;
    const char* head = "HTTP/1.1 200 OK\r\n";
    memcpy(many + n, head, strlen(head));
    n += strlen(head);
    for (int i = 0; i < 60; ++i) {
      memcpy(many + n, "X-A: a\n", 7);
      n += 7;
    }
    const char* tail = "Content-Length: 1\r\nContent-Length: 2\r\n\r\n";
    memcpy(many + n, tail, strlen(tail));
    n += strlen(tail);
    CHECK(h1resp_parser_feed(q, many, n) == H1RESP_PARSE_COMPLETE);
    CHECK(h1resp_parser_validate(q, H1RESP_METHOD_GET) == H1RESP_OK);
    CHECK(h1resp_parser_findings_dropped(q) > 0);
    CHECK(!has_finding(q, "framing.cl-conflict"));
    CHECK(h1resp_parser_verdict(q) == H1RESP_VERDICT_REJECT);
    CHECK(h1resp_parser_first_error(q, &f) == H1RESP_OK && slice_is(f.rule, "framing.cl-conflict"));
    h1resp_parser_destroy(q);
  }

  /* No error: nothing to name. */
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, kPage, sizeof kPage - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_first_error(p, &f) == H1RESP_ERANGE);
  h1resp_parser_destroy(p);
}

/* H1RESP_VALIDATION_ERRORS_ONLY: a 101 without Upgrade is still rejected, with the same error;
 * the warnings and infos of every rule are not looked for. */
static void test_errors_only(void) {
  static const char k101[] = "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n";
  static const char k401[] = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n";
  h1resp_policy policy;
  h1resp_policy_init(&policy);
  policy.validation = H1RESP_VALIDATION_ERRORS_ONLY;
  h1resp_parser* errors = NULL;
  h1resp_parser* every = NULL;
  CHECK(h1resp_parser_create(&policy, &errors) == H1RESP_OK);
  CHECK(h1resp_parser_create(NULL, &every) == H1RESP_OK);
  if (errors == NULL || every == NULL) return;
  h1resp_finding f;
  CHECK(h1resp_parser_feed(errors, k101, sizeof k101 - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(errors, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_verdict(errors) == H1RESP_VERDICT_REJECT);
  CHECK(h1resp_parser_finding_count(errors) == 1);
  CHECK(h1resp_parser_finding(errors, 0, &f) == H1RESP_OK && slice_is(f.rule, "101.upgrade"));
  CHECK(f.severity == H1RESP_SEVERITY_ERROR);
  CHECK(h1resp_parser_feed(every, k101, sizeof k101 - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(every, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_verdict(every) == H1RESP_VERDICT_REJECT);
  CHECK(has_finding(every, "101.upgrade"));

  /* Warnings only (no WWW-Authenticate, no Date): every rule warns, errors_only accepts. */
  CHECK(h1resp_parser_reset(errors) == H1RESP_OK && h1resp_parser_reset(every) == H1RESP_OK);
  CHECK(h1resp_parser_feed(errors, k401, sizeof k401 - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_feed(every, k401, sizeof k401 - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(errors, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_validate(every, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_parser_finding_count(errors) == 0);
  CHECK(h1resp_parser_verdict(errors) == H1RESP_VERDICT_ACCEPT);
  CHECK(has_finding(every, "401.www-authenticate"));
  CHECK(h1resp_parser_verdict(every) == H1RESP_VERDICT_WARN);
  h1resp_parser_destroy(errors);
  h1resp_parser_destroy(every);
}

/* Parse errors: a four-digit status code, a field count limit, a truncated response. */
static void test_errors(void) {
  h1resp_parser* p = NULL;
  CHECK(h1resp_parser_create(NULL, &p) == H1RESP_OK);
  if (p == NULL) return;
  static const char kBad[] = "HTTP/1.1 2000 OK\r\n\r\n";
  CHECK(h1resp_parser_feed(p, kBad, sizeof kBad - 1) == H1RESP_PARSE_ERROR);
  CHECK(h1resp_parser_feed(p, kBad, sizeof kBad - 1) == H1RESP_PARSE_ERROR); /* sticky */
  h1resp_error e;
  CHECK(h1resp_parser_error(p, &e) == H1RESP_OK);
  CHECK(slice_is(e.rule, "status.code-3digit"));
  CHECK(e.offset == 9 && e.length >= 1 && e.message.size > 0);
  h1resp_response r;
  CHECK(h1resp_parser_response(p, &r) == H1RESP_ESTATE);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_ESTATE);
  /* The error is also the last finding, and decides the verdict. */
  CHECK(has_finding(p, "status.code-3digit"));
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_REJECT);

  /* A truncated header section, then the peer closes. */
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, kPage, 20) == H1RESP_PARSE_INCOMPLETE);
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_ACCEPT); /* nothing wrong yet */
  CHECK(h1resp_parser_finish(p) == H1RESP_PARSE_ERROR);
  CHECK(h1resp_parser_error(p, &e) == H1RESP_OK && slice_is(e.rule, "message.incomplete"));
  h1resp_parser_destroy(p);

  /* The policy's field limit, which is also the storage the parser was created with. */
  h1resp_policy policy;
  h1resp_policy_init(&policy);
  policy.max_fields = 2;
  CHECK(h1resp_parser_create(&policy, &p) == H1RESP_OK);
  if (p == NULL) return;
  CHECK(h1resp_parser_feed(p, kPage, sizeof kPage - 1) == H1RESP_PARSE_ERROR);
  CHECK(h1resp_parser_error(p, &e) == H1RESP_OK);
  CHECK(slice_is(e.rule, "field.limits.field-count"));
  h1resp_parser_destroy(p);
}

/* Leniencies: obs-fold is refused by default, accepted (flagged, with a warning) when allowed. */
static void test_leniency(void) {
  static const char kFolded[] =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nX-Custom: a\r\n b\r\n"
      "Content-Length: 0\r\n\r\n";
  h1resp_parser* strict = NULL;
  CHECK(h1resp_parser_create(NULL, &strict) == H1RESP_OK);
  if (strict == NULL) return;
  CHECK(h1resp_parser_feed(strict, kFolded, sizeof kFolded - 1) == H1RESP_PARSE_ERROR);
  h1resp_parser_destroy(strict);

  h1resp_policy policy;
  h1resp_policy_init(&policy);
  policy.leniencies = H1RESP_LENIENT_OBS_FOLD;
  h1resp_parser* p = NULL;
  CHECK(h1resp_parser_create(&policy, &p) == H1RESP_OK);
  if (p == NULL) return;
  CHECK(h1resp_parser_feed(p, kFolded, sizeof kFolded - 1) == H1RESP_PARSE_COMPLETE);
  h1resp_field f;
  CHECK(h1resp_parser_field(p, 1, &f) == H1RESP_OK);
  CHECK(slice_is(f.name, "X-Custom"));
  CHECK(slice_is(f.value, "a\r\n b")); /* raw: the fold is read as SP */
  CHECK(f.flags == H1RESP_FIELD_OBS_FOLDED);
  CHECK(has_finding(p, "field.obs-fold")); /* the tokenizer's, before validate */
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_WARN);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(has_finding(p, "field.obs-fold")); /* still first among the findings */
  h1resp_finding first;
  CHECK(h1resp_parser_finding(p, 0, &first) == H1RESP_OK && slice_is(first.rule, "field.obs-fold"));
  h1resp_parser_destroy(p);
}

/* Feeds `body` to `d` as a reader would: pieces of at most `piece` new bytes, keeping the
 * unconsumed bytes. Appends the data to `out` (at most `cap` bytes). Returns the final status. */
static h1resp_chunked_status decode(h1resp_chunked* d, const char* body, size_t size, size_t piece,
                                    char* out, size_t cap, size_t* out_size) {
  size_t start = 0; /* first byte not consumed */
  size_t avail = 0; /* bytes received so far */
  *out_size = 0;
  for (;;) {
    h1resp_chunk c;
    const h1resp_chunked_status st = h1resp_chunked_feed(d, body + start, avail - start, &c);
    if (st == H1RESP_CHUNKED_DATA) {
      if (*out_size + c.data_size <= cap) memcpy(out + *out_size, c.data, c.data_size);
      *out_size += c.data_size;
      start += c.consumed;
      continue;
    }
    if (st != H1RESP_CHUNKED_INCOMPLETE) return st;
    start += c.consumed;
    if (avail == size) return h1resp_chunked_finish(d);
    avail = avail + piece < size ? avail + piece : size;
  }
}

static void test_chunked(void) {
  static const char kResponse[] =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nContent-Type: text/plain\r\n"
      "Transfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n"
      "5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nServer-Timing: db;dur=53\r\n\r\n";
  h1resp_parser* p = NULL;
  CHECK(h1resp_parser_create(NULL, &p) == H1RESP_OK);
  if (p == NULL) return;
  CHECK(h1resp_parser_feed(p, kResponse, sizeof kResponse - 1) == H1RESP_PARSE_COMPLETE);
  h1resp_response r;
  CHECK(h1resp_parser_response(p, &r) == H1RESP_OK);
  h1resp_framing fr;
  CHECK(h1resp_parser_framing(p, H1RESP_METHOD_GET, &fr) == H1RESP_OK);
  CHECK(fr.body == H1RESP_BODY_CHUNKED);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);

  h1resp_chunked* d = NULL;
  CHECK(h1resp_chunked_create(NULL, r.header_size, &d) == H1RESP_OK && d != NULL);
  if (d == NULL) {
    h1resp_parser_destroy(p);
    return;
  }
  h1resp_finding fi;
  h1resp_field f;
  h1resp_error e;
  CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_ESTATE); /* not decoded yet */
  const char* body = kResponse + r.header_size;
  const size_t body_size = sizeof kResponse - 1 - r.header_size;
  /* Every piece size gives the same result, down to one byte at a time. */
  for (size_t piece = 1; piece <= body_size; ++piece) {
    char out[64];
    size_t out_size = 0;
    CHECK(h1resp_chunked_reset(d, r.header_size) == H1RESP_OK);
    const h1resp_chunked_status st = decode(d, body, body_size, piece, out, sizeof out, &out_size);
    CHECK(st == H1RESP_CHUNKED_COMPLETE);
    CHECK(out_size == 12 && memcmp(out, "hello, world", 12) == 0);
    CHECK(h1resp_chunked_content_length(d) == 12);
    CHECK(h1resp_chunked_chunk_count(d) == 2);
    CHECK(!h1resp_chunked_in_trailers(d));
    CHECK(h1resp_chunked_trailer_count(d) == 1);
    CHECK(h1resp_chunked_error(d, &e) == H1RESP_ESTATE);
  }
  CHECK(h1resp_chunked_trailer(d, 0, &f) == H1RESP_OK);
  CHECK(slice_is(f.name, "Server-Timing") && slice_is(f.value, "db;dur=53"));
  CHECK(h1resp_chunked_trailer(d, 1, &f) == H1RESP_ERANGE);
  for (size_t i = 0; i < h1resp_chunked_finding_count(d); ++i) {
    CHECK(h1resp_chunked_finding(d, i, &fi) == H1RESP_OK);
  }
  CHECK(h1resp_chunked_finding(d, h1resp_chunked_finding_count(d), &fi) == H1RESP_ERANGE);
  CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_OK);
  CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_ESTATE); /* only once */
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_ACCEPT);

  /* An unannounced trailer is reported once add_chunked runs. */
  static const char kUnannounced[] = "0\r\nX-Late: 1\r\n\r\n";
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_chunked_reset(d, r.header_size) == H1RESP_OK);
  h1resp_chunk c;
  CHECK(h1resp_chunked_feed(d, kUnannounced, sizeof kUnannounced - 1, &c) ==
        H1RESP_CHUNKED_COMPLETE);
  CHECK(c.consumed == sizeof kUnannounced - 1 && c.data == NULL && c.data_size == 0);
  CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_OK);
  CHECK(h1resp_parser_finding_count(p) >= 1);

  /* A broken chunk size, with the offset counted from the response's start. */
  static const char kBroken[] = "5\r\nhello\r\nzz\r\n";
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  CHECK(h1resp_chunked_reset(d, r.header_size) == H1RESP_OK);
  char out[16];
  size_t out_size = 0;
  CHECK(decode(d, kBroken, sizeof kBroken - 1, 4, out, sizeof out, &out_size) ==
        H1RESP_CHUNKED_ERROR);
  CHECK(h1resp_chunked_error(d, &e) == H1RESP_OK);
  CHECK(slice_is(e.rule, "chunked.size-syntax"));
  CHECK(e.offset == r.header_size + 10);
  CHECK(h1resp_chunked_trailer_count(d) == 0);
  CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_OK);
  CHECK(has_finding(p, "chunked.size-syntax"));
  CHECK(h1resp_parser_verdict(p) == H1RESP_VERDICT_REJECT);

  /* The body ends before its last chunk: finish() makes it an error. */
  CHECK(h1resp_chunked_reset(d, 0) == H1RESP_OK);
  CHECK(h1resp_chunked_feed(d, "5\r\nhel", 6, &c) == H1RESP_CHUNKED_DATA);
  CHECK(c.data_size == 3 && memcmp(c.data, "hel", 3) == 0);
  CHECK(h1resp_chunked_feed(d, NULL, 0, &c) == H1RESP_CHUNKED_INCOMPLETE);
  CHECK(h1resp_chunked_finish(d) == H1RESP_CHUNKED_ERROR);
  CHECK(h1resp_chunked_error(d, &e) == H1RESP_OK && slice_is(e.rule, "chunked.incomplete"));
  CHECK(h1resp_chunked_feed(d, NULL, 4, &c) == H1RESP_CHUNKED_INVALID);

  h1resp_chunked_destroy(d);
  h1resp_parser_destroy(p);
}

/* Misuse a C caller can easily make, and what the header promises for it. */
static void test_contract_edges(void) {
  h1resp_parser* p = NULL;
  h1resp_policy policy;
  h1resp_policy_init(&policy);
  policy.leniencies = H1RESP_LENIENT_ALL;
  CHECK(h1resp_parser_create(&policy, &p) == H1RESP_OK);
  if (p == NULL) return;
  /* A shorter view than before breaks feed's pre-condition: an unspecified result, but no
   * exception (it used to end the process from finish) and no read outside the view. */
  CHECK(h1resp_parser_feed(p, "\r\nHT", 4) == H1RESP_PARSE_INCOMPLETE);
  CHECK(h1resp_parser_feed(p, NULL, 0) == H1RESP_PARSE_INCOMPLETE);
  CHECK(h1resp_parser_finish(p) == H1RESP_PARSE_ERROR);

  /* NULL with a size of 0 is an empty request, as feed takes it. */
  static const char kOk[] =
      "HTTP/1.1 204 No Content\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\n\r\n";
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, kOk, sizeof kOk - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate_request(p, NULL, 0) == H1RESP_OK);
  CHECK(h1resp_parser_validate_request(p, NULL, 1) == H1RESP_EINVAL);

  /* The decoder's findings that did not fit its list still count once added to the parser's:
   * 60 chunk lines that end in a bare LF, each a warning. */
  static const char kChunked[] =
      "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nContent-Type: text/plain\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  CHECK(h1resp_parser_reset(p) == H1RESP_OK);
  CHECK(h1resp_parser_feed(p, kChunked, sizeof kChunked - 1) == H1RESP_PARSE_COMPLETE);
  CHECK(h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK);
  const size_t before = h1resp_parser_finding_count(p) + h1resp_parser_findings_dropped(p);
  char body[60 * 6 + 8];
  size_t n = 0;
  for (int i = 0; i < 60; ++i) {
    memcpy(body + n, "1\nx\r\n", 5);
    n += 5;
  }
  memcpy(body + n, "0\r\n\r\n", 5);
  n += 5;
  h1resp_chunked* d = NULL;
  CHECK(h1resp_chunked_create(&policy, sizeof kChunked - 1, &d) == H1RESP_OK && d != NULL);
  if (d != NULL) {
    char out[64];
    size_t out_size = 0;
    CHECK(decode(d, body, n, n, out, sizeof out, &out_size) == H1RESP_CHUNKED_COMPLETE);
    CHECK(out_size == 60);
    CHECK(h1resp_parser_add_chunked(p, d) == H1RESP_OK);
    CHECK(h1resp_parser_finding_count(p) + h1resp_parser_findings_dropped(p) == before + 60);
    h1resp_chunked_destroy(d);
  }
  h1resp_parser_destroy(p);
}

int main(void) {
  test_policy();
  test_names();
  test_null_handles();
  test_valid_incremental();
  test_findings();
  test_errors_only();
  test_errors();
  test_leniency();
  test_chunked();
  test_contract_edges();
  printf("capi_test: %d checks, %d failed\n", g_checks, g_failed);
  return g_failed == 0 ? 0 : 1;
}
