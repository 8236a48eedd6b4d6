#pragma once
// Domain errors are values: every fallible operation in shared/ returns
// matome::result<T>. Only the HTTP layer (server/) and the UI layer (client/)
// turn an errc into a status code or a message box.

#include <boost/system/result.hpp>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace matome {

enum class errc {
  invalid_argument,     // malformed input: bad syntax, wrong type, invalid UTF-8
  invalid_value,        // well-formed but breaks a rule of the plan or its template
  not_found,            // an id that does not exist
  unauthenticated,      // no or bad credentials
  forbidden,            // the user has no right to do this
  locked,               // entry accepted or year finalized
  illegal_transition,   // workflow step not allowed from the current status
  stale,                // the thing changed since the caller last looked
  throttled,            // too many attempts; try again later
  unreachable,          // no route to the server (normal when offline)
  too_large,            // request or file above the limit
  unsupported_version,  // message or database written by a newer Matome
  storage,              // the database failed (disk full, I/O error, ...)
};

// Stable identifier used in JSON error bodies ("invalid_value", ...).
std::string_view to_string(errc code);
// The errc with that identifier; invalid_argument for an unknown one.
errc parse_errc(std::string_view id);

struct error {
  errc code;
  std::string message;  // for a human: what went wrong and what to do
};

template <class T>
using result = boost::system::result<T, error>;

// Thrown only by result<T>::value() on an error, and by the storage layer
// when SQLite itself fails; carries the same code and message.
class failure : public std::runtime_error {
 public:
  failure(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  errc code() const noexcept { return code_; }

 private:
  errc code_;
};

inline error make_error(errc code, std::string message) {
  return error{code, std::move(message)};
}

// "invalid_value: message", for logs and test diagnostics.
std::ostream& operator<<(std::ostream& os, const error& e);

// Found by ADL from boost::system::result<T, error>::value().
[[noreturn]] void throw_exception_from_error(const error& e, const boost::source_location& loc);

}  // namespace matome
