// The status code registry: one constexpr table of every code h1resp knows something about.
//
// Sources:
// * The IANA HTTP Status Code Registry, last updated 2025-09-15 (names, references, and the
//   TEMPORARY / (Unused) / (OBSOLETED) markers), and the documents it cites: RFC 9110 §15 for the
//   core codes; RFC 2518, 2295, 2774, 3229, 4918, 5842, 6585, 7725, 8297, 8470; and
//   draft-ietf-httpbis-resumable-upload-05 for 104.
// * RFC 9110 §15.1 and RFC 7725 §3 for the heuristically cacheable codes; RFC 6585 §3-§6 for the
//   four codes a cache must never store.
// * The W3C "Status codes" text (Protocols/HTTP/HTRESP.html, labelled 1992) for the 18 historic
//   codes; its 502 and 503 were added "for discussion" on 1994-09-19.
// * Older RFCs for the legacy names (RFC 1945, 2068, 2616, 4918, 7231, 7233).
// * Old web status-code lists and vendor documentation for the unofficial names (the project's
//   shared/reference/status-codes-source.txt and response-rules.md groups D, G and H, outside
//   this repository). They are
//   reference only: a recipient applies the class semantics of RFC 9110 §15 to all of them.
//
// Everything has static storage and lookups never allocate, so the parser can consult the
// registry on the hot path and hand out pointers and spans that stay valid forever.
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>

#include "h1resp/response.hpp"
#include "h1resp/status_registry.hpp"

namespace h1resp {
namespace {

// -------------------------------------------------------------------------------------------------
// Legacy names: what older RFCs called the same code with the same meaning. A reason phrase
// carries no meaning (RFC 9112 §4), so a legacy name is worth an INFO at most.

constexpr StatusAlias k302Legacy[] = {
    {"Moved Temporarily", "RFC 1945 §9.3; RFC 2068 §10.3.3",
     "The HTTP/1.0 name; RFC 2616 renamed it Found. Same code, same meaning: treat as 302."},
};
constexpr StatusAlias k404Legacy[] = {
    {"File Not Found", "server phrase, e.g. Python http.server (SimpleHTTPRequestHandler)",
     "No RFC ever used this name, but servers send it for a missing file: treat as 404."},
};
constexpr StatusAlias k408Legacy[] = {
    {"Request Time-out", "RFC 2616 §6.1.1 (Status-Code grammar)",
     "The RFC 2616 grammar's spelling of Request Timeout: treat as 408."},
};
constexpr StatusAlias k413Legacy[] = {
    {"Request Entity Too Large", "RFC 2068 §10.4.14; RFC 2616 §10.4.14",
     "Renamed Payload Too Large by RFC 7231, then Content Too Large by RFC 9110: treat as 413."},
    {"Payload Too Large", "RFC 7231 §6.5.11",
     "Renamed Content Too Large by RFC 9110 §15.5.14: treat as 413."},
};
constexpr StatusAlias k414Legacy[] = {
    {"Request-URI Too Long", "RFC 2068 §10.4.15; RFC 2616 §10.4.15",
     "Renamed URI Too Long by RFC 7231 §6.5.12: treat as 414."},
    {"Request-URI Too Large", "RFC 2616 §6.1.1 (Status-Code grammar)",
     "The RFC 2616 grammar's spelling of Request-URI Too Long: treat as 414."},
};
constexpr StatusAlias k416Legacy[] = {
    {"Requested Range Not Satisfiable", "RFC 2616 §10.4.17",
     "Renamed Range Not Satisfiable by RFC 7233 §4.4: treat as 416."},
};
constexpr StatusAlias k422Legacy[] = {
    {"Unprocessable Entity", "RFC 4918 §11.2",
     "Renamed Unprocessable Content when RFC 9110 §15.5.21 took 422 into the core: treat as "
     "422."},
};
constexpr StatusAlias k504Legacy[] = {
    {"Gateway Time-out", "RFC 2616 §6.1.1 (Status-Code grammar)",
     "The RFC 2616 grammar's spelling of Gateway Timeout: treat as 504."},
};

// -------------------------------------------------------------------------------------------------
// Unofficial names. Some numbers have more than one vendor meaning (420, 430, 499, 530) or an
// unofficial meaning that collides with the registered one (103, 308), which is why these are
// lists and why the registry, not the phrase, decides how a code is handled.

// Warning warn-codes (RFC 7234 §5.5; RFC 9111 obsoleted the Warning field) appear in old lists as
// if they were status codes. They never were; on a status line they are unknown codes, handled by
// class (RFC 9110 §15).
constexpr std::string_view kWarnOrigin = "Warning warn-code, RFC 7234 §5.5 (RFC 2616 §14.46)";
constexpr std::string_view kWarn1xxNote =
    "A Warning header value, never a status code. On a status line it is an unknown 1xx, so it "
    "is interim: handle as 100 and wait for a final response; fail (502) if none follows.";
constexpr std::string_view kWarn2xxNote =
    "A Warning header value, never a status code. On a status line it is an unknown 2xx: handle "
    "as 200, and do not cache it heuristically.";

constexpr StatusAlias k103Unofficial[] = {
    {"Checkpoint", "Google Gears resumable-requests proposal (resume aborted PUT/POST)",
     "Predates RFC 8297 Early Hints, which 103 is today. Either way it is interim: forward it, "
     "never treat it as final."},
};
constexpr StatusAlias k110Unofficial[] = {{"Response is Stale", kWarnOrigin, kWarn1xxNote}};
constexpr StatusAlias k111Unofficial[] = {{"Revalidation Failed", kWarnOrigin, kWarn1xxNote}};
constexpr StatusAlias k112Unofficial[] = {{"Disconnected Operation", kWarnOrigin, kWarn1xxNote}};
constexpr StatusAlias k113Unofficial[] = {{"Heuristic Expiration", kWarnOrigin, kWarn1xxNote}};
constexpr StatusAlias k122Unofficial[] = {
    {"Request-URI too long", "Internet Explorer (internal; URI over 2083 characters)",
     "A browser-internal error, never sent by a server. On the wire it is an unknown 1xx: "
     "interim, so wait for a final response and fail (502) if none follows."},
};
constexpr StatusAlias k199Unofficial[] = {{"Miscellaneous Warning", kWarnOrigin, kWarn1xxNote}};
constexpr StatusAlias k214Unofficial[] = {{"Transformation Applied", kWarnOrigin, kWarn2xxNote}};
constexpr StatusAlias k218Unofficial[] = {
    {"This is fine", "Apache HTTP Server (ProxyErrorOverride)",
     "A catch-all that lets an error body pass through the proxy. An unknown 2xx: handle as 200, "
     "do not cache it heuristically."},
};
constexpr StatusAlias k299Unofficial[] = {
    {"Miscellaneous Persistent Warning", kWarnOrigin, kWarn2xxNote},
};
constexpr StatusAlias k306Unofficial[] = {
    {"Switch Proxy", "HTTP/1.1 drafts (RFC 2616 §10.3.7 reserves the code)",
     "\"Switch Proxy\" meant \"subsequent requests should use the specified proxy\"; never "
     "standardised and now (Unused). Never act on it: treat as 300."},
};
constexpr StatusAlias k308Unofficial[] = {
    {"Resume Incomplete", "Google resumable uploads (Gears proposal; Drive, Cloud Storage APIs)",
     "Upload not finished: carries Range with the bytes received and no Location. Collides with "
     "308 Permanent Redirect, which is heuristically cacheable: never cache or follow a 308 "
     "without Location."},
};
constexpr StatusAlias k418Unofficial[] = {
    {"I'm a teapot", "RFC 2324 §2.3.2 (HTCPCP/1.0, an April 1 RFC)",
     "\"I'm a teapot\" is a joke code, deployed widely enough that RFC 9110 §15.5.19 reserves "
     "418 as (Unused). Treat as 400."},
};
constexpr StatusAlias k419Unofficial[] = {
    {"Page Expired", "Laravel (CSRF token mismatch)",
     "A framework's expired-session or CSRF failure. Unregistered 4xx: handle as 400."},
};
constexpr StatusAlias k420Unofficial[] = {
    {"Enhance Your Calm", "Twitter Search and Streaming API v1 (rate limiting)",
     "Twitter's old rate-limit code, superseded by 429. Unregistered 4xx: handle as 400."},
    {"Method Failure", "Spring Framework (HttpStatus.METHOD_FAILURE, from WebDAV drafts)",
     "A method failed; deprecated in Spring itself. Unregistered 4xx: handle as 400."},
};
constexpr StatusAlias k430Unofficial[] = {
    {"Request Header Fields Too Large", "Shopify",
     "Shopify's throttling of too many requests, not the registered 431 despite the name. IANA "
     "lists 430 as Unassigned: handle as 400."},
    {"Shopify Security Rejection", "Shopify",
     "A request judged malicious. IANA lists 430 as Unassigned: handle as 400."},
};
constexpr StatusAlias k440Unofficial[] = {
    {"Login Time-out", "Microsoft IIS",
     "The client's session expired and it must log in again. Unregistered 4xx: handle as 400."},
};
constexpr StatusAlias k444Unofficial[] = {
    {"No Response", "nginx (return 444)",
     "nginx closes the connection without sending anything; the code exists only in its config "
     "and logs. On the wire it means some other component: handle as 400."},
};
constexpr StatusAlias k449Unofficial[] = {
    {"Retry With", "Microsoft IIS",
     "The request lacks information the server needs; retry after supplying it. Unregistered "
     "4xx: handle as 400."},
};
constexpr StatusAlias k450Unofficial[] = {
    {"Blocked by Windows Parental Controls", "Microsoft",
     "Windows Parental Controls blocked the page. Unregistered 4xx: handle as 400."},
};
// nginx's 494-497 are internal: it logs them but writes 400 on the status line
// (ngx_http_special_response.c), so seeing one on the wire means a non-nginx component or a
// custom mapping.
constexpr StatusAlias k494Unofficial[] = {
    {"Request header too large", "nginx (NGX_HTTP_REQUEST_HEADER_TOO_LARGE)",
     "Logged only; nginx writes 400 on the wire. Handle as 400."},
};
constexpr StatusAlias k495Unofficial[] = {
    {"SSL Certificate Error", "nginx (NGX_HTTPS_CERT_ERROR)",
     "The client certificate was invalid. Logged only; nginx writes 400 on the wire. Handle as "
     "400."},
};
constexpr StatusAlias k496Unofficial[] = {
    {"SSL Certificate Required", "nginx (NGX_HTTPS_NO_CERT)",
     "A required client certificate was not sent. Logged only; nginx writes 400 on the wire. "
     "Handle as 400."},
};
constexpr StatusAlias k497Unofficial[] = {
    {"HTTP Request Sent to HTTPS Port", "nginx (NGX_HTTP_TO_HTTPS)",
     "Plain HTTP arrived on a TLS port. Logged only; nginx writes 400 on the wire. Handle as "
     "400."},
};
constexpr StatusAlias k498Unofficial[] = {
    {"Invalid Token", "Esri ArcGIS Server",
     "The token was expired or invalid. Unregistered 4xx: handle as 400."},
};
constexpr StatusAlias k499Unofficial[] = {
    {"Token Required", "Esri ArcGIS Server",
     "A token was required but not sent. Unregistered 4xx: handle as 400."},
    {"Client Closed Request", "nginx (NGX_HTTP_CLIENT_CLOSED_REQUEST)",
     "The client went away before the response; nginx only logs it, since nobody is left to "
     "receive it. On the wire it means some other component: handle as 400."},
};
constexpr StatusAlias k509Unofficial[] = {
    {"Bandwidth Limit Exceeded", "Apache HTTP Server modules / cPanel shared hosting",
     "The site used up the bandwidth its host allows. IANA lists 509 as Unassigned: handle as "
     "500."},
};
// Cloudflare's 52x codes describe its connection to the origin server; for a proxy further down
// they are upstream gateway failures.
constexpr StatusAlias k520Unofficial[] = {
    {"Web Server Returned an Unknown Error", "Cloudflare",
     "The origin returned an empty, unknown or unexpected response. Unregistered 5xx: handle as "
     "500 (in effect 502)."},
};
constexpr StatusAlias k521Unofficial[] = {
    {"Web Server Is Down", "Cloudflare",
     "The origin refused the connection. Unregistered 5xx: handle as 500 (in effect 502)."},
};
constexpr StatusAlias k522Unofficial[] = {
    {"Connection Timed Out", "Cloudflare",
     "The TCP handshake with the origin timed out. Unregistered 5xx: handle as 500 (in effect "
     "504)."},
};
constexpr StatusAlias k523Unofficial[] = {
    {"Origin Is Unreachable", "Cloudflare",
     "The origin could not be reached, e.g. wrong DNS records. Unregistered 5xx: handle as 500 "
     "(in effect 502)."},
};
constexpr StatusAlias k524Unofficial[] = {
    {"A Timeout Occurred", "Cloudflare",
     "The origin accepted the connection but sent no timely response. Unregistered 5xx: handle "
     "as 500 (in effect 504)."},
};
constexpr StatusAlias k525Unofficial[] = {
    {"SSL Handshake Failed", "Cloudflare",
     "The TLS handshake with the origin failed. Unregistered 5xx: handle as 500 (in effect "
     "502)."},
};
constexpr StatusAlias k526Unofficial[] = {
    {"Invalid SSL Certificate", "Cloudflare; Cloud Foundry gorouter",
     "The origin's certificate could not be validated. Unregistered 5xx: handle as 500 (in effect "
     "502)."},
};
constexpr StatusAlias k527Unofficial[] = {
    {"Railgun Error", "Cloudflare Railgun (discontinued)",
     "The Railgun link to the origin failed. Unregistered 5xx: handle as 500 (in effect 502)."},
};
constexpr StatusAlias k529Unofficial[] = {
    {"Site is overloaded", "Qualys SSL Labs API",
     "The service cannot take the request now. Unregistered 5xx: handle as 500."},
};
constexpr StatusAlias k530Unofficial[] = {
    {"Origin DNS Error", "Cloudflare (530 with a 1xxx error, e.g. 1016 Origin DNS error); Shopify",
     "The origin's host name did not resolve; Cloudflare puts the detail in the body. "
     "Unregistered 5xx: handle as 500 (in effect 502)."},
    {"Site is frozen", "Pantheon",
     "A site frozen for inactivity. Unregistered 5xx: handle as 500."},
};
constexpr StatusAlias k561Unofficial[] = {
    {"Unauthorized", "AWS Elastic Load Balancing (authenticating listener rule)",
     "The identity provider returned an error while the load balancer authenticated the user. "
     "Not 401 despite the name: unregistered 5xx, handle as 500."},
};
constexpr StatusAlias k598Unofficial[] = {
    {"Network read timeout error", "informal convention of some HTTP proxies",
     "A read timeout behind the proxy. Unregistered 5xx: handle as 500 (in effect 504)."},
};
constexpr StatusAlias k599Unofficial[] = {
    {"Network connect timeout error", "informal convention of some HTTP proxies",
     "A connect timeout behind the proxy. Unregistered 5xx: handle as 500 (in effect 504)."},
};

// -------------------------------------------------------------------------------------------------
// The table.

using F = StatusInfo::Flag;
constexpr std::uint16_t kReg = F::registered;
constexpr std::uint16_t kHeur = F::heuristically_cacheable;
constexpr std::uint16_t kRegHeur = kReg | kHeur;
constexpr std::uint16_t kRegW3c = kReg | F::in_w3c1992;
constexpr std::uint16_t kRegHeurW3c = kRegHeur | F::in_w3c1992;
// RFC 6585 §3-§6: these "MUST NOT be stored by a cache", even with explicit freshness.
constexpr std::uint16_t kRegNoStore = kReg | F::never_stored;

// Sorted by code, one entry per code (checked below). Registered codes carry the IANA name and
// the section that defines them; unregistered codes are here only for their unofficial names.
//
// Designated initializers leave every field a row does not name at its default ("", an empty
// span, 0), which is the point; GCC's -Wextra still reports each omitted field, so silence that
// one warning for the table alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
constexpr StatusInfo kTable[] = {
    // 1xx. The 1992 text has no 1xx class at all.
    {.code = 100, .flags = kReg, .name = "Continue", .source = "RFC 9110 §15.2.1"},
    {.code = 101, .flags = kReg, .name = "Switching Protocols", .source = "RFC 9110 §15.2.2"},
    // RFC 4918 obsoleted RFC 2518 without re-defining 102; IANA still cites RFC 2518.
    {.code = 102, .flags = kReg, .name = "Processing", .source = "RFC 2518 §10.1"},
    {.code = 103,
     .flags = kReg,
     .name = "Early Hints",
     .source = "RFC 8297 §2",
     .unofficial_names = k103Unofficial},
    // IANA: TEMPORARY, registered 2024-11-13, extended 2025-09-15, expires 2026-11-13.
    {.code = 104,
     .flags = kReg | F::temporary,
     .name = "Upload Resumption Supported",
     .source = "draft-ietf-httpbis-resumable-upload-05"},
    {.code = 110, .unofficial_names = k110Unofficial},
    {.code = 111, .unofficial_names = k111Unofficial},
    {.code = 112, .unofficial_names = k112Unofficial},
    {.code = 113, .unofficial_names = k113Unofficial},
    {.code = 122, .unofficial_names = k122Unofficial},
    {.code = 199, .unofficial_names = k199Unofficial},

    // 2xx
    {.code = 200,
     .flags = kRegHeurW3c,
     .name = "OK",
     .source = "RFC 9110 §15.3.1",
     .w3c1992_name = "OK",
     .w3c1992_meaning = "The request was fulfilled."},
    {.code = 201,
     .flags = kRegW3c,
     .name = "Created",
     .source = "RFC 9110 §15.3.2",
     .w3c1992_name = "Created",
     .w3c1992_meaning = "Following a POST command, this indicates success, but the textual part "
                        "of the response line indicates the URI by which the newly created "
                        "document should be known."},
    {.code = 202,
     .flags = kRegW3c,
     .name = "Accepted",
     .source = "RFC 9110 §15.3.3",
     .w3c1992_name = "Accepted",
     .w3c1992_meaning = "The request has been accepted for processing, but the processing has "
                        "not been completed, and \"there is no facility for status returns from "
                        "asynchronous operations such as this.\""},
    // Same number, different meaning: 1992's 203 is about a private overlaid web, not today's
    // Non-Authoritative Information (a transforming proxy's answer).
    {.code = 203,
     .flags = kRegHeurW3c,
     .name = "Non-Authoritative Information",
     .source = "RFC 9110 §15.3.4",
     .w3c1992_name = "Partial Information",
     .w3c1992_meaning = "The returned metainformation \"is not a definitive set of the object "
                        "from a server with a copy of the object, but is from a private overlaid "
                        "web\", for example annotations."},
    {.code = 204,
     .flags = kRegHeurW3c,
     .name = "No Content",
     .source = "RFC 9110 §15.3.5",
     .w3c1992_name = "No Response",
     .w3c1992_meaning = "Server has received the request but there is no information to send "
                        "back, and the client should stay in the same document view."},
    {.code = 205, .flags = kReg, .name = "Reset Content", .source = "RFC 9110 §15.3.6"},
    {.code = 206, .flags = kRegHeur, .name = "Partial Content", .source = "RFC 9110 §15.3.7"},
    {.code = 207, .flags = kReg, .name = "Multi-Status", .source = "RFC 4918 §11.1"},
    {.code = 208, .flags = kReg, .name = "Already Reported", .source = "RFC 5842 §7.1"},
    {.code = 214, .unofficial_names = k214Unofficial},
    {.code = 218, .unofficial_names = k218Unofficial},
    {.code = 226, .flags = kReg, .name = "IM Used", .source = "RFC 3229 §10.4.1"},
    {.code = 299, .unofficial_names = k299Unofficial},

    // 3xx
    {.code = 300, .flags = kRegHeur, .name = "Multiple Choices", .source = "RFC 9110 §15.4.1"},
    {.code = 301,
     .flags = kRegHeurW3c,
     .name = "Moved Permanently",
     .source = "RFC 9110 §15.4.2",
     .w3c1992_name = "Moved",
     .w3c1992_meaning = "The data requested has been assigned a new URI, the change is "
                        "permanent; the response gives it in one or more \"URI: <url> String\" "
                        "header lines."},
    {.code = 302,
     .flags = kRegW3c,
     .name = "Found",
     .source = "RFC 9110 §15.4.3",
     .w3c1992_name = "Found",
     .w3c1992_meaning = "The data requested actually resides under a different URL, however, "
                        "the redirection may be altered on occasion; the response has \"URI:\" "
                        "lines, the same format as for Moved.",
     .legacy_names = k302Legacy},
    // 1992's 303 was a draft: go elsewhere with another method, not today's "GET the Location".
    {.code = 303,
     .flags = kRegW3c,
     .name = "See Other",
     .source = "RFC 9110 §15.4.4",
     .w3c1992_name = "Method",
     .w3c1992_meaning = "For discussion only: try another address, possibly with another method, "
                        "given in a \"Method: <method> <url>\" line, with a body-section that "
                        "\"contains the parameters to be used for the method\"."},
    {.code = 304,
     .flags = kRegW3c,
     .name = "Not Modified",
     .source = "RFC 9110 §15.4.5",
     .w3c1992_name = "Not Modified",
     .w3c1992_meaning = "After a conditional GET, the document has not been modified since the "
                        "If-Modified-Since date, so the server \"does not send the document body "
                        "to the client\"."},
    // Deprecated "due to security concerns regarding in-band configuration of a proxy".
    {.code = 305, .flags = kReg | F::deprecated, .name = "Use Proxy", .source = "RFC 9110 §15.4.6"},
    {.code = 306,
     .flags = kReg | F::unused,
     .name = "(Unused)",
     .source = "RFC 9110 §15.4.7",
     .unofficial_names = k306Unofficial},
    {.code = 307, .flags = kReg, .name = "Temporary Redirect", .source = "RFC 9110 §15.4.8"},
    {.code = 308,
     .flags = kRegHeur,
     .name = "Permanent Redirect",
     .source = "RFC 9110 §15.4.9",
     .unofficial_names = k308Unofficial},

    // 4xx
    {.code = 400,
     .flags = kRegW3c,
     .name = "Bad Request",
     .source = "RFC 9110 §15.5.1",
     .w3c1992_name = "Bad request",
     .w3c1992_meaning = "The request had bad syntax or was inherently impossible to be "
                        "satisfied."},
    {.code = 401,
     .flags = kRegW3c,
     .name = "Unauthorized",
     .source = "RFC 9110 §15.5.2",
     .w3c1992_name = "Unauthorized",
     .w3c1992_meaning = "The parameter to this message gives a specification of authorization "
                        "schemes which are acceptable; the client should retry with a suitable "
                        "Authorization header."},
    {.code = 402,
     .flags = kRegW3c,
     .name = "Payment Required",
     .source = "RFC 9110 §15.5.3",
     .w3c1992_name = "PaymentRequired",
     .w3c1992_meaning = "The parameter to this message gives a specification of charging "
                        "schemes acceptable; the client may retry the request with a suitable "
                        "ChargeTo header."},
    {.code = 403,
     .flags = kRegW3c,
     .name = "Forbidden",
     .source = "RFC 9110 §15.5.4",
     .w3c1992_name = "Forbidden",
     .w3c1992_meaning = "The request is for something forbidden; authorization will not help."},
    {.code = 404,
     .flags = kRegHeurW3c,
     .name = "Not Found",
     .source = "RFC 9110 §15.5.5",
     .w3c1992_name = "Not found",
     .w3c1992_meaning = "The server has not found anything matching the URI given.",
     .legacy_names = k404Legacy},
    {.code = 405, .flags = kRegHeur, .name = "Method Not Allowed", .source = "RFC 9110 §15.5.6"},
    {.code = 406, .flags = kReg, .name = "Not Acceptable", .source = "RFC 9110 §15.5.7"},
    {.code = 407,
     .flags = kReg,
     .name = "Proxy Authentication Required",
     .source = "RFC 9110 §15.5.8"},
    {.code = 408,
     .flags = kReg,
     .name = "Request Timeout",
     .source = "RFC 9110 §15.5.9",
     .legacy_names = k408Legacy},
    {.code = 409, .flags = kReg, .name = "Conflict", .source = "RFC 9110 §15.5.10"},
    {.code = 410, .flags = kRegHeur, .name = "Gone", .source = "RFC 9110 §15.5.11"},
    {.code = 411, .flags = kReg, .name = "Length Required", .source = "RFC 9110 §15.5.12"},
    {.code = 412, .flags = kReg, .name = "Precondition Failed", .source = "RFC 9110 §15.5.13"},
    {.code = 413,
     .flags = kReg,
     .name = "Content Too Large",
     .source = "RFC 9110 §15.5.14",
     .legacy_names = k413Legacy},
    {.code = 414,
     .flags = kRegHeur,
     .name = "URI Too Long",
     .source = "RFC 9110 §15.5.15",
     .legacy_names = k414Legacy},
    {.code = 415, .flags = kReg, .name = "Unsupported Media Type", .source = "RFC 9110 §15.5.16"},
    {.code = 416,
     .flags = kReg,
     .name = "Range Not Satisfiable",
     .source = "RFC 9110 §15.5.17",
     .legacy_names = k416Legacy},
    {.code = 417, .flags = kReg, .name = "Expectation Failed", .source = "RFC 9110 §15.5.18"},
    {.code = 418,
     .flags = kReg | F::unused,
     .name = "(Unused)",
     .source = "RFC 9110 §15.5.19",
     .unofficial_names = k418Unofficial},
    // IANA: 419-420 Unassigned.
    {.code = 419, .unofficial_names = k419Unofficial},
    {.code = 420, .unofficial_names = k420Unofficial},
    {.code = 421, .flags = kReg, .name = "Misdirected Request", .source = "RFC 9110 §15.5.20"},
    {.code = 422,
     .flags = kReg,
     .name = "Unprocessable Content",
     .source = "RFC 9110 §15.5.21",
     .legacy_names = k422Legacy},
    {.code = 423, .flags = kReg, .name = "Locked", .source = "RFC 4918 §11.3"},
    {.code = 424, .flags = kReg, .name = "Failed Dependency", .source = "RFC 4918 §11.4"},
    {.code = 425, .flags = kReg, .name = "Too Early", .source = "RFC 8470 §5.2"},
    {.code = 426, .flags = kReg, .name = "Upgrade Required", .source = "RFC 9110 §15.5.22"},
    // IANA: 427 Unassigned.
    {.code = 428, .flags = kRegNoStore, .name = "Precondition Required", .source = "RFC 6585 §3"},
    {.code = 429, .flags = kRegNoStore, .name = "Too Many Requests", .source = "RFC 6585 §4"},
    // IANA: 430 Unassigned.
    {.code = 430, .unofficial_names = k430Unofficial},
    {.code = 431,
     .flags = kRegNoStore,
     .name = "Request Header Fields Too Large",
     .source = "RFC 6585 §5"},
    // IANA: 432-450 Unassigned.
    {.code = 440, .unofficial_names = k440Unofficial},
    {.code = 444, .unofficial_names = k444Unofficial},
    {.code = 449, .unofficial_names = k449Unofficial},
    {.code = 450, .unofficial_names = k450Unofficial},
    // RFC 7725 §3: "cacheable by default", i.e. heuristically cacheable like the 9110 list.
    {.code = 451,
     .flags = kRegHeur,
     .name = "Unavailable For Legal Reasons",
     .source = "RFC 7725 §3"},
    // IANA: 452-499 Unassigned.
    {.code = 494, .unofficial_names = k494Unofficial},
    {.code = 495, .unofficial_names = k495Unofficial},
    {.code = 496, .unofficial_names = k496Unofficial},
    {.code = 497, .unofficial_names = k497Unofficial},
    {.code = 498, .unofficial_names = k498Unofficial},
    {.code = 499, .unofficial_names = k499Unofficial},

    // 5xx
    {.code = 500,
     .flags = kRegW3c,
     .name = "Internal Server Error",
     .source = "RFC 9110 §15.6.1",
     .w3c1992_name = "Internal Error",
     .w3c1992_meaning = "The server encountered an unexpected condition which prevented it from "
                        "fulfilling the request."},
    {.code = 501,
     .flags = kRegHeurW3c,
     .name = "Not Implemented",
     .source = "RFC 9110 §15.6.2",
     .w3c1992_name = "Not implemented",
     .w3c1992_meaning = "The server does not support the facility required."},
    // The 1994 502 and 503 ("TO BE DISCUSSED") meant what 503 and 504 mean today; modern 502 Bad
    // Gateway has no 1992 counterpart.
    {.code = 502,
     .flags = kRegW3c,
     .name = "Bad Gateway",
     .source = "RFC 9110 §15.6.3",
     .w3c1992_name = "Service temporarily overloaded",
     .w3c1992_meaning = "The server cannot process the request due to a high load (whether HTTP "
                        "servicing or other requests), a temporary condition; today's 503.",
     .w3c1992_modern_code = 503},
    {.code = 503,
     .flags = kRegW3c,
     .name = "Service Unavailable",
     .source = "RFC 9110 §15.6.4",
     .w3c1992_name = "Gateway timeout",
     .w3c1992_meaning = "The response from another service the server was accessing \"did not "
                        "return within a time that the gateway was prepared to wait\"; today's "
                        "504.",
     .w3c1992_modern_code = 504},
    {.code = 504,
     .flags = kReg,
     .name = "Gateway Timeout",
     .source = "RFC 9110 §15.6.5",
     .legacy_names = k504Legacy},
    {.code = 505,
     .flags = kReg,
     .name = "HTTP Version Not Supported",
     .source = "RFC 9110 §15.6.6"},
    {.code = 506, .flags = kReg, .name = "Variant Also Negotiates", .source = "RFC 2295 §8.1"},
    {.code = 507, .flags = kReg, .name = "Insufficient Storage", .source = "RFC 4918 §11.5"},
    {.code = 508, .flags = kReg, .name = "Loop Detected", .source = "RFC 5842 §7.2"},
    // IANA: 509 Unassigned.
    {.code = 509, .unofficial_names = k509Unofficial},
    // IANA: "Not Extended (OBSOLETED)", after RFC 2774 was moved to Historic. The marker is not
    // part of the name a server would send.
    {.code = 510, .flags = kReg | F::obsolete, .name = "Not Extended", .source = "RFC 2774 §7"},
    {.code = 511,
     .flags = kRegNoStore,
     .name = "Network Authentication Required",
     .source = "RFC 6585 §6"},
    // IANA: 512-599 Unassigned.
    {.code = 520, .unofficial_names = k520Unofficial},
    {.code = 521, .unofficial_names = k521Unofficial},
    {.code = 522, .unofficial_names = k522Unofficial},
    {.code = 523, .unofficial_names = k523Unofficial},
    {.code = 524, .unofficial_names = k524Unofficial},
    {.code = 525, .unofficial_names = k525Unofficial},
    {.code = 526, .unofficial_names = k526Unofficial},
    {.code = 527, .unofficial_names = k527Unofficial},
    {.code = 529, .unofficial_names = k529Unofficial},
    {.code = 530, .unofficial_names = k530Unofficial},
    {.code = 561, .unofficial_names = k561Unofficial},
    {.code = 598, .unofficial_names = k598Unofficial},
    {.code = 599, .unofficial_names = k599Unofficial},
};
#pragma GCC diagnostic pop

constexpr std::size_t kTableSize = std::size(kTable);

// The table is hand-written; make a misplaced row a build error rather than a lookup that
// silently misses.
constexpr bool table_is_sorted_unique_and_in_range() {
  for (std::size_t i = 0; i < kTableSize; ++i) {
    if (kTable[i].code < 100 || kTable[i].code > 599) return false;
    if (i > 0 && kTable[i - 1].code >= kTable[i].code) return false;
  }
  return true;
}
static_assert(table_is_sorted_unique_and_in_range());
static_assert(kTableSize < 255, "the index below stores table positions in a byte");

// code -> 1 + position in kTable, or 0: a direct index is cheaper than a search, and 600 bytes
// of read-only data is nothing.
constexpr auto kIndex = [] {
  std::array<std::uint8_t, 600> index{};
  for (std::size_t i = 0; i < kTableSize; ++i) {
    index[kTable[i].code] = static_cast<std::uint8_t>(i + 1);
  }
  return index;
}();

// "registered: 308 Permanent Redirect" for each registered row, "" for the others: static texts
// a finding can point to (Finding::detail), written once at compile time.
struct Note {
  std::array<char, 72> text{};
  std::size_t size = 0;
};
constexpr auto kRegisteredNotes = [] {
  std::array<Note, kTableSize> notes{};
  for (std::size_t i = 0; i < kTableSize; ++i) {
    if (!kTable[i].has(StatusInfo::registered)) continue;
    Note& note = notes[i];
    const auto append = [&note](std::string_view part) {
      for (const char c : part)
        note.text[note.size++] = c;
    };
    append("registered: ");
    const unsigned code = kTable[i].code;
    const char digits[] = {static_cast<char>('0' + code / 100),
                           static_cast<char>('0' + code / 10 % 10),
                           static_cast<char>('0' + code % 10), ' '};
    append(std::string_view(digits, 4));
    append(kTable[i].name);
  }
  return notes;
}();

// Only SP and HTAB: they are the whitespace a reason phrase may carry (RFC 9112 §4).
constexpr std::string_view trim_sp_htab(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view to_string(StatusClass cls) noexcept {
  switch (cls) {
    case StatusClass::invalid:
      return "invalid";
    case StatusClass::informational:
      return "1xx informational";
    case StatusClass::successful:
      return "2xx successful";
    case StatusClass::redirection:
      return "3xx redirection";
    case StatusClass::client_error:
      return "4xx client error";
    case StatusClass::server_error:
      return "5xx server error";
  }
  return "invalid";  // a value outside the enumeration
}

const StatusInfo* status_info(unsigned code) noexcept {
  if (code >= kIndex.size()) return nullptr;
  const std::uint8_t slot = kIndex[code];
  return slot == 0 ? nullptr : &kTable[slot - 1];
}

std::string_view registered_note(unsigned code) noexcept {
  if (code >= kIndex.size() || kIndex[code] == 0) return {};
  const Note& note = kRegisteredNotes[kIndex[code] - 1];
  return {note.text.data(), note.size};
}

std::span<const StatusInfo> all_status_codes() noexcept {
  return kTable;
}

std::size_t find_reason_phrase(std::string_view phrase, std::span<PhraseMatch> out) noexcept {
  phrase = trim_sp_htab(phrase);
  // An empty phrase is allowed on the wire (RFC 9112 §4) but names nothing.
  if (phrase.empty()) return 0;

  std::size_t n = 0;
  const auto emit = [&](std::uint16_t code, PhraseMatch::Kind kind, const StatusAlias* alias) {
    if (n < out.size()) out[n++] = PhraseMatch{code, kind, alias};
  };
  // Names match case-insensitively, ASCII letters only: obs-text is compared as bytes (it is
  // opaque, RFC 9112 §4).
  const auto match_aliases = [&](const StatusInfo& info, std::span<const StatusAlias> aliases,
                                 PhraseMatch::Kind kind) {
    for (const StatusAlias& alias : aliases) {
      if (field_name_equals(alias.name, phrase)) emit(info.code, kind, &alias);
    }
  };

  // The table is sorted by code, and within a code the kinds are visited in enumeration order,
  // so the matches come out ordered by code, then kind.
  for (const StatusInfo& info : kTable) {
    if (n == out.size()) break;
    if (info.has(StatusInfo::registered) && field_name_equals(info.name, phrase)) {
      emit(info.code, PhraseMatch::registered, nullptr);
    }
    match_aliases(info, info.legacy_names, PhraseMatch::legacy);
    match_aliases(info, info.unofficial_names, PhraseMatch::unofficial);
    if (info.has(StatusInfo::in_w3c1992) && field_name_equals(info.w3c1992_name, phrase)) {
      emit(info.code, PhraseMatch::w3c1992, nullptr);
    }
  }
  return n;
}

}  // namespace h1resp
