#include "llhttp/divergences.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace h1resp::interop {
namespace {

using enum DivergenceSide;

constexpr Divergence kDivergences[] = {
    // h1resp (strict) rejects what llhttp accepts.
    {"llhttp-accepts-other-major-versions", h1resp_rejects, Rule::status_version_major, "",
     "llhttp reads \"HTTP/2.0 200 OK\" on an HTTP/1 connection as a response; h1resp refuses it.",
     "RFC 9110 §6.2: the major version defines the message syntax; only 1 is HTTP/1.x."},
    {"llhttp-splits-status-line-on-runs", h1resp_rejects, Rule::status_sp_separator, "",
     "llhttp reads \"HTTP/1.1  200 OK\" as status 0 with reason \"200 OK\"; h1resp refuses a "
     "separator that is not exactly one SP.",
     "RFC 9112 §4: exactly one SP; lenient splitting can result in response splitting."},
    {"llhttp-accepts-short-status-codes", h1resp_rejects, Rule::status_code_3digit, "",
     "llhttp reads \"HTTP/1.1 20 OK\" as status 20.", "RFC 9112 §4: status-code = 3DIGIT."},
    {"llhttp-accepts-missing-reason-sp", h1resp_rejects, Rule::status_reason_sp_required, "",
     "llhttp accepts \"HTTP/1.1 200\\r\\n\"; h1resp needs the leniency missing-reason-sp.",
     "RFC 9112 §4: the SP after the status code is required even with an empty reason."},
    {"llhttp-skips-ctl-in-reason", h1resp_rejects, Rule::status_reason_charset, "",
     "llhttp drops control bytes from the reason phrase; h1resp refuses them.",
     "RFC 9112 §4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )."},
    {"llhttp-ends-status-line-at-bare-cr", h1resp_rejects, Rule::status_bare_cr, "",
     "llhttp takes a bare CR as the end of the status line and skips the byte after it (so "
     "\"\\rContent-Length\" becomes a field \"ontent-Length\"); h1resp refuses it. With the "
     "bare-cr leniency (or the 1992 dialect) h1resp reads it as SP, except where llhttp's "
     "reading would find an empty line or a framing field after it: there it still refuses.",
     "RFC 9112 §2.2: a bare CR is invalid; treating it as a line end is response splitting."},
    {"llhttp-skips-leading-empty-lines", h1resp_rejects, Rule::status_leading_garbage, "",
     "llhttp skips CR and LF before the status line; h1resp needs leading-empty-lines.",
     "RFC 9112 §2.2 allows skipping empty lines; h1resp is strict by default because they "
     "usually follow a miscounted body."},
    {"llhttp-accepts-non-token-names", h1resp_rejects, Rule::field_name_token, "",
     "llhttp accepts an empty field name and names with SP inside (\"X Y: z\").",
     "RFC 9110 §5.1: field-name = token; recipients that disagree on names disagree on fields."},
    {"llhttp-keeps-ws-before-colon", h1resp_rejects, Rule::field_ws_before_colon, "",
     "llhttp accepts \"X : y\" and names the field \"X \"; h1resp refuses it, or strips the "
     "whitespace with the leniency ws-before-colon.",
     "RFC 9112 §5.1: a proxy MUST remove the whitespace before forwarding a response."},
    {"llhttp-unfolds-obs-fold", h1resp_rejects, Rule::field_obs_fold, "",
     "llhttp unfolds obs-fold into the value; h1resp refuses it, or unfolds with the leniency "
     "obs-fold (never for framing fields).",
     "RFC 9112 §5.2: a proxy MUST either reject the message or replace each obs-fold with SP."},
    {"llhttp-accepts-any-status-code", h1resp_rejects, Rule::status_code_range, "",
     "llhttp accepts 000-099 and 600-999; h1resp's validator refuses them.",
     "RFC 9110 §15: status codes are 100-599; a client SHOULD treat others as 5xx."},
    // Found by the differential fuzzer (fuzz/differential.cpp): what llhttp does not check.
    {"llhttp-accepts-101-without-upgrade", h1resp_rejects, Rule::code_101_upgrade, "",
     "llhttp switches protocols on any 101 (Switching Protocols), also without an Upgrade field "
     "naming the new protocol; h1resp's validator refuses it.",
     "RFC 9110 §15.2.2: the server MUST generate an Upgrade field that indicates the protocols "
     "switched to; without it a proxy cannot tell what the tunnel carries."},
    {"llhttp-accepts-upgrade-without-connection-option", h1resp_rejects, Rule::upgrade_syntax, "",
     "llhttp accepts a 101 whose Upgrade is not announced by \"Connection: upgrade\" (or does "
     "not parse); h1resp's validator refuses such a 101. So too \"Connection: upgrade<HTAB>\": "
     "llhttp does not take it for the option, does not switch protocols and reads what follows "
     "as HTTP, where h1resp would start the tunnel; h1resp refuses it.",
     "RFC 9110 §7.8: a sender of Upgrade MUST also send the \"upgrade\" connection option, so "
     "that intermediaries do not forward it."},
    {"llhttp-ignores-connection-options", h1resp_rejects,
     Rule::field_connection_nominates_end_to_end, "",
     "llhttp accepts a Connection field that nominates a framing field (\"Connection: "
     "Content-Length\"), which a proxy must strip before forwarding; h1resp refuses it.",
     "RFC 9110 §7.6.1: a sender MUST NOT send a connection option for a field meant for every "
     "recipient; a proxy removing Content-Length or Transfer-Encoding changes the framing."},
    {"llhttp-accepts-repeated-singleton-fields", h1resp_rejects, Rule::field_singleton_repeated, "",
     "llhttp reports every field line and lets the application pick; h1resp refuses a response "
     "with two different Location values (other singletons are a warning).",
     "RFC 9110 §5.3: a sender MUST NOT generate multiple field lines of a field that is not a "
     "list; recipients that pick the first or the last redirect to different places."},
    {"llhttp-ignores-empty-transfer-coding-elements", h1resp_rejects,
     Rule::field_empty_list_element, "",
     "llhttp skips empty elements of Transfer-Encoding (\", chunked\") and decodes chunks; "
     "h1resp refuses the response, since some parsers take the empty element for a coding.",
     "RFC 9110 §5.6.1: a sender MUST NOT generate empty list elements; in Transfer-Encoding "
     "(RFC 9112 §6.1) a disagreement on the codings is a disagreement on the framing."},
    {"llhttp-accepts-prohibited-trailers", h1resp_rejects, Rule::field_trailer_prohibited, "",
     "llhttp delivers every trailer field, including framing and routing fields "
     "(Content-Length, Transfer-Encoding, Host, ...); h1resp refuses a trailer section with them.",
     "RFC 9110 §6.5.1: a sender MUST NOT generate a trailer field unless its definition permits "
     "it; a recipient that merges such a trailer into the header section changes the message."},
    {"llhttp-reads-other-transfer-codings", h1resp_rejects, Rule::framing_te_chunked_not_final, "",
     "llhttp reads a response whose Transfer-Encoding does not end in chunked (\"chunked, "
     "gzip\", \"gzip\") until the connection closes; h1resp refuses it.",
     "RFC 9112 §6.1: the sender MUST make chunked the final coding or close the connection; "
     "parsers that decode the chunks anyway stop early, so readers disagree on the body."},
    {"llhttp-accepts-chunked-twice", h1resp_rejects, Rule::framing_te_chunked_twice, "",
     "llhttp decodes \"Transfer-Encoding: chunked, chunked\" once; h1resp refuses it.",
     "RFC 9112 §6.1: a sender MUST NOT apply chunked more than once; a recipient that decodes it "
     "twice reads another body."},
    {"llhttp-reads-body-of-1xx", h1resp_rejects, Rule::code_1xx_no_framing_fields, "",
     "llhttp reads the body a 1xx response declares (a Content-Length other than 0, or "
     "chunked), also on a 101 before it switches; h1resp would end the response at its empty "
     "line, and refuses it: the two end it at different bytes.",
     "RFC 9112 §6.3 (1): a 1xx response ends with its header section; RFC 9110 §8.6: a server "
     "MUST NOT send Content-Length in a 1xx."},
    {"llhttp-reads-body-of-204", h1resp_rejects, Rule::code_204_no_framing_fields, "",
     "llhttp, and so Node.js, reads the body a 204 response declares (a Content-Length other "
     "than 0, or chunked); h1resp would end the response at its empty line, and refuses it: the "
     "two end it at different bytes.",
     "RFC 9112 §6.3 (1): a 204 response ends with its header section; RFC 9110 §8.6: a server "
     "MUST NOT send Content-Length in a 204."},
    {"llhttp-accepts-unknown-transfer-codings", h1resp_rejects, Rule::framing_te_unknown, "",
     "llhttp reads a response with an unknown transfer coding (\"gzip\", \"xchunked\") "
     "until the connection closes; h1resp refuses it. So too a final \"chunked\" followed by "
     "HTAB: llhttp lets only SP follow it, reads \"chunked\\t\" as another coding and the "
     "body until close, where h1resp (and the RFC) decode chunks, so h1resp refuses it as an "
     "obfuscated chunked. The fuzzer found it. A final \"chunked\" followed by SP is read as "
     "chunked by both, but Python's http.client compares the raw value, reads the body until "
     "close, and h1resp refuses it too.",
     "RFC 9112 §6.1, §7: a recipient cannot decode a coding it does not know, and parsers that "
     "match \"chunked\" loosely decode chunks instead of reading to the close. RFC 9110 "
     "§5.6.3: OWS is SP or HTAB, so \"chunked\\t\" is chunked, and two readings of the "
     "same bytes are a smuggling risk."},
    {"llhttp-accepts-identity-transfer-coding", h1resp_rejects, Rule::framing_te_identity, "",
     "llhttp reads a response with \"Transfer-Encoding: identity\" (and no Content-Length) "
     "until the connection closes; h1resp refuses it.",
     "RFC 9112 §6.1 (RFC 7230 App. A.2 removed identity): an RFC 2616 recipient reads it as no "
     "transfer coding and takes Content-Length, an RFC 9112 one reads to the close; the fuzzer "
     "found llhttp accepting it."},
    {"llhttp-accepts-transfer-coding-parameters", h1resp_rejects, Rule::framing_te_params, "",
     "llhttp accepts parameters on chunked (\"chunked;q=1\") and decodes chunks; h1resp "
     "refuses them.",
     "RFC 9112 §7.1: chunked defines no parameters; parsers that do not strip them see an "
     "unknown coding and read to the close."},
    {"llhttp-accepts-transfer-encoding-in-http10", h1resp_rejects, Rule::framing_te_in_http10, "",
     "llhttp decodes chunks in an HTTP/1.0 response with Transfer-Encoding; h1resp refuses it.",
     "RFC 9112 §6.1: a recipient MUST treat an HTTP/1.0 message with Transfer-Encoding as "
     "having faulty framing, even with a Content-Length."},
    {"llhttp-reads-content-length-beside-transfer-encoding", h1resp_rejects,
     Rule::framing_te_and_cl, "",
     "llhttp reads the Content-Length when Transfer-Encoding is empty or names no coding it "
     "knows, and with the lenient flag chunked-length also beside chunked; h1resp refuses any "
     "response with both.",
     "RFC 9112 §6.3: Transfer-Encoding overrides Content-Length, and a message with both ought "
     "to be handled as an error (request smuggling, response splitting)."},
    {"llhttp-does-not-check-crlf-after-chunk-data", h1resp_rejects, Rule::chunked_data_crlf, "",
     "llhttp (not in its strict mode) skips the two bytes after chunk data without checking "
     "that they are CRLF; h1resp refuses other bytes there.",
     "RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF; parsers that skip "
     "any two bytes and parsers that look for CRLF read different chunks."},
    {"llhttp-reads-after-connection-close", h1resp_rejects, Rule::framing_after_close, "",
     "With the lenient flag keep-alive, llhttp reads another response after one with "
     "\"Connection: close\" (or an HTTP/1.0 response without keep-alive), and without it "
     "when \"close\" is followed by HTAB, which llhttp does not take for the option "
     "(llhttp-misses-connection-option-before-htab); h1resp refuses the bytes after it.",
     "RFC 9112 §9.3, §9.6: the connection does not persist after such a response, so bytes "
     "after it are not a response to any request."},
    {"llhttp-reads-ws-preceded-line-as-field", h1resp_rejects, Rule::status_ws_after_start_line, "",
     "With the lenient flag headers, llhttp reads a line that starts with whitespace right "
     "after the status line as a field line; h1resp refuses it, or ignores the line with the "
     "leniency ws-preceded-lines.",
     "RFC 9112 §2.2: a recipient MUST either reject such a message or consume each "
     "whitespace-preceded line without further processing of it."},
    {"llhttp-accepts-bare-lf-after-status-line", h1resp_rejects, Rule::status_line_ending, "",
     "llhttp takes a bare LF as the end of the status line (and its handling of LF next to CRLF "
     "differs from h1resp's); h1resp refuses it, or accepts it with the leniency bare-lf.",
     "RFC 9112 §2.2: the line terminator is CRLF; a recipient MAY recognize a bare LF. h1resp "
     "does so only when asked, since parsers that do and do not frame lines differently."},
    {"llhttp-accepts-bare-lf-after-field-lines", h1resp_rejects, Rule::field_line_ending_lf, "",
     "llhttp takes a bare LF as the end of a field line or of the header section; h1resp "
     "refuses it, or accepts it with the leniency bare-lf.",
     "RFC 9112 §2.2: a recipient MAY recognize a single LF as a line terminator; h1resp is "
     "strict by default, as a bare LF ends the header section early in some parsers only."},
    {"llhttp-lenient-headers-accepts-cr-lf-nul-in-values", h1resp_rejects,
     Rule::field_value_cr_lf_nul, "",
     "With the lenient flag headers, llhttp keeps NUL, and CR or LF that do not end the line, "
     "in field values; h1resp refuses NUL always and a bare CR unless the leniency bare-cr "
     "reads it as SP.",
     "RFC 9110 §5.5: field values with CR, LF or NUL are invalid and dangerous; a recipient "
     "MUST reject the message or replace each with SP before processing it."},
    {"llhttp-lenient-headers-accepts-ctl-in-values", h1resp_rejects, Rule::field_value_ctl, "",
     "With the lenient flag headers, llhttp accepts control characters in field values; h1resp "
     "refuses them, or keeps them with the leniency value-ctl.",
     "RFC 9110 §5.5: field-value = *field-content, with no CTL other than HTAB; a recipient may "
     "keep them only in a safe context."},
    {"llhttp-ignores-empty-transfer-encoding", h1resp_rejects, Rule::framing_te_empty, "",
     "llhttp ignores an empty Transfer-Encoding field and reads the Content-Length (or to the "
     "close); h1resp refuses the response.",
     "RFC 9112 §6.1, §6.3: a Transfer-Encoding field overrides Content-Length; parsers that "
     "ignore an empty one and parsers that do not frame the body differently."},
    {"llhttp-accepts-stray-bytes-in-chunk-lines", h1resp_rejects, Rule::chunked_ext_syntax, "",
     "llhttp (not in its strict mode) accepts bytes in a chunk line that are not a chunk-ext, "
     "such as a CR before the line's CRLF (\"0\\r\\r\\n\"); h1resp refuses them.",
     "RFC 9112 §7.1, §7.1.1: a chunk line is chunk-size [ chunk-ext ] CRLF; parsers that skip "
     "unknown bytes and parsers that do not see different chunks."},
    {"llhttp-accepts-malformed-codes-in-1992-dialect", h1resp_rejects,
     Rule::htresp_status_code_digits, "",
     "In the W3C 1992 dialect h1resp refuses a status code that is not three digits (after the "
     "leniency status-line-whitespace split the line); llhttp reads such a line as status 0.",
     "RFC 9112 §4 (status-code = 3DIGIT), as the 1992 HTRESP text defines it too."},
    {"llhttp-lenient-headers-accepts-ctl-whitespace", h1resp_rejects, Rule::field_ows_only_sp_htab,
     "",
     "With the lenient flag headers, llhttp accepts VT, FF and other control whitespace around a "
     "field value and keeps it in the value; h1resp refuses it.",
     "RFC 9110 §5.6.3: OWS = *( SP / HTAB ); recipients that trim other bytes and recipients "
     "that keep them read different values (\"Content-Length: \\v5\")."},
    // h1resp's limits (Policy::limits); llhttp has none of its own.
    {"h1resp-limits-field-count", h1resp_rejects, Rule::limit_field_count, "",
     "h1resp refuses more than max_fields field lines (128 by default); llhttp has no limit.",
     "RFC 9110 §5.4: a recipient may limit the size of the fields it processes; a client MAY "
     "discard or reject what it does not wish to process."},
    {"h1resp-limits-line-length", h1resp_rejects, Rule::limit_line_length, "",
     "h1resp refuses a line longer than max_line_bytes (16 KiB by default); llhttp has no limit.",
     "RFC 9110 §5.4: a recipient may limit the size of the field lines it processes."},
    {"h1resp-limits-section-size", h1resp_rejects, Rule::limit_section_size, "",
     "h1resp refuses a header section longer than max_header_section_bytes (64 KiB by "
     "default); llhttp has no limit.",
     "RFC 9110 §5.4: a recipient may limit the size of the header section it processes."},
    {"h1resp-limits-chunk-extensions", h1resp_rejects, Rule::limit_chunk_extension, "",
     "h1resp refuses chunk extensions (and leading zeros) longer than max_chunk_extension_bytes "
     "(1 KiB by default); llhttp has no limit.",
     "RFC 9112 §7.1.1: a recipient SHOULD limit the length of chunk extensions it processes."},
    {"h1resp-limits-trailer-section", h1resp_rejects, Rule::limit_trailer_section, "",
     "h1resp refuses a trailer section longer than max_trailer_section_bytes (16 KiB by "
     "default); llhttp has no limit.",
     "RFC 9110 §5.4, RFC 9112 §7.1.2: a recipient may limit the size of the trailer section."},

    // Both accept, but the response ends elsewhere.
    {"llhttp-reads-body-of-304", framing, Rule::code_304_no_body, "",
     "llhttp reads a Content-Length body on a 304 response; h1resp ends it at the empty line.",
     "RFC 9112 §6.3 (1), RFC 9110 §15.4.5: a 304 cannot contain content."},

    // llhttp rejects what h1resp accepts.
    {"llhttp-rejects-higher-minor-versions", llhttp_rejects, Rule::count_, "HPE_INVALID_VERSION",
     "llhttp knows only HTTP/0.9, 1.0, 1.1 and 2.0 and refuses \"HTTP/1.2\"; h1resp accepts it "
     "(the validator notes status.version-minor-higher).",
     "RFC 9110 §6.2: a recipient SHOULD process a higher minor version as the highest it "
     "supports."},
    {"llhttp-reads-body-of-bodiless-responses", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CHUNK_SIZE|HPE_STRICT|HPE_INVALID_EOF_STATE|HPE_CR_EXPECTED|HPE_LF_EXPECTED|"
     "HPE_INVALID_CONSTANT|HPE_INVALID_VERSION|HPE_INVALID_STATUS|HPE_INVALID_HEADER_TOKEN|"
     "HPE_INVALID_CONTENT_LENGTH|HPE_UNEXPECTED_CONTENT_LENGTH|HPE_INVALID_TRANSFER_ENCODING|"
     "HPE_UNEXPECTED_SPACE|HPE_CLOSED_CONNECTION",
     "llhttp reads a body on a 1xx, 204 or 304 response that declares one (Content-Length, or "
     "a chunked Transfer-Encoding; on a 101, before it switches protocols), and so fails on the "
     "bytes after the header section, usually the next response; h1resp ends the response at "
     "its empty line.",
     "RFC 9112 §6.3 (1): these responses end with their header section, whatever they "
     "declare (RFC 9110 §15.2, §15.3.5, §15.4.5)."},
    // The bytes tell a 1xx, 204 or 304; a response to HEAD is matched by the differential fuzzer,
    // which knows the method.
    {"llhttp-checks-content-length-without-content", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CONTENT_LENGTH|HPE_UNEXPECTED_CONTENT_LENGTH",
     "llhttp refuses a malformed or repeated Content-Length on every response; h1resp ignores "
     "it where it does not frame the body: on a 1xx, 204 or 304, and on a response to HEAD (the "
     "validator reports the field).",
     "RFC 9112 §6.3 (1): these responses end with their header section whatever their "
     "Content-Length says; RFC 9110 §8.6 gives it no framing role there."},
    // No predicate below: the cause is the response before the one llhttp misses, which
    // llhttp_stricter() does not see; compare_streams() and the differential fuzzer
    // (fuzz/differential.cpp) match it.
    {"llhttp-stops-after-interim-without-keep-alive", llhttp_rejects, Rule::count_,
     "HPE_OK|HPE_CLOSED_CONNECTION",
     "llhttp takes a 1xx response that does not keep the connection alive (HTTP/1.0 without "
     "keep-alive, or \"Connection: close\") as the end of the connection, and reads nothing "
     "after it or refuses what follows; h1resp reads the final response that follows (and notes "
     "status.1xx-to-http10 when the request was HTTP/1.0), and after a \"Connection: close\" "
     "closes the connection after that final response. The Connection field is llhttp's "
     "reading: where a leniency or the 1992 dialect reads the bytes otherwise (a bare CR as "
     "status-line whitespace), h1resp may see it as part of the reason phrase.",
     "RFC 9110 §15.2: a 1xx is interim, the final response follows on the same connection; "
     "RFC 9110 §7.6.1: \"close\" ends the connection after the exchange."},
    {"llhttp-rejects-repeated-content-length", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CONTENT_LENGTH|HPE_UNEXPECTED_CONTENT_LENGTH",
     "llhttp refuses a Content-Length repeated with the same value (\"5, 5\", \"5\" and "
     "\"05\", or two field lines); h1resp accepts it as that one value and warns "
     "(framing.cl-duplicate-same).",
     "RFC 9110 §8.6: a recipient MAY replace a list of identical valid values with a single "
     "value instead of rejecting the message."},
    {"llhttp-rejects-valid-chunk-extensions", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CHUNK_SIZE|HPE_STRICT",
     "llhttp 8.1 refuses chunk extensions the grammar allows: whitespace around \";\" and "
     "\"=\" (\"5 ; a = b\"), and a further extension after one with a value "
     "(\"5;a=b;c=d\"), and a quoted-pair in a quoted value (5;a=\"x\\\"y\"); "
     "h1resp accepts them.",
     "RFC 9112 §7.1.1: chunk-ext = *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS "
     "chunk-ext-val ] ): any number of extensions, each with optional BWS; chunk-ext-val may "
     "be a quoted-string (RFC 9110 §5.6.4), which allows quoted-pair."},
    {"llhttp-rejects-ctl-kept-by-value-ctl", llhttp_rejects, Rule::count_,
     "HPE_INVALID_HEADER_TOKEN",
     "llhttp (without its lenient flag headers) refuses control characters in field values; "
     "h1resp with the leniency value-ctl keeps them (and warns).",
     "RFC 9110 §5.5: a recipient MAY retain control characters in a field value when it is "
     "used in a safe context; h1resp flags such fields (FieldLine::has_ctl)."},
    {"llhttp-rejects-bare-cr-read-as-sp", llhttp_rejects, Rule::count_,
     "HPE_LF_EXPECTED|HPE_CR_EXPECTED|HPE_INVALID_HEADER_TOKEN|HPE_STRICT",
     "llhttp refuses a CR not followed by LF in the header section; h1resp with the leniency "
     "bare-cr reads it as SP (and warns).",
     "RFC 9112 §2.2: a recipient of a bare CR MAY consider the element invalid or replace the "
     "CR with SP before processing it."},
    {"llhttp-rejects-htab-after-content-length", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CONTENT_LENGTH",
     "llhttp refuses a Content-Length whose value is followed by HTAB (\"5\\t\"), though it "
     "accepts SP there; h1resp strips the OWS and reads 5. The fuzzer found it.",
     "RFC 9112 §5: OWS (SP or HTAB) around a field value is not part of it; RFC 9110 §5.6.3."},
    // Matched by compare_streams(), which sees the response before the one llhttp has no
    // reading of: persistence_divergence() (this entry and the next).
    {"llhttp-reads-proxy-connection-as-connection", llhttp_rejects, Rule::count_,
     "HPE_OK|HPE_CLOSED_CONNECTION",
     "llhttp reads the options of a Proxy-Connection field as Connection's (an http_parser "
     "heritage): after a response with \"Proxy-Connection: close\" it takes the connection for "
     "closed and reads nothing more; h1resp ignores the field for persistence and reads the "
     "next response. The response itself ends at the same byte for both.",
     "RFC 9112 §9.3, §9.6: persistence is decided by the Connection field; Proxy-Connection is "
     "no standard field (RFC 9110 §7.6.1 names it among fields a proxy must not forward)."},
    {"llhttp-misses-connection-option-before-htab", llhttp_rejects, Rule::count_,
     "HPE_OK|HPE_CLOSED_CONNECTION",
     "llhttp lets only SP, \",\" or the line end follow a Connection option it knows (close, "
     "keep-alive, upgrade): followed by HTAB, the option is another token to it. After an "
     "HTTP/1.0 response with \"Connection: keep-alive<HTAB>\", llhttp takes the connection "
     "for closed and reads nothing more; h1resp keeps it and reads the next response. (With "
     "\"close<HTAB>\" it is the other way round: llhttp-reads-after-connection-close.) The "
     "response itself ends at the same byte for both.",
     "RFC 9110 §5.6.3, §7.6.1: OWS is SP or HTAB, and connection options are tokens of a list; "
     "RFC 9112 §9.3: an HTTP/1.0 response with the keep-alive option persists. The fuzzer's "
     "TE twin of it (\"chunked<HTAB>\") is refused, because there the body ends elsewhere."},
    // Matched by the differential fuzzer, which knows the policy: h1resp with the strict policy
    // refuses the same bytes, so only the leniency made it accept them.
    {"llhttp-rejects-what-only-a-leniency-accepts", llhttp_rejects, Rule::count_,
     "HPE_INVALID_CHUNK_SIZE|HPE_STRICT|HPE_INVALID_HEADER_TOKEN|HPE_CR_EXPECTED|"
     "HPE_LF_EXPECTED|HPE_INVALID_CONSTANT|HPE_INVALID_STATUS|HPE_INVALID_VERSION|"
     "HPE_INVALID_CONTENT_LENGTH|HPE_INVALID_TRANSFER_ENCODING|HPE_UNEXPECTED_SPACE",
     "llhttp refuses bytes that h1resp reads only because a leniency is on (a bare LF ending a "
     "chunk line or chunk data, a control character kept in a trailer field, ...); h1resp's "
     "strict policy refuses them too.",
     "RFC 9112 §2.2, §5.5, §7.1: each leniency is a recipient's option the RFC allows, off by "
     "default in h1resp, and its use is reported as a warning."},
};

// A rough view of the response at the start of `bytes`, enough to tell which entry explains
// llhttp's refusal: the status code and the header section's field lines.
struct Head {
  int status = -1;
  std::string_view fields;  // from the line after the status line to the empty line
};

Head read_head(std::string_view bytes) noexcept {
  Head head;
  const std::size_t start = bytes.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return head;
  const std::string_view text = bytes.substr(start);
  const std::size_t sp = text.find(' ');
  const std::size_t eol = text.find('\n');
  if (text.substr(0, 5) != "HTTP/" || sp == std::string_view::npos || sp > eol ||
      text.size() < sp + 4) {
    return head;
  }
  int code = 0;
  for (std::size_t i = sp + 1; i < sp + 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return head;
    code = code * 10 + (text[i] - '0');
  }
  head.status = code;
  if (eol == std::string_view::npos) return head;
  std::string_view rest = text.substr(eol + 1);
  std::size_t end = 0;
  while (end < rest.size()) {  // up to the first empty line (CRLF or LF)
    const std::size_t next = rest.find('\n', end);
    if (next == std::string_view::npos || next == end || (next == end + 1 && rest[end] == '\r')) {
      break;
    }
    end = next + 1;
  }
  head.fields = rest.substr(0, end);
  return head;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  const std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Calls `f(value)` for each field line named `name`, with the value as sent: everything after
// the colon, whitespace included, without the line's CR.
template <typename F>
void for_each_raw_field(std::string_view fields, std::string_view name, F f) {
  while (!fields.empty()) {
    const std::size_t eol = fields.find('\n');
    const std::string_view line = fields.substr(0, eol);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && iequals(line.substr(0, colon), name)) {
      std::string_view value = line.substr(colon + 1);
      if (value.ends_with('\r')) value.remove_suffix(1);
      f(value);
    }
    if (eol == std::string_view::npos) break;
    fields.remove_prefix(eol + 1);
  }
}

// Calls `f(value)` for each field line named `name`, with the value trimmed.
template <typename F>
void for_each_field(std::string_view fields, std::string_view name, F f) {
  for_each_raw_field(fields, name, [&](std::string_view value) { f(trim(value)); });
}

bool error_listed(std::string_view list, std::string_view error) noexcept {
  while (!list.empty()) {
    const std::size_t bar = list.find('|');
    if (list.substr(0, bar) == error) return true;
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return false;
}

// A 1xx, 204 or 304 status: responses that end with their header section (RFC 9112 §6.3 (1)).
// A 101 is one of them: llhttp switches protocols right after its header section only when it
// declares no body (llhttp__after_headers_complete: upgrade && !hasBody), else after reading
// the declared body.
bool bodiless_status(int s) noexcept {
  return (s >= 100 && s < 200) || s == 204 || s == 304;
}

// A 1xx, 204 or 304 that declares a body llhttp reads.
bool bodiless_with_declared_body(std::string_view bytes) noexcept {
  const Head head = read_head(bytes);
  if (!bodiless_status(head.status)) return false;
  bool declared = false;
  for_each_field(head.fields, "Transfer-Encoding", [&](std::string_view) { declared = true; });
  for_each_field(head.fields, "Content-Length", [&](std::string_view v) {
    if (!v.empty() && v.find_first_not_of('0') != std::string_view::npos) declared = true;
  });
  return declared;
}

// A 1xx, 204 or 304 with a Content-Length field.
bool bodiless_with_length(std::string_view bytes) noexcept {
  const Head head = read_head(bytes);
  if (!bodiless_status(head.status)) return false;
  bool present = false;
  for_each_field(head.fields, "Content-Length", [&](std::string_view) { present = true; });
  return present;
}

// A decimal value without its leading zeros ("06" and "6" are the same length; "0" stays).
std::string_view without_leading_zeros(std::string_view digits) noexcept {
  while (digits.size() > 1 && digits.front() == '0')
    digits.remove_prefix(1);
  return digits;
}

// Content-Length given more than once (in one list or several lines), always the same decimal
// value (RFC 9110 §8.6), as h1resp compares them: "6" and "06" are the same.
bool repeated_same_content_length(std::string_view bytes) noexcept {
  std::string_view first;
  std::size_t count = 0;
  bool same = true;
  for_each_field(read_head(bytes).fields, "Content-Length", [&](std::string_view value) {
    while (true) {
      const std::size_t comma = value.find(',');
      const std::string_view element = without_leading_zeros(trim(value.substr(0, comma)));
      if (count++ == 0) first = element;
      same = same && element == first;
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  });
  return count >= 2 && same;
}

// A CR that is not followed by LF, before the end of the header section.
bool bare_cr_in_header(std::string_view bytes) noexcept {
  const std::size_t end = bytes.find("\r\n\r\n");
  const std::string_view head = bytes.substr(0, end);
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\r' && (i + 1 == head.size() || head[i + 1] != '\n')) return true;
  }
  return false;
}

// Whether some chunk line of the response's chunked body has a chunk-ext that llhttp refuses:
// whitespace (BWS) outside a quoted string, a further extension after one with a value, or a
// quoted-pair inside a quoted value.
// Walks the chunk lines as far as they are well formed.
bool chunk_extension_llhttp_refuses(std::string_view bytes) noexcept {
  std::size_t end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos) return false;
  std::string_view body = bytes.substr(end + 4);
  while (!body.empty()) {
    const std::size_t eol = body.find("\r\n");
    if (eol == std::string_view::npos) return false;
    const std::string_view line = body.substr(0, eol);
    std::size_t i = 0;
    std::uint64_t size = 0;
    for (; i < line.size() && i < 16; ++i) {
      const char c = line[i];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) break;
      size = size * 16 + static_cast<std::uint64_t>(digit);
    }
    if (i == 0) return false;
    bool quoted = false;
    bool valued = false;
    for (std::size_t j = i; j < line.size(); ++j) {
      const char c = line[j];
      if (quoted && c == '\\') return true;  // a quoted-pair, which llhttp 8.1 refuses
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == ' ' || c == '\t') return true;
      if (c == '=') valued = true;
      if (c == ';' && valued) return true;
    }
    if (size == 0 || body.size() - eol - 2 < size + 2) return false;
    body.remove_prefix(eol + 2 + size + 2);
  }
  return false;
}

// A control character (other than HTAB, CR, LF) in the header section, which h1resp keeps with
// the leniency value-ctl.
bool ctl_in_header(std::string_view bytes) noexcept {
  const std::string_view head = bytes.substr(0, bytes.find("\r\n\r\n"));
  for (const char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t' && u != '\r' && u != '\n') || u == 0x7F) return true;
  }
  return false;
}

// A Content-Length field line whose value is followed by HTAB (before the CRLF).
bool htab_after_content_length(std::string_view bytes) noexcept {
  bool htab = false;
  for_each_raw_field(read_head(bytes).fields, "Content-Length", [&](std::string_view value) {
    const std::size_t last = value.find_last_not_of(" \t");
    htab = htab || (last != std::string_view::npos &&
                    value.substr(last + 1).find('\t') != std::string_view::npos);
  });
  return htab;
}

bool starts_with_higher_minor(std::string_view bytes) noexcept {
  // "HTTP/1.d" with d >= 2, after the empty lines llhttp skips.
  const std::size_t start = bytes.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return false;
  const std::string_view line = bytes.substr(start);
  return line.size() >= 8 && line.substr(0, 7) == "HTTP/1." && line[7] >= '2' && line[7] <= '9';
}

}  // namespace

std::span<const Divergence> all_divergences() noexcept {
  return kDivergences;
}

const Divergence* divergence(std::string_view id) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

const Divergence* h1resp_stricter(Rule rule) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.side == h1resp_rejects && d.rule == rule) return &d;
  }
  return nullptr;
}

const Divergence* llhttp_stricter(std::string_view llhttp_error, std::string_view bytes) noexcept {
  // Each entry lists the llhttp errors it explains ("A|B"), and says of the bytes whether it
  // applies: an error name alone is not enough, the same error has other causes.
  for (const Divergence& d : kDivergences) {
    if (d.side != llhttp_rejects || !error_listed(d.llhttp_error, llhttp_error)) continue;
    if (d.id == "llhttp-rejects-higher-minor-versions" && starts_with_higher_minor(bytes)) {
      return &d;
    }
    if (d.id == "llhttp-reads-body-of-bodiless-responses" && bodiless_with_declared_body(bytes)) {
      return &d;
    }
    if (d.id == "llhttp-checks-content-length-without-content" && bodiless_with_length(bytes)) {
      return &d;
    }
    if (d.id == "llhttp-rejects-repeated-content-length" && repeated_same_content_length(bytes)) {
      return &d;
    }
    if (d.id == "llhttp-rejects-bare-cr-read-as-sp" && bare_cr_in_header(bytes)) return &d;
    if (d.id == "llhttp-rejects-valid-chunk-extensions" && chunk_extension_llhttp_refuses(bytes)) {
      return &d;
    }
    if (d.id == "llhttp-rejects-ctl-kept-by-value-ctl" && ctl_in_header(bytes)) return &d;
    if (d.id == "llhttp-rejects-htab-after-content-length" && htab_after_content_length(bytes)) {
      return &d;
    }
  }
  return nullptr;
}

const Divergence* persistence_divergence(std::string_view previous) noexcept {
  const Head head = read_head(previous);
  bool proxy_connection = false;
  for_each_field(head.fields, "Proxy-Connection",
                 [&](std::string_view) { proxy_connection = true; });
  if (proxy_connection) return divergence("llhttp-reads-proxy-connection-as-connection");
  // Each run of token bytes that names an option, then SPs, then an HTAB.
  bool option_before_htab = false;
  for_each_raw_field(head.fields, "Connection", [&](std::string_view value) {
    std::size_t at = 0;
    while (at < value.size()) {
      const std::size_t begin = value.find_first_not_of(" \t,", at);
      if (begin == std::string_view::npos) break;
      std::size_t end = value.find_first_of(" \t,", begin);
      if (end == std::string_view::npos) end = value.size();
      const std::string_view option = value.substr(begin, end - begin);
      const std::size_t after = value.find_first_not_of(' ', end);
      if ((iequals(option, "keep-alive") || iequals(option, "close") ||
           iequals(option, "upgrade")) &&
          after != std::string_view::npos && value[after] == '\t') {
        option_before_htab = true;
      }
      at = end;
    }
  });
  return option_before_htab ? divergence("llhttp-misses-connection-option-before-htab") : nullptr;
}

const Divergence* framing_divergence(Rule rule) noexcept {
  for (const Divergence& d : kDivergences) {
    if (d.side == framing && d.rule == rule) return &d;
  }
  return nullptr;
}

}  // namespace h1resp::interop
