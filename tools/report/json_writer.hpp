// A small streaming JSON writer: JSON Lines and SARIF are written straight into a string, without
// building a document first, so a capture of millions of responses is written at the speed it is
// parsed and in constant memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace h1resp::report {

// Appends `text` to `out` as a JSON string's contents (no quotes). Bytes that are not valid
// UTF-8 (obs-text in a field value) become U+FFFD, so the output is always valid JSON.
void append_json_escaped(std::string& out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // The key of the next member of the current object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(unsigned long long number);
  JsonWriter& value(long long number);
  JsonWriter& value(unsigned long number) { return value(static_cast<unsigned long long>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<unsigned long long>(number)); }
  JsonWriter& value(long number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // key(name).value(v), for brevity.
  template <typename T>
  JsonWriter& member(std::string_view name, const T& v) {
    return key(name).value(v);
  }

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void separate();

  std::string& out_;
  std::vector<bool> first_;  // per open container: no member or element written yet
  bool after_key_ = false;
};

}  // namespace h1resp::report
