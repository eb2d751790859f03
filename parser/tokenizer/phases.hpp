// The tokenizer's phases and steps, and the line-ending search that every phase shares.
#pragma once

#include <cstdint>

#include "h1resp/parser.hpp"

namespace h1resp {

// Where the tokenizer is in the message; each phase resumes exactly where the last feed() ran
// out of bytes.
enum class ResponseParser::Phase : std::uint8_t {
  leading,       // before the status line: empty lines may be skipped
  status_line,   // checking "HTTP/" DIGIT "." DIGIT SP 3DIGIT SP
  reason,        // searching the end of the status line
  line_start,    // at the first byte of a field line (or of the empty line)
  field_name,    // searching the colon
  bad_name,      // a name byte that is not a tchar: searching the colon or the line's end
  field_value,   // searching the end of a field line
  fold_value,    // searching the end of an obs-fold continuation line
  ignored_line,  // searching the end of a whitespace-preceded line that is ignored
  done,          // complete or error
};

// What a phase function tells the driver loop.
enum class ResponseParser::Step : std::uint8_t {
  next,  // phase_ is set: go on
  wait,  // out of bytes: the status stays incomplete
  stop,  // complete or error: status_ is set
};

}  // namespace h1resp
