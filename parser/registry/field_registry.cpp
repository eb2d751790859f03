// The known fields. Properties follow the RFC that defines each field; a field whose
// definition does not say it may appear in trailers is flagged not_in_trailer (RFC 9110 §6.5.1).
#include "registry/field_registry.hpp"

#include <array>
#include <cstring>

namespace h1resp::detail {
namespace {

using F = FieldInfo;

constexpr std::array<FieldInfo, kFieldIdCount> kFields = {{
    {FieldId::content_length, "Content-Length",
     F::singleton | F::framing | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.6"},
    {FieldId::transfer_encoding, "Transfer-Encoding",
     F::framing | F::hop_by_hop | F::not_in_trailer, "RFC 9112 §6.1"},
    {FieldId::connection, "Connection", F::framing | F::hop_by_hop | F::not_in_trailer,
     "RFC 9110 §7.6.1"},
    {FieldId::keep_alive, "Keep-Alive", F::hop_by_hop | F::not_in_trailer, "RFC 9112 App. C.2.2"},
    {FieldId::proxy_connection, "Proxy-Connection", F::hop_by_hop | F::not_in_trailer,
     "RFC 9112 App. C.2.2"},
    {FieldId::upgrade, "Upgrade", F::hop_by_hop | F::not_in_trailer, "RFC 9110 §7.8"},
    {FieldId::te, "TE", F::request_only | F::hop_by_hop | F::not_in_trailer, "RFC 9110 §10.1.4"},
    {FieldId::trailer, "Trailer", F::not_in_trailer | F::end_to_end, "RFC 9110 §6.6.2"},
    {FieldId::date, "Date", F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §6.6.1"},
    {FieldId::location, "Location", F::singleton | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §10.2.2"},
    {FieldId::content_location, "Content-Location",
     F::singleton | F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.7"},
    {FieldId::content_type, "Content-Type",
     F::singleton | F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.3"},
    {FieldId::content_encoding, "Content-Encoding",
     F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.4"},
    {FieldId::content_language, "Content-Language",
     F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.5"},
    {FieldId::content_range, "Content-Range",
     F::singleton | F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §14.4"},
    {FieldId::content_md5, "Content-MD5", F::deprecated | F::representation | F::end_to_end,
     "RFC 7231 App. B"},
    {FieldId::etag, "ETag", F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.8.3"},
    {FieldId::last_modified, "Last-Modified",
     F::singleton | F::representation | F::not_in_trailer | F::end_to_end, "RFC 9110 §8.8.2"},
    {FieldId::expires, "Expires", F::singleton | F::not_in_trailer | F::end_to_end,
     "RFC 9111 §5.3"},
    {FieldId::cache_control, "Cache-Control", F::not_in_trailer | F::end_to_end, "RFC 9111 §5.2"},
    {FieldId::pragma, "Pragma", F::deprecated | F::end_to_end, "RFC 9111 §5.4"},
    {FieldId::vary, "Vary", F::not_in_trailer | F::end_to_end, "RFC 9110 §12.5.5"},
    {FieldId::age, "Age", F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9111 §5.1"},
    {FieldId::retry_after, "Retry-After", F::singleton | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §10.2.3"},
    {FieldId::allow, "Allow", F::not_in_trailer | F::end_to_end, "RFC 9110 §10.2.1"},
    {FieldId::www_authenticate, "WWW-Authenticate", F::not_in_trailer | F::end_to_end,
     "RFC 9110 §11.6.1"},
    {FieldId::proxy_authenticate, "Proxy-Authenticate", F::not_in_trailer | F::hop_by_hop,
     "RFC 9110 §11.7.1"},
    {FieldId::server, "Server", F::singleton | F::end_to_end, "RFC 9110 §10.2.4"},
    {FieldId::set_cookie, "Set-Cookie", F::not_in_trailer | F::end_to_end, "RFC 6265 §4.1"},
    {FieldId::set_cookie2, "Set-Cookie2", F::deprecated | F::not_in_trailer | F::end_to_end,
     "RFC 6265 §9.4"},
    {FieldId::link, "Link", F::end_to_end, "RFC 8288 §3"},
    {FieldId::warning, "Warning", F::deprecated | F::end_to_end, "RFC 9111 §5.5"},
    {FieldId::accept_ranges, "Accept-Ranges", F::end_to_end, "RFC 9110 §14.3"},
    {FieldId::uri, "URI", F::deprecated | F::end_to_end, "RFC 2068 §19.6.2.5; W3C HTRESP (1992)"},
    {FieldId::method, "Method", F::deprecated | F::end_to_end, "W3C HTRESP (1992), 303 Method"},
    {FieldId::public_, "Public", F::deprecated | F::end_to_end,
     "RFC 2068 §14.35; RFC 2616 §19.6.3"},
    {FieldId::content_base, "Content-Base", F::deprecated | F::end_to_end,
     "RFC 2068 §14.11; RFC 2616 §19.6.3"},
    {FieldId::content_version, "Content-Version", F::deprecated | F::end_to_end,
     "RFC 2068 §19.6.2.2"},
    {FieldId::derived_from, "Derived-From", F::deprecated | F::end_to_end, "RFC 2068 §19.6.2.3"},
    {FieldId::host, "Host", F::request_only | F::singleton | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §7.2"},
    {FieldId::user_agent, "User-Agent", F::request_only | F::end_to_end, "RFC 9110 §10.1.5"},
    {FieldId::authorization, "Authorization", F::request_only | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §11.6.2"},
    {FieldId::proxy_authorization, "Proxy-Authorization",
     F::request_only | F::not_in_trailer | F::hop_by_hop, "RFC 9110 §11.7.2"},
    {FieldId::range, "Range", F::request_only | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §14.2"},
    {FieldId::if_match, "If-Match", F::request_only | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §13.1.1"},
    {FieldId::if_none_match, "If-None-Match", F::request_only | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §13.1.2"},
    {FieldId::if_modified_since, "If-Modified-Since",
     F::request_only | F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §13.1.3"},
    {FieldId::if_unmodified_since, "If-Unmodified-Since",
     F::request_only | F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §13.1.4"},
    {FieldId::if_range, "If-Range",
     F::request_only | F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §13.1.5"},
    {FieldId::expect, "Expect", F::request_only | F::not_in_trailer | F::end_to_end,
     "RFC 9110 §10.1.1"},
    {FieldId::cookie, "Cookie", F::request_only | F::end_to_end, "RFC 6265 §5.4"},
    {FieldId::referer, "Referer", F::request_only | F::singleton | F::end_to_end,
     "RFC 9110 §10.1.3"},
    {FieldId::from, "From", F::request_only | F::singleton | F::end_to_end, "RFC 9110 §10.1.2"},
    {FieldId::max_forwards, "Max-Forwards",
     F::request_only | F::singleton | F::not_in_trailer | F::end_to_end, "RFC 9110 §7.6.2"},
    {FieldId::accept, "Accept", F::request_only | F::end_to_end, "RFC 9110 §12.5.1"},
    {FieldId::accept_encoding, "Accept-Encoding", F::request_only | F::end_to_end,
     "RFC 9110 §12.5.3"},
    {FieldId::accept_language, "Accept-Language", F::request_only | F::end_to_end,
     "RFC 9110 §12.5.4"},
    {FieldId::accept_charset, "Accept-Charset", F::request_only | F::end_to_end,
     "RFC 9110 §12.5.2"},
}};

constexpr bool table_in_id_order() {
  for (std::size_t i = 0; i < kFields.size(); ++i) {
    if (static_cast<std::size_t>(kFields[i].id) != i) return false;
  }
  return true;
}
static_assert(table_in_id_order());

// ASCII case-insensitive equality against a canonical name of the same length, eight bytes at a
// time. Field names are tokens, and the canonical names hold only letters, digits and "-", so
// folding every byte with | 0x20 is exact here: no two such bytes fold together.
bool same_name(std::string_view name, std::string_view canonical) noexcept {
  constexpr std::uint64_t kFold = 0x2020202020202020ULL;
  std::size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) {
    std::uint64_t a;
    std::uint64_t b;
    std::memcpy(&a, name.data() + i, 8);
    std::memcpy(&b, canonical.data() + i, 8);
    if ((a | kFold) != (b | kFold)) return false;
  }
  for (; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) | 0x20) !=
        (static_cast<unsigned char>(canonical[i]) | 0x20)) {
      return false;
    }
  }
  return true;
}

// The known fields grouped by name length, so a lookup compares against a few names at most.
struct ByLength {
  std::array<std::uint8_t, 24> start{};
  std::array<std::uint8_t, kFieldIdCount> ids{};
};

constexpr ByLength kByLength = [] {
  ByLength t{};
  std::size_t n = 0;
  for (std::size_t length = 0; length + 1 < t.start.size(); ++length) {
    t.start[length] = static_cast<std::uint8_t>(n);
    for (const FieldInfo& f : kFields) {
      if (f.name.size() == length) t.ids[n++] = static_cast<std::uint8_t>(f.id);
    }
  }
  t.start.back() = static_cast<std::uint8_t>(n);
  return t;
}();
static_assert(kByLength.start.back() == kFieldIdCount, "a field name is longer than 22 bytes");

}  // namespace

const FieldInfo& field_info(FieldId id) noexcept {
  return kFields[static_cast<std::size_t>(id)];
}

FieldId field_id(std::string_view name) noexcept {
  if (name.size() + 1 >= kByLength.start.size()) return FieldId::other;
  if (name.empty()) return FieldId::other;
  const auto first = static_cast<unsigned char>(name[0] | 0x20);
  for (std::size_t i = kByLength.start[name.size()]; i < kByLength.start[name.size() + 1]; ++i) {
    const FieldInfo& f = kFields[kByLength.ids[i]];
    // The first byte rules out almost every other name of the same length.
    if (static_cast<unsigned char>(f.name[0] | 0x20) == first && same_name(name, f.name)) {
      return f.id;
    }
  }
  return FieldId::other;
}

FieldIndex::FieldIndex(const Response& response) noexcept : response_(response) {
  const std::size_t n = response.field_count();
  for (std::size_t i = 0; i < n; ++i) {
    const FieldId id = field_id(response.text(response.field_lines[i].name));
    if (i < kCapacity) ids_[i] = id;
    if (id == FieldId::other) continue;
    const auto k = static_cast<std::size_t>(id);
    if (counts_[k]++ == 0) firsts_[k] = static_cast<std::uint32_t>(i);
    lasts_[k] = static_cast<std::uint32_t>(i);
  }
}

FieldId FieldIndex::id_at(std::size_t index) const noexcept {
  if (index < kCapacity) return ids_[index];
  return field_id(response_.text(response_.field_lines[index].name));
}

std::size_t FieldIndex::first(FieldId id) const noexcept {
  return has(id) ? firsts_[static_cast<std::size_t>(id)] : field_count();
}

std::size_t FieldIndex::next(FieldId id, std::size_t index) const noexcept {
  // Most fields appear once: past the last one there is nothing to look for.
  if (!has(id) || index >= lasts_[static_cast<std::size_t>(id)]) return field_count();
  for (std::size_t i = index + 1; i < field_count(); ++i) {
    if (id_at(i) == id) return i;
  }
  return field_count();
}

}  // namespace h1resp::detail
