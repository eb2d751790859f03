// h1resp codes [CODE | --class Nxx]: the status code registry.
#include <fmt/core.h>

#include <string>

#include "commands.hpp"
#include "h1resp/status_registry.hpp"

namespace h1resp::cli {
namespace {

struct CodesArguments {
  int code = -1;  // none given: list
  std::string cls;
};

std::string standing(const StatusInfo& info) {
  std::string s;
  auto add = [&s](std::string_view word) {
    if (!s.empty()) s += ", ";
    s += word;
  };
  if (info.has(StatusInfo::registered))
    add("registered");
  else
    add("unregistered");
  if (info.has(StatusInfo::obsolete)) add("obsolete");
  if (info.has(StatusInfo::deprecated)) add("deprecated");
  if (info.has(StatusInfo::unused)) add("unused");
  if (info.has(StatusInfo::temporary)) add("temporary");
  if (!info.unofficial_names.empty()) add("unofficial names");
  if (info.has(StatusInfo::in_w3c1992)) add("in the 1992 W3C text");
  if (info.has(StatusInfo::heuristically_cacheable)) add("heuristically cacheable");
  if (info.has(StatusInfo::never_stored)) add("never stored by caches");
  return s;
}

// The registered name, or for an unregistered code its first unofficial name in quotes, so a
// listing shows what the code is known as without implying it is registered.
std::string display_name(const StatusInfo& info) {
  if (!info.name.empty()) return std::string(info.name);
  if (!info.unofficial_names.empty()) return fmt::format("\"{}\"", info.unofficial_names[0].name);
  return "(unregistered)";
}

void print_code(const StatusInfo& info, bool details) {
  fmt::print("{} {:<34} {}\n", info.code, display_name(info), standing(info));
  if (!details) return;
  fmt::print("    class: {}\n", to_string(status_class(info.code)));
  if (!info.source.empty()) fmt::print("    source: {}\n", info.source);
  if (!info.has(StatusInfo::registered)) {
    fmt::print("    handled as: {} (RFC 9110 §15: an unknown code is x00 of its class)\n",
               handled_as(info.code));
  }
  for (const StatusAlias& a : info.legacy_names) {
    fmt::print("    old name: \"{}\" ({}): {}\n", a.name, a.origin, a.note);
  }
  for (const StatusAlias& a : info.unofficial_names) {
    fmt::print("    unofficial: \"{}\" ({}): {}\n", a.name, a.origin, a.note);
  }
  if (!info.w3c1992_name.empty()) {
    fmt::print("    1992: \"{}\": {}", info.w3c1992_name, info.w3c1992_meaning);
    if (info.w3c1992_modern_code != 0) {
      fmt::print(" (today: {})", info.w3c1992_modern_code);
    }
    fmt::print("\n");
  }
}

int run(const CodesArguments& a) {
  if (a.code >= 0) {
    const StatusInfo* info = status_info(static_cast<unsigned>(a.code));
    if (info == nullptr) {
      if (status_class(static_cast<unsigned>(a.code)) == StatusClass::invalid) {
        fmt::print(
            "{}: invalid: status codes are 100-599 (RFC 9110 §15); a client treats it "
            "as 5xx\n",
            a.code);
      } else {
        fmt::print("{}: unregistered, no known unofficial use; handled as {} (RFC 9110 §15)\n",
                   a.code, handled_as(static_cast<unsigned>(a.code)));
      }
      return kExitOk;
    }
    print_code(*info, true);
    return kExitOk;
  }
  const int wanted = a.cls.empty() ? 0 : a.cls[0] - '0';
  for (const StatusInfo& info : all_status_codes()) {
    if (wanted == 0 || static_cast<int>(info.code / 100) == wanted) print_code(info, false);
  }
  return kExitOk;
}

}  // namespace

Runner add_codes_command(CLI::App& app) {
  auto args = std::make_shared<CodesArguments>();
  CLI::App* codes = app.add_subcommand("codes", "look up the status code registry");
  // Read as decimal digits: CLI11 reads integers with C's base prefixes, so "010" was 8 and
  // "0x1f6" was 502.
  CLI::Option* code =
      codes
          ->add_option_function<std::string>(
              "code",
              [args](const std::string& text) {
                args->code = 0;
                for (const char ch : text)
                  args->code = args->code * 10 + (ch - '0');
              },
              "a status code, e.g. 308")
          ->check(CLI::Validator(
              [](const std::string& text) -> std::string {
                const bool digits = !text.empty() && text.size() <= 3 &&
                                    text.find_first_not_of("0123456789") == std::string::npos;
                return digits ? std::string() : "a status code is one to three decimal digits";
              },
              "DIGITS"));
  codes->add_option("--class", args->cls, "list one class: 1xx, 2xx, 3xx, 4xx or 5xx")
      ->check(CLI::IsMember({"1xx", "2xx", "3xx", "4xx", "5xx"}))
      ->excludes(code);
  return [args] { return run(*args); };
}

}  // namespace h1resp::cli
