// The proxy's pure parts: the strict request reader, the request it sends upstream, and the
// canonical re-serialisation of a response (examples/proxy).
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "buffer.hpp"
#include "h1resp/parser.hpp"
#include "request.hpp"
#include "response_head.hpp"

namespace h1proxy {
namespace {

using Status = RequestReader::Status;

struct Read {
  Status status;
  unsigned error_status = 0;
  Request request;
};

Read read(std::string_view bytes, RequestLimits limits = {}) {
  // Outlives the returned Request, whose fields live in the reader's storage.
  static std::unique_ptr<RequestReader> reader;
  reader = std::make_unique<RequestReader>(limits);
  const Status s = reader->parse(bytes);
  return Read{s, s == Status::error ? reader->error().status : 0u,
              s == Status::complete ? reader->request() : Request{}};
}

TEST(RequestReader, ReadsASimpleGet) {
  const Read r = read("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n");
  ASSERT_EQ(r.status, Status::complete);
  EXPECT_EQ(r.request.method, h1resp::RequestMethod::get);
  EXPECT_EQ(r.request.target, "/a?b=c");
  EXPECT_EQ(r.request.host, "example.com");
  EXPECT_EQ(r.request.accept, "*/*");
  EXPECT_TRUE(r.request.keep_alive);
  EXPECT_EQ(r.request.content_length, 0u);
  EXPECT_EQ(r.request.header_size, 55u);
}

TEST(RequestReader, WaitsForTheEndOfTheSection) {
  RequestReader reader{RequestLimits{}};
  const std::string full = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
  for (std::size_t n = 0; n < full.size(); ++n) {
    EXPECT_EQ(reader.parse(std::string_view(full).substr(0, n)), Status::incomplete) << n;
  }
  EXPECT_EQ(reader.parse(full), Status::complete);
}

TEST(RequestReader, KeepAliveFollowsVersionAndConnection) {
  EXPECT_FALSE(read("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n").request.keep_alive);
  EXPECT_FALSE(read("GET / HTTP/1.0\r\n\r\n").request.keep_alive);
  EXPECT_TRUE(read("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").request.keep_alive);
}

TEST(RequestReader, ReadsContentLength) {
  const Read r = read("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n");
  ASSERT_EQ(r.status, Status::complete);
  EXPECT_EQ(r.request.content_length, 12u);
  EXPECT_EQ(
      read("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n").status,
      Status::complete);
}

TEST(RequestReader, RefusesAmbiguousFraming) {
  // RFC 9112 §6.1-§6.3: the request smuggling vectors are refused, not guessed at.
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")
                .error_status,
            400u);
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n").error_status, 400u);
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                 "Content-Length: 5\r\n\r\n")
                .error_status,
            400u);
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").error_status,
            411u);
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n").error_status,
            400u);
}

TEST(RequestReader, RefusesSyntaxAProxyMustNotForward) {
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost : a\r\n\r\n").error_status, 400u);  // ws before colon
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n").error_status, 400u);  // fold
  EXPECT_EQ(read("GET / HTTP/1.1\nHost: a\r\n\r\n").error_status, 400u);                  // bare LF
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n").error_status, 400u);             // bare CR
  EXPECT_EQ(read("GET /  HTTP/1.1\r\nHost: a\r\n\r\n").error_status, 400u);               // two SP
  EXPECT_EQ(read("GET / HTTP/1.1\r\n\r\n").error_status, 400u);                           // no Host
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").error_status, 400u);
  EXPECT_EQ(read("GET / HTTP/2.0\r\nHost: a\r\n\r\n").error_status, 505u);
  EXPECT_EQ(read("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n").error_status, 501u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nExpect: magic\r\n\r\n").error_status, 417u);
}

TEST(RequestReader, RefusesConnectionOptionsNamingWhatItFramesAndRoutesBy) {
  // RFC 9110 §7.6.1: dropped as hop-by-hop, Content-Length would leave the body upstream as a
  // second request, and Host would leave the request without a target.
  EXPECT_EQ(read("POST /a HTTP/1.1\r\nHost: x\r\nConnection: content-length\r\n"
                 "Content-Length: 35\r\n\r\n")
                .error_status,
            400u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Host\r\n\r\n").error_status,
            400u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: x\r\nConnection: x-other\r\n\r\n").status,
            Status::complete);
}

TEST(RequestReader, RefusesAnInvalidHost) {
  // RFC 9112 §3.2: a Host that is not uri-host [ ":" port ] is a 400.
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a b\r\n\r\n").error_status, 400u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a, c\r\n\r\n").error_status, 400u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").status, Status::complete);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: ex-ample.com:80\r\n\r\n").status, Status::complete);
}

TEST(RequestReader, EnforcesLimits) {
  RequestLimits limits;
  limits.max_header_bytes = 64;
  limits.max_fields = 2;
  EXPECT_EQ(
      read("GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + std::string(100, 'x') + "\r\n\r\n", limits)
          .error_status,
      431u);
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits).error_status, 431u);
  limits = RequestLimits{};
  limits.max_body_bytes = 10;
  EXPECT_EQ(read("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits).error_status,
            413u);
}

TEST(RequestReader, AbsoluteFormBecomesOriginFormAndHost) {
  const Read r = read("GET http://example.com:8080/x HTTP/1.1\r\nHost: other\r\n\r\n");
  ASSERT_EQ(r.status, Status::complete);
  EXPECT_EQ(r.request.target, "/x");
  EXPECT_EQ(r.request.authority, "example.com:8080");
  std::string out;
  serialize_upstream_request(r.request, "", "upstream:80", out);
  EXPECT_EQ(out, "GET /x HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
}

TEST(RequestReader, UpgradeNeedsConnectionUpgrade) {
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n").request.upgrade, "");
  EXPECT_EQ(read("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
                .request.upgrade,
            "websocket");
  // RFC 9110 §7.8: ignored in HTTP/1.0.
  EXPECT_EQ(
      read("GET / HTTP/1.0\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n").request.upgrade,
      "");
}

TEST(UpstreamRequest, DropsHopByHopFieldsAndAddsVia) {
  const Read r = read(
      "POST /p HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, X-Secret\r\nX-Secret: 1\r\n"
      "Keep-Alive: timeout=5\r\nProxy-Connection: x\r\nTE: trailers\r\nX-End: 2\r\n"
      "Content-Length: 3\r\n\r\n");
  ASSERT_EQ(r.status, Status::complete);
  std::string out;
  serialize_upstream_request(r.request, "h1resp-proxy", "upstream:80", out);
  EXPECT_EQ(out,
            "POST /p HTTP/1.1\r\nHost: a\r\nX-End: 2\r\nContent-Length: 3\r\n"
            "Via: 1.1 h1resp-proxy\r\n\r\n");
}

TEST(UpstreamRequest, ContentLengthIsSentOnceWithTheLengthTheBodyIsFramedWith) {
  // RFC 9110 §8.6: a list of equal values, or repeated equal lines, becomes one value.
  const Read r = read(
      "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 2, 2\r\nX: 1\r\n"
      "Content-Length: 2\r\n\r\n");
  ASSERT_EQ(r.status, Status::complete);
  std::string out;
  serialize_upstream_request(r.request, "", "upstream:80", out);
  EXPECT_EQ(out, "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nX: 1\r\n\r\n");
}

TEST(InputBuffer, ConsumeNeverPassesTheEnd) {
  // A consume() of more than there is (a caller that missed a clear()) empties the buffer; the
  // size never wraps around past the allocation.
  InputBuffer b(64, 64);
  const std::string_view text = "HTTP/1.1 200 OK\r\n";
  asio::mutable_buffer room = b.prepare(false);
  std::memcpy(room.data(), text.data(), text.size());
  b.commit(text.size());
  b.clear();
  b.consume(text.size());
  EXPECT_EQ(b.size(), 0u);
  EXPECT_TRUE(b.empty());
}

TEST(InputBuffer, PinnedBytesStayWhenTheyWereAllThereWas) {
  // A header section that arrived alone is consumed (which empties the buffer) and pinned: the
  // body bytes received next go after it, and the header's bytes stay as they were.
  InputBuffer b(4096, 4096);
  const std::string head = "HTTP/1.1 200 OK\r\nX-Marker: intact\r\n\r\n";
  asio::mutable_buffer room = b.prepare(false);
  std::memcpy(room.data(), head.data(), head.size());
  b.commit(head.size());
  b.consume(head.size());
  b.pin(head.size());
  room = b.prepare(false);
  std::memset(room.data(), 'Z', 100);
  b.commit(100);
  EXPECT_EQ(b.front(head.size()), head);
  EXPECT_EQ(b.data(), std::string(100, 'Z'));
}

TEST(UpstreamRequest, Http10WithoutHostGetsTheUpstreamsHost) {
  const Read r = read("GET / HTTP/1.0\r\n\r\n");
  std::string out;
  serialize_upstream_request(r.request, "p", "upstream:80", out);
  EXPECT_EQ(out, "GET / HTTP/1.1\r\nHost: upstream:80\r\nVia: 1.0 p\r\n\r\n");
}

// A response parsed by h1resp with `policy`.
struct Parsed {
  explicit Parsed(std::string bytes, h1resp::Policy policy = h1resp::Policy::strict())
      : text(std::move(bytes)), parser(policy) {
    status = parser.parse(text);
  }
  std::string text;
  h1resp::BasicResponseParser<> parser;
  h1resp::ParseStatus status;
};

TEST(ResponseHead, IsRebuiltCanonically) {
  const Parsed p(
      "HTTP/1.1 200 Fine\r\nx-lower:   padded   \r\nConnection: X-Hop, keep-alive\r\n"
      "X-Hop: 1\r\nKeep-Alive: timeout=5\r\nProxy-Connection: x\r\nUpgrade: h2c\r\n"
      "Content-Length: 4\r\n\r\nbody");
  ASSERT_EQ(p.status, h1resp::ParseStatus::complete);
  HeadOptions o;
  o.body = DownstreamBody::content_length;
  o.length = 4;
  o.via = "p";
  std::string out;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(out, "HTTP/1.1 200 Fine\r\nx-lower: padded\r\nContent-Length: 4\r\nVia: 1.1 p\r\n\r\n");
}

TEST(ResponseHead, UsesTheNormalizedValueOfARepairedField) {
  const Parsed p(
      "HTTP/1.0 200 OK\r\nX-Folded: a\r\n   b\r\nX-Cr: c\rde\r\nContent-Length: 0\r\n\r\n",
      h1resp::Policy::lenient());
  ASSERT_EQ(p.status, h1resp::ParseStatus::complete);
  HeadOptions o;
  o.body = DownstreamBody::content_length;
  o.close = true;
  o.upstream_minor = 0;
  o.via = "p";
  std::string out;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(out,
            "HTTP/1.1 200 OK\r\nX-Folded: a b\r\nX-Cr: c de\r\nContent-Length: 0\r\n"
            "Connection: close\r\nVia: 1.0 p\r\n\r\n");
}

TEST(ResponseHead, ReChunksWithTheOtherCodings) {
  const Parsed p(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n");
  ASSERT_EQ(p.status, h1resp::ParseStatus::complete);
  std::string codings;
  transfer_codings_before_chunked(p.parser.response(), codings);
  EXPECT_EQ(codings, "gzip");
  HeadOptions o;
  o.body = DownstreamBody::chunked;
  o.codings = codings;
  std::string out;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
}

TEST(ResponseHead, KeepsUpgradeOnlyFor101) {
  const Parsed p(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
  ASSERT_EQ(p.status, h1resp::ParseStatus::complete);
  HeadOptions o;
  o.upgrade = true;
  std::string out;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(
      out, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n");
}

TEST(ResponseHead, HeadAndNotModifiedKeepAPlainContentLength) {
  const Parsed p("HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\nContent-Length: 42\r\n\r\n");
  ASSERT_EQ(p.status, h1resp::ParseStatus::complete);
  HeadOptions o;
  o.keep_content_length = true;
  std::string out;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(out, "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\nContent-Length: 42\r\n\r\n");
  o.keep_content_length = false;
  serialize_response_head(p.parser.response(), o, out);
  EXPECT_EQ(out, "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n");
}

TEST(Trailers, DropFramingAndHopByHopFields) {
  h1resp::BasicResponseParser<> parser;
  parser.reset(h1resp::Section::trailers);
  const std::string t = "X-Checksum: 1\r\nContent-Length: 5\r\nConnection: x\r\n\r\n";
  ASSERT_EQ(parser.feed(t), h1resp::ParseStatus::complete);
  std::string out;
  serialize_trailers(parser.response(), out);
  EXPECT_EQ(out, "X-Checksum: 1\r\n\r\n");
}

}  // namespace
}  // namespace h1proxy
