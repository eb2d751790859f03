// A scripted upstream for the proxy's end-to-end tests. It answers each request with the
// response its target names: the smuggling and splitting cases of the rule catalog (shared/
// reference/response-rules.md, "Top 15 for a proxy"), broken on purpose, and a few good ones
// that exercise framing paths nginx does not take (close-delimited bodies, trailers, 1xx, 101).
//
//   bad_upstream [PORT]     prints "listening on 127.0.0.1:PORT" once it accepts (PORT 0: any)
//
// /case/NAME sends the named response and keeps reading requests on the connection, as a
// server that believes it framed its answer would: only the proxy's judgement protects the
// client. One thread per connection; it never exits on its own (the test kills it).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <thread>

#include "early_big.hpp"

namespace {

constexpr std::string_view kDate = "Date: Mon, 01 Jan 2024 00:00:00 GMT\r\n";

struct Case {
  std::string bytes;
  bool close_after = false;  // the upstream closes after sending (it "ends" the response)
};

std::string good(std::string_view body) {
  return "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
         "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         std::string(body);
}

// The broken responses, by name. Each comment names the rule the proxy must report.
const std::map<std::string, Case, std::less<>>& cases() {
  static const std::map<std::string, Case, std::less<>> table = [] {
    std::map<std::string, Case, std::less<>> t;
    const std::string ok = "HTTP/1.1 200 OK\r\n" + std::string(kDate);
    // framing.te-and-cl (C05): the classic desync.
    t["te-and-cl"] = {ok + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"};
    // framing.cl-conflict (C15).
    t["cl-conflict"] = {ok + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"};
    // framing.cl-syntax (C14): "+5" is not 1*DIGIT.
    t["cl-plus"] = {ok + "Content-Length: +5\r\n\r\nhello"};
    // framing.cl-overflow (C17).
    t["cl-overflow"] = {ok + "Content-Length: 99999999999999999999999\r\n\r\nhello"};
    // field.obs-fold (B04): strict policy.
    t["obs-fold"] = {ok + "X-Folded: a\r\n b\r\nContent-Length: 5\r\n\r\nhello"};
    // field.obs-fold (B04) in a framing field: refused even by the lenient policy.
    t["obs-fold-cl"] = {ok + "Content-Length:\r\n 5\r\n\r\nhello"};
    // field.value-cr-lf-nul (B05): a bare CR inside a value (response splitting).
    t["bare-cr"] = {ok + "X-A: a\rb\r\nContent-Length: 5\r\n\r\nhello"};
    // field.value-cr-lf-nul (B05): NUL.
    static constexpr char kNul[] = "X-A: a\0b\r\nContent-Length: 5\r\n\r\nhello";
    t["nul"] = {ok + std::string(kNul, sizeof kNul - 1)};
    // body.204 (C03): a 204 with a body the next response would start with.
    t["204-body"] = {"HTTP/1.1 204 No Content\r\n" + std::string(kDate) + "\r\nhello"};
    // 204.no-framing-fields (D11): a 204 that declares a body, which llhttp (and Node.js) would
    // read out of the next response.
    t["204-content-length"] = {"HTTP/1.1 204 No Content\r\n" + std::string(kDate) +
                               "Content-Length: 38\r\n\r\n" + good("x\n")};
    // 304.no-body (E01).
    t["304-body"] = {"HTTP/1.1 304 Not Modified\r\n" + std::string(kDate) +
                     "ETag: \"x\"\r\nContent-Length: 5\r\n\r\nhello"};
    // body.head (C01): answered to a HEAD request.
    t["head-body"] = {ok + "Content-Length: 5\r\n\r\nhello"};
    // framing.te-chunked-not-final (C06).
    t["chunked-not-final"] = {ok + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"};
    // framing.te-unknown (C08): llhttp's "chunkedchunked".
    t["te-unknown"] = {ok + "Transfer-Encoding: chunkedchunked\r\n\r\n0\r\n\r\n"};
    // framing.te-empty (C09).
    t["te-empty"] = {ok + "Transfer-Encoding: \r\n\r\n0\r\n\r\n"};
    // framing.te-in-http10 (C12).
    t["te-http10"] = {"HTTP/1.0 200 OK\r\n" + std::string(kDate) +
                      "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"};
    // chunked.size-overflow (C22): 64-bit wrap.
    t["chunk-overflow"] = {ok +
                           "Transfer-Encoding: chunked\r\n\r\n"
                           "10000000000000005\r\nhello\r\n0\r\n\r\n"};
    // chunked.size-syntax (C21): "0x5".
    t["chunk-size-0x"] = {ok + "Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n"};
    // chunked.data-crlf (C23): chunk data ended by a bare LF.
    t["chunk-data-lf"] = {ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\n0\r\n\r\n"};
    // chunked.ext-syntax (C24).
    t["chunk-ext"] = {ok + "Transfer-Encoding: chunked\r\n\r\n5;=x\r\nhello\r\n0\r\n\r\n"};
    // chunked.incomplete (C25): the upstream closes inside the chunked body.
    t["chunked-truncated"] = {ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", true};
    // message.incomplete: fewer bytes than Content-Length, then a close.
    t["cl-truncated"] = {ok + "Content-Length: 10\r\n\r\nhello", true};
    // field.ws-before-colon (B02).
    t["ws-before-colon"] = {ok + "Content-Length : 5\r\n\r\nhello"};
    // status.ws-after-start-line (A14): a whitespace-preceded line before the first field.
    t["leading-ws-line"] = {"HTTP/1.1 200 OK\r\n Content-Length: 5\r\n" + std::string(kDate) +
                            "Content-Length: 5\r\n\r\nhello"};
    // status.http09 (A13): no status line at all, only a body.
    t["http09"] = {"hello, this is not HTTP/1.x\r\n", true};
    // status.line-ending (A10): bare LF line endings (strict policy).
    t["bare-lf"] = {"HTTP/1.1 200 OK\nContent-Length: 5\n\nhello"};
    // status.code-3digit (A05).
    t["code-2digit"] = {"HTTP/1.1 20 OK\r\n" + std::string(kDate) +
                        "Content-Length: 5\r\n\r\nhello"};
    // status.sp-separator (A04).
    t["double-sp"] = {"HTTP/1.1  200 OK\r\n" + std::string(kDate) +
                      "Content-Length: 5\r\n\r\nhello"};
    // field.connection-nominates-end-to-end (B16): "Connection: Content-Length" strips framing.
    t["connection-cl"] = {ok + "Connection: Content-Length\r\nContent-Length: 5\r\n\r\nhello"};
    // framing.extra-data (C19): a second, unrequested response queued behind the first.
    t["extra-response"] = {ok + "Content-Length: 2\r\n\r\nhi" + good("smuggled\n")};
    // body.1xx (C02): a 1xx with a body; what follows is not a status line (the proxy reports
    // the bytes before the next status line: status.leading-garbage).
    t["1xx-body"] = {"HTTP/1.1 100 Continue\r\n\r\nhello" + good("x\n")};
    // 1xx.no-framing-fields (D03): a 1xx that declares a body, which llhttp would read out of
    // the final response.
    t["1xx-content-length"] = {"HTTP/1.1 103 Early Hints\r\nContent-Length: 5\r\n\r\nhello" +
                               good("x\n")};
    // 101.upgrade (D06): a 101 the request did not ask for.
    t["unsolicited-101"] = {
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        "Connection: upgrade\r\n\r\n"};
    // field.limits.section-size (B12): a header section past the 64 KiB limit, in lines short
    // enough not to break the line limit first.
    std::string many;
    for (int i = 0; i < 70; ++i)
      many += "X-Big-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n";
    t["huge-header"] = {ok + many + "Content-Length: 5\r\n\r\nhello"};
    // field.limits.line-length (B12): one line past the 16 KiB limit.
    t["huge-line"] = {ok + "X-Big: " + std::string(20 * 1024, 'a') +
                      "\r\nContent-Length: 5\r\n\r\nhello"};
    // field.name-token (B01).
    t["bad-name"] = {ok + "X(A): b\r\nContent-Length: 5\r\n\r\nhello"};
    return t;
  }();
  return table;
}

bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string field(std::string_view head, std::string_view name) {
  std::size_t at = 0;
  while ((at = head.find("\r\n", at)) != std::string_view::npos) {
    at += 2;
    const std::size_t end = head.find("\r\n", at);
    const std::string_view line = head.substr(at, end - at);
    if (line.size() > name.size() && line[name.size()] == ':' &&
        strncasecmp(line.data(), name.data(), name.size()) == 0) {
      std::string_view v = line.substr(name.size() + 1);
      while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
      return std::string(v);
    }
  }
  return {};
}

// A chunked response in `pieces` chunks of `size` bytes of a repeating pattern.
std::string chunked_body(int pieces, std::size_t size) {
  std::string out;
  char line[32];
  for (int i = 0; i < pieces; ++i) {
    std::snprintf(line, sizeof line, "%zx\r\n", size);
    out += line;
    for (std::size_t k = 0; k < size; ++k)
      out += static_cast<char>('a' + (i + k) % 26);
    out += "\r\n";
  }
  return out;
}

void serve(int fd) {
  std::string in;
  bool drop_next = false;
  bool said_close = false;  // a response on this connection said "Connection: close"
  char buffer[16384];
  for (;;) {
    std::size_t end;
    while ((end = in.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) {
        ::close(fd);
        return;
      }
      in.append(buffer, static_cast<std::size_t>(n));
    }
    const std::string head = in.substr(0, end + 4);
    in.erase(0, end + 4);
    if (drop_next) break;
    const std::size_t sp1 = head.find(' ');
    const std::size_t sp2 = head.find(' ', sp1 + 1);
    const std::string method = head.substr(0, sp1);
    const std::string target = head.substr(sp1 + 1, sp2 - sp1 - 1);
    const std::string length_text = field(head, "Content-Length");
    const std::size_t length = length_text.empty() ? 0 : std::stoul(length_text);
    if (target == "/continue" && !field(head, "Expect").empty()) {
      if (!send_all(fd, "HTTP/1.1 100 Continue\r\n\r\n")) break;
    }
    if (target == "/early-close") {
      // A final response before the request body, then a close: the body is never read.
      send_all(fd, "HTTP/1.1 403 Forbidden\r\n" + std::string(kDate) +
                       "Connection: close\r\nContent-Length: 0\r\n\r\n");
      break;
    }
    if (target == "/early-big") {
      // A large chunked response before the request body, on a connection kept open: the
      // proxy relays it while the client is still sending its body (or leaves).
      std::string out = "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
                        "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
      constexpr std::size_t kChunk = 1 << 16;
      out.reserve(out.size() + e2e::kEarlyBigSize + e2e::kEarlyBigSize / kChunk * 16);
      for (std::size_t at = 0; at < e2e::kEarlyBigSize; at += kChunk) {
        char size_line[16];
        std::snprintf(size_line, sizeof size_line, "%zx\r\n", kChunk);
        out += size_line;
        for (std::size_t i = at; i < at + kChunk; ++i)
          out += e2e::early_big_byte(i);
        out += "\r\n";
      }
      out += "0\r\n\r\n";
      send_all(fd, out);  // fails once the proxy closes the connection
      break;
    }
    while (in.size() < length) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) {
        ::close(fd);
        return;
      }
      in.append(buffer, static_cast<std::size_t>(n));
    }
    const std::string body = in.substr(0, length);
    in.erase(0, length);

    bool close_after = false;
    std::string out;
    if (target.rfind("/case/", 0) == 0) {
      const auto it = cases().find(std::string_view(target).substr(6));
      if (it == cases().end()) {
        out = "HTTP/1.1 404 Not Found\r\n" + std::string(kDate) + "Content-Length: 0\r\n\r\n";
      } else {
        out = it->second.bytes;
        close_after = it->second.close_after;
      }
    } else if (said_close) {
      // A proxy that reuses a connection after "Connection: close" gets this, not its answer.
      out = good("reused after close\n");
    } else if (target == "/good") {
      out = good("good\n");
    } else if (target == "/then-drop") {
      // A persistent-looking response; the next request on this connection is dropped
      // unanswered: the race of a server closing an idle connection as a request arrives.
      out = good("then-drop\n");
      drop_next = true;
    } else if (target == "/echo" || target == "/continue") {
      out = good(head + body);  // what the proxy sent: its head and the body
    } else if (target == "/warn") {
      out = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n";  // no Date: date.required
    } else if (target == "/interim") {
      out = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + good("final\n");
    } else if (target == "/interim-close") {
      // The close is said in the 103 only (RFC 9110 §7.6.1 applies to every response on the
      // connection); the final response says nothing about persistence.
      out = "HTTP/1.1 103 Early Hints\r\nConnection: close\r\nLink: </a.css>; rel=preload\r\n\r\n" +
            good("final\n");
      said_close = true;
    } else if (target == "/close-delimited") {
      out = "HTTP/1.1 200 OK\r\n" + std::string(kDate) + "Content-Type: text/plain\r\n\r\n";
      for (int i = 0; i < 100000; ++i)
        out += static_cast<char>('A' + i % 26);
      close_after = true;
    } else if (target == "/trailers") {
      out = "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
            "Trailer: X-Checksum\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked_body(3, 10) +
            "0\r\nX-Checksum: abc123\r\n\r\n";
    } else if (target == "/canonical") {
      // Valid but untidy bytes, and every kind of hop-by-hop field: none of it may reach the
      // client as sent.
      out = "HTTP/1.1 200 Fine\r\n" + std::string(kDate) +
            "x-lower-case:    padded value   \r\n"
            "Connection: X-Hop, keep-alive\r\nX-Hop: secret\r\nKeep-Alive: timeout=5\r\n"
            "Proxy-Connection: keep-alive\r\nUpgrade: h2c\r\n"
            "Content-Length: 4\r\n\r\nbody";
    } else if (target == "/obs-fold-value") {
      out = "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
            "X-Folded: first\r\n   second\r\nContent-Length: 3\r\n\r\nok\n";
    } else if (target == "/late-error") {
      // 40 valid chunks of 8 KiB (more than the proxy holds back), then a broken chunk line.
      out = "HTTP/1.1 200 OK\r\n" + std::string(kDate) + "Transfer-Encoding: chunked\r\n\r\n" +
            chunked_body(40, 8192) + "zz\r\n";
    } else if (target == "/trickle") {
      // A body that arrives slowly: the proxy must not hold it back beyond its hold time.
      const std::string first = "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
                                "Transfer-Encoding: chunked\r\n\r\n" + chunked_body(1, 16);
      if (!send_all(fd, first)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      out = chunked_body(1, 16) + "0\r\n\r\n";
    } else if (target == "/split-head") {
      // The header section alone, then the body a moment later (as nginx sends a file: the
      // head, then sendfile): the proxy must not receive the body over the head it parsed.
      const std::string head = "HTTP/1.1 200 OK\r\n" + std::string(kDate) +
                               "X-Marker: the-head-is-intact\r\nContent-Type: text/plain\r\n"
                               "Content-Length: 5000\r\n\r\n";
      if (!send_all(fd, head)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      out = std::string(5000, 'Z');
    } else if (target == "/drip-head") {
      // A header section one byte every 200 ms: never idle for long, never done.
      const std::string head =
          "HTTP/1.1 200 OK\r\n" + std::string(kDate) + "Content-Length: 0\r\n\r\n";
      bool sent = true;
      for (const char c : head) {
        sent = send_all(fd, std::string_view(&c, 1));
        if (!sent) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
      break;
    } else if (target == "/slow") {
      std::this_thread::sleep_for(std::chrono::seconds(3));
      out = good("late\n");
    } else if (target == "/upgrade" && !field(head, "Upgrade").empty()) {
      // 101, then the new "protocol": echo every byte back.
      if (!send_all(fd, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: " + field(head, "Upgrade") +
                            "\r\nConnection: upgrade\r\n\r\n")) {
        break;
      }
      if (!in.empty() && !send_all(fd, in)) break;
      for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        if (!send_all(fd, std::string_view(buffer, static_cast<std::size_t>(n)))) break;
      }
      break;
    } else {
      out = "HTTP/1.1 404 Not Found\r\n" + std::string(kDate) + "Content-Length: 0\r\n\r\n";
    }
    if (method == "HEAD" && target.rfind("/case/", 0) != 0) {
      out = out.substr(0, out.find("\r\n\r\n") + 4);
    }
    if (!send_all(fd, out) || close_after) break;
  }
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  const int port = argc > 1 ? std::atoi(argv[1]) : 0;
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener, 64) != 0) {
    std::perror("bad_upstream: bind");
    return 1;
  }
  socklen_t size = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
  std::printf("listening on 127.0.0.1:%u\n", ntohs(address.sin_port));
  std::fflush(stdout);
  for (;;) {
    const int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0) continue;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::thread(serve, fd).detach();
  }
}
