#include "e2e_support.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "h1resp/chunked.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace e2e {

std::optional<std::string> find_program(std::string_view name) {
  std::string dirs = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
  dirs += ":/usr/sbin:/usr/local/sbin:/sbin";
  std::stringstream list(dirs);
  std::string dir;
  while (std::getline(list, dir, ':')) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + std::string(name);
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/h1resp-proxy-e2e-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::operator/(std::string_view name) const {
  return path_ + "/" + std::string(name);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

Process::Process(const std::vector<std::string>& argv, const std::string& out_path,
                 const std::string& err_path) {
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Dies with the test, even when the test is killed: no server outlives its test.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
}

Process::~Process() {
  stop();
}

bool Process::running() {
  if (reaped_) return false;
  if (::waitpid(pid_, &status_, WNOHANG) == pid_) reaped_ = true;
  return !reaped_;
}

int Process::stop() {
  if (!running()) return status_;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 300 && running(); ++i)
    std::this_thread::sleep_for(10ms);
  if (running()) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  return status_;
}

unsigned wait_for_listening(const std::string& path, Process& process, Millis timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    const std::string text = read_file(path);
    const std::size_t at = text.find("listening on ");
    const std::size_t end = at == std::string::npos ? at : text.find('\n', at);
    if (end != std::string::npos) {
      const std::size_t colon = text.rfind(':', end);
      return static_cast<unsigned>(std::stoul(text.substr(colon + 1, end - colon - 1)));
    }
    if (!process.running()) return 0;
    std::this_thread::sleep_for(10ms);
  }
  return 0;
}

namespace {

int connect_loopback(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

bool wait_for_port(unsigned port, Millis timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    const int fd = connect_loopback(port);
    if (fd >= 0) {
      ::close(fd);
      return true;
    }
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

RunResult run(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return {};
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::dup2(pipe_fds[1], 1);
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  RunResult result;
  std::array<char, 65536> buffer;
  for (;;) {
    const ssize_t n = ::read(pipe_fds[0], buffer.data(), buffer.size());
    if (n <= 0) break;
    result.out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::optional<std::string> Response::field(std::string_view name) const {
  for (const auto& [n, v] : fields) {
    if (h1resp::field_name_equals(n, name)) return v;
  }
  return std::nullopt;
}

std::size_t Response::count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& f : fields)
    n += h1resp::field_name_equals(f.first, name) ? 1 : 0;
  return n;
}

Client::Client(unsigned port) : fd_(connect_loopback(port)) {}

Client::~Client() {
  if (fd_ >= 0) ::close(fd_);
}

bool Client::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void Client::shutdown_send() {
  ::shutdown(fd_, SHUT_WR);
}

long Client::receive(Millis timeout) {
  if (eof_) return 0;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return -1;
  std::array<char, 65536> buffer;
  const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
  if (n == 0) eof_ = true;
  if (n < 0) return -1;
  pending_.append(buffer.data(), static_cast<std::size_t>(n));
  return n;
}

std::pair<std::string, bool> Client::read_until_close(Millis timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<Millis>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    const long n = receive(left);
    if (n == 0) return {std::exchange(pending_, {}), true};
    if (n < 0) break;
  }
  return {std::exchange(pending_, {}), false};
}

Response Client::read_response(h1resp::RequestMethod method, Millis timeout) {
  Response r;
  const auto until = std::chrono::steady_clock::now() + timeout;
  const auto more = [&] {
    const auto left = std::chrono::duration_cast<Millis>(until - std::chrono::steady_clock::now());
    return left.count() > 0 ? receive(left) : -1;
  };
  h1resp::BasicResponseParser<> parser;  // strict: the proxy's output must need no leniency
  h1resp::ParseStatus status = parser.feed(pending_);
  while (status == h1resp::ParseStatus::incomplete) {
    const long n = more();
    if (n == 0) status = parser.finish();
    if (n < 0) {
      r.error = "timeout or error before the end of the header section";
      return r;
    }
    if (n > 0) status = parser.feed(pending_);
  }
  if (status == h1resp::ParseStatus::error) {
    r.error = "invalid response: " + std::string(h1resp::to_string(parser.error().rule));
    return r;
  }
  const h1resp::Response& head = parser.response();
  for (const h1resp::Finding& f : parser.findings())
    r.findings.add(f);
  const h1resp::Framing framing = h1resp::decide_framing(head, method, r.findings);
  h1resp::RequestContext context;
  context.method = method;
  h1resp::validate(head, framing, context, h1resp::Policy::strict(), r.findings);
  r.status = head.status;
  r.framing = framing.body;
  r.status_line = std::string(head.text(head.status_line));
  for (std::size_t i = 0; i < head.field_count(); ++i) {
    r.fields.emplace_back(head.field(i).name, head.field(i).value);
  }
  const std::size_t header_size = head.header_size;
  pending_.erase(0, header_size);
  switch (framing.body) {
    case h1resp::BodyKind::none:
    case h1resp::BodyKind::tunnel:
      break;
    case h1resp::BodyKind::content_length:
      while (pending_.size() < framing.length) {
        if (more() <= 0) {
          r.error = "the body ended before Content-Length bytes";
          return r;
        }
      }
      r.body = pending_.substr(0, framing.length);
      pending_.erase(0, framing.length);
      break;
    case h1resp::BodyKind::until_close:
      while (more() > 0) {
      }
      if (!eof_) {
        r.error = "a close-delimited body that did not end";
        return r;
      }
      r.body = std::exchange(pending_, {});
      break;
    case h1resp::BodyKind::chunked: {
      std::array<h1resp::FieldLine, 32> trailer_storage{};
      h1resp::ChunkedDecoder decoder(trailer_storage, h1resp::Policy::strict(), header_size);
      for (;;) {
        const h1resp::ChunkedDecoder::Result d = decoder.feed(pending_);
        if (d.status == h1resp::ChunkedDecoder::Status::data) {
          r.body.append(d.data);
          pending_.erase(0, d.consumed);
          continue;
        }
        if (d.status == h1resp::ChunkedDecoder::Status::complete) {
          const h1resp::Response& t = decoder.trailers();
          for (std::size_t i = 0; i < t.field_count(); ++i) {
            r.trailers.emplace_back(t.field(i).name, t.field(i).value);
          }
          pending_.erase(0, d.consumed);
          break;
        }
        if (d.status == h1resp::ChunkedDecoder::Status::error) {
          r.error = "invalid chunked body: " + std::string(h1resp::to_string(decoder.error().rule));
          return r;
        }
        pending_.erase(0, d.consumed);
        if (more() <= 0) {
          r.error = "the chunked body did not end";
          return r;
        }
      }
      break;
    }
  }
  r.ok = true;
  return r;
}

}  // namespace e2e
