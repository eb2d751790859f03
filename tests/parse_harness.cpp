#include "parse_harness.hpp"

namespace h1resp::testing {

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  os << "{" << to_string(o.status);
  if (o.status == ParseStatus::error) {
    os << " " << to_string(o.error_rule) << " @" << o.error_offset << "+" << o.error_length << " ("
       << o.error_detail << ")";
  }
  if (o.status == ParseStatus::complete) os << " header_size=" << o.header_size;
  os << " HTTP/" << o.version_major << "." << o.version_minor << " " << o.code << " [" << o.reason
     << "]";
  for (std::size_t i = 0; i < o.fields.size(); ++i) {
    os << " (" << o.fields[i].first << ": " << o.fields[i].second << " #" << o.field_flags[i]
       << ")";
  }
  for (std::size_t i = 0; i < o.findings.size(); ++i) {
    os << " note " << to_string(o.findings[i].first) << " @" << o.findings[i].second;
    if (i < o.finding_rests.size()) {
      const Outcome::FindingRest& rest = o.finding_rests[i];
      os << "+" << rest.length << " " << to_string(rest.severity) << " (" << rest.detail << ")";
    }
  }
  return os << "}";
}

namespace {

Outcome observe(const ResponseParser& parser) {
  Outcome o;
  o.status = parser.status();
  if (o.status == ParseStatus::error) {
    o.error_rule = parser.error().rule;
    o.error_offset = parser.error().offset;
    o.error_length = parser.error().length;
    o.error_detail = std::string(parser.error().detail);
  }
  const Response& r = parser.response();
  if (o.status == ParseStatus::complete) o.header_size = parser.header_size();
  o.version_major = r.version_major;
  o.version_minor = r.version_minor;
  o.code = r.status;
  o.reason = std::string(r.reason_phrase());
  for (std::size_t i = 0; i < r.field_count(); ++i) {
    const Field f = r.field(i);
    o.fields.emplace_back(std::string(f.name), std::string(f.value));
    o.field_flags.push_back(f.flags);
  }
  for (const Finding& f : parser.findings()) {
    o.findings.emplace_back(f.rule, f.offset);
    o.finding_rests.push_back({f.severity, f.length, std::string(f.detail)});
  }
  return o;
}

}  // namespace

Outcome parse_in_pieces(std::string_view input, const Policy& policy, KernelId kernel,
                        const std::vector<std::size_t>& cuts, bool finish) {
  BasicResponseParser<> parser(policy);
  EXPECT_TRUE(parser.use_kernel(kernel));
  Outcome last;
  // Keep the last buffer alive: the outcome's views point into it until observed.
  std::unique_ptr<ExactBuffer> buffer;
  auto feed_prefix = [&](std::size_t n) {
    buffer = std::make_unique<ExactBuffer>(input.substr(0, n));
    parser.feed(buffer->view());
  };
  for (std::size_t cut : cuts)
    feed_prefix(cut);
  feed_prefix(input.size());
  if (finish) parser.finish();
  return observe(parser);
}

Outcome parse_everywhere(std::string_view input, const Policy& policy, bool finish) {
  const Outcome reference = parse_in_pieces(input, policy, KernelId::scalar, {}, finish);
  for (KernelId kernel : supported_kernels()) {
    SCOPED_TRACE(std::string("kernel ") + std::string(to_string(kernel)));
    EXPECT_EQ(parse_in_pieces(input, policy, kernel, {}, finish), reference) << "one-shot";
    // Large inputs (limit tests) are cut at fewer points: the quadratic copying would be slow,
    // and every code path is reached by the small ones.
    const std::size_t step = input.size() > 4096 ? input.size() / 128 + 1 : 1;
    for (std::size_t cut = 0; cut < input.size(); cut += step) {
      EXPECT_EQ(parse_in_pieces(input, policy, kernel, {cut}, finish), reference)
          << "split at " << cut;
    }
    const std::size_t piece = input.size() > 4096 ? 61 : 1;
    std::vector<std::size_t> pieces;
    for (std::size_t cut = 0; cut < input.size(); cut += piece)
      pieces.push_back(cut);
    EXPECT_EQ(parse_in_pieces(input, policy, kernel, pieces, finish), reference)
        << "in pieces of " << piece;
  }
  return reference;
}

}  // namespace h1resp::testing
