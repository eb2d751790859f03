// Validation::errors_only must find exactly the errors that Validation::every_rule finds, in the
// same order, and nothing else: a proxy relies on it for its reject verdict. Judged on every
// rule's examples (both dialects, strict and lenient), the sample corpus, the streams of
// the validate fuzz target's corpus, and the responses whose checks turn a warning into an error.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "h1resp/parser.hpp"
#include "h1resp/rules.hpp"
#include "h1resp/stream.hpp"
#include "h1resp/validator.hpp"
#include "rule_example_exchange.hpp"
#include "support/corpus_files.hpp"
#include "support/validation_modes.hpp"

namespace h1resp::testing {
namespace {

struct Input {
  std::string name;
  std::string bytes;
};

void add_directory(std::vector<Input>& inputs, const std::filesystem::path& dir) {
  for (const auto& file : sorted_files(dir))
    inputs.push_back({file.filename().string(), read_file(file)});
}

// The streams of the validate fuzz target's inputs, without their harness header.
void add_validate_fuzz_streams(std::vector<Input>& inputs, const std::filesystem::path& dir) {
  for (const auto& file : sorted_files(dir))
    inputs.push_back({file.filename().string(), validate_fuzz_stream(read_file(file))});
}

// The responses where a check reports an error that its rule's severity does not say, or that
// only a leniency lets through: each of run_error_checks()'s checks, with an error to find.
std::vector<Input> error_cases() {
  return {
      {"code outside 100-599", "HTTP/1.1 600 Nope\r\nContent-Length: 0\r\n\r\n"},
      {"101 without Upgrade", "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\n\r\n"},
      {"101 without the upgrade option",
       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n\r\n"},
      {"Location twice, differing",
       "HTTP/1.1 302 Found\r\nLocation: /a\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n"},
      {"Content-Type twice, differing",
       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: text/plain\r\n"
       "Content-Length: 0\r\n\r\n"},
      {"VT at a value's end (value-ctl)",
       std::string("HTTP/1.1 200 OK\r\nX-A: b\x0b\r\nContent-Length: 0\r\n\r\n")},
      {"FF at a value's start (value-ctl)", std::string("HTTP/1.1 200 OK\r\nX-A: \x0c"
                                                        "b\r\nContent-Length: 0\r\n\r\n")},
  };
}

std::vector<Input> all_inputs() {
  std::vector<Input> inputs = error_cases();
  for (const RuleInfo& info : all_rules()) {
    inputs.push_back({std::string(info.id) + " violating", std::string(info.violating)});
    inputs.push_back({std::string(info.id) + " conforming", std::string(info.conforming)});
  }
  const std::filesystem::path corpus = std::filesystem::path(H1RESP_SOURCE_DIR) / "corpus";
  add_directory(inputs, corpus / "examples");
  add_validate_fuzz_streams(inputs, corpus / "fuzz" / "validate");
  return inputs;
}

// Read with their harness header, the fuzz inputs would all stop at their first byte: most of
// the streams must be responses.
TEST(ErrorsOnly, TheFuzzCorpusIsReadAsStreams) {
  std::vector<Input> streams;
  add_validate_fuzz_streams(
      streams, std::filesystem::path(H1RESP_SOURCE_DIR) / "corpus" / "fuzz" / "validate");
  ASSERT_GT(streams.size(), 1000U);
  std::size_t parsed = 0;
  for (const Input& stream : streams) {
    BasicResponseParser<> parser(Policy::lenient());
    parsed += parser.parse(stream.bytes) == ParseStatus::complete ? 1 : 0;
  }
  EXPECT_GT(parsed, streams.size() / 2);
}

std::vector<Policy> policies() {
  std::vector<Policy> out;
  for (const Dialect dialect : {Dialect::modern, Dialect::w3c1992}) {
    for (Policy p : {Policy::strict(), Policy::lenient()}) {
      p.dialect = dialect;
      out.push_back(p);
    }
  }
  return out;
}

// Both modes on one stream (validation_modes.hpp); returns the number of messages, and adds the
// rules of the errors found to `errors_seen`.
std::size_t compare_streams(std::string_view bytes, const StreamOptions& every,
                            const std::string& name, std::set<Rule>& errors_seen) {
  const ModeComparison modes = compare_validation_modes(bytes, every);
  EXPECT_EQ(modes.difference, "") << name << " (" << to_string(every.policy.dialect) << ")";
  errors_seen.insert(modes.errors.begin(), modes.errors.end());
  return modes.messages;
}

// Whole streams, as the CLI and a proxy walk them.
TEST(ErrorsOnly, StreamsFindTheSameErrorsAsEveryRule) {
  const std::vector<Input> inputs = all_inputs();
  ASSERT_GT(inputs.size(), 1000U);  // the fuzz corpus is there
  std::size_t messages = 0;
  std::set<Rule> seen;
  for (const Policy& base : policies()) {
    for (const Input& input : inputs) {
      StreamOptions every;
      every.policy = base;
      messages += compare_streams(input.bytes, every, input.name, seen);
    }
  }
  EXPECT_GT(messages, inputs.size());
}

// Every rule's examples in their own exchange (its request, reference response, proxy output,
// stream context), where the rules that need the exchange can fire: a rule that can be an
// error but that run_error_checks() does not run fails here with its violating example.
TEST(ErrorsOnly, RuleExamplesInTheirExchangeFindTheSameErrors) {
  std::set<Rule> seen;
  for (const RuleInfo& info : all_rules()) {
    const RuleExampleExchange exchange(info);
    for (const bool lenient : {false, true}) {
      StreamOptions every = exchange.options();
      if (lenient) every.policy.leniencies = Policy::lenient().leniencies;
      compare_streams(info.violating, every, std::string(info.id) + " violating", seen);
      compare_streams(info.conforming, every, std::string(info.id) + " conforming", seen);
    }
  }
  // Every rule whose violating example is an error (strict) is among the errors compared.
  for (const RuleInfo& info : all_rules()) {
    if (info.severity == Severity::error) {
      EXPECT_TRUE(seen.contains(info.rule)) << info.id << ": its example found no error";
    }
  }
}

// The validator alone: with errors_only it reports nothing but errors, the same as every_rule's;
// and each check of run_error_checks() finds its error in some input (dropping one fails here).
TEST(ErrorsOnly, ValidatorReportsOnlyTheErrorsOfEveryRule) {
  std::set<Rule> seen;
  for (const Policy& base : policies()) {
    for (const Input& input : all_inputs()) {
      BasicResponseParser<> parser(base);
      if (parser.parse(input.bytes) != ParseStatus::complete) continue;
      for (const RequestMethod method : {RequestMethod::get, RequestMethod::head}) {
        RequestContext request;
        request.method = method;
        Policy errors_policy = base;
        errors_policy.validation = Validation::errors_only;
        FindingList every;
        FindingList errors;
        const Framing fa = examine(parser.response(), request, base, every);
        const Framing fb = examine(parser.response(), request, errors_policy, errors);
        EXPECT_EQ(fa.body, fb.body) << input.name;
        EXPECT_EQ(fa.length, fb.length) << input.name;
        // examine() = framing + validator; the framing decision reports all its findings either
        // way, so the validator's are those past the framing's.
        FindingList framing_only;
        (void)decide_framing(parser.response(), method, framing_only);
        ASSERT_GE(errors.size(), framing_only.size()) << input.name;
        for (std::size_t i = framing_only.size(); i < errors.size(); ++i) {
          EXPECT_EQ(errors[i].severity, Severity::error)
              << input.name << ": " << to_string(errors[i].rule);
          seen.insert(errors[i].rule);
        }
        EXPECT_EQ(every.count(Severity::error), errors.count(Severity::error)) << input.name;
        if (every.dropped() == 0) {
          EXPECT_EQ(error_lines(every), error_lines(errors)) << input.name;
        }
      }
    }
  }
  for (const Rule rule :
       {Rule::status_code_range, Rule::code_101_upgrade, Rule::field_singleton_repeated,
        Rule::field_ows_only_sp_htab, Rule::upgrade_syntax}) {
    EXPECT_TRUE(seen.contains(rule)) << to_string(rule) << ": no input exercises its error check";
  }
}

TEST(ErrorsOnly, IsNotTheDefault) {
  EXPECT_EQ(Policy{}.validation, Validation::every_rule);
  EXPECT_EQ(to_string(Validation::errors_only), "errors-only");
  EXPECT_EQ(to_string(Validation::every_rule), "every-rule");
}

}  // namespace
}  // namespace h1resp::testing
