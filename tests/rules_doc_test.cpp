// docs/rules.md is generated from the rule table (parser/registry/rule_table.cpp). This test
// renders it again and fails when the committed file differs, so the two cannot drift.
// To regenerate: H1RESP_UPDATE_DOCS=1 build/tests/h1resp_tests --gtest_filter=RulesDoc.*
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "generated_doc.hpp"
#include "h1resp/policy.hpp"
#include "h1resp/rules.hpp"

namespace h1resp::testing {
namespace {

std::string escaped(std::string_view bytes, std::size_t limit = 400) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == limit) {
      out += "… (" + std::to_string(bytes.size()) + " bytes in all)";
      break;
    }
    const auto c = static_cast<unsigned char>(bytes[i]);
    switch (c) {
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '`':
        out += "\\x60";
        break;
      default:
        if (c >= 0x20 && c < 0x7F) {
          out += static_cast<char>(c);
        } else {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        }
    }
  }
  return out;
}

std::string_view group_title(char letter) {
  switch (letter) {
    case 'A':
      return "A. Status line";
    case 'B':
      return "B. Field syntax";
    case 'C':
      return "C. Framing and body length";
    case 'D':
      return "D. Status codes and class rules";
    case 'E':
      return "E. 304 Not Modified";
    case 'F':
      return "F. Field values";
    case 'G':
      return "G. Historic dialects (W3C 1992, RFC 1945, RFC 2068)";
    case 'H':
      return "H. Unofficial codes and reason phrases";
    default:
      return "L. h1resp's limits and stream states";
  }
}

// How the API takes what a rule needs besides the response bytes.
std::string_view context_api(Context c) {
  switch (c) {
    case Context::none:
      return "the response bytes";
    case Context::request_method:
      return "the request method: `decide_framing(response, method, ...)`, "
             "`RequestContext::method`, `StreamOptions::methods`, `h1resp check --method`";
    case Context::request:
      return "more of the request: `RequestContext` with `known = true` (version, Expect, Range, "
             "conditionals, Upgrade, Accept), e.g. from `request_context(request_bytes)` "
             "(`h1resp check --request FILE`)";
    case Context::reference_200:
      return "the 200 the same request gets: `RequestContext::reference_200` and "
             "`reference_length` (`h1resp check --reference FILE`; `h1resp probe` sets them from "
             "its own GET)";
    case Context::stream:
      return "the bytes around the message: `ResponseStream` (what follows it, the end of input, "
             "`StreamOptions::exact_requests`)";
    case Context::proxy_output:
      return "a proxy's own output: `RequestContext::proxy_output = true` (`h1resp check "
             "--proxy-output`), with the client's request (`--request FILE`) and for D10 the "
             "1xx responses received upstream (`upstream_interim`, `--upstream-interim N`)";
    case Context::cache:
      return "a cache's stored response: `RequestContext::reference_200` (`h1resp check "
             "--reference FILE`)";
  }
  return "";
}

std::string render() {
  std::ostringstream md;
  md << "# h1resp rules\n\n"
     << "Generated from `parser/registry/rule_table.cpp` by `tests/rules_doc_test.cpp`; do not "
        "edit by hand (`H1RESP_UPDATE_DOCS=1 build/tests/h1resp_tests "
        "--gtest_filter=RulesDoc.*` regenerates it). `h1resp check --explain ID` prints one "
        "entry.\n\n"
     << "Every finding names one of these rules. Ids and catalog entries (A01-H09) are those of "
        "the project's rule catalog; the L entries are h1resp's own limits and stream states, "
        "each refining the catalog entry named beside it.\n\n"
     << "**Severity** is the default one: `error` — the message is malformed, or two recipients "
        "could disagree on where it ends or what it means: a proxy must not forward it as is; "
        "`warning` — it violates a MUST or SHOULD but can be forwarded safely; `info` — worth "
        "knowing. The verdict is `reject` with any error, `warn` with any warning, else "
        "`accept`. Some checks report a rule with another severity where the bytes make the "
        "difference (e.g. a repeated Location whose values differ is an error).\n\n"
     << "**Examples** are exact bytes, escaped: `\\r\\n` is CRLF. Each rule's violating example "
        "produces the rule and its conforming example does not "
        "(`tests/rule_examples_test.cpp` checks both).\n\n"
     << "## Rules that need more than the response bytes\n\n"
     << "| rule | needs | how the API takes it |\n|---|---|---|\n";
  for (const RuleInfo& r : all_rules()) {
    if (r.context == Context::none) continue;
    md << "| `" << r.id << "` (" << r.catalog << ") | " << to_string(r.context) << " | "
       << context_api(r.context) << " |\n";
  }
  md << "\n## Leniencies\n\n"
     << "Each is off in the strict policy (the default) and on in `Policy::lenient()` "
        "(`h1resp check --policy lenient`, or one at a time with `--allow NAME`). When it "
        "applies, the use is recorded as a warning finding with the rule it relaxes.\n\n"
     << "| name | rule | what can go wrong |\n|---|---|---|\n";
  for (const LeniencyInfo& l : all_leniencies()) {
    md << "| `" << l.name << "` | `" << to_string(l.rule) << "` | " << l.security << " |\n";
  }
  char group = 0;
  for (const RuleInfo& r : all_rules()) {
    const char letter = r.rule >= Rule::limit_section_size ? 'L' : r.catalog[0];
    if (letter != group) {
      group = letter;
      md << "\n## " << group_title(letter) << "\n";
    }
    md << "\n### `" << r.id << "` (" << r.catalog << ")\n\n"
       << "**" << to_string(r.severity) << "** · " << to_string(r.level) << " · " << r.source;
    if (r.context != Context::none) md << " · needs: " << to_string(r.context);
    md << "\n\n" << r.summary << ".\n\n" << r.explanation << "\n\n";
    if (!r.example_request.empty()) md << "- Request: `" << escaped(r.example_request) << "`\n";
    if (!r.example_reference.empty()) {
      md << (r.context == Context::cache ? "- Stored response: `" : "- Reference 200: `")
         << escaped(r.example_reference) << "`\n";
    }
    if (r.example_upstream_interim != 0) {
      md << "- Received upstream: " << int{r.example_upstream_interim} << " 1xx response(s)\n";
    }
    md << "- Violating: `" << escaped(r.violating) << "`\n"
       << "- Conforming: `" << escaped(r.conforming) << "`\n";
  }
  return md.str();
}

TEST(RulesDoc, DocsRulesMdIsGeneratedFromTheRuleTable) {
  expect_generated_doc("docs/rules.md", render(), "RulesDoc.*");
}

}  // namespace
}  // namespace h1resp::testing
