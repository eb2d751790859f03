// One line per event on standard error, written with one write(2) so that lines from several
// threads do not interleave.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "h1resp/finding.hpp"
#include "h1resp/parser.hpp"

namespace h1proxy {

// Appends the pieces and writes the line (a newline is added).
void log_line(std::string_view text);

// "conn=12 \"GET /x\"": who a line is about. `target` is cut to a readable length.
std::string log_prefix(std::uint64_t connection, std::string_view method, std::string_view target);

// "<rule id> at offset <n>: <summary>[: <detail>]" for a finding or a parse error.
std::string describe(const h1resp::Finding& finding);
std::string describe(const h1resp::ParseError& error);

// The current time as an IMF-fixdate (RFC 9110 §5.6.7), for the Date of our own responses;
// formatted at most once a second per thread.
std::string_view http_date();

}  // namespace h1proxy
