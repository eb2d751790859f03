// The llhttp adapter (interop/llhttp/adapter.hpp) against h1resp's native path.
//
// For every response llhttp accepts, in every file of corpus/examples/ and in the inline cases
// below, fed to llhttp whole and in pieces (down to one byte, so that every span arrives in
// several callbacks): the adapter's Response equals the one h1resp's own parser builds from the
// same bytes, and the adapter's findings equal the native path's (ResponseParser, then
// decide_framing() and validate() with the same method and policy), in the same order.
//
// The native path parses strictly, and leniently (Policy::lenient()) when strict parsing fails:
// llhttp accepts some bytes h1resp refuses by default (interop/llhttp/divergences.cpp), and the
// adapter's view then matches h1resp's lenient reading.
//
// Excluded: the findings only the tokenizer makes, ResponseParser::findings(). They are its notes
// that it applied a leniency at a byte, made while tokenizing: kTokenizerOnly lists them (the
// test checks the list is exact). llhttp applies its own leniencies silently, and its callbacks
// do not say that it did: it skips empty lines before the status line before on_message_begin,
// delivers an obs-folded value as pieces, keeps whitespace before the colon in the name. The
// adapter rebuilds from the bytes what the framing decision and the validator need (the spans
// and the FieldLine flags), but not the tokenizer's notes; re-tokenizing to make them is what
// the native path is for. Parse errors are not findings of either path here: llhttp accepted.
#include "llhttp/adapter.hpp"

#include <gtest/gtest.h>
#include <llhttp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "h1resp/framing.hpp"
#include "h1resp/parser.hpp"
#include "h1resp/validator.hpp"

namespace h1resp::interop {
namespace {

// The rules of the tokenizer's findings (parser/tokenizer/: note() calls).
constexpr Rule kTokenizerOnly[] = {
    Rule::status_leading_garbage,      // leading-empty-lines
    Rule::status_line_ending,          // bare-lf, on the status line
    Rule::field_line_ending_lf,        // bare-lf, on a field line
    Rule::status_reason_sp_required,   // missing-reason-sp
    Rule::field_ws_before_colon,       // ws-before-colon
    Rule::status_bare_cr,              // bare-cr, in the reason phrase
    Rule::field_value_cr_lf_nul,       // bare-cr, in a field value
    Rule::status_sp_separator,         // status-line-whitespace
    Rule::htresp_status_line_ws,       // status-line-whitespace, 1992 dialect
    Rule::status_ws_after_start_line,  // ws-preceded-lines
    Rule::field_obs_fold,              // obs-fold
    Rule::field_value_ctl,             // value-ctl
};

bool tokenizer_only(Rule rule) {
  return std::find(std::begin(kTokenizerOnly), std::end(kTokenizerOnly), rule) !=
         std::end(kTokenizerOnly);
}

// A Response and findings as values, to compare and print.
struct Seen {
  std::size_t start = 0;  // of the status line, in the stream
  std::string view;       // the Response, spans and flags, as text
  std::vector<std::string> findings;
};

std::string describe(const Response& r) {
  std::ostringstream out;
  auto span = [&](Span s) { out << s.offset << '+' << s.length << ' '; };
  out << "HTTP/" << int{r.version_major} << '.' << int{r.version_minor} << ' ' << r.status
      << " header_size=" << r.header_size << " line=";
  span(r.status_line);
  out << "code=";
  span(r.code);
  out << "reason=";
  span(r.reason);
  for (const FieldLine& f : r.field_lines) {
    out << "\n  [" << r.text(f.name) << "] ";
    span(f.name);
    span(f.value);
    out << "flags=" << int{f.flags};
  }
  return out.str();
}

std::string describe(const Finding& f) {
  std::ostringstream out;
  out << to_string(f.rule) << ' ' << to_string(f.severity) << " @" << f.offset << '+' << f.length
      << ' ' << f.detail;
  return out.str();
}

std::vector<std::string> describe(const FindingList& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(describe(f));
  return out;
}

struct LlhttpRun {
  std::vector<Seen> responses;  // each header section llhttp accepted
  std::string error;            // llhttp's error name, when it stopped on one
};

// Runs llhttp over `bytes` (one buffer that stays in place), fed in pieces of `piece` bytes, with
// the adapter attached; records what the adapter saw at the end of each header section.
LlhttpRun run_llhttp(std::string_view bytes, const Policy& policy, RequestMethod method,
                     std::size_t piece) {
  struct Context {
    BasicLlhttpAdapter<>* adapter;
    LlhttpRun* run;
    const char* data;
  };
  BasicLlhttpAdapter<> adapter(policy);
  RequestContext request;
  request.method = method;
  adapter.set_request(request);
  LlhttpRun run;
  Context context{&adapter, &run, bytes.data()};
  adapter.set_user_data(&context);

  llhttp_settings_t mine;
  llhttp_settings_init(&mine);
  // Records, then answers llhttp as the adapter would have.
  mine.on_headers_complete = [](llhttp_t* p) -> int {
    auto& a = *static_cast<LlhttpAdapter*>(p->data);
    auto& c = *static_cast<Context*>(a.user_data());
    c.run->responses.push_back(Seen{static_cast<std::size_t>(a.response_start() - c.data),
                                    describe(a.response()), describe(a.findings())});
    return a.headers_complete_result();
  };
  llhttp_settings_t settings;
  llhttp_settings_init(&settings);
  llhttp_t parser;
  llhttp_init(&parser, HTTP_RESPONSE, &settings);
  adapter.attach(parser, settings, &mine);

  llhttp_errno_t err = HPE_OK;
  for (std::size_t at = 0; at < bytes.size() && err == HPE_OK;) {
    const std::size_t n = std::min(piece, bytes.size() - at);
    err = llhttp_execute(&parser, bytes.data() + at, n);
    at += n;
  }
  if (err == HPE_OK) err = llhttp_finish(&parser);
  if (err != HPE_OK && err != HPE_PAUSED_UPGRADE) run.error = llhttp_errno_name(err);
  return run;
}

// The native path on the response starting at `bytes`: strict, else lenient.
struct Native {
  bool parsed = false;
  bool lenient = false;
  std::string view;
  std::vector<std::string> findings;
  std::vector<Rule> tokenizer_rules;
};

Native run_native(std::string_view bytes, Policy policy, RequestMethod method) {
  Native out;
  for (const bool lenient : {false, true}) {
    policy.leniencies = lenient ? kAllLeniencies : 0;
    BasicResponseParser<> parser(policy);
    parser.feed(bytes);
    if (parser.status() == ParseStatus::incomplete) parser.finish();
    if (parser.status() != ParseStatus::complete) continue;
    FindingList findings;
    RequestContext request;
    request.method = method;
    const Framing framing = decide_framing(parser.response(), method, findings);
    validate(parser.response(), framing, request, policy, findings);
    out.parsed = true;
    out.lenient = lenient;
    out.view = describe(parser.response());
    out.findings = describe(findings);
    for (const Finding& f : parser.findings())
      out.tokenizer_rules.push_back(f.rule);
    return out;
  }
  return out;
}

struct Tally {
  int compared = 0;
  int lenient = 0;
  int h1resp_rejects = 0;  // llhttp accepted what h1resp refuses even leniently
};

// Compares every response llhttp accepts in `bytes`, fed in several piece sizes.
void compare_all(std::string_view name, std::string_view bytes, const Policy& policy,
                 RequestMethod method, Tally& tally, std::vector<std::size_t> pieces = {}) {
  if (pieces.empty()) pieces = {bytes.size(), 1, 2, 3, 7, 64};
  const LlhttpRun whole = run_llhttp(bytes, policy, method, std::max<std::size_t>(bytes.size(), 1));
  for (const std::size_t piece : pieces) {
    SCOPED_TRACE(::testing::Message() << name << ", pieces of " << piece << " bytes, dialect "
                                      << to_string(policy.dialect));
    const LlhttpRun run = run_llhttp(bytes, policy, method, piece);
    // The same whatever the split points.
    ASSERT_EQ(run.responses.size(), whole.responses.size());
    for (const Seen& seen : run.responses) {
      const Native native = run_native(bytes.substr(seen.start), policy, method);
      if (!native.parsed) {
        ++tally.h1resp_rejects;
        continue;
      }
      ++tally.compared;
      tally.lenient += native.lenient ? 1 : 0;
      EXPECT_EQ(seen.view, native.view) << "response at " << seen.start;
      EXPECT_EQ(seen.findings, native.findings) << "response at " << seen.start;
      for (const Rule rule : native.tokenizer_rules) {
        EXPECT_TRUE(tokenizer_only(rule)) << to_string(rule) << " is missing from kTokenizerOnly";
      }
    }
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(LlhttpAdapter, CorpusExamplesGiveTheNativeFindings) {
  const std::filesystem::path dir = std::filesystem::path(H1RESP_SOURCE_DIR) / "corpus/examples";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".http") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20U);
  // llhttp refuses four of them (its error, what it refuses):
  const std::map<std::string, std::string> llhttp_rejects = {
      {"bad-bare-lf.http", "HPE_INVALID_HEADER_TOKEN"},  // a bare LF after a field value
      {"bad-conflicting-cl.http", "HPE_UNEXPECTED_CONTENT_LENGTH"},  // Content-Length twice
      {"bad-status-code.http", "HPE_INVALID_STATUS"},                // "2000"
      {"bad-te-and-cl.http", "HPE_UNEXPECTED_CONTENT_LENGTH"},       // Transfer-Encoding and CL
  };
  Tally tally;
  int responses = 0;  // distinct responses compared
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    const std::string bytes = read_file(file);
    Policy policy = Policy::strict();
    if (name.starts_with("w3c1992-")) policy.dialect = Dialect::w3c1992;
    const int before = tally.compared;
    compare_all(name, bytes, policy, RequestMethod::get, tally, {bytes.size()});
    responses += tally.compared - before;
    compare_all(name, bytes, policy, RequestMethod::get, tally);
    // The other dialect too: the validator's rules differ, the adapter's view must not.
    policy.dialect = policy.dialect == Dialect::modern ? Dialect::w3c1992 : Dialect::modern;
    compare_all(name, bytes, policy, RequestMethod::get, tally);
    // A HEAD request: no body, whatever the fields say.
    compare_all(name, bytes, Policy::strict(), RequestMethod::head, tally, {bytes.size(), 1});

    const LlhttpRun run = run_llhttp(bytes, Policy::strict(), RequestMethod::get, bytes.size());
    if (const auto it = llhttp_rejects.find(name); it != llhttp_rejects.end()) {
      EXPECT_EQ(run.error, it->second) << name;
      EXPECT_TRUE(run.responses.empty()) << name;
    } else {
      EXPECT_FALSE(run.responses.empty()) << name << ": llhttp " << run.error;
    }
  }
  EXPECT_EQ(tally.h1resp_rejects, 0);
  EXPECT_GT(tally.lenient, 0);  // bad-obs-fold.http
  EXPECT_GE(responses, 20);
  std::printf("corpus: %zu files, %d responses, %d comparisons (%d with h1resp's lenient policy)\n",
              files.size(), responses, tally.compared, tally.lenient);
}

struct Inline {
  const char* name;
  std::string_view bytes;
  RequestMethod method = RequestMethod::get;
};

// Returns how many responses of `bytes` were compared.
int compared_count(std::string_view name, std::string_view bytes, const Policy& policy,
                   RequestMethod method, Tally& tally, std::vector<std::size_t> pieces) {
  const int before = tally.compared;
  compare_all(name, bytes, policy, method, tally, std::move(pieces));
  return tally.compared - before;
}

constexpr std::string_view kDate = "Date: Tue, 05 Nov 2024 14:49:10 GMT\r\n";

TEST(LlhttpAdapter, InlineResponsesGiveTheNativeFindings) {
  using namespace std::string_view_literals;
  const Inline cases[] = {
      {"plain", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"},
      {"trailing whitespace in values",
       "HTTP/1.1 200 OK\r\nServer: x  \t\r\nContent-Length:  0 \r\n\r\n"},
      {"empty values", "HTTP/1.1 200 OK\r\nX-A:\r\nX-B: \r\nX-C:\t \r\nContent-Length: 0\r\n\r\n"},
      {"empty reason with SP", "HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n"},
      {"empty reason without SP", "HTTP/1.1 204\r\nDate: Tue, 05 Nov 2024 14:49:10 GMT\r\n\r\n"},
      {"no fields", "HTTP/1.0 200 OK\r\n\r\nbody until close"},
      {"leading empty lines", "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"},
      {"obs-fold", "HTTP/1.1 200 OK\r\nX-Folded: a\r\n  b \r\n\tc\r\nContent-Length: 0\r\n\r\n"},
      {"obs-fold in Transfer-Encoding",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n"},
      {"whitespace before the colon", "HTTP/1.1 200 OK\r\nServer : x\r\nContent-Length: 0\r\n\r\n"},
      {"whitespace before the colon of Cache-Control",
       "HTTP/1.1 200 OK\r\nCache-Control  : max-age=5\r\nContent-Length: 0\r\n\r\n"},
      {"Transfer-Encoding not chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"},
      {"Content-Length with leading zeros",
       "HTTP/1.1 200 OK\r\nContent-Length: 007\r\n\r\n1234567"},
      {"empty list elements",
       "HTTP/1.1 200 OK\r\nVary: *, Accept\r\nCache-Control: no-cache, , "
       "private\r\nContent-Length: 0\r\n\r\n"},
      {"Connection: close in 1.1",
       "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"},
      {"HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", RequestMethod::head},
      {"304", "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\nContent-Type: text/html\r\n\r\n"},
      {"interim then final",
       "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n"
       "HTTP/1.1 201 Created\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n",
       RequestMethod::post},
      {"101",
       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
       "\x81\x00"},
      {"CONNECT", "HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03", RequestMethod::connect},
      {"obs-text", "HTTP/1.1 200 \xC3\x84rger\r\nX-Name: caf\xC3\xA9\r\nContent-Length: 0\r\n\r\n"},
      {"unofficial code and many fields",
       "HTTP/1.1 420 Enhance Your Calm\r\nRetry-After: 10\r\nX-1: 1\r\nX-2: 2\r\nX-3: 3\r\n"
       "Cache-Control: max-age=oops\r\nExpires: 0\r\nLocation: a b\r\nContent-Length: 0\r\n\r\n"},
      {"1992 style", "HTTP/1.0 302 Found\r\nURI: <http://a/b> c\r\n\r\n"},
  };
  Tally tally;
  for (const Inline& c : cases) {
    std::string bytes(c.bytes);
    if (bytes.find("Date:") == std::string::npos) {
      // A Date where the first line ends, so that date.required does not fill every list.
      bytes.insert(bytes.find('\n', bytes.find("HTTP/")) + 1, kDate);
    }
    std::vector<std::size_t> pieces;
    for (std::size_t n = 1; n <= bytes.size(); ++n)
      pieces.push_back(n);
    EXPECT_GT(compared_count(c.name, bytes, Policy::strict(), c.method, tally, pieces), 0)
        << c.name << ": llhttp "
        << run_llhttp(bytes, Policy::strict(), c.method, bytes.size()).error;
    Policy w3c = Policy::strict();
    w3c.dialect = Dialect::w3c1992;
    compare_all(c.name, bytes, w3c, c.method, tally, {bytes.size(), 1});
  }
  EXPECT_EQ(tally.h1resp_rejects, 0);
  EXPECT_GT(tally.lenient, 0);
  std::printf("inline: %d responses compared (%d with h1resp's lenient policy)\n", tally.compared,
              tally.lenient);
}

// Where llhttp reads the bytes differently from h1resp, the adapter reports llhttp's reading,
// so that what h1resp says concerns what the llhttp user actually got.
TEST(LlhttpAdapter, ReportsLlhttpsReadingOfARunOfSpaces) {
  // divergences.cpp, llhttp-splits-status-line-on-runs: status 0, reason "200 OK".
  const std::string bytes = "HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n";
  const LlhttpRun run = run_llhttp(bytes, Policy::strict(), RequestMethod::get, bytes.size());
  ASSERT_EQ(run.responses.size(), 1U);
  EXPECT_NE(run.responses[0].view.find("HTTP/1.1 0 "), std::string::npos) << run.responses[0].view;
  ASSERT_FALSE(run.responses[0].findings.empty());
  EXPECT_EQ(run.responses[0].findings[0].rfind("status.code-range error", 0), 0U)
      << run.responses[0].findings[0];
}

TEST(LlhttpAdapter, EnforcesTheFieldLimitAndStopsLlhttp) {
  Policy policy = Policy::strict();
  policy.limits.max_fields = 2;
  BasicLlhttpAdapter<> adapter(policy);
  llhttp_settings_t settings;
  llhttp_settings_init(&settings);
  llhttp_t parser;
  llhttp_init(&parser, HTTP_RESPONSE, &settings);
  adapter.attach(parser, settings);
  const std::string bytes = "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nContent-Length: 0\r\n\r\n";
  EXPECT_NE(llhttp_execute(&parser, bytes.data(), bytes.size()), HPE_OK);
  EXPECT_EQ(adapter.status(), ParseStatus::error);
  EXPECT_EQ(adapter.error().rule, Rule::limit_field_count);
  EXPECT_EQ(adapter.error().offset, bytes.find("C: 3"));
  EXPECT_EQ(adapter.verdict(), Verdict::reject);
}

// Way 2: the user's own callbacks call the helpers, without the *_complete callbacks (as older
// llhttp code does), and the user keeps parser.data for itself.
TEST(LlhttpAdapter, HelpersFromTheUsersCallbacks) {
  struct User {
    BasicLlhttpAdapter<> adapter;
    int headers = 0;
  };
  llhttp_settings_t settings;
  llhttp_settings_init(&settings);
  settings.on_message_begin = [](llhttp_t* p) {
    return static_cast<User*>(p->data)->adapter.on_message_begin();
  };
  settings.on_version = [](llhttp_t* p, const char* at, std::size_t n) {
    return static_cast<User*>(p->data)->adapter.on_version(at, n);
  };
  settings.on_status = [](llhttp_t* p, const char* at, std::size_t n) {
    return static_cast<User*>(p->data)->adapter.on_status(at, n);
  };
  settings.on_header_field = [](llhttp_t* p, const char* at, std::size_t n) {
    return static_cast<User*>(p->data)->adapter.on_header_field(at, n);
  };
  settings.on_header_value = [](llhttp_t* p, const char* at, std::size_t n) {
    return static_cast<User*>(p->data)->adapter.on_header_value(at, n);
  };
  settings.on_headers_complete = [](llhttp_t* p) {
    User& user = *static_cast<User*>(p->data);
    ++user.headers;
    return user.adapter.on_headers_complete(*p) != 0 ? -1 : user.adapter.headers_complete_result();
  };
  const std::string bytes = std::string("HTTP/1.1 401 Unauthorized\r\n") + std::string(kDate) +
                            "X-Folded: a\r\n b\r\nContent-Length: 0\r\n\r\n";
  User user;
  llhttp_t parser;
  llhttp_init(&parser, HTTP_RESPONSE, &settings);
  parser.data = &user;
  for (std::size_t at = 0; at < bytes.size(); ++at)  // every span in pieces
    ASSERT_EQ(llhttp_execute(&parser, bytes.data() + at, 1), HPE_OK);
  ASSERT_EQ(user.headers, 1);
  ASSERT_EQ(user.adapter.status(), ParseStatus::complete);
  const Native native = run_native(bytes, Policy::strict(), RequestMethod::get);
  ASSERT_TRUE(native.parsed && native.lenient);
  EXPECT_EQ(describe(user.adapter.response()), native.view);
  EXPECT_EQ(describe(user.adapter.findings()), native.findings);
  EXPECT_TRUE(user.adapter.findings().contains(Rule::code_401_www_authenticate));
}

}  // namespace
}  // namespace h1resp::interop
