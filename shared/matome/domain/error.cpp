#include "matome/domain/error.h"

namespace matome {

std::string_view to_string(errc code) {
  switch (code) {
    case errc::invalid_argument:
      return "invalid_argument";
    case errc::invalid_value:
      return "invalid_value";
    case errc::not_found:
      return "not_found";
    case errc::unauthenticated:
      return "unauthenticated";
    case errc::forbidden:
      return "forbidden";
    case errc::locked:
      return "locked";
    case errc::illegal_transition:
      return "illegal_transition";
    case errc::stale:
      return "stale";
    case errc::throttled:
      return "throttled";
    case errc::unreachable:
      return "unreachable";
    case errc::too_large:
      return "too_large";
    case errc::unsupported_version:
      return "unsupported_version";
    case errc::storage:
      return "storage";
  }
  return "unknown";
}

errc parse_errc(std::string_view id) {
  for (auto code :
       {errc::invalid_argument, errc::invalid_value, errc::not_found, errc::unauthenticated,
        errc::forbidden, errc::locked, errc::illegal_transition, errc::stale, errc::too_large,
        errc::unsupported_version, errc::throttled, errc::unreachable, errc::storage}) {
    if (to_string(code) == id) return code;
  }
  return errc::invalid_argument;
}

std::ostream& operator<<(std::ostream& os, const error& e) {
  return os << to_string(e.code) << ": " << e.message;
}

void throw_exception_from_error(const error& e, const boost::source_location&) {
  throw failure(e.code, e.message);
}

}  // namespace matome
