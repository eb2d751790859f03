// FindingList: a fixed capacity, and counts that stay whole when findings no longer fit, also
// when one list gathers another's (the stream walk gathers the parser's and the chunked
// decoder's findings into each message's).
#include <gtest/gtest.h>

#include <string>

#include "h1resp/finding.hpp"
#include "h1resp/stream.hpp"

namespace h1resp::testing {
namespace {

TEST(FindingList, AppendKeepsWhatTheOtherListOnlyCounted) {
  FindingList other;
  for (std::size_t i = 0; i < FindingList::kCapacity + 5; ++i)
    other.add(Rule::field_value_ctl, Severity::warning, i, 1);
  other.add(Rule::field_value_obs_text, Severity::info, 0, 1);  // counted, not stored
  ASSERT_EQ(other.dropped(), 6U);

  FindingList list;
  list.add(Rule::date_required, Severity::info, 0, 0);
  list.append(other);
  EXPECT_EQ(list.size(), FindingList::kCapacity);
  EXPECT_EQ(list.count(Severity::warning), FindingList::kCapacity + 5);
  EXPECT_EQ(list.count(Severity::info), 2U);
  // One stored finding of `list` and 54 of `other`: 49 did not fit in `list`.
  EXPECT_EQ(list.dropped(), 1 + FindingList::kCapacity + 6 - FindingList::kCapacity);
  EXPECT_EQ(list.verdict(), Verdict::warn);

  FindingList empty;
  empty.append(FindingList{});
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.verdict(), Verdict::accept);
}

// Copies copy only the stored findings (the other slots are never written): a copy must still
// be the whole list, counts and drops included, and an assignment must replace a longer list.
bool same_list(const FindingList& a, const FindingList& b) {
  if (a.size() != b.size() || a.dropped() != b.dropped()) return false;
  for (const Severity s : {Severity::info, Severity::warning, Severity::error}) {
    if (a.count(s) != b.count(s)) return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].rule != b[i].rule || a[i].severity != b[i].severity || a[i].offset != b[i].offset ||
        a[i].length != b[i].length || a[i].detail != b[i].detail) {
      return false;
    }
  }
  return true;
}

TEST(FindingList, CopiesAreTheWholeList) {
  FindingList full;
  for (std::size_t i = 0; i < FindingList::kCapacity + 3; ++i)
    full.add(Rule::field_value_ctl, i % 2 == 0 ? Severity::warning : Severity::error, i, 1,
             i % 3 == 0 ? "three" : "");
  FindingList few;
  few.add(Rule::date_required, Severity::info, 7, 0, "no Date");

  const FindingList copy(full);  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_TRUE(same_list(copy, full));
  EXPECT_EQ(copy.verdict(), Verdict::reject);
  EXPECT_EQ(copy.dropped(), 3U);

  FindingList other;  // as full as `full`, with other findings in every slot
  for (std::size_t i = 0; i < FindingList::kCapacity; ++i)
    other.add(Rule::field_value_obs_text, Severity::info, 1000 + i, 2);
  FindingList assigned = other;
  assigned = few;  // a shorter list replaces a full one
  EXPECT_TRUE(same_list(assigned, few));
  EXPECT_EQ(assigned.verdict(), Verdict::accept);
  EXPECT_EQ(assigned.begin()->detail, "no Date");
  assigned = full;  // and a longer one a shorter one, whose old slots hold other findings
  EXPECT_TRUE(same_list(assigned, full));

  const FindingList& alias = assigned;
  assigned = alias;  // self-assignment keeps the list
  EXPECT_TRUE(same_list(assigned, full));

  const FindingList value_initialized{};
  EXPECT_TRUE(value_initialized.empty());
  EXPECT_EQ(value_initialized.begin(), value_initialized.end());
}

// A list full of warnings still tells why a message is rejected: the first error that did not
// fit is kept aside, through copies, appends and rollbacks, and reporters can show it.
TEST(FindingList, TheFirstErrorIsKeptWhenTheListIsFull) {
  FindingList full;
  for (std::size_t i = 0; i < FindingList::kCapacity; ++i)
    full.add(Rule::field_value_ctl, Severity::warning, i, 1);
  EXPECT_EQ(full.first_error(), nullptr);
  const FindingList::Mark before_errors = full.mark();
  full.add(Rule::framing_cl_conflict, Severity::error, 500, 17, "first");
  full.add(Rule::framing_cl_syntax, Severity::error, 600, 3, "second");
  ASSERT_NE(full.first_error(), nullptr);
  EXPECT_EQ(full.first_error()->rule, Rule::framing_cl_conflict);
  EXPECT_EQ(full.first_error()->offset, 500U);
  EXPECT_EQ(full.first_error()->detail, "first");
  EXPECT_FALSE(full.stores(full.first_error()));
  EXPECT_FALSE(full.contains(Rule::framing_cl_conflict));
  EXPECT_EQ(full.dropped(), 2U);
  EXPECT_EQ(full.verdict(), Verdict::reject);

  // Copies and assignments keep it.
  const FindingList copy(full);  // NOLINT(performance-unnecessary-copy-initialization)
  ASSERT_NE(copy.first_error(), nullptr);
  EXPECT_EQ(copy.first_error()->rule, Rule::framing_cl_conflict);
  FindingList assigned;
  assigned = full;
  ASSERT_NE(assigned.first_error(), nullptr);
  EXPECT_EQ(assigned.first_error()->offset, 500U);

  // A list that gathers it keeps the other list's error when it has none of its own.
  FindingList gathering;
  gathering.append(full);
  ASSERT_NE(gathering.first_error(), nullptr);
  EXPECT_EQ(gathering.first_error()->rule, Rule::framing_cl_conflict);
  FindingList with_own_error;
  with_own_error.add(Rule::status_code_range, Severity::error, 9, 3);
  with_own_error.append(full);
  ASSERT_NE(with_own_error.first_error(), nullptr);
  EXPECT_EQ(with_own_error.first_error()->rule, Rule::status_code_range);
  EXPECT_TRUE(with_own_error.stores(with_own_error.first_error()));

  // A rollback to before the errors forgets it, one to after keeps it; clear() forgets it.
  FindingList rolled = full;
  const FindingList::Mark after_errors = rolled.mark();
  rolled.add(Rule::framing_te_unknown, Severity::error, 700, 1);
  rolled.rollback(after_errors);
  ASSERT_NE(rolled.first_error(), nullptr);
  EXPECT_EQ(rolled.first_error()->rule, Rule::framing_cl_conflict);
  rolled.rollback(before_errors);
  EXPECT_EQ(rolled.first_error(), nullptr);
  EXPECT_EQ(rolled.verdict(), Verdict::warn);
  full.clear();
  EXPECT_EQ(full.first_error(), nullptr);
}

// A response whose parser notes fill its list: the stream's message still counts the warning
// that came last, and says that findings were dropped.
TEST(FindingList, StreamMessagesCountTheParsersDroppedFindings) {
  std::string bytes = "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nA: ";
  bytes.append(FindingList::kCapacity + 2, '\x18');   // a note per CTL kept by value_ctl
  bytes += "\r\nB : x\r\nContent-Length: 0\r\n\r\n";  // and a warning after them
  StreamOptions options;
  options.policy = Policy::strict().allow(Leniency::value_ctl).allow(Leniency::ws_before_colon);
  options.closed = true;
  ResponseStream stream(bytes, options);
  StreamMessage m;
  ASSERT_TRUE(stream.next(m));
  ASSERT_EQ(m.status, ParseStatus::complete);
  EXPECT_NE(m.findings.dropped(), 0U);
  EXPECT_FALSE(m.findings.contains(Rule::field_ws_before_colon));  // not stored...
  // ...but counted: kCapacity + 2 CTL notes and the whitespace before the colon, at least.
  EXPECT_GE(m.findings.count(Severity::warning) + m.findings.count(Severity::info),
            FindingList::kCapacity + 3);
  EXPECT_NE(m.findings.verdict(), Verdict::accept);
}

}  // namespace
}  // namespace h1resp::testing
