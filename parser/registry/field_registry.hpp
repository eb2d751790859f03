// The fields h1resp knows by name, with what the RFCs say about each: a table in code, looked up
// once per field line (case-insensitively) by the framing decision and the validator.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <string_view>

#include "h1resp/response.hpp"

namespace h1resp::detail {

enum class FieldId : std::uint8_t {
  // Framing and connection management (RFC 9112 §6, RFC 9110 §7.6)
  content_length,
  transfer_encoding,
  connection,
  keep_alive,
  proxy_connection,
  upgrade,
  te,
  trailer,
  // Response fields this validator reads
  date,
  location,
  content_location,
  content_type,
  content_encoding,
  content_language,
  content_range,
  content_md5,
  etag,
  last_modified,
  expires,
  cache_control,
  pragma,
  vary,
  age,
  retry_after,
  allow,
  www_authenticate,
  proxy_authenticate,
  server,
  set_cookie,
  set_cookie2,
  link,
  warning,
  accept_ranges,
  // Obsolete fields (RFC 2068, RFC 2616) and the 1992 W3C dialect's lines
  uri,
  method,
  public_,
  content_base,
  content_version,
  derived_from,
  // Request-only fields (RFC 9110 §2.2: a response carrying them is odd at best)
  host,
  user_agent,
  authorization,
  proxy_authorization,
  range,
  if_match,
  if_none_match,
  if_modified_since,
  if_unmodified_since,
  if_range,
  expect,
  cookie,
  referer,
  from,
  max_forwards,
  accept,
  accept_encoding,
  accept_language,
  accept_charset,

  count_,
  other = count_,  // not a field h1resp knows
};

inline constexpr std::size_t kFieldIdCount = static_cast<std::size_t>(FieldId::count_);
static_assert(kFieldIdCount < 64, "FieldIndex keeps one bit per field id (and `other`) in 64 bits");

struct FieldInfo {
  enum Flag : std::uint16_t {
    singleton = 1U << 0,       // not a list: at most one field line (RFC 9110 §5.3)
    request_only = 1U << 1,    // defined for requests only (catalog B13)
    deprecated = 1U << 2,      // deprecated or obsoleted (catalog B14)
    framing = 1U << 3,         // decides framing or persistence (CL, TE, Connection)
    hop_by_hop = 1U << 4,      // RFC 9110 §7.6.1: removed by intermediaries
    representation = 1U << 5,  // representation metadata a 304 SHOULD NOT carry (RFC 9110 §15.4.5)
    not_in_trailer = 1U << 6,  // a field whose definition does not allow it in trailers (§6.5.1)
    end_to_end = 1U << 7,      // intended for all recipients: MUST NOT be a connection option
  };
  FieldId id;
  std::string_view name;  // canonical spelling
  std::uint16_t flags;
  std::string_view source;  // where it is defined

  [[nodiscard]] constexpr bool has(Flag f) const noexcept { return (flags & f) != 0; }
};

[[nodiscard]] const FieldInfo& field_info(FieldId id) noexcept;
// One mask per flag bit of FieldInfo: the known fields with that flag, one bit per FieldId.
extern const std::array<std::uint64_t, 16> kFieldsWithFlag;
// The known fields with `flag`, one bit per FieldId (for FieldIndex::present()). Inline: the
// rules ask for these masks on every response.
[[nodiscard]] inline std::uint64_t fields_with(FieldInfo::Flag flag) noexcept {
  return kFieldsWithFlag[static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(flag)))];
}
// The id of a field name (ASCII case-insensitive), or FieldId::other.
[[nodiscard]] FieldId field_id(std::string_view name) noexcept;

// Every field line of a response mapped to its FieldId once, with the first index of each known
// field, so rules look fields up without comparing names again. Fixed capacity: fields past
// kCapacity are still in present() and repeated(), and found by comparing names.
class FieldIndex {
 public:
  static constexpr std::size_t kCapacity = 256;

  // Which names an index tells apart; every other name is FieldId::other.
  enum class Scope : std::uint8_t {
    every_field,
    // Content-Length, Transfer-Encoding, Connection: all the framing decision reads.
    framing_fields,
    // Those, and Upgrade, Location and Content-Type: all the framing decision and the checks
    // that can find an error (Validation::errors_only) read.
    error_fields,
  };

  explicit FieldIndex(const Response& response, Scope scope = Scope::every_field) noexcept;

  // Known fields present, and present more than once, one bit per FieldId.
  [[nodiscard]] std::uint64_t present() const noexcept { return present_; }
  [[nodiscard]] std::uint64_t repeated() const noexcept { return repeated_; }
  // The FieldLine flags of every line, OR-ed: zero when no line needed a leniency, so the
  // checks of leniency-read lines can skip their loop over the lines.
  [[nodiscard]] std::uint8_t line_flags() const noexcept { return line_flags_; }
  [[nodiscard]] bool has(FieldId id) const noexcept {
    return (present_ >> static_cast<std::size_t>(id) & 1) != 0;
  }
  // The number of field lines with `id`. Counted on demand: a field is rarely repeated.
  [[nodiscard]] std::uint32_t count(FieldId id) const noexcept;
  // The index of the first field line with `id`, or field_count() when there is none.
  [[nodiscard]] std::size_t first(FieldId id) const noexcept {
    return has(id) ? firsts_[static_cast<std::size_t>(id)] : field_count();
  }
  // The index of the next field line with `id` after `index`, or field_count().
  [[nodiscard]] std::size_t next(FieldId id, std::size_t index) const noexcept;
  [[nodiscard]] FieldId id_at(std::size_t index) const noexcept;
  [[nodiscard]] std::size_t field_count() const noexcept { return response_.field_count(); }
  [[nodiscard]] const Response& response() const noexcept { return response_; }

 private:
  template <typename Classify>
  void build(Classify classify) noexcept;
  [[nodiscard]] FieldId classify_at(std::size_t index) const noexcept;

  const Response& response_;
  Scope scope_;
  std::uint64_t present_ = 0;
  std::uint64_t repeated_ = 0;
  std::uint8_t line_flags_ = 0;
  // One row more than the known fields: FieldId::other's, written and never read. Not
  // initialised: every line writes its id's row, and a row is read only for ids in present_.
  std::uint32_t firsts_[kFieldIdCount + 1];
  FieldId ids_[kCapacity];
};

}  // namespace h1resp::detail
