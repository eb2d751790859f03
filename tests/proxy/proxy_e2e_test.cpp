// End-to-end tests of h1resp-proxy (examples/proxy): real processes on loopback.
//
//   ProxyToNginx      curl -> proxy -> nginx (Debian nginx-light) serving static files: bodies
//                     byte-identical, gzip (chunked), HEAD, 304, Range, keep-alive reuse.
//   SmugglingCase     curl -> proxy -> bad_upstream: each response-side smuggling case of the
//                     rule catalog becomes a 502, and the next request on the same client
//                     connection is answered correctly.
//   ProxyToScripted   raw client -> proxy -> bad_upstream: framing paths nginx does not take
//                     (close-delimited, trailers, 1xx, 101, late errors, timeouts, requests).
//
// Every test starts its own processes on free ports and stops them; they die with the test
// process in any case (PR_SET_PDEATHSIG). Tests that need nginx or curl skip when they are missing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e_support.hpp"
#include "early_big.hpp"
#include "h1resp/chunked.hpp"
#include "h1resp/rules.hpp"

namespace {

using e2e::Client;
using e2e::Process;
using e2e::Response;
using e2e::TempDir;
using h1resp::RequestMethod;
using namespace std::chrono_literals;

// Deterministic bytes: every run serves the same files.
std::string pseudo_random_bytes(std::size_t n, std::uint32_t seed) {
  std::string out(n, '\0');
  std::uint32_t x = seed;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 1664525U + 1013904223U;
    out[i] = static_cast<char>(x >> 24);
  }
  // Response-shaped bytes inside a body must stay body bytes.
  const std::string_view trap = "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n0\r\n\r\n";
  out.replace(n / 2, trap.size(), trap);
  return out;
}

std::string words(std::size_t n, std::uint32_t seed) {
  static const char* const kWords[] = {"alpha",   "proxy", "chunk",  "header",  "field",   "frame",
                                       "smuggle", "valid", "strict", "lenient", "upstream"};
  std::string out;
  std::uint32_t x = seed;
  while (out.size() < n) {
    x = x * 1664525U + 1013904223U;
    out += kWords[(x >> 16) % 11];
    out += (x & 7) == 0 ? '\n' : ' ';
  }
  out.resize(n);
  return out;
}

// The proxy under test, started with `args` after the upstream option.
class ProxyProcess {
 public:
  ProxyProcess(const TempDir& dir, unsigned upstream_port, std::vector<std::string> args = {})
      : out_(dir / "proxy.out"), err_(dir / "proxy.err") {
    std::vector<std::string> argv = {H1RESP_PROXY_BIN, "--listen", "127.0.0.1:0", "--upstream",
                                     "127.0.0.1:" + std::to_string(upstream_port)};
    argv.insert(argv.end(), args.begin(), args.end());
    process_ = std::make_unique<Process>(argv, out_, err_);
    port_ = e2e::wait_for_listening(out_, *process_);
  }
  [[nodiscard]] unsigned port() const { return port_; }
  [[nodiscard]] std::string log() const { return e2e::read_file(err_); }
  [[nodiscard]] bool running() { return process_->running(); }
  // Stops the proxy (SIGTERM) and checks that it exits cleanly: a crash, or a sanitizer report
  // in a sanitized build, fails the test that ran it.
  void stop_and_check() {
    const int status = process_->stop();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "the proxy did not exit cleanly (status " << status << "):\n"
        << log();
  }
  [[nodiscard]] std::string url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }

 private:
  std::string out_;
  std::string err_;
  std::unique_ptr<Process> process_;
  unsigned port_ = 0;
};

e2e::RunResult curl(const std::string& curl_path, std::vector<std::string> args) {
  std::vector<std::string> argv = {curl_path, "-sS", "--max-time", "30"};
  argv.insert(argv.end(), args.begin(), args.end());
  return e2e::run(argv);
}

// ---------------------------------------------------------------------------------------------
// curl -> proxy -> nginx

class ProxyToNginx : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto nginx = e2e::find_program("nginx");
    const auto curl_path = e2e::find_program("curl");
    if (!nginx || !curl_path) {
      GTEST_SKIP() << "nginx or curl is not installed (Debian packages nginx-light, curl): "
                      "end-to-end test skipped";
    }
    curl_ = *curl_path;
    dir_ = std::make_unique<TempDir>();
    std::filesystem::create_directories(*dir_ / "www");
    files_["index.html"] = "<!doctype html><title>h1resp</title><p>hello through the proxy</p>\n";
    files_["page.html"] = "<!doctype html><pre>" + words(40 * 1024, 7) + "</pre>\n";
    files_["blob.bin"] = pseudo_random_bytes(1 << 20, 42);
    files_["big.txt"] = words(2 << 20, 9);
    files_["empty.txt"] = "";
    for (const auto& [name, content] : files_)
      e2e::write_file(*dir_ / ("www/" + name), content);
    // A port chosen here can be taken before nginx binds it: try a few.
    for (int attempt = 0; attempt < 5 && nginx_port_ == 0; ++attempt) {
      const unsigned port = e2e::free_port();
      e2e::write_file(*dir_ / "nginx.conf", nginx_conf(port));
      nginx_ = std::make_unique<Process>(
          std::vector<std::string>{*nginx, "-p", dir_->path(), "-c", *dir_ / "nginx.conf", "-e",
                                   *dir_ / "error.log", "-g", "daemon off;"},
          *dir_ / "nginx.out", *dir_ / "nginx.err");
      if (e2e::wait_for_port(port, 5s) && nginx_->running()) nginx_port_ = port;
    }
    ASSERT_NE(nginx_port_, 0u) << "nginx did not start: " << e2e::read_file(*dir_ / "error.log")
                               << e2e::read_file(*dir_ / "nginx.err");
    proxy_ = std::make_unique<ProxyProcess>(*dir_, nginx_port_);
    ASSERT_NE(proxy_->port(), 0u) << proxy_->log();
  }

  void TearDown() override {
    if (proxy_) proxy_->stop_and_check();
    proxy_.reset();
    nginx_.reset();
    dir_.reset();
  }

  // nginx as a plain static file server. One process (master_process off): nothing to orphan
  // if the test dies, and as root it reads the 0700 temp directory without a `user` dance.
  [[nodiscard]] std::string nginx_conf(unsigned port) const {
    const std::string d = dir_->path();
    return "master_process off;\n"
           "pid " +
           d +
           "/nginx.pid;\n"
           "error_log " +
           d +
           "/error.log warn;\n"
           "events { worker_connections 256; }\n"
           "http {\n"
           "  log_format conn '$connection $connection_requests $status \"$request\"';\n"
           "  access_log " +
           d +
           "/access.log conn;\n"
           "  client_body_temp_path " +
           d +
           "/tmp-body;\n"
           "  proxy_temp_path " +
           d +
           "/tmp-proxy;\n"
           "  fastcgi_temp_path " +
           d +
           "/tmp-fastcgi;\n"
           "  uwsgi_temp_path " +
           d +
           "/tmp-uwsgi;\n"
           "  scgi_temp_path " +
           d +
           "/tmp-scgi;\n"
           "  types { text/html html; text/plain txt; application/octet-stream bin; }\n"
           // gzip makes nginx send chunked bodies (the compressed length is not known up
           // front); gzip_proxied because our requests carry Via.
           "  gzip on; gzip_proxied any; gzip_min_length 1; gzip_types text/plain;\n"
           "  keepalive_requests 100000;\n"
           "  server { listen 127.0.0.1:" +
           std::to_string(port) + "; root " + d +
           "/www; }\n"
           "}\n";
  }

  [[nodiscard]] std::string direct(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(nginx_port_) + std::string(path);
  }

  std::string curl_;
  std::unique_ptr<TempDir> dir_;
  std::map<std::string, std::string> files_;
  std::unique_ptr<Process> nginx_;
  unsigned nginx_port_ = 0;
  std::unique_ptr<ProxyProcess> proxy_;
};

TEST_F(ProxyToNginx, StaticFilesArriveByteIdentical) {
  // One curl, one connection: every body must be exactly the file.
  std::vector<std::string> args = {"-w", "%{http_code} %{size_download}\\n"};
  for (const auto& [name, content] : files_) {
    args.push_back("-o");
    args.push_back(*dir_ / ("got-" + name));
    args.push_back(proxy_->url("/" + name));
  }
  const auto r = curl(curl_, args);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  std::string expected;
  for (const auto& [name, content] : files_) {
    expected += "200 " + std::to_string(content.size()) + "\n";
    EXPECT_EQ(e2e::read_file(*dir_ / ("got-" + name)), content) << name;
  }
  EXPECT_EQ(r.out, expected);
}

TEST_F(ProxyToNginx, GzipChunkedBodiesAreReChunkedIdentically) {
  for (const std::string name : {"index.html", "page.html", "big.txt"}) {
    // The compressed bytes through the proxy are nginx's compressed bytes...
    const auto via = curl(curl_, {"-H", "Accept-Encoding: gzip", "-D", *dir_ / "head", "-o",
                                  *dir_ / "via.gz", proxy_->url("/" + name)});
    const auto straight = curl(curl_, {"-H", "Accept-Encoding: gzip", "-D", *dir_ / "direct-head",
                                       "-o", *dir_ / "direct.gz", direct("/" + name)});
    ASSERT_EQ(via.exit_code, 0);
    ASSERT_EQ(straight.exit_code, 0);
    EXPECT_NE(e2e::read_file(*dir_ / "direct-head").find("Transfer-Encoding: chunked"),
              std::string::npos)
        << "nginx did not send chunked; the test does not test what it says";
    const std::string head = e2e::read_file(*dir_ / "head");
    EXPECT_NE(head.find("Transfer-Encoding: chunked\r\n"), std::string::npos) << head;
    EXPECT_NE(head.find("Content-Encoding: gzip\r\n"), std::string::npos) << head;
    EXPECT_EQ(e2e::read_file(*dir_ / "via.gz"), e2e::read_file(*dir_ / "direct.gz")) << name;
    // ... and they decode to the file.
    const auto decoded =
        curl(curl_, {"--compressed", "-o", *dir_ / "plain", proxy_->url("/" + name)});
    ASSERT_EQ(decoded.exit_code, 0);
    EXPECT_EQ(e2e::read_file(*dir_ / "plain"), files_[name]) << name;
  }
}

TEST_F(ProxyToNginx, HeadHasTheHeaderButNoBody) {
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("HEAD /blob.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const Response head = client.read_response(RequestMethod::head);
  ASSERT_TRUE(head.ok) << head.error;
  EXPECT_EQ(head.status, 200u);
  EXPECT_EQ(head.field("Content-Length"), std::to_string(files_["blob.bin"].size()));
  EXPECT_TRUE(head.body.empty());
  // Nothing of a body follows: the next response on the connection is read correctly.
  ASSERT_TRUE(client.send("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const Response get = client.read_response();
  ASSERT_TRUE(get.ok) << get.error;
  EXPECT_EQ(get.body, files_["index.html"]);
  // And curl agrees.
  const auto r = curl(curl_, {"-I", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
                              proxy_->url("/page.html")});
  EXPECT_EQ(r.out, "200 0");
}

TEST_F(ProxyToNginx, ConditionalRequestsGet304WithoutBody) {
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /page.html HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const Response first = client.read_response();
  ASSERT_TRUE(first.ok) << first.error;
  ASSERT_TRUE(first.field("ETag").has_value());
  ASSERT_TRUE(first.field("Last-Modified").has_value());
  ASSERT_TRUE(client.send("GET /page.html HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " +
                          *first.field("ETag") + "\r\n\r\n"));
  const Response by_etag = client.read_response();
  ASSERT_TRUE(by_etag.ok) << by_etag.error;
  EXPECT_EQ(by_etag.status, 304u);
  EXPECT_TRUE(by_etag.body.empty());
  EXPECT_EQ(by_etag.field("ETag"), first.field("ETag"));
  ASSERT_TRUE(client.send("GET /page.html HTTP/1.1\r\nHost: localhost\r\nIf-Modified-Since: " +
                          *first.field("Last-Modified") + "\r\n\r\n"));
  const Response by_date = client.read_response();
  ASSERT_TRUE(by_date.ok) << by_date.error;
  EXPECT_EQ(by_date.status, 304u);
  ASSERT_TRUE(client.send("GET /page.html HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const Response again = client.read_response();
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_EQ(again.body, files_["page.html"]);
  // curl's -z sends If-Modified-Since from a date.
  const auto r = curl(curl_, {"-z", *first.field("Last-Modified"), "-o", "/dev/null", "-w",
                              "%{http_code}", proxy_->url("/page.html")});
  EXPECT_EQ(r.out, "304");
}

TEST_F(ProxyToNginx, KeepAliveReusesBothConnections) {
  std::vector<std::string> args = {"-w", "%{http_code} %{num_connects}\\n"};
  for (int i = 0; i < 5; ++i) {
    args.insert(args.end(), {"-o", "/dev/null", proxy_->url(i % 2 ? "/page.html" : "/blob.bin")});
  }
  const auto r = curl(curl_, args);
  EXPECT_EQ(r.out, "200 1\n200 0\n200 0\n200 0\n200 0\n");  // one client connection
  // One upstream connection too: nginx saw requests 1 to 5 on the same connection.
  std::istringstream log(e2e::read_file(*dir_ / "access.log"));
  std::string line;
  std::vector<std::pair<std::string, std::string>> seen;
  while (std::getline(log, line)) {
    std::istringstream fields(line);
    std::string connection, requests;
    fields >> connection >> requests;
    seen.emplace_back(connection, requests);
  }
  ASSERT_EQ(seen.size(), 5u) << e2e::read_file(*dir_ / "access.log");
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].first, seen[0].first);
    EXPECT_EQ(seen[i].second, std::to_string(i + 1));
  }
}

TEST_F(ProxyToNginx, Http10ClientsGetBodiesTheyCanFrame) {
  // A gzip (chunked upstream) body for an HTTP/1.0 client: delimited by the close when it does
  // not fit the hold buffer...
  const auto big = curl(curl_, {"--http1.0", "--compressed", "-D", *dir_ / "head", "-o",
                                *dir_ / "big", proxy_->url("/big.txt")});
  ASSERT_EQ(big.exit_code, 0);
  EXPECT_EQ(e2e::read_file(*dir_ / "big"), files_["big.txt"]);
  EXPECT_EQ(e2e::read_file(*dir_ / "head").find("Transfer-Encoding"), std::string::npos);
  // ... and given a Content-Length when it does, so the connection can persist.
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("GET /page.html HTTP/1.0\r\nConnection: keep-alive\r\n"
                  "Accept-Encoding: gzip\r\n\r\n"));
  const Response small = client.read_response();
  ASSERT_TRUE(small.ok) << small.error;
  EXPECT_EQ(small.framing, h1resp::BodyKind::content_length);
  EXPECT_EQ(small.field("Content-Encoding"), "gzip");
  EXPECT_EQ(small.field("Connection"), "keep-alive");
  ASSERT_TRUE(client.send("GET /index.html HTTP/1.0\r\n\r\n"));
  const Response plain = client.read_response();
  ASSERT_TRUE(plain.ok) << plain.error;
  EXPECT_EQ(plain.body, files_["index.html"]);
  EXPECT_EQ(plain.field("Connection"), "close");
  EXPECT_TRUE(client.read_until_close(5s).second);
}

TEST_F(ProxyToNginx, OutputIsCanonicalAndStrictlyValid) {
  Client client(proxy_->port());
  for (const std::string path : {"/index.html", "/blob.bin", "/empty.txt", "/missing"}) {
    ASSERT_TRUE(client.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    const Response r = client.read_response();
    ASSERT_TRUE(r.ok) << path << ": " << r.error;  // parsed by h1resp, strict policy
    EXPECT_EQ(r.findings.count(h1resp::Severity::error), 0u) << path;
    EXPECT_EQ(r.status_line.substr(0, 9), "HTTP/1.1 ");
    EXPECT_EQ(r.field("Via"), "1.1 h1resp-proxy");
    EXPECT_EQ(r.count("Connection"), 0u);  // nginx's "Connection: keep-alive" is hop-by-hop
    EXPECT_EQ(r.count("Content-Length"), 1u);
  }
}

TEST_F(ProxyToNginx, RangeAndErrorResponsesPassThrough) {
  const auto range = curl(curl_, {"-r", "1000-1999", "-o", *dir_ / "part", "-w", "%{http_code}",
                                  proxy_->url("/blob.bin")});
  EXPECT_EQ(range.out, "206");
  EXPECT_EQ(e2e::read_file(*dir_ / "part"), files_["blob.bin"].substr(1000, 1000));
  const auto via =
      curl(curl_, {"-o", *dir_ / "404-via", "-w", "%{http_code}", proxy_->url("/nope")});
  const auto straight = curl(curl_, {"-o", *dir_ / "404-direct", direct("/nope")});
  EXPECT_EQ(via.out, "404");
  EXPECT_EQ(e2e::read_file(*dir_ / "404-via"), e2e::read_file(*dir_ / "404-direct"));
}

TEST_F(ProxyToNginx, RequestBodiesAreForwarded) {
  // nginx answers 405 to a POST on a static file, after reading the body: the body must have
  // been forwarded whole for the next request on the connection to be read correctly.
  Client client(proxy_->port());
  const std::string body = words(100 * 1024, 3);
  ASSERT_TRUE(client.send("POST /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body));
  const Response post = client.read_response();
  ASSERT_TRUE(post.ok) << post.error;
  EXPECT_EQ(post.status, 405u);
  ASSERT_TRUE(client.send("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const Response get = client.read_response();
  ASSERT_TRUE(get.ok) << get.error;
  EXPECT_EQ(get.body, files_["index.html"]);
}

// ---------------------------------------------------------------------------------------------
// The scripted bad upstream.

class Scripted : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    upstream_ = std::make_unique<Process>(std::vector<std::string>{H1RESP_BAD_UPSTREAM_BIN, "0"},
                                          *dir_ / "upstream.out", *dir_ / "upstream.err");
    upstream_port_ = e2e::wait_for_listening(*dir_ / "upstream.out", *upstream_);
    ASSERT_NE(upstream_port_, 0u);
    if (const auto c = e2e::find_program("curl")) curl_ = *c;
  }
  void TearDown() override {
    if (proxy_) proxy_->stop_and_check();
    proxy_.reset();
    upstream_.reset();
    dir_.reset();
  }
  void start_proxy(std::vector<std::string> args = {}) {
    proxy_ = std::make_unique<ProxyProcess>(*dir_, upstream_port_, std::move(args));
    ASSERT_NE(proxy_->port(), 0u) << proxy_->log();
  }
  void need_curl() {
    if (curl_.empty()) GTEST_SKIP() << "curl is not installed: end-to-end test skipped";
  }

  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<Process> upstream_;
  unsigned upstream_port_ = 0;
  std::unique_ptr<ProxyProcess> proxy_;
  std::string curl_;
};

struct SmugglingCase {
  const char* name;   // the bad upstream's /case/NAME
  const char* rule;   // the rule the proxy must name
  bool head = false;  // sent as HEAD
};

void PrintTo(const SmugglingCase& c, std::ostream* os) {
  *os << c.name;
}

class SmugglingCaseBecomes502 : public Scripted,
                                public ::testing::WithParamInterface<SmugglingCase> {};

TEST_P(SmugglingCaseBecomes502, AndTheNextRequestIsServed) {
  need_curl();
  start_proxy();
  const SmugglingCase& c = GetParam();
  ASSERT_TRUE(h1resp::find_rule(c.rule).has_value()) << c.rule;
  // Two requests on one client connection: the broken response, then a good one.
  std::vector<std::string> args = {"-w", "%{http_code} %{num_connects}\\n"};
  if (c.head) args.push_back("-I");
  args.insert(args.end(), {"-o", *dir_ / "first", proxy_->url(std::string("/case/") + c.name), "-o",
                           *dir_ / "second", proxy_->url("/good")});
  const auto r = curl(curl_, args);
  EXPECT_EQ(r.out, "502 1\n200 0\n") << proxy_->log();
  if (!c.head) {
    EXPECT_NE(e2e::read_file(*dir_ / "first").find(std::string("(") + c.rule + ")"),
              std::string::npos)
        << e2e::read_file(*dir_ / "first");
    // What the upstream smuggled behind its response never reaches the client.
    EXPECT_EQ(e2e::read_file(*dir_ / "second"), "good\n");
  }
  // One log line with the rule id and the offset.
  const std::string log = proxy_->log();
  EXPECT_NE(log.find(std::string("502 refused: ") + c.rule + " at offset "), std::string::npos)
      << log;
  EXPECT_TRUE(proxy_->running());
}

INSTANTIATE_TEST_SUITE_P(
    Catalog, SmugglingCaseBecomes502,
    ::testing::Values(
        SmugglingCase{"te-and-cl", "framing.te-and-cl"},
        SmugglingCase{"cl-conflict", "framing.cl-conflict"},
        SmugglingCase{"cl-plus", "framing.cl-syntax"},
        SmugglingCase{"cl-overflow", "framing.cl-overflow"},
        SmugglingCase{"obs-fold", "field.obs-fold"}, SmugglingCase{"obs-fold-cl", "field.obs-fold"},
        SmugglingCase{"bare-cr", "field.value-cr-lf-nul"},
        SmugglingCase{"nul", "field.value-cr-lf-nul"}, SmugglingCase{"204-body", "body.204"},
        SmugglingCase{"204-content-length", "204.no-framing-fields"},
        SmugglingCase{"304-body", "304.no-body"}, SmugglingCase{"head-body", "body.head", true},
        SmugglingCase{"chunked-not-final", "framing.te-chunked-not-final"},
        SmugglingCase{"te-unknown", "framing.te-unknown"},
        SmugglingCase{"te-empty", "framing.te-empty"},
        SmugglingCase{"te-http10", "framing.te-in-http10"},
        SmugglingCase{"chunk-overflow", "chunked.size-overflow"},
        SmugglingCase{"chunk-size-0x", "chunked.size-syntax"},
        SmugglingCase{"chunk-data-lf", "chunked.data-crlf"},
        SmugglingCase{"chunk-ext", "chunked.ext-syntax"},
        SmugglingCase{"chunked-truncated", "chunked.incomplete"},
        SmugglingCase{"cl-truncated", "message.incomplete"},
        SmugglingCase{"ws-before-colon", "field.ws-before-colon"},
        SmugglingCase{"leading-ws-line", "status.ws-after-start-line"},
        SmugglingCase{"http09", "status.http09"}, SmugglingCase{"bare-lf", "status.line-ending"},
        SmugglingCase{"code-2digit", "status.code-3digit"},
        SmugglingCase{"double-sp", "status.sp-separator"},
        SmugglingCase{"connection-cl", "field.connection-nominates-end-to-end"},
        SmugglingCase{"extra-response", "framing.extra-data"},
        SmugglingCase{"1xx-body", "status.leading-garbage"},
        SmugglingCase{"1xx-content-length", "1xx.no-framing-fields"},
        SmugglingCase{"unsolicited-101", "101.upgrade"},
        SmugglingCase{"huge-header", "field.limits.section-size"},
        SmugglingCase{"huge-line", "field.limits.line-length"},
        SmugglingCase{"bad-name", "field.name-token"}),
    [](const ::testing::TestParamInfo<SmugglingCase>& info) {
      std::string name = info.param.name;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST_F(Scripted, WarningsAreLoggedAndTheResponseForwarded) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /warn HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "ok\n");
  EXPECT_NE(proxy_->log().find("\"GET /warn\" warning: date.required at offset 0"),
            std::string::npos)
      << proxy_->log();
}

TEST_F(Scripted, StrictPolicyRefusesObsFoldInAnyField) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /obs-fold-value HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 502u);
}

TEST_F(Scripted, LenientPolicyForwardsTheNormalizedValue) {
  start_proxy({"--lenient"});
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /obs-fold-value HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.field("X-Folded"), "first second");  // RFC 9112 §5.2: each fold becomes SP
  EXPECT_NE(proxy_->log().find("warning: field.obs-fold"), std::string::npos) << proxy_->log();
  // A folded framing field is still refused: leniency never reaches the framing.
  ASSERT_TRUE(client.send("GET /case/obs-fold-cl HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(client.read_response().status, 502u);
  EXPECT_NE(proxy_->log().find("502 refused: field.obs-fold"), std::string::npos) << proxy_->log();
}

TEST_F(Scripted, HeadersAreReserializedWithoutHopByHopFields) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /canonical HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status_line, "HTTP/1.1 200 Fine");
  EXPECT_EQ(r.field("x-lower-case"), "padded value");
  for (const char* name : {"Connection", "X-Hop", "Keep-Alive", "Proxy-Connection", "Upgrade"}) {
    EXPECT_EQ(r.count(name), 0u) << name;
  }
  EXPECT_EQ(r.body, "body");
}

TEST_F(Scripted, CloseDelimitedBodyIsReChunkedForHttp11) {
  start_proxy();
  std::string expected;
  for (int i = 0; i < 100000; ++i)
    expected += static_cast<char>('A' + i % 26);
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /close-delimited HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.framing, h1resp::BodyKind::chunked);
  EXPECT_EQ(r.body, expected);
  // The client connection survives the upstream's close.
  ASSERT_TRUE(client.send("GET /good HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(client.read_response().body, "good\n");
}

TEST_F(Scripted, CloseDelimitedBodyForHttp10IsDelimitedByClose) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /close-delimited HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.framing, h1resp::BodyKind::until_close);
  EXPECT_EQ(r.body.size(), 100000u);
}

TEST_F(Scripted, TrailersAreForwarded) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /trailers HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body.size(), 30u);
  EXPECT_EQ(r.field("Trailer"), "X-Checksum");
  ASSERT_EQ(r.trailers.size(), 1u);
  EXPECT_EQ(r.trailers[0].first, "X-Checksum");
  EXPECT_EQ(r.trailers[0].second, "abc123");
}

TEST_F(Scripted, InterimResponsesAreForwarded) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /interim HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response hints = client.read_response();
  ASSERT_TRUE(hints.ok) << hints.error;
  EXPECT_EQ(hints.status, 103u);
  EXPECT_EQ(hints.field("Link"), "</style.css>; rel=preload");
  const Response final_response = client.read_response();
  ASSERT_TRUE(final_response.ok) << final_response.error;
  EXPECT_EQ(final_response.status, 200u);
  EXPECT_EQ(final_response.body, "final\n");
  // RFC 9110 §15.2: never to an HTTP/1.0 client.
  Client old(proxy_->port());
  ASSERT_TRUE(old.send("GET /interim HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(old.read_response().status, 200u);
}

TEST_F(Scripted, AnInterimResponsesCloseEndsTheUpstreamConnection) {
  start_proxy();
  Client client(proxy_->port());
  // The upstream says "Connection: close" in a 103 only, then answers every later request on
  // that connection with "reused after close": the proxy must open a new connection.
  ASSERT_TRUE(client.send("GET /interim-close HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response hints = client.read_response();
  ASSERT_TRUE(hints.ok) << hints.error;
  EXPECT_EQ(hints.status, 103u);
  EXPECT_EQ(hints.count("Connection"), 0u);  // hop-by-hop: not forwarded
  const Response final_response = client.read_response();
  ASSERT_TRUE(final_response.ok) << final_response.error;
  EXPECT_EQ(final_response.body, "final\n");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(client.send("GET /good HTTP/1.1\r\nHost: a\r\n\r\n"));
    EXPECT_EQ(client.read_response().body, "good\n") << proxy_->log();
  }
}

TEST_F(Scripted, ExpectContinueGetsTheUpstreams100) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("POST /continue HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                  "Expect: 100-continue\r\n\r\n"));
  const Response go_on = client.read_response();  // the body is not sent before this
  ASSERT_TRUE(go_on.ok) << go_on.error;
  EXPECT_EQ(go_on.status, 100u);
  ASSERT_TRUE(client.send("hello"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 200u);
  EXPECT_NE(r.body.find("\r\n\r\nhello"), std::string::npos) << r.body;
}

TEST_F(Scripted, RequestsAreForwardedWithoutHopByHopFields) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("POST /echo HTTP/1.1\r\nHost: a\r\nConnection: X-Secret\r\nX-Secret: 1\r\n"
                  "Keep-Alive: 5\r\nTE: trailers\r\nProxy-Connection: x\r\nX-End: 2\r\n"
                  "Content-Length: 11\r\n\r\nhello world"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.body,
            "POST /echo HTTP/1.1\r\nHost: a\r\nX-End: 2\r\nContent-Length: 11\r\n"
            "Via: 1.1 h1resp-proxy\r\n\r\nhello world");
}

TEST_F(Scripted, PipelinedRequestsAreAnsweredInOrder) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("GET /good HTTP/1.1\r\nHost: a\r\n\r\n"
                  "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                  "GET /warn HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(client.read_response().body, "good\n");
  EXPECT_NE(client.read_response().body.find("\r\n\r\nabc"), std::string::npos);
  EXPECT_EQ(client.read_response().body, "ok\n");
}

TEST_F(Scripted, ARequestTheKeptUpstreamDroppedIsRetried) {
  start_proxy({"-v"});
  Client client(proxy_->port());
  // The upstream drops every second request on a connection unanswered (it closed the idle
  // connection as the request arrived): a GET, idempotent and without a body, is sent again on
  // a new connection (RFC 9112 §9.3.1), and the client sees no error.
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(client.send("GET /then-drop HTTP/1.1\r\nHost: a\r\n\r\n"));
    const Response r = client.read_response();
    ASSERT_TRUE(r.ok) << r.error << proxy_->log();
    EXPECT_EQ(r.body, "then-drop\n");
  }
  EXPECT_NE(proxy_->log().find("kept upstream connection closed: retrying"), std::string::npos)
      << proxy_->log();
  // A POST is not retried: its body may have been acted on. The client gets a 502.
  ASSERT_TRUE(client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\nx"));
  EXPECT_EQ(client.read_response().status, 502u);
}

TEST_F(Scripted, UpgradeBecomesATunnel) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("GET /upgrade HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\n"
                  "Upgrade: echo\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 101u);
  EXPECT_EQ(r.field("Upgrade"), "echo");
  EXPECT_EQ(r.field("Connection"), "upgrade");
  ASSERT_TRUE(client.send("ping\r\n\r\nHTTP/1.1 not a request"));
  std::string echoed;
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (echoed.size() < 32 && std::chrono::steady_clock::now() < until) {
    auto [bytes, closed] = client.read_until_close(200ms);
    echoed += bytes;
    if (closed) break;
  }
  EXPECT_EQ(echoed, "ping\r\n\r\nHTTP/1.1 not a request");
}

TEST_F(Scripted, ErrorAfterTheCommitAbortsTheResponse) {
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /late-error HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  // The head went out before the error (more than --hold-bytes of body): the client sees an
  // incomplete chunked body and a closed connection, never a complete response.
  EXPECT_FALSE(r.ok);
  EXPECT_NE(proxy_->log().find("aborted after 200: chunked.size-syntax"), std::string::npos)
      << proxy_->log();
}

TEST_F(Scripted, SlowBodiesAreNotHeldBeyondTheHoldTime) {
  start_proxy({"--hold-ms", "100"});
  Client client(proxy_->port());
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(client.send("GET /trickle HTTP/1.1\r\nHost: a\r\n\r\n"));
  // The upstream sends the head and a chunk, then waits 1.5 s: the head is here long before.
  std::string got;
  while (got.find("\r\n\r\n") == std::string::npos &&
         std::chrono::steady_clock::now() - start < 5s) {
    got += client.read_until_close(50ms).first;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1200ms);
  EXPECT_EQ(got.substr(0, 15), "HTTP/1.1 200 OK");
}

// The body's bytes are received after a head that came alone; the head they follow must stay
// as parsed, whether the response is held back (the default) or sent at once.
void expect_split_head_intact(unsigned port) {
  Client client(port);
  ASSERT_TRUE(client.send("GET /split-head HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.field("X-Marker"), "the-head-is-intact") << r.status_line;
  EXPECT_EQ(r.body, std::string(5000, 'Z'));
}

TEST_F(Scripted, AHeadThatArrivesAloneIsForwardedIntact) {
  start_proxy();
  expect_split_head_intact(proxy_->port());
}

TEST_F(Scripted, AHeadThatArrivesAloneIsForwardedIntactWithoutHolding) {
  start_proxy({"--hold-ms", "0"});
  expect_split_head_intact(proxy_->port());
}

TEST_F(Scripted, AnEarlyClosingResponseTellsTheClientItsConnectionEnds) {
  // The upstream answers before the request body and closes: the proxy stops forwarding the
  // body, so the client's connection ends too, and the response says Connection: close.
  start_proxy();
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("POST /early-close HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n"
                  "part of the body"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.field("Connection"), "close");
}

TEST_F(Scripted, AClientThatLeavesDuringALargeEarlyResponseGetsOnlyItsBytes) {
  // The upstream answers a POST with 16 MiB of chunks before reading its body. The client sends
  // part of the body, does not read (the relay is held in a write to it), then ends its side:
  // the proxy's body sender sees the EOF while the relay is suspended. That EOF once cleared the
  // upstream buffer under the relay, whose next consume() wrapped the buffer's size, and the
  // chunk decoder read stale bytes and proxy heap, which went to the client as chunk data or
  // ended in a chunk error and a reset. The smallest hold makes the relay write each piece of
  // data at once, so that the EOF finds it suspended there. Every body byte the client gets
  // must be the upstream's, and its connection must end with a close.
  start_proxy({"--hold-bytes", "1024"});
  Client client(proxy_->port());
  ASSERT_TRUE(
      client.send("POST /early-big HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n"
                  "part of the body"));
  std::this_thread::sleep_for(1s);
  client.shutdown_send();
  std::this_thread::sleep_for(500ms);
  const auto [bytes, closed] = client.read_until_close(30s);
  EXPECT_TRUE(closed);
  const std::size_t head_end = bytes.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos) << bytes.substr(0, 200);
  const std::string_view head = std::string_view(bytes).substr(0, head_end + 4);
  ASSERT_TRUE(head.starts_with("HTTP/1.1 200 ")) << head;
  ASSERT_NE(head.find("Transfer-Encoding: chunked"), std::string_view::npos) << head;
  // The proxy's chunks, cut where the client's connection ended.
  std::array<h1resp::FieldLine, 8> trailer_storage{};
  h1resp::ChunkedDecoder decoder(trailer_storage, h1resp::Policy::strict(), head.size());
  std::string_view rest = std::string_view(bytes).substr(head.size());
  std::string body;
  for (;;) {
    const h1resp::ChunkedDecoder::Result d = decoder.feed(rest);
    ASSERT_NE(d.status, h1resp::ChunkedDecoder::Status::error)
        << h1resp::to_string(decoder.error().rule) << " after " << body.size() << " body bytes";
    body.append(d.data);
    rest.remove_prefix(d.consumed);
    if (d.status != h1resp::ChunkedDecoder::Status::data) break;
  }
  ASSERT_LE(body.size(), e2e::kEarlyBigSize);
  EXPECT_GT(body.size(), 0u);
  std::size_t wrong = body.size();
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != e2e::early_big_byte(i)) {
      wrong = i;
      break;
    }
  }
  EXPECT_EQ(wrong, body.size()) << "body byte " << wrong << " of " << body.size()
                                << " is not the upstream's";
  EXPECT_EQ(proxy_->log().find("aborted"), std::string::npos) << proxy_->log();
}

TEST_F(Scripted, AHeadSentByteByByteMeetsOneDeadline) {
  // --upstream-timeout-ms bounds the whole header section, not each wait for a byte.
  start_proxy({"--upstream-timeout-ms", "1000"});
  Client client(proxy_->port());
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(client.send("GET /drip-head HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  EXPECT_EQ(r.status, 504u) << r.error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(Scripted, UpstreamTimeoutGives504) {
  start_proxy({"--upstream-timeout-ms", "300"});
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response(RequestMethod::get, 2500ms);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 504u);
  ASSERT_TRUE(client.send("GET /good HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(client.read_response().body, "good\n");
}

TEST_F(Scripted, UnreachableUpstreamGives502) {
  proxy_ = std::make_unique<ProxyProcess>(*dir_, e2e::free_port());
  ASSERT_NE(proxy_->port(), 0u);
  Client client(proxy_->port());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  const Response r = client.read_response();
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.status, 502u);
}

TEST_F(Scripted, UnsupportedOrBrokenRequestsGet4xxAndAClose) {
  need_curl();
  start_proxy({"--max-request-header", "2048"});
  const auto chunked =
      curl(curl_, {"-o", "/dev/null", "-w", "%{http_code}", "-H", "Transfer-Encoding: chunked",
                   "--data-binary", "hello", proxy_->url("/echo")});
  EXPECT_EQ(chunked.out, "411");
  const std::pair<std::string, unsigned> cases[] = {
      {"GET / HTTP/1.1\r\nHost: a\r\nX : y\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(4096, 'x') + "\r\n\r\n", 431},
      {"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400},
      {"GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505},
  };
  for (const auto& [request, status] : cases) {
    Client client(proxy_->port());
    ASSERT_TRUE(client.send(request));
    const Response r = client.read_response();
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.status, status) << request.substr(0, 40);
    EXPECT_EQ(r.field("Connection"), "close");
    EXPECT_TRUE(client.read_until_close(5s).second);
  }
}

}  // namespace
