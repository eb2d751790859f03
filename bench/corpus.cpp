#include "corpus.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <utility>

namespace h1resp::bench {
namespace {

// splitmix64: tiny, and its output depends on nothing but the seed (unlike the distributions of
// <random>, whose results differ between standard libraries).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is irrelevant here.
  std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t lo, std::size_t hi) noexcept { return lo + below(hi - lo + 1); }
  bool chance(unsigned percent) noexcept { return below(100) < percent; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) noexcept {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kHex = "0123456789abcdef";

// Concatenates; braced lists are evaluated left to right, so the draws of the parts happen in a
// fixed order (the operands of + are not sequenced). It also avoids GCC 12's false -Wrestrict on
// "literal" + std::string.
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const std::string_view part : parts)
    out.append(part);
  return out;
}

std::string random_text(Rng& rng, std::string_view alphabet, std::size_t n) {
  std::string out(n, ' ');
  for (char& c : out)
    c = alphabet[rng.below(alphabet.size())];
  return out;
}

// An IMF-fixdate (RFC 9110 §5.6.7) with the right weekday, from seconds since 1970.
std::string http_date(std::int64_t seconds) {
  static constexpr std::array<const char*, 7> kDays = {"Thu", "Fri", "Sat", "Sun",
                                                       "Mon", "Tue", "Wed"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t days = seconds / 86400;
  const std::int64_t rem = seconds % 86400;
  // Civil date from a day count (H. Hinnant's algorithm).
  const std::int64_t z = days + 719468;
  const std::int64_t era = z / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[days % 7],
                static_cast<int>(day), kMonths[month - 1], static_cast<int>(year),
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

// Around 2024-11-05, when the example responses in corpus/examples/ were captured.
constexpr std::int64_t kNow = 1730817127;

struct Field {
  std::string name;
  std::string value;
};

class Builder {
 public:
  explicit Builder(Corpus& corpus) : corpus_(corpus) {}

  // Appends one message: the status line, `fields`, the empty line, then the first bytes of the
  // body (at most kBodyPrefix: what a first read() typically returns with the header section).
  void add(std::string_view status_line, const std::vector<Field>& fields,
           std::string_view body = {}) {
    static constexpr std::size_t kBodyPrefix = 256;
    Corpus::Entry e;
    e.offset = corpus_.storage.size();
    std::string& s = corpus_.storage;
    s.append(status_line).append("\r\n");
    for (const Field& f : fields) {
      const std::size_t name_at = s.size();
      s.append(f.name);
      if (lowercase_names_) {
        for (std::size_t i = name_at; i < s.size(); ++i)
          s[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
      }
      s.append(": ").append(f.value).append("\r\n");
    }
    s.append("\r\n");
    e.header_size = s.size() - e.offset;
    s.append(body.substr(0, kBodyPrefix));
    e.size = s.size() - e.offset;
    corpus_.header_bytes += e.header_size;
    corpus_.entries.push_back(e);
  }

  // The messages added next have all-lowercase field names, as servers behind HTTP/2-era
  // gateways and proxies (Envoy, many CDNs) send them.
  void lowercase_names(bool on) { lowercase_names_ = on; }

 private:
  Corpus& corpus_;
  bool lowercase_names_ = false;
};

// An HTML-ish body of exactly n bytes.
std::string html_body(std::size_t n) {
  static constexpr std::string_view kPage =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page</title>"
      "</head><body><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></body>"
      "</html>\n";
  std::string out;
  while (out.size() < n)
    out.append(kPage);
  out.resize(n);
  return out;
}

std::string set_cookie(Rng& rng, std::size_t value_size) {
  static constexpr std::array<const char*, 8> kNames = {
      "sessionid", "_ga", "csrftoken", "__cf_bm", "AWSALB", "_gid", "consent", "__Secure-auth"};
  std::string v = rng.pick(kNames);
  v += cat({"=", random_text(rng, kBase64Url, value_size)});
  v += "; Path=/";
  if (rng.chance(60)) v += cat({"; Expires=", http_date(kNow + 86400 * rng.between(1, 400))});
  if (rng.chance(40)) v += cat({"; Max-Age=", std::to_string(3600 * rng.between(1, 9000))});
  if (rng.chance(50)) v += "; Domain=.northwindtrails.example";
  v += "; Secure";
  if (rng.chance(70)) v += "; HttpOnly";
  v += rng.chance(50) ? "; SameSite=Lax" : "; SameSite=None";
  return v;
}

std::string host(Rng& rng) {
  static constexpr std::array<const char*, 10> kHosts = {"cdn.northwindtrails.example",
                                                         "images.northwindtrails.example",
                                                         "www.google-analytics.com",
                                                         "fonts.gstatic.com",
                                                         "api.northwindtrails.example",
                                                         "static.cloudflareinsights.com",
                                                         "js.stripe.com",
                                                         "player.vimeo.com",
                                                         "www.googletagmanager.com",
                                                         "sentry.northwindtrails.example"};
  return std::string("https://") + rng.pick(kHosts);
}

std::string content_security_policy(Rng& rng, std::size_t target) {
  static constexpr std::array<const char*, 10> kDirectives = {
      "script-src", "style-src", "img-src",    "font-src",        "connect-src",
      "frame-src",  "media-src", "worker-src", "frame-ancestors", "form-action"};
  std::string v = "default-src 'self'";
  std::size_t d = 0;
  while (v.size() < target) {
    v += "; ";
    v += kDirectives[d++ % kDirectives.size()];
    v += " 'self'";
    if (rng.chance(30)) v += " 'unsafe-inline'";
    if (rng.chance(20)) v += cat({" 'nonce-", random_text(rng, kAlnum, 22), "'"});
    for (std::size_t n = rng.between(1, 4); n > 0; --n)
      v += cat({" ", host(rng)});
  }
  v += "; upgrade-insecure-requests";
  return v;
}

std::string etag(Rng& rng) {
  std::string v = rng.chance(25) ? "W/\"" : "\"";
  v += random_text(rng, kHex, rng.between(8, 32));
  return v + "\"";
}

std::string request_id(Rng& rng) {
  std::string v = random_text(rng, kHex, 8);
  for (std::size_t n : {4, 4, 4, 12})
    v += cat({"-", random_text(rng, kHex, n)});
  return v;
}

std::string server(Rng& rng) {
  static constexpr std::array<const char*, 9> kServers = {
      "nginx", "nginx/1.25.3", "Apache/2.4.58 (Debian)", "cloudflare",        "AmazonS3",
      "gws",   "envoy",        "Microsoft-IIS/10.0",     "openresty/1.21.4.3"};
  return rng.pick(kServers);
}

// Fields that CDNs and frameworks add to any response; `n` of them, in random order.
void add_common_fields(Rng& rng, std::vector<Field>& fields, std::size_t n, std::int64_t date) {
  std::vector<Field> pool = {
      {"Cache-Control", std::string(rng.pick(std::array<const char*, 6>{
                            "public, max-age=300", "private, no-cache", "no-store",
                            "public, max-age=31536000, immutable",
                            "public, max-age=0, must-revalidate", "s-maxage=600, max-age=60"}))},
      {"ETag", etag(rng)},
      {"Last-Modified", http_date(date - 86400 * static_cast<std::int64_t>(rng.between(1, 900)))},
      {"Expires", http_date(date + 60 * static_cast<std::int64_t>(rng.between(1, 10000)))},
      {"Vary", rng.chance(60) ? "Accept-Encoding" : "Accept-Encoding, Origin"},
      {"Accept-Ranges", "bytes"},
      {"Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", rng.chance(50) ? "DENY" : "SAMEORIGIN"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"Permissions-Policy",
       "camera=(), microphone=(), geolocation=(), interest-cohort=(), payment=(self)"},
      {"Alt-Svc", "h3=\":443\"; ma=86400, h3-29=\":443\"; ma=86400"},
      {"X-Request-Id", request_id(rng)},
      {"Via", rng.chance(50)
                  ? "1.1 varnish"
                  : cat({"1.1 ", random_text(rng, kHex, 16), ".cloudfront.net (CloudFront)"})},
      {"X-Cache", rng.chance(60) ? "Hit from cloudfront" : "Miss from cloudfront"},
      {"Age", std::to_string(rng.between(0, 5000))},
      {"CF-RAY", random_text(rng, kHex, 16) + "-AMS"},
      {"Access-Control-Allow-Origin", "*"},
      {"Timing-Allow-Origin", "*"},
      {"Server-Timing", cat({"cdn-cache;desc=HIT, edge;dur=", std::to_string(rng.between(1, 90))})},
      {"Report-To",
       "{\"group\":\"cf-nel\",\"max_age\":604800,\"endpoints\":[{\"url\":\"https://"
       "a.nel.cloudflare.com/report/v4?s=" +
           random_text(rng, kBase64Url, 96) + "\"}]}"},
      {"NEL", "{\"success_fraction\":0,\"report_to\":\"cf-nel\",\"max_age\":604800}"},
      {"X-XSS-Protection", "0"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"X-Powered-By", "Express"},
      {"Link",
       cat({"</assets/css/site.", random_text(rng, kHex, 8), ".css>; rel=preload; as=style"})},
  };
  // A partial Fisher-Yates shuffle picks n distinct fields.
  n = std::min(n, pool.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::swap(pool[i], pool[i + rng.below(pool.size() - i)]);
    fields.push_back(std::move(pool[i]));
  }
}

void shuffle(Rng& rng, std::vector<Field>& fields) {
  for (std::size_t i = fields.size(); i > 1; --i)
    std::swap(fields[i - 1], fields[rng.below(i)]);
}

void add_ok(Rng& rng, Builder& b) {
  const std::int64_t date = kNow + static_cast<std::int64_t>(rng.below(86400 * 7));
  static constexpr std::array<const char*, 8> kTypes = {"text/html; charset=utf-8",
                                                        "application/json",
                                                        "text/css",
                                                        "application/javascript",
                                                        "image/webp",
                                                        "image/png",
                                                        "font/woff2",
                                                        "text/plain; charset=utf-8"};
  const std::string_view type = rng.pick(kTypes);
  // Documents and API answers carry the long fields; images, fonts, scripts and styles rarely
  // have a Content-Security-Policy or set cookies.
  const bool document = type.starts_with("text/html") || type == "application/json";
  std::vector<Field> fields = {
      {"Server", server(rng)}, {"Date", http_date(date)}, {"Content-Type", std::string(type)}};
  const bool chunked = rng.chance(12);
  const std::size_t length = rng.between(0, 60000);
  if (chunked) {
    fields.push_back({"Transfer-Encoding", "chunked"});
  } else {
    fields.push_back({"Content-Length", std::to_string(length)});
  }
  if (rng.chance(35)) fields.push_back({"Content-Encoding", rng.chance(50) ? "gzip" : "br"});
  if (rng.chance(30)) fields.push_back({"Connection", "keep-alive"});
  if (rng.chance(document ? 60 : 5)) {
    fields.push_back(
        {"Content-Security-Policy", content_security_policy(rng, rng.between(200, 850))});
  }
  for (std::size_t n = rng.chance(document ? 55 : 10) ? rng.between(1, 3) : 0; n > 0; --n) {
    fields.push_back({"Set-Cookie", set_cookie(rng, rng.between(32, 280))});
  }
  const std::size_t total = rng.between(10, 25);
  if (fields.size() < total) add_common_fields(rng, fields, total - fields.size(), date);
  shuffle(rng, fields);
  if (chunked) {
    b.add("HTTP/1.1 200 OK", fields, cat({"1f4\r\n", html_body(500), "\r\n0\r\n\r\n"}));
  } else {
    b.add("HTTP/1.1 200 OK", fields, html_body(length));
  }
}

void add_not_modified(Rng& rng, Builder& b) {
  const std::int64_t date = kNow + static_cast<std::int64_t>(rng.below(86400 * 7));
  std::vector<Field> fields = {{"Date", http_date(date)}, {"ETag", etag(rng)}};
  if (rng.chance(70)) fields.push_back({"Server", server(rng)});
  if (rng.chance(20)) fields.push_back({"Set-Cookie", set_cookie(rng, rng.between(24, 120))});
  std::vector<Field> extra;
  static constexpr std::array<const char*, 9> kAllowed = {
      "Cache-Control", "Expires", "Vary",
      "Connection",    "Age",     "Via",
      "X-Cache",       "CF-RAY",  "Strict-Transport-Security"};
  add_common_fields(rng, extra, 26, date);
  const std::size_t total = rng.between(4, 10);
  for (Field& f : extra) {
    if (fields.size() >= total) break;
    if (std::find(kAllowed.begin(), kAllowed.end(), f.name) != kAllowed.end()) {
      fields.push_back(std::move(f));
    }
  }
  shuffle(rng, fields);
  b.add("HTTP/1.1 304 Not Modified", fields);
}

void add_redirect(Rng& rng, Builder& b) {
  static constexpr std::array<const char*, 3> kLines = {
      "HTTP/1.1 301 Moved Permanently", "HTTP/1.1 302 Found", "HTTP/1.1 307 Temporary Redirect"};
  const std::int64_t date = kNow + static_cast<std::int64_t>(rng.below(86400 * 7));
  std::string location = rng.chance(70) ? host(rng) : std::string();
  location += cat({"/", random_text(rng, kAlnum, rng.between(4, 20))});
  location += cat({"/", random_text(rng, kAlnum, rng.between(4, 30))});
  if (rng.chance(50)) {
    location += cat({"?utm_source=", random_text(rng, kAlnum, 8)});
    location += cat({"&utm_medium=email&ref=", random_text(rng, kBase64Url, rng.between(8, 40))});
  }
  const std::string body = html_body(rng.between(0, 200));
  std::vector<Field> fields = {{"Server", server(rng)},
                               {"Date", http_date(date)},
                               {"Content-Type", "text/html"},
                               {"Content-Length", std::to_string(body.size())},
                               {"Location", location}};
  if (rng.chance(50)) fields.push_back({"Connection", "keep-alive"});
  if (rng.chance(30)) fields.push_back({"Set-Cookie", set_cookie(rng, rng.between(24, 120))});
  add_common_fields(rng, fields, rng.between(0, 5), date);
  shuffle(rng, fields);
  b.add(rng.pick(kLines), fields, body);
}

void add_error(Rng& rng, Builder& b) {
  const bool server_error = rng.chance(40);
  const std::int64_t date = kNow + static_cast<std::int64_t>(rng.below(86400 * 7));
  const std::string body = html_body(rng.between(100, 600));
  std::vector<Field> fields = {{"Server", server(rng)},
                               {"Date", http_date(date)},
                               {"Content-Type", "text/html; charset=utf-8"},
                               {"Content-Length", std::to_string(body.size())},
                               {"Cache-Control", "no-store"}};
  if (server_error && rng.chance(50)) fields.push_back({"Connection", "close"});
  if (rng.chance(50)) fields.push_back({"X-Request-Id", request_id(rng)});
  if (rng.chance(30)) {
    fields.push_back(
        {"Content-Security-Policy", content_security_policy(rng, rng.between(80, 300))});
  }
  shuffle(rng, fields);
  b.add(server_error ? "HTTP/1.1 500 Internal Server Error" : "HTTP/1.1 404 Not Found", fields,
        body);
}

void add_interim(Rng& rng, Builder& b) {
  if (rng.chance(50)) {
    b.add("HTTP/1.1 100 Continue", {});
    return;
  }
  std::vector<Field> fields;
  for (std::size_t n = rng.between(1, 3); n > 0; --n) {
    std::string link = cat({"</static/", random_text(rng, kAlnum, rng.between(4, 16))});
    link += rng.chance(50) ? ".css>; rel=preload; as=style" : ".js>; rel=preload; as=script";
    fields.push_back({"Link", std::move(link)});
  }
  b.add("HTTP/1.1 103 Early Hints", fields);
}

}  // namespace

Corpus make_realistic_corpus() {
  Corpus c;
  c.name = "realistic";
  Builder b(c);
  Rng rng(0x6831726573700001ULL);
  constexpr std::size_t kResponses = 500;
  c.entries.reserve(kResponses);
  for (std::size_t i = 0; i < kResponses; ++i) {
    // 60 % 200, 15 % 304, 10 % redirects, 10 % 404/500, 5 % 1xx; 15 % with lowercase names.
    b.lowercase_names(rng.chance(15));
    const std::size_t r = rng.below(100);
    if (r < 60) {
      add_ok(rng, b);
    } else if (r < 75) {
      add_not_modified(rng, b);
    } else if (r < 85) {
      add_redirect(rng, b);
    } else if (r < 95) {
      add_error(rng, b);
    } else {
      add_interim(rng, b);
    }
  }
  return c;
}

Corpus make_tiny_corpus() {
  Corpus c;
  c.name = "tiny";
  Builder b(c);
  Rng rng(0x6831726573700002ULL);
  struct Variant {
    const char* status_line;
    std::vector<Field> fields;
  };
  const std::vector<Variant> variants = {
      {"HTTP/1.1 200 OK", {{"Content-Length", "0"}}},
      {"HTTP/1.1 204 No Content", {{"Server", "nginx"}}},
      {"HTTP/1.1 304 Not Modified", {{"ETag", "\"5f3a\""}}},
      {"HTTP/1.1 404 Not Found", {{"Content-Length", "0"}}},
      {"HTTP/1.1 100 Continue", {}},
      {"HTTP/1.0 200 OK", {{"Content-Length", "0"}}},
      {"HTTP/1.1 200 OK", {{"Transfer-Encoding", "chunked"}}},
      {"HTTP/1.1 500 Internal Server Error", {{"Content-Length", "0"}}},
  };
  // Many entries drawn at random from a few variants, so that branch predictors cannot learn a
  // short period.
  constexpr std::size_t kResponses = 256;
  c.entries.reserve(kResponses);
  for (std::size_t i = 0; i < kResponses; ++i) {
    const Variant& v = variants[rng.below(variants.size())];
    b.add(v.status_line, v.fields,
          v.fields.empty() || v.fields[0].name != "Transfer-Encoding" ? "" : "0\r\n\r\n");
  }
  return c;
}

Corpus make_huge_corpus() {
  Corpus c;
  c.name = "huge";
  Builder b(c);
  Rng rng(0x6831726573700003ULL);
  constexpr std::size_t kResponses = 16;
  for (std::size_t i = 0; i < kResponses; ++i) {
    const std::int64_t date = kNow + static_cast<std::int64_t>(rng.below(86400 * 7));
    std::vector<Field> fields = {{"Server", server(rng)},
                                 {"Date", http_date(date)},
                                 {"Content-Type", "text/html; charset=utf-8"},
                                 {"Content-Length", "1024"}};
    // Four Set-Cookie lines of almost 8 KiB: as long as a field line gets before common
    // recipient limits (8 KiB, the validator's field.limits warning) refuse it.
    for (int k = 0; k < 4; ++k)
      fields.push_back({"Set-Cookie", set_cookie(rng, 8000)});
    add_common_fields(rng, fields, 26, date);
    fields.push_back(
        {"Content-Security-Policy", content_security_policy(rng, rng.between(1000, 2000))});
    // Application fields up to about 100 field lines.
    while (fields.size() < 100) {
      fields.push_back({cat({"X-Debug-", random_text(rng, kAlnum, rng.between(4, 12))}),
                        random_text(rng, kBase64Url, rng.between(20, 70))});
    }
    shuffle(rng, fields);
    b.add("HTTP/1.1 200 OK", fields, html_body(1024));
  }
  return c;
}

std::vector<Corpus> make_all_corpora() {
  std::vector<Corpus> all;
  all.push_back(make_realistic_corpus());
  all.push_back(make_tiny_corpus());
  all.push_back(make_huge_corpus());
  return all;
}

}  // namespace h1resp::bench
