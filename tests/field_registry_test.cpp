// The field registry's lookup: a perfect hash with a word-wise, case-insensitive comparison.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "guard_pages.hpp"
#include "h1resp/parser.hpp"
#include "registry/field_registry.hpp"

namespace h1resp::detail {
namespace {

std::string with_case(std::string_view name, int variant) {
  std::string s(name);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c < 'A' || (c > 'Z' && c < 'a') || c > 'z') continue;
    const bool upper = variant == 0 ? false : variant == 1 ? true : (i % 2 == 0);
    s[i] = upper ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
  }
  return s;
}

constexpr FieldIndex::Scope kScopes[] = {FieldIndex::Scope::every_field,
                                         FieldIndex::Scope::framing_fields,
                                         FieldIndex::Scope::error_fields};

// The id a name gets from an index of `scope` (written out here, not taken from the code): the
// framing decision's three fields, and for errors_only also Upgrade, Location, Content-Type.
FieldId expected_id(FieldId id, FieldIndex::Scope scope) {
  const bool framing = id == FieldId::content_length || id == FieldId::transfer_encoding ||
                       id == FieldId::connection;
  const bool error =
      framing || id == FieldId::upgrade || id == FieldId::location || id == FieldId::content_type;
  switch (scope) {
    case FieldIndex::Scope::framing_fields:
      return framing ? id : FieldId::other;
    case FieldIndex::Scope::error_fields:
      return error ? id : FieldId::other;
    case FieldIndex::Scope::every_field:
      break;
  }
  return id;
}

std::string to_string(FieldIndex::Scope scope) {
  return scope == FieldIndex::Scope::every_field      ? "every field"
         : scope == FieldIndex::Scope::framing_fields ? "framing fields"
                                                      : "error fields";
}

TEST(FieldRegistry, EveryKnownNameInAnyCaseFindsItsId) {
  for (std::size_t k = 0; k < kFieldIdCount; ++k) {
    const FieldInfo& info = field_info(static_cast<FieldId>(k));
    EXPECT_EQ(static_cast<std::size_t>(info.id), k);
    for (int variant = 0; variant < 3; ++variant) {
      EXPECT_EQ(field_id(with_case(info.name, variant)), info.id) << info.name << " " << variant;
    }
  }
}

TEST(FieldRegistry, NearMissesAreUnknown) {
  for (std::size_t k = 0; k < kFieldIdCount; ++k) {
    const std::string name(field_info(static_cast<FieldId>(k)).name);
    EXPECT_EQ(field_id(name + "x"), FieldId::other) << name;
    // A prefix is another name only if it is one ("TE" is not a prefix of any; none are).
    const FieldId prefix = field_id(name.substr(0, name.size() - 1));
    EXPECT_TRUE(prefix == FieldId::other || field_info(prefix).name.size() == name.size() - 1)
        << name;
    for (std::size_t i = 0; i < name.size(); ++i) {
      std::string changed = name;
      changed[i] = changed[i] == '-' ? '_' : '^';  // '^' folds to '~': no known name has either
      EXPECT_EQ(field_id(changed), FieldId::other) << changed;
    }
  }
  EXPECT_EQ(field_id(""), FieldId::other);
  EXPECT_EQ(field_id("X-Custom"), FieldId::other);
  EXPECT_EQ(field_id(std::string(25, 'a')), FieldId::other);
  EXPECT_EQ(field_id("Content-Security-Policy"), FieldId::other);
}

TEST(FieldRegistry, IndexCountsFirstNextAndRepeats) {
  BasicResponseParser<> parser;
  ASSERT_EQ(parser.parse("HTTP/1.1 200 OK\r\nSet-Cookie: a\r\nDate: x\r\nset-cookie: b\r\n"
                         "X: y\r\nSET-COOKIE: c\r\n\r\n"),
            ParseStatus::complete);
  const FieldIndex index(parser.response());
  EXPECT_EQ(index.count(FieldId::set_cookie), 3U);
  EXPECT_EQ(index.first(FieldId::set_cookie), 0U);
  EXPECT_EQ(index.next(FieldId::set_cookie, 0), 2U);
  EXPECT_EQ(index.next(FieldId::set_cookie, 2), 4U);
  EXPECT_EQ(index.next(FieldId::set_cookie, 4), 5U);  // field_count(): no more
  EXPECT_TRUE(index.has(FieldId::date));
  EXPECT_FALSE(index.has(FieldId::etag));
  EXPECT_EQ(index.first(FieldId::etag), 5U);
  EXPECT_EQ(index.repeated(), std::uint64_t{1} << static_cast<int>(FieldId::set_cookie));
  EXPECT_EQ(index.id_at(3), FieldId::other);
}

// Past FieldIndex::kCapacity lines the ids are not stored: known fields there are still found,
// counted and walked, and a field first seen there has its first line there.
TEST(FieldRegistry, IndexBeyondItsCapacity) {
  constexpr std::size_t kLines = FieldIndex::kCapacity + 40;
  std::string bytes = "HTTP/1.1 200 OK\r\nSet-Cookie: a\r\n";
  for (std::size_t i = 1; i < kLines - 3; ++i)
    bytes += "X-" + std::to_string(i) + ": v\r\n";
  bytes += "Set-Cookie: b\r\nETag: \"e\"\r\nset-cookie: c\r\n\r\n";
  Policy policy;
  policy.limits.max_fields = kLines;
  BasicResponseParser<kLines> parser(policy);
  ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
  ASSERT_EQ(parser.response().field_count(), kLines);
  const FieldIndex index(parser.response());
  EXPECT_EQ(index.count(FieldId::set_cookie), 3U);
  EXPECT_EQ(index.first(FieldId::set_cookie), 0U);
  EXPECT_EQ(index.next(FieldId::set_cookie, 0), kLines - 3);
  EXPECT_EQ(index.next(FieldId::set_cookie, kLines - 3), kLines - 1);
  EXPECT_EQ(index.first(FieldId::etag), kLines - 2);
  EXPECT_EQ(index.id_at(kLines - 2), FieldId::etag);
  EXPECT_EQ(index.count(FieldId::etag), 1U);
  EXPECT_EQ(index.repeated(), std::uint64_t{1} << static_cast<int>(FieldId::set_cookie));
  EXPECT_EQ(index.present(),
            index.repeated() | std::uint64_t{1} << static_cast<int>(FieldId::etag));
}

// The framing decision's index tells the three framing fields apart past its capacity too,
// where names are classified again on each lookup, and nothing else.
TEST(FieldRegistry, FramingFieldsOnlyIndexBeyondItsCapacity) {
  constexpr std::size_t kLines = FieldIndex::kCapacity + 40;
  std::string bytes = "HTTP/1.1 200 OK\r\nConnection: close\r\nDate: x\r\n";
  for (std::size_t i = 2; i < kLines - 4; ++i)
    bytes += "X-" + std::to_string(i) + ": v\r\n";
  bytes +=
      "content-length: 1\r\nETag: \"e\"\r\nTRANSFER-ENCODING: chunked\r\nConnection: x\r\n\r\n";
  Policy policy;
  policy.limits.max_fields = kLines;
  BasicResponseParser<kLines> parser(policy);
  ASSERT_EQ(parser.parse(bytes), ParseStatus::complete);
  ASSERT_EQ(parser.response().field_count(), kLines);
  const FieldIndex index(parser.response(), FieldIndex::Scope::framing_fields);
  const auto bit = [](FieldId id) { return std::uint64_t{1} << static_cast<int>(id); };
  // The errors_only scope sees the same fields here, and the ETag line as other too.
  const FieldIndex errors(parser.response(), FieldIndex::Scope::error_fields);
  EXPECT_EQ(errors.present(), index.present());
  EXPECT_EQ(errors.id_at(kLines - 3), FieldId::other);
  EXPECT_EQ(index.present(), bit(FieldId::connection) | bit(FieldId::content_length) |
                                 bit(FieldId::transfer_encoding));
  EXPECT_EQ(index.repeated(), bit(FieldId::connection));
  EXPECT_EQ(index.first(FieldId::content_length), kLines - 4);
  EXPECT_EQ(index.id_at(kLines - 3), FieldId::other);  // ETag
  EXPECT_EQ(index.id_at(1), FieldId::other);           // Date
  EXPECT_EQ(index.id_at(kLines - 2), FieldId::transfer_encoding);
  EXPECT_EQ(index.next(FieldId::connection, 0), kLines - 1);
  EXPECT_EQ(index.count(FieldId::connection), 2U);
}

// The index reads names with word loads that must stay inside the response's bytes: every known
// name, in every case, as the last field of bytes that end with the header section (and as the
// first, right after the shortest status line), is still found, and a near miss is not: one
// byte more, or one byte changed at the start, in the middle (the word only names over 16 bytes
// compare) or at the end.
TEST(FieldRegistry, IndexFindsNamesAtTheEndsOfTheBytes) {
  for (std::size_t k = 0; k < kFieldIdCount; ++k) {
    const FieldInfo& info = field_info(static_cast<FieldId>(k));
    for (int variant = 0; variant < 3; ++variant) {
      const std::string name = with_case(info.name, variant);
      std::vector<std::string> misses = {name + "x"};
      for (const std::size_t at : {std::size_t{0}, name.size() / 2, name.size() - 1}) {
        std::string changed = name;
        changed[at] = '#';  // a tchar that no known name has
        misses.push_back(changed);
      }
      for (const std::string& field : {name, misses[0], misses[1], misses[2], misses[3]}) {
        const bool miss = field != name;
        for (const std::string& bytes : {"HTTP/1.1 200 OK\r\nX: y\r\n" + field + ": v\r\n\r\n",
                                         "HTTP/1.1 200 \r\n" + field + ":\r\n\r\n"}) {
          BasicResponseParser<> parser;
          ASSERT_EQ(parser.parse(bytes), ParseStatus::complete) << bytes;
          for (const FieldIndex::Scope scope : kScopes) {
            const FieldIndex index(parser.response(), scope);
            const std::size_t last = parser.response().field_count() - 1;
            EXPECT_EQ(index.id_at(last), miss ? FieldId::other : expected_id(info.id, scope))
                << bytes << " (" << to_string(scope) << ")";
          }
        }
      }
    }
  }
}

#if defined(H1RESP_HAVE_GUARD_PAGES)
// The same names with the hardware checking the bounds: the bytes end right before an
// inaccessible page, or start right after one, so a word load one byte outside them faults
// (AddressSanitizer cannot see an over-read that stays inside a std::string's capacity). The
// shortest sections (a bare LF after the colon, then the empty line) leave the fewest bytes
// after the last name, so the lookup must choose its general path there; the longer ones put
// names on the fast path, whose words end at most at the last byte.
TEST(FieldRegistry, IndexStaysInsideBytesBetweenGuardPages) {
  const h1resp::testing::GuardPages guard;
  ASSERT_TRUE(guard.ok());
  Policy policy;  // the bare-LF lines leave the fewest bytes after a name
  policy.allow(Leniency::bare_lf);
  std::size_t checked = 0;
  for (std::size_t k = 0; k < kFieldIdCount; ++k) {
    const FieldInfo& info = field_info(static_cast<FieldId>(k));
    for (int variant = 0; variant < 3; ++variant) {
      const std::string name = with_case(info.name, variant);
      for (const std::string& bytes :
           {"HTTP/1.1 200 \r\n" + name + ":\r\n\r\n", "HTTP/1.1 200 \r\n" + name + ":\n\n",
            "HTTP/1.1 200 OK\r\nX: y\r\n" + name + ": v\r\n\r\n"}) {
        ASSERT_LE(bytes.size(), guard.page_size());
        for (const bool at_start : {false, true}) {
          BasicResponseParser<> parser(policy);
          ASSERT_EQ(parser.parse(guard.place(bytes, at_start)), ParseStatus::complete) << bytes;
          const Response& r = parser.response();
          for (const FieldIndex::Scope scope : kScopes) {
            const FieldIndex index(r, scope);  // a fault ends the test
            EXPECT_EQ(index.id_at(r.field_count() - 1), expected_id(info.id, scope))
                << bytes << " (" << to_string(scope) << ")";
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, kFieldIdCount * 3 * 3 * 2 * std::size(kScopes));
}
#endif

// The union of the lines' flags is what lets the validator skip its per-line checks: zero when
// no line needed a leniency, and every flag a line has when some did.
TEST(FieldRegistry, IndexKeepsTheUnionOfTheLineFlags) {
  BasicResponseParser<> strict;
  ASSERT_EQ(strict.parse("HTTP/1.1 200 OK\r\nA: b\r\nDate: x\r\n\r\n"), ParseStatus::complete);
  EXPECT_EQ(FieldIndex(strict.response()).line_flags(), 0U);

  BasicResponseParser<> lenient(Policy::lenient());
  ASSERT_EQ(lenient.parse("HTTP/1.1 200 OK\r\nA: b\x0b\r\nB: c\r\n d\r\nE : f\r\n\r\n"),
            ParseStatus::complete);
  const Response& r = lenient.response();
  ASSERT_EQ(r.field_count(), 3U);
  EXPECT_EQ(FieldIndex(r).line_flags(),
            r.field_lines[0].flags | r.field_lines[1].flags | r.field_lines[2].flags);
  EXPECT_EQ(FieldIndex(r).line_flags(),
            FieldLine::has_ctl | FieldLine::obs_folded | FieldLine::ws_before_colon);
}

}  // namespace
}  // namespace h1resp::detail
