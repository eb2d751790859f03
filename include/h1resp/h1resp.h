/* h1resp's C API: the response parser, the framing decision, the validator and the chunked
 * decoder, for C and for any language with a C FFI.
 *
 *   h1resp_parser* p = NULL;
 *   if (h1resp_parser_create(NULL, &p) != H1RESP_OK) ...          (NULL policy: strict)
 *   switch (h1resp_parser_feed(p, buf, len)) {                   (all bytes of this response)
 *     case H1RESP_PARSE_INCOMPLETE: ...                          (read more, append, feed again)
 *     case H1RESP_PARSE_COMPLETE:   h1resp_parser_validate(p, H1RESP_METHOD_GET); ...
 *     case H1RESP_PARSE_ERROR:      h1resp_parser_error(p, &err); ...
 *     case H1RESP_PARSE_INVALID:    ...                          (a NULL argument)
 *   }
 *   h1resp_parser_destroy(p);
 *
 * Conventions
 * - Handles are opaque. Only the create functions allocate; nothing else does, so a handle can
 *   be reused for any number of messages (reset) without touching the heap.
 * - No C++ exception crosses this API. Functions that can fail return an h1resp_result (0 is
 *   H1RESP_OK, failures are negative); the feed functions return a status enum whose negative
 *   value INVALID means the call itself was wrong (a NULL handle), and changed nothing.
 * - Text is an h1resp_slice: a pointer and a size, NOT NUL-terminated (print it with
 *   printf("%.*s", (int)s.size, s.data)). Slices into the caller's bytes ("borrowed") and
 *   slices of static text ("static", valid for the life of the program) are marked below.
 * - An enum argument outside its enumerators is refused (H1RESP_EINVAL, or "?" for names).
 * - A handle is not thread-safe; distinct handles are independent.
 *
 * Lifetimes
 * - Borrowed slices (status line, reason, field names and values, trailer fields, chunk data)
 *   point into the bytes the caller passed to the last feed call of that handle. They stay valid
 *   while those bytes are unchanged and in place, and until the next feed, finish, reset or
 *   destroy of that handle.
 * - Findings, errors and framing results are copies; their slices are static.
 *
 * Offsets (findings, errors) count from the first byte of the response, as in the C++ API
 * (the include/h1resp/ .hpp headers), which this API is a thin layer over.
 */
#ifndef H1RESP_H1RESP_H_
#define H1RESP_H1RESP_H_

#include <stddef.h>
#include <stdint.h>
#ifndef __cplusplus
#include <stdbool.h> /* C++ has bool; C++20 deprecates the header */
#endif

/* Every function of the API is exported from the shared library, which hides everything else. */
#if defined(__GNUC__) || defined(__clang__)
#define H1RESP_API __attribute__((visibility("default")))
#else
#define H1RESP_API
#endif

#ifdef __cplusplus
#define H1RESP_NOEXCEPT noexcept
extern "C" {
#else
#define H1RESP_NOEXCEPT
#endif

/* ---- Common types ------------------------------------------------------------------------ */

typedef struct h1resp_slice {
  const char* data; /* NULL only when size is 0 */
  size_t size;
} h1resp_slice;

typedef enum h1resp_result {
  H1RESP_OK = 0,
  H1RESP_EINVAL = -1,    /* a NULL handle or out pointer, NULL data with a size, a bad value */
  H1RESP_ENOMEM = -2,    /* a create function could not allocate */
  H1RESP_ESTATE = -3,    /* the handle is not in the state the call needs (see each call) */
  H1RESP_ERANGE = -4,    /* an index past the end */
  H1RESP_EINTERNAL = -5, /* the C++ side threw: a bug in h1resp, please report it */
} h1resp_result;

/* The name of `result`, e.g. "H1RESP_ESTATE" (static; "?" for an unknown value). */
H1RESP_API const char* h1resp_result_name(h1resp_result result) H1RESP_NOEXCEPT;

/* ---- Policy: limits, leniencies, dialect, validation (policy.hpp) ------------------------- */

typedef enum h1resp_dialect {
  H1RESP_DIALECT_MODERN = 0,  /* RFC 9110, 9111, 9112 and the IANA status code registry */
  H1RESP_DIALECT_W3C1992 = 1, /* the W3C HTTP response text of 1992-1994 */
} h1resp_dialect;

/* Which rules h1resp_parser_validate() runs (policy.hpp: Validation). */
typedef enum h1resp_validation {
  H1RESP_VALIDATION_EVERY_RULE = 0, /* errors, warnings and infos */
  /* Only the rules that can find an error: the same errors, so the same REJECT verdict, at a
   * fraction of the cost; the validator adds no warning (the parser's and the framing
   * decision's remain). For a proxy that decides between forwarding and 502. */
  H1RESP_VALIDATION_ERRORS_ONLY = 1,
} h1resp_validation;

/* Leniency bits: each accepts one deviation RFC 9112 allows a recipient to accept, and records a
 * warning finding each time it applies. Named after the rule whose violation they accept. */
enum {
  H1RESP_LENIENT_OBS_FOLD = 1u << 0,               /* field.obs-fold */
  H1RESP_LENIENT_BARE_LF = 1u << 1,                /* status.line-ending, field.line-ending-lf */
  H1RESP_LENIENT_MISSING_REASON_SP = 1u << 2,      /* status.reason-sp-required */
  H1RESP_LENIENT_LEADING_EMPTY_LINES = 1u << 3,    /* status.leading-garbage */
  H1RESP_LENIENT_WS_BEFORE_COLON = 1u << 4,        /* field.ws-before-colon */
  H1RESP_LENIENT_BARE_CR = 1u << 5,                /* status.bare-cr, field.value-cr-lf-nul */
  H1RESP_LENIENT_STATUS_LINE_WHITESPACE = 1u << 6, /* status.sp-separator */
  H1RESP_LENIENT_WS_PRECEDED_LINES = 1u << 7,      /* status.ws-after-start-line */
  H1RESP_LENIENT_VALUE_CTL = 1u << 8,              /* field.value-ctl */
  H1RESP_LENIENT_ALL = (1u << 9) - 1
};

/* Each limit fails the message with its own rule when exceeded (policy.hpp: Limits). */
typedef struct h1resp_policy {
  uint32_t max_header_section_bytes;
  uint32_t max_line_bytes;
  uint32_t max_fields; /* also the number of field lines a handle has room for */
  uint32_t max_leading_empty_lines;
  uint32_t max_chunk_extension_bytes;
  uint32_t max_trailer_section_bytes;
  uint32_t leniencies; /* H1RESP_LENIENT_* bits */
  h1resp_dialect dialect;
  h1resp_validation validation;
} h1resp_policy;

/* Fills `policy` with the strict defaults (every rule enforced, the default limits). A NULL
 * `policy` is ignored. Start from this and change fields: the struct may gain fields. */
H1RESP_API void h1resp_policy_init(h1resp_policy* policy) H1RESP_NOEXCEPT;
/* The default limits, with every leniency on. A NULL `policy` is ignored. */
H1RESP_API void h1resp_policy_init_lenient(h1resp_policy* policy) H1RESP_NOEXCEPT;

/* ---- Request methods and framing (framing.hpp) ------------------------------------------- */

typedef enum h1resp_method {
  H1RESP_METHOD_GET = 0,
  H1RESP_METHOD_HEAD,
  H1RESP_METHOD_POST,
  H1RESP_METHOD_PUT,
  H1RESP_METHOD_DELETE,
  H1RESP_METHOD_CONNECT,
  H1RESP_METHOD_OPTIONS,
  H1RESP_METHOD_TRACE,
  H1RESP_METHOD_PATCH,
  H1RESP_METHOD_OTHER,
} h1resp_method;

/* The method named `name` (case-sensitive, RFC 9110 §9.1), else H1RESP_METHOD_OTHER. */
H1RESP_API h1resp_method h1resp_method_from_name(const char* name, size_t size) H1RESP_NOEXCEPT;
/* "GET", "HEAD", ... (static); "?" for a value out of range. */
H1RESP_API h1resp_slice h1resp_method_name(h1resp_method method) H1RESP_NOEXCEPT;

typedef enum h1resp_body_kind {
  H1RESP_BODY_NONE = 0,       /* the response ends with its header section */
  H1RESP_BODY_CONTENT_LENGTH, /* `length` bytes follow */
  H1RESP_BODY_CHUNKED,        /* the chunked transfer coding: use an h1resp_chunked */
  H1RESP_BODY_UNTIL_CLOSE,    /* the body ends when the server closes the connection */
  H1RESP_BODY_TUNNEL,         /* 101, or a 2xx to CONNECT: another protocol follows */
} h1resp_body_kind;

H1RESP_API h1resp_slice h1resp_body_kind_name(h1resp_body_kind kind) H1RESP_NOEXCEPT;

typedef struct h1resp_framing {
  h1resp_body_kind body;
  uint64_t length;              /* when body is H1RESP_BODY_CONTENT_LENGTH */
  bool interim;                 /* a 1xx other than 101: the final response follows */
  bool persistent;              /* the connection may carry the next response */
  uint8_t step;                 /* the RFC 9112 §6.3 list item that decided (1 to 8) */
  h1resp_slice why;             /* static: why this body length */
  h1resp_slice persistence_why; /* static: why the connection does or does not persist */
} h1resp_framing;

/* ---- Findings (finding.hpp, rules.hpp) ---------------------------------------------------- */

typedef enum h1resp_severity {
  H1RESP_SEVERITY_INFO = 0,
  H1RESP_SEVERITY_WARNING = 1,
  H1RESP_SEVERITY_ERROR = 2,
} h1resp_severity;

/* The requirement level of a rule in its source. */
typedef enum h1resp_level {
  H1RESP_LEVEL_MUST = 0,
  H1RESP_LEVEL_MUST_NOT,
  H1RESP_LEVEL_SHOULD,
  H1RESP_LEVEL_SHOULD_NOT,
  H1RESP_LEVEL_MAY,
  H1RESP_LEVEL_GRAMMAR,     /* the bytes do not match the ABNF */
  H1RESP_LEVEL_DEFINITION,  /* what a (historic) specification defines */
  H1RESP_LEVEL_INFORMATIVE, /* not normative */
} h1resp_level;

typedef enum h1resp_verdict {
  H1RESP_VERDICT_ACCEPT = 0, /* no warning, no error */
  H1RESP_VERDICT_WARN = 1,   /* warnings: forward, and report */
  H1RESP_VERDICT_REJECT = 2, /* an error: do not forward (a proxy answers 502) */
} h1resp_verdict;

H1RESP_API h1resp_slice h1resp_severity_name(h1resp_severity severity) H1RESP_NOEXCEPT;
H1RESP_API h1resp_slice h1resp_level_name(h1resp_level level) H1RESP_NOEXCEPT;
H1RESP_API h1resp_slice h1resp_verdict_name(h1resp_verdict verdict) H1RESP_NOEXCEPT;

/* Every slice is static. */
typedef struct h1resp_finding {
  h1resp_slice rule;    /* the stable rule id, e.g. "status.code-3digit" */
  h1resp_slice catalog; /* the catalog entry, e.g. "A05" */
  h1resp_severity severity;
  h1resp_level level;
  uint64_t offset;      /* the first byte concerned, from the first byte of the response */
  uint32_t length;      /* bytes concerned; 0: a position (e.g. a missing field) */
  h1resp_slice message; /* the detail of this finding, else the rule's summary */
  h1resp_slice source;  /* where the rule comes from, e.g. "RFC 9112 §4" (UTF-8) */
} h1resp_finding;

/* A parse or decode error. Every slice is static. */
typedef struct h1resp_error {
  h1resp_slice rule;    /* the rule broken, e.g. "field.obs-fold" */
  uint64_t offset;      /* the first offending byte, from the first byte of the response */
  uint32_t length;      /* bytes concerned */
  h1resp_slice message; /* the detail, else the rule's summary */
} h1resp_error;

/* ---- The parser (parser.hpp) -------------------------------------------------------------- */

typedef struct h1resp_parser h1resp_parser;

typedef enum h1resp_parse_status {
  H1RESP_PARSE_INVALID = -1,   /* the call was wrong (NULL handle, NULL data with a size) */
  H1RESP_PARSE_INCOMPLETE = 0, /* the header section has not ended: append bytes, feed again */
  H1RESP_PARSE_COMPLETE = 1,   /* the header section ended: see h1resp_parser_response() */
  H1RESP_PARSE_ERROR = 2,      /* the bytes break a rule: see h1resp_parser_error() */
} h1resp_parse_status;

/* Creates a parser with `policy` (NULL: the strict defaults); it has room for
 * policy->max_fields field lines, allocated here once.
 * Pre-condition: `out` is not NULL.
 * Side effects: allocates; *out is the new parser, or NULL on failure.
 * Returns: H1RESP_OK, H1RESP_EINVAL (a NULL `out`, an unknown leniency bit or dialect), or
 *   H1RESP_ENOMEM. */
H1RESP_API h1resp_result h1resp_parser_create(const h1resp_policy* policy,
                                              h1resp_parser** out) H1RESP_NOEXCEPT;

/* Frees `parser` (NULL is ignored). Borrowed slices from it are invalid afterwards. */
H1RESP_API void h1resp_parser_destroy(h1resp_parser* parser) H1RESP_NOEXCEPT;

/* Forgets the response, its findings and error, to read the next one; keeps the policy and the
 * storage (no allocation). Returns H1RESP_OK, or H1RESP_EINVAL for a NULL `parser`. */
H1RESP_API h1resp_result h1resp_parser_reset(h1resp_parser* parser) H1RESP_NOEXCEPT;

/* Parses the status line and header section of one response.
 * Pre-condition: `data` holds every byte of this response received so far, from its first byte;
 *   bytes passed before are unchanged (the caller only appends). `data` may be at another
 *   address than last time (the parser keeps offsets, not pointers).
 * Side effects: records the response, the tokenizer's findings (uses of leniencies), or the
 *   error; forgets the findings of an earlier validate call. Borrowed slices now point into
 *   `data`. A `data` that breaks the pre-condition gives an unspecified result (never a read
 *   outside it).
 * Returns: INCOMPLETE, COMPLETE or ERROR; once COMPLETE or ERROR, the same status until reset.
 *   INVALID (nothing changed) for a NULL `parser`, or NULL `data` with a non-zero `size`. */
H1RESP_API h1resp_parse_status h1resp_parser_feed(h1resp_parser* parser, const char* data,
                                                  size_t size) H1RESP_NOEXCEPT;

/* No more bytes will come (the peer closed): an incomplete header section becomes an error.
 * Pre-condition: the data of the last feed call is still readable at that address (finish may
 *   read a few bytes of it); after moving the buffer, feed it again first.
 * Returns the final status, or INVALID for a NULL `parser`. */
H1RESP_API h1resp_parse_status h1resp_parser_finish(h1resp_parser* parser) H1RESP_NOEXCEPT;

/* The status of the last feed or finish; INVALID for a NULL `parser`. */
H1RESP_API h1resp_parse_status h1resp_parser_status(const h1resp_parser* parser) H1RESP_NOEXCEPT;

/* The parsed header section. Borrowed slices. */
typedef struct h1resp_response {
  uint8_t version_major;
  uint8_t version_minor;
  uint16_t status_code;     /* the three digits as a number */
  h1resp_slice status_line; /* borrowed: the whole status line, without its line ending */
  h1resp_slice reason;      /* borrowed: the reason phrase (may be empty) */
  size_t field_count;
  uint32_t header_size; /* bytes of the header section, final empty line included: the body
                           starts at this offset */
} h1resp_response;

/* Fills *out with the response.
 * Returns: H1RESP_OK; H1RESP_ESTATE unless the status is COMPLETE; H1RESP_EINVAL for NULL. */
H1RESP_API h1resp_result h1resp_parser_response(const h1resp_parser* parser,
                                                h1resp_response* out) H1RESP_NOEXCEPT;

/* Field line flags: which leniency the bytes needed. With OBS_FOLDED or BARE_CR, the raw value
 * is not the value: read each fold (CRLF + SP/HTAB) and each bare CR as one SP. */
enum {
  H1RESP_FIELD_OBS_FOLDED = 1u << 0,
  H1RESP_FIELD_BARE_CR = 1u << 1,
  H1RESP_FIELD_WS_BEFORE_COLON = 1u << 2,
  H1RESP_FIELD_HAS_CTL = 1u << 3,
  H1RESP_FIELD_BARE_LF = 1u << 4,
};

typedef struct h1resp_field {
  h1resp_slice name;  /* borrowed: the field name, without the colon */
  h1resp_slice value; /* borrowed: the raw value, OWS trimmed at both ends */
  uint32_t flags;     /* H1RESP_FIELD_* bits */
} h1resp_field;

/* Fills *out with field line `index` (0-based, in the order received).
 * Returns: H1RESP_OK; H1RESP_ESTATE unless COMPLETE; H1RESP_ERANGE when index >= field_count;
 *   H1RESP_EINVAL for NULL. */
H1RESP_API h1resp_result h1resp_parser_field(const h1resp_parser* parser, size_t index,
                                             h1resp_field* out) H1RESP_NOEXCEPT;

/* The index of the first field named `name` (case-insensitive) at or after `from`; the field
 * count when there is none, or when the status is not COMPLETE (0 then). */
H1RESP_API size_t h1resp_parser_find_field(const h1resp_parser* parser, const char* name,
                                           size_t name_size, size_t from) H1RESP_NOEXCEPT;

/* Fills *out with the parse error.
 * Returns: H1RESP_OK; H1RESP_ESTATE unless the status is ERROR; H1RESP_EINVAL for NULL. */
H1RESP_API h1resp_result h1resp_parser_error(const h1resp_parser* parser,
                                             h1resp_error* out) H1RESP_NOEXCEPT;

/* Decides how the body is delimited for a response to `method` (RFC 9112 §6.3) and whether the
 * connection persists. Does not change the findings (h1resp_parser_validate reports the framing
 * problems).
 * Returns: H1RESP_OK; H1RESP_ESTATE unless COMPLETE; H1RESP_EINVAL for NULL or a bad method. */
H1RESP_API h1resp_result h1resp_parser_framing(const h1resp_parser* parser, h1resp_method method,
                                               h1resp_framing* out) H1RESP_NOEXCEPT;

/* Runs the framing decision and the semantic validator for a response to `method` (nothing
 * else known of the request).
 * Side effects: the findings become the tokenizer's, then the framing's, then the validator's;
 *   an earlier validate call's findings are replaced.
 * Returns: H1RESP_OK; H1RESP_ESTATE unless COMPLETE; H1RESP_EINVAL for NULL or a bad method. */
H1RESP_API h1resp_result h1resp_parser_validate(h1resp_parser* parser,
                                                h1resp_method method) H1RESP_NOEXCEPT;

/* As h1resp_parser_validate, with the request known: `request` is the request's header section
 * as sent (request line, Expect, Range, conditionals, Upgrade are read from it; only during this
 * call; NULL with a size of 0 is an empty request). More rules are judged with it
 * (docs/rules.md lists each rule's context). */
H1RESP_API h1resp_result h1resp_parser_validate_request(h1resp_parser* parser, const char* request,
                                                        size_t request_size) H1RESP_NOEXCEPT;

/* The findings: before validate, the tokenizer's (uses of leniencies), followed by the parse
 * error as an error finding when the status is ERROR; after validate, see there. At most 48 are
 * kept, and of the problems of one framing field (Content-Length, Transfer-Encoding,
 * Connection) at most 8, the most severe among them; the others are only counted
 * (h1resp_parser_findings_dropped) and still decide the verdict. 0 for NULL. */
H1RESP_API size_t h1resp_parser_finding_count(const h1resp_parser* parser) H1RESP_NOEXCEPT;
H1RESP_API uint32_t h1resp_parser_findings_dropped(const h1resp_parser* parser) H1RESP_NOEXCEPT;

/* Fills *out with finding `index`. Returns H1RESP_OK, H1RESP_ERANGE, or H1RESP_EINVAL. */
H1RESP_API h1resp_result h1resp_parser_finding(const h1resp_parser* parser, size_t index,
                                               h1resp_finding* out) H1RESP_NOEXCEPT;

/* Fills *out with the first error finding: a stored one, or when the findings were full, the
 * first error that did not fit (kept aside, so that a REJECT always names its rule). Returns
 * H1RESP_OK, H1RESP_ERANGE when there is no error finding, or H1RESP_EINVAL. */
H1RESP_API h1resp_result h1resp_parser_first_error(const h1resp_parser* parser,
                                                   h1resp_finding* out) H1RESP_NOEXCEPT;

/* From the worst severity among the findings (dropped ones included): REJECT when the status is
 * ERROR. A NULL `parser` gives REJECT. */
H1RESP_API h1resp_verdict h1resp_parser_verdict(const h1resp_parser* parser) H1RESP_NOEXCEPT;

/* ---- The chunked body decoder (chunked.hpp) ----------------------------------------------- */

typedef struct h1resp_chunked h1resp_chunked;

typedef enum h1resp_chunked_status {
  H1RESP_CHUNKED_INVALID = -1,   /* the call was wrong (NULL handle, NULL data with a size) */
  H1RESP_CHUNKED_INCOMPLETE = 0, /* used what it could: feed again from the first unconsumed
                                    byte, with more appended */
  H1RESP_CHUNKED_DATA = 1,       /* chunk->data is a piece of chunk data */
  H1RESP_CHUNKED_COMPLETE = 2,   /* the body ended; chunk->consumed bytes were its last ones */
  H1RESP_CHUNKED_ERROR = 3,      /* see h1resp_chunked_error() */
} h1resp_chunked_status;

typedef struct h1resp_chunk {
  size_t consumed;  /* bytes of the input used up by this call */
  const char* data; /* borrowed: with DATA, the chunk data inside the input (not copied) */
  size_t data_size; /* 0 unless DATA */
} h1resp_chunk;

/* Creates a decoder with `policy` (NULL: strict), which sets the limits of chunk lines and of
 * the trailer section, and its leniencies. `body_offset` is the offset of the body's first byte
 * from the first byte of the response (h1resp_response.header_size), so that errors and
 * findings count from the response's start.
 * Side effects: allocates (room for policy->max_fields trailer fields); *out is the decoder or
 *   NULL. Returns: H1RESP_OK, H1RESP_EINVAL or H1RESP_ENOMEM. */
H1RESP_API h1resp_result h1resp_chunked_create(const h1resp_policy* policy, uint64_t body_offset,
                                               h1resp_chunked** out) H1RESP_NOEXCEPT;

/* Frees `decoder` (NULL is ignored). */
H1RESP_API void h1resp_chunked_destroy(h1resp_chunked* decoder) H1RESP_NOEXCEPT;

/* Starts a new body whose first byte is at `body_offset`. No allocation. */
H1RESP_API h1resp_result h1resp_chunked_reset(h1resp_chunked* decoder,
                                              uint64_t body_offset) H1RESP_NOEXCEPT;

/* Decodes from the first byte not yet consumed.
 * Pre-condition: `input` starts at the first byte not consumed by earlier calls. In the trailer
 *   section (h1resp_chunked_in_trailers), `consumed` stays at the section's start: pass the
 *   section's bytes again with more appended, as for h1resp_parser_feed.
 * Side effects: fills *chunk (`chunk` may be NULL when the caller needs nothing of it, which is
 *   rarely right: `consumed` tells where to go on).
 * Returns: DATA (one piece of chunk data), INCOMPLETE, COMPLETE, ERROR; INVALID for NULL. */
H1RESP_API h1resp_chunked_status h1resp_chunked_feed(h1resp_chunked* decoder, const char* input,
                                                     size_t size,
                                                     h1resp_chunk* chunk) H1RESP_NOEXCEPT;

/* The input ended (the peer closed): before the end of the body that is an error
 * (chunked.incomplete). Pre-condition: as h1resp_parser_finish, the input of the last feed
 * call is still readable where it was. Returns COMPLETE or ERROR; INVALID for NULL. */
H1RESP_API h1resp_chunked_status h1resp_chunked_finish(h1resp_chunked* decoder) H1RESP_NOEXCEPT;

/* Fills *out with the error. Returns H1RESP_OK, H1RESP_ESTATE (no error), or H1RESP_EINVAL. */
H1RESP_API h1resp_result h1resp_chunked_error(const h1resp_chunked* decoder,
                                              h1resp_error* out) H1RESP_NOEXCEPT;

/* True while the decoder reads the trailer section. */
H1RESP_API bool h1resp_chunked_in_trailers(const h1resp_chunked* decoder) H1RESP_NOEXCEPT;
/* The sum of the chunk sizes so far, and the number of chunks (the last, empty one excluded). */
H1RESP_API uint64_t h1resp_chunked_content_length(const h1resp_chunked* decoder) H1RESP_NOEXCEPT;
H1RESP_API uint32_t h1resp_chunked_chunk_count(const h1resp_chunked* decoder) H1RESP_NOEXCEPT;

/* The trailer fields, once the body is COMPLETE (0 before). Borrowed slices, into the input of
 * the feed call that returned COMPLETE (the trailer section's bytes), valid while that input
 * is unchanged and in place. */
H1RESP_API size_t h1resp_chunked_trailer_count(const h1resp_chunked* decoder) H1RESP_NOEXCEPT;
/* Returns H1RESP_OK, H1RESP_ERANGE, or H1RESP_EINVAL. */
H1RESP_API h1resp_result h1resp_chunked_trailer(const h1resp_chunked* decoder, size_t index,
                                                h1resp_field* out) H1RESP_NOEXCEPT;

/* The decoder's findings: leniency uses in the trailer section, notes on chunk extensions.
 * The error is not among them (h1resp_chunked_error). */
H1RESP_API size_t h1resp_chunked_finding_count(const h1resp_chunked* decoder) H1RESP_NOEXCEPT;
H1RESP_API h1resp_result h1resp_chunked_finding(const h1resp_chunked* decoder, size_t index,
                                                h1resp_finding* out) H1RESP_NOEXCEPT;

/* Adds what the body showed to the parser's findings, so that h1resp_parser_verdict covers the
 * whole message: the decoder's findings, its error (as an error finding), and, when the body is
 * complete, the trailer rules (RFC 9110 §6.5: fields that may not be trailers, trailers the
 * header section did not announce).
 * Pre-condition: h1resp_parser_validate(_request) ran on this response since its last feed, and
 *   `decoder` decoded this response's body and is COMPLETE or in ERROR.
 * Returns: H1RESP_OK; H1RESP_ESTATE when a pre-condition does not hold, or when it already ran
 *   since the last validate call (it adds once); H1RESP_EINVAL for NULL. */
H1RESP_API h1resp_result h1resp_parser_add_chunked(h1resp_parser* parser,
                                                   const h1resp_chunked* decoder) H1RESP_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* H1RESP_H1RESP_H_ */
