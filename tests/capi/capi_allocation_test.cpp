// The C API allocates only in its create functions (h1resp.h): this program counts every
// operator new (the C API's handles are C++ objects) and checks that reading messages through
// the C API, once the handles exist, never allocates. Its own executable, since it replaces the
// global operator new and delete.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "counting_new.hpp"
#include "h1resp/h1resp.h"

namespace {

constexpr std::string_view kChunked =
    "HTTP/1.1 200 OK\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\nContent-Type: text/plain\r\n"
    "Transfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n"
    "5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nServer-Timing: db;dur=53\r\n\r\n";
constexpr std::string_view kFolded =
    "HTTP/1.1 401 Unauthorized\r\nX-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n";
constexpr std::string_view kBroken = "HTTP/1.1 2000 OK\r\n\r\n";
constexpr std::string_view kRequest = "GET / HTTP/1.1\r\nHost: a\r\nRange: bytes=0-1\r\n\r\n";

// Everything a reader of one message does through the C API. Returns false on a surprise.
bool one_round(h1resp_parser* p, h1resp_chunked* d) {
  bool ok = true;
  // Incrementally, every prefix of the header section, then the body in small pieces.
  h1resp_parser_reset(p);
  h1resp_parse_status st = H1RESP_PARSE_INCOMPLETE;
  for (std::size_t n = 1; n <= kChunked.size() && st == H1RESP_PARSE_INCOMPLETE; ++n)
    st = h1resp_parser_feed(p, kChunked.data(), n);
  ok = ok && st == H1RESP_PARSE_COMPLETE;
  h1resp_response r;
  ok = ok && h1resp_parser_response(p, &r) == H1RESP_OK;
  h1resp_field f;
  for (std::size_t i = 0; i < r.field_count; ++i)
    ok = ok && h1resp_parser_field(p, i, &f) == H1RESP_OK;
  ok = ok && h1resp_parser_find_field(p, "trailer", 7, 0) == 3;
  h1resp_framing fr;
  ok = ok && h1resp_parser_framing(p, H1RESP_METHOD_GET, &fr) == H1RESP_OK;
  ok = ok && h1resp_parser_validate_request(p, kRequest.data(), kRequest.size()) == H1RESP_OK;
  ok = ok && h1resp_parser_validate(p, H1RESP_METHOD_GET) == H1RESP_OK;
  h1resp_chunked_reset(d, r.header_size);
  std::string_view body = kChunked.substr(r.header_size);
  std::size_t start = 0;
  std::size_t avail = 0;
  for (;;) {
    h1resp_chunk c;
    const h1resp_chunked_status cs = h1resp_chunked_feed(d, body.data() + start, avail - start, &c);
    start += c.consumed;
    if (cs == H1RESP_CHUNKED_DATA) continue;
    if (cs != H1RESP_CHUNKED_INCOMPLETE) {
      ok = ok && cs == H1RESP_CHUNKED_COMPLETE;
      break;
    }
    if (avail == body.size()) {
      ok = false;
      break;
    }
    avail = std::min(avail + 3, body.size());
  }
  for (std::size_t i = 0; i < h1resp_chunked_trailer_count(d); ++i)
    ok = ok && h1resp_chunked_trailer(d, i, &f) == H1RESP_OK;
  ok = ok && h1resp_parser_add_chunked(p, d) == H1RESP_OK;
  h1resp_finding fi;
  for (std::size_t i = 0; i < h1resp_parser_finding_count(p); ++i)
    ok = ok && h1resp_parser_finding(p, i, &fi) == H1RESP_OK;
  ok = ok && h1resp_parser_verdict(p) == H1RESP_VERDICT_ACCEPT;

  // A leniency's findings, and a parse error.
  h1resp_parser_reset(p);
  ok = ok && h1resp_parser_feed(p, kFolded.data(), kFolded.size()) == H1RESP_PARSE_ERROR;
  h1resp_error e;
  ok = ok && h1resp_parser_error(p, &e) == H1RESP_OK;
  ok = ok && h1resp_parser_finding_count(p) == 1;
  h1resp_parser_reset(p);
  ok = ok && h1resp_parser_feed(p, kBroken.data(), kBroken.size()) == H1RESP_PARSE_ERROR;
  ok = ok && h1resp_parser_verdict(p) == H1RESP_VERDICT_REJECT;
  return ok;
}

}  // namespace

int main() {
  h1resp_parser* p = nullptr;
  h1resp_chunked* d = nullptr;
  const std::uint64_t before_create = h1resp::testing::allocation_count();
  if (h1resp_parser_create(nullptr, &p) != H1RESP_OK) return 1;
  if (h1resp_chunked_create(nullptr, 0, &d) != H1RESP_OK) return 1;
  const std::uint64_t created = h1resp::testing::allocation_count() - before_create;
  bool ok = one_round(p, d);  // warm-up: function-local statics, the kernel choice
  const std::uint64_t before = h1resp::testing::allocation_count();
  for (int i = 0; i < 20; ++i)
    ok = one_round(p, d) && ok;
  const std::uint64_t during = h1resp::testing::allocation_count() - before;
  h1resp_chunked_destroy(d);
  h1resp_parser_destroy(p);
  std::printf("capi_allocation_test: %llu allocations to create, %llu while reading messages%s\n",
              static_cast<unsigned long long>(created), static_cast<unsigned long long>(during),
              ok ? "" : " (and unexpected results)");
  return ok && created > 0 && during == 0 ? 0 : 1;
}
