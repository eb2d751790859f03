// Support for the proxy's end-to-end tests: temporary directories, child processes that cannot
// outlive the test, free loopback ports, running curl, and a raw client that reads the proxy's
// responses with h1resp itself (strict policy), so that every byte the proxy sends is judged.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "h1resp/finding.hpp"
#include "h1resp/framing.hpp"

namespace e2e {

using namespace std::chrono_literals;
using Millis = std::chrono::milliseconds;

// The path of `name` in PATH or in the sbin directories (nginx lives in /usr/sbin).
std::optional<std::string> find_program(std::string_view name);

// A directory under $TMPDIR (or /tmp), removed with its contents by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::string operator/(std::string_view name) const;

 private:
  std::string path_;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, std::string_view content);

// A child process with its standard output and error in files. It gets SIGKILL if the test
// process dies first (PR_SET_PDEATHSIG), and SIGTERM, then SIGKILL, from the destructor.
class Process {
 public:
  Process(const std::vector<std::string>& argv, const std::string& out_path,
          const std::string& err_path);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] bool running();
  // Stops the process and waits for it. Returns its wait status.
  int stop();
  [[nodiscard]] pid_t pid() const noexcept { return pid_; }

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

// Waits for "listening on HOST:PORT" in the file `path` (a child's standard output). Returns
// the port, or 0 when the line did not come within `timeout` or the process ended.
unsigned wait_for_listening(const std::string& path, Process& process, Millis timeout = 10s);
// Waits until something accepts connections on 127.0.0.1:port.
bool wait_for_port(unsigned port, Millis timeout = 10s);
// A loopback port nothing listens on right now (for servers that cannot report theirs).
unsigned free_port();

struct RunResult {
  int exit_code = -1;
  std::string out;
};
// Runs a program to completion; standard error goes to the test's.
RunResult run(const std::vector<std::string>& argv);

// One response as the proxy sent it, read by h1resp.
struct Response {
  bool ok = false;    // a complete, strictly valid response was read
  std::string error;  // why not
  unsigned status = 0;
  std::string status_line;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string body;  // de-chunked
  std::vector<std::pair<std::string, std::string>> trailers;
  h1resp::BodyKind framing = h1resp::BodyKind::none;
  h1resp::FindingList findings;  // of the tokenizer, framing and validator (proxy output)

  [[nodiscard]] std::optional<std::string> field(std::string_view name) const;
  [[nodiscard]] std::size_t count(std::string_view name) const;
};

// A raw TCP client.
class Client {
 public:
  explicit Client(unsigned port);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  [[nodiscard]] bool connected() const noexcept { return fd_ >= 0; }
  bool send(std::string_view bytes);
  // Ends what the client sends (shutdown(SHUT_WR)); it can still read.
  void shutdown_send();
  // Reads the next response (an interim 1xx is a response of its own). `method`: the request's,
  // for the framing (HEAD).
  Response read_response(h1resp::RequestMethod method = h1resp::RequestMethod::get,
                         Millis timeout = 10s);
  // Reads until the peer closes, or `timeout`. Returns what came, and whether it closed.
  std::pair<std::string, bool> read_until_close(Millis timeout = 10s);
  // Bytes received and not yet part of a response.
  [[nodiscard]] const std::string& pending() const noexcept { return pending_; }

 private:
  // Appends what arrives within `timeout`; 0 at the end of the stream, -1 on timeout or error.
  long receive(Millis timeout);

  int fd_ = -1;
  std::string pending_;
  bool eof_ = false;
};

}  // namespace e2e
