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
