// docs/llhttp-divergences.md is generated from the divergence table
// (interop/llhttp/divergences.cpp), the one the oracle tests, the differential fuzzer and
// `h1resp check --compare llhttp` use. This test renders it again and fails when the committed
// file differs. To regenerate:
//   H1RESP_UPDATE_DOCS=1 build/tests/h1resp_tests --gtest_filter=DivergencesDoc.*
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "generated_doc.hpp"
#include "h1resp/rules.hpp"
#include "llhttp/divergences.hpp"

namespace h1resp::testing {
namespace {

// Table cells: a "|" would end the cell, a newline the row.
std::string cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

struct Section {
  interop::DivergenceSide side;
  std::string_view title;
  std::string_view intro;
};

constexpr Section kSections[] = {
    {interop::DivergenceSide::h1resp_rejects, "h1resp rejects what llhttp accepts",
     "h1resp's strict policy refuses these; llhttp 8.1 in its default (non-strict, non-lenient) "
     "build reads them as a response. Where the rule has a leniency, h1resp accepts them too "
     "when it is on, with a warning."},
    {interop::DivergenceSide::framing, "Both accept, the body ends elsewhere",
     "Both parsers read the header section, but delimit the body differently: the cases a proxy "
     "must refuse, since its upstream and its client could disagree on where the response ends."},
    {interop::DivergenceSide::llhttp_rejects, "llhttp rejects what h1resp accepts",
     "llhttp reports an error for these valid responses."},
};

std::string render() {
  std::ostringstream md;
  md << "# Where h1resp and llhttp disagree\n\n"
        "Generated from `interop/llhttp/divergences.cpp` by `tests/divergences_doc_test.cpp`; "
        "do not edit by hand (`H1RESP_UPDATE_DOCS=1 build/tests/h1resp_tests "
        "--gtest_filter=DivergencesDoc.*`).\n\n"
        "llhttp 8.1 (Debian's `node-llhttp`) is h1resp's differential oracle, in two builds: "
        "as Node.js builds it, and its strict build (`LLHTTP_STRICT_MODE=1`). The unit tests, "
        "the `differential` fuzzer and `h1resp check --compare llhttp|llhttp-strict` read the "
        "same bytes with both parsers. Every disagreement must be one of the entries below, or "
        "the test, the fuzzer or the comparison fails. The strict build refuses a few more "
        "things (a CR not followed by LF, chunk data not followed by CRLF, bytes after "
        "`Connection: close`), all of which h1resp refuses too, so those entries do not "
        "arise with it; no entry is needed for the strict build alone.\n\n";
  const auto all = interop::all_divergences();
  md << all.size() << " entries.\n";
  for (const Section& s : kSections) {
    md << "\n## " << s.title << "\n\n" << s.intro << "\n\n";
    if (s.side == interop::DivergenceSide::llhttp_rejects) {
      md << "| id | llhttp error | what happens | why h1resp accepts |\n|---|---|---|---|\n";
    } else {
      md << "| id | h1resp rule | what happens | why |\n|---|---|---|---|\n";
    }
    for (const interop::Divergence& d : all) {
      if (d.side != s.side) continue;
      md << "| `" << d.id << "` | ";
      if (s.side == interop::DivergenceSide::llhttp_rejects) {
        md << "`" << d.llhttp_error << "`";
      } else if (d.rule != Rule::count_) {
        md << "`" << to_string(d.rule) << "` (" << rule_info(d.rule).catalog << ")";
      } else {
        md << "(none)";
      }
      md << " | " << cell(d.what) << " | " << cell(d.why) << " |\n";
    }
  }
  return md.str();
}

TEST(DivergencesDoc, EveryEntryHasAUniqueIdAnExplanationAndItsSidesField) {
  std::set<std::string_view> ids;
  for (const interop::Divergence& d : interop::all_divergences()) {
    // Named after the parser whose behaviour differs (h1resp- for h1resp's own limits).
    EXPECT_TRUE(d.id.starts_with("llhttp-") || d.id.starts_with("h1resp-")) << d.id;
    EXPECT_TRUE(ids.insert(d.id).second) << "repeated: " << d.id;
    EXPECT_FALSE(d.what.empty()) << d.id;
    EXPECT_FALSE(d.why.empty()) << d.id;
    if (d.side == interop::DivergenceSide::llhttp_rejects) {
      EXPECT_TRUE(d.llhttp_error.starts_with("HPE_")) << d.id;
    } else {
      EXPECT_TRUE(d.llhttp_error.empty()) << d.id;
    }
  }
}

TEST(DivergencesDoc, DocsFileIsGeneratedFromTheTable) {
  expect_generated_doc("docs/llhttp-divergences.md", render(), "DivergencesDoc.*");
}

}  // namespace
}  // namespace h1resp::testing
