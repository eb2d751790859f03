// h1resp-proxy: a validating HTTP/1.1 reverse proxy. Every upstream response goes through
// h1resp's parser, framing decision and validator; what h1resp rejects becomes a 502.
//
//   h1resp-proxy --listen 127.0.0.1:8080 --upstream 127.0.0.1:8081
//
// Prints "listening on HOST:PORT" on standard output once it accepts (with --listen ...:0, the
// port the system chose). SIGINT or SIGTERM stop it.
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <asio.hpp>

#include "config.hpp"
#include "h1resp/policy.hpp"
#include "log.hpp"
#include "server.hpp"

namespace {

// "host:port" or "[v6]:port".
bool split_host_port(const std::string& text, std::string& host, std::uint16_t& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size()) return false;
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned long value = 0;
  try {
    std::size_t used = 0;
    value = std::stoul(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) return false;
  } catch (const std::exception&) {
    return false;
  }
  if (value > 65535 || host.empty()) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  h1proxy::Config config;
  CLI::App app{"h1resp-proxy: a reverse proxy that validates every upstream response with h1resp"};
  std::string listen = "127.0.0.1:8080";
  std::string upstream;
  bool lenient = false;
  std::vector<std::string> allow;
  bool no_via = false;
  unsigned client_timeout = 60'000, connect_timeout = 5'000, upstream_timeout = 60'000;
  unsigned tunnel_timeout = 300'000, hold_time = 100;
  app.add_option("--listen", listen, "address and port to listen on (port 0: any)")
      ->capture_default_str();
  app.add_option("--upstream", upstream, "the upstream server, HOST:PORT")->required();
  app.add_option("--threads", config.threads, "threads, one io_context each")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app.add_option("--client-timeout-ms", client_timeout,
                 "idle client: next request, rest of a request, or taking response bytes")
      ->capture_default_str();
  app.add_option("--connect-timeout-ms", connect_timeout, "connecting to the upstream")
      ->capture_default_str();
  app.add_option("--upstream-timeout-ms", upstream_timeout,
                 "the upstream's whole header section, or each wait for body bytes; then 504")
      ->capture_default_str();
  app.add_option("--tunnel-timeout-ms", tunnel_timeout, "an idle 101 tunnel")
      ->capture_default_str();
  app.add_option("--hold-ms", hold_time,
                 "hold a response back at most this long while its body arrives (0: no limit)")
      ->capture_default_str();
  app.add_option("--hold-bytes", config.hold_bytes,
                 "hold a response back until this many body bytes (errors before: 502)")
      ->capture_default_str()
      ->check(CLI::Range(1024U, 16U << 20));
  app.add_option("--max-request-header", config.max_request_header_bytes,
                 "request header section bytes (then 431)")
      ->capture_default_str()
      ->check(CLI::Range(1024U, 1U << 20));
  app.add_option("--max-request-fields", config.max_request_fields, "request field lines")
      ->capture_default_str()
      ->check(CLI::Range(1U, 1024U));
  app.add_option("--max-request-body", config.max_request_body_bytes,
                 "request body bytes (then 413)")
      ->capture_default_str();
  app.add_option("--max-header-bytes", config.policy.limits.max_header_section_bytes,
                 "response header section bytes (h1resp policy; then 502)")
      ->capture_default_str()
      ->check(CLI::Range(1024U, 1U << 20));
  app.add_option("--max-fields", config.policy.limits.max_fields,
                 "response field lines (h1resp policy; then 502)")
      ->capture_default_str()
      ->check(CLI::Range(1U, 4096U));
  app.add_option("--max-connections", config.max_connections, "client connections at once")
      ->capture_default_str();
  app.add_flag("--lenient", lenient,
               "every leniency RFC 9112 allows a recipient (each use logged as a warning)");
  app.add_option("--allow", allow, "one leniency by name (e.g. obs-fold), repeatable");
  bool errors_only = false;
  app.add_flag("--errors-only", errors_only,
               "validate with only the rules that can find an error: the same 502s, without "
               "the cost of looking for what would only be logged");
  app.add_option("--via", config.via, "our pseudonym in Via")->capture_default_str();
  app.add_flag("--no-via", no_via, "send no Via field");
  app.add_flag("-v,--verbose", config.verbose, "log every exchange and informational findings");
  CLI11_PARSE(app, argc, argv);

  if (!split_host_port(listen, config.listen_host, config.listen_port)) {
    std::fprintf(stderr, "h1resp-proxy: --listen wants HOST:PORT, not %s\n", listen.c_str());
    return 2;
  }
  if (!split_host_port(upstream, config.upstream_host, config.upstream_port)) {
    std::fprintf(stderr, "h1resp-proxy: --upstream wants HOST:PORT, not %s\n", upstream.c_str());
    return 2;
  }
  if (lenient) config.policy.leniencies = h1resp::Policy::lenient().leniencies;
  for (const std::string& name : allow) {
    const auto leniency = h1resp::find_leniency(name);
    if (!leniency) {
      std::fprintf(stderr, "h1resp-proxy: unknown leniency %s\n", name.c_str());
      return 2;
    }
    config.policy.allow(*leniency);
  }
  if (errors_only) config.policy.validation = h1resp::Validation::errors_only;
  if (no_via) config.via.clear();
  config.client_timeout = h1proxy::Millis(client_timeout);
  config.connect_timeout = h1proxy::Millis(connect_timeout);
  config.upstream_timeout = h1proxy::Millis(upstream_timeout);
  config.tunnel_timeout = h1proxy::Millis(tunnel_timeout);
  config.hold_time = h1proxy::Millis(hold_time);

  // A peer that closes while we write must be an error code, not a signal.
  std::signal(SIGPIPE, SIG_IGN);

  try {
    // The upstream is resolved once: a reverse proxy has one, known at start.
    asio::io_context setup;
    asio::ip::tcp::resolver resolver(setup);
    auto endpoints = resolver.resolve(config.upstream_host, std::to_string(config.upstream_port));
    const auto local = resolver.resolve(config.listen_host, std::to_string(config.listen_port),
                                        asio::ip::tcp::resolver::passive);
    // Declared before the contexts: sessions, destroyed with their context, report to it.
    h1proxy::Server server(config, std::move(endpoints));

    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::io_context*> context_ptrs;
    for (unsigned i = 0; i < config.threads; ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
      context_ptrs.push_back(contexts.back().get());
    }
    asio::io_context& main_context = *contexts.front();
    asio::ip::tcp::acceptor acceptor(main_context);
    const asio::ip::tcp::endpoint endpoint = *local.begin();
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    const auto bound = acceptor.local_endpoint();
    std::printf("listening on %s:%u\n", bound.address().to_string().c_str(), bound.port());
    std::fflush(stdout);
    h1proxy::log_line("listening on " + bound.address().to_string() + ":" +
                      std::to_string(bound.port()) + ", upstream " + server.upstream_authority() +
                      ", policy " + (config.policy.leniencies == 0 ? "strict" : "lenient"));

    asio::signal_set signals(main_context, SIGINT, SIGTERM);
    signals.async_wait([&](const std::error_code& ec, int) {
      if (ec) return;
      std::error_code ignored;
      acceptor.close(ignored);
      for (auto& c : contexts)
        c->stop();
    });
    asio::co_spawn(main_context, server.accept(acceptor, context_ptrs), asio::detached);

    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < contexts.size(); ++i) {
      threads.emplace_back([&context = *contexts[i]] {
        // Keeps the context running while it has no connection yet.
        auto guard = asio::make_work_guard(context);
        context.run();
      });
    }
    main_context.run();
    for (auto& t : threads)
      t.join();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "h1resp-proxy: %s\n", e.what());
    return 1;
  }
  return 0;
}
