#pragma once
// matome-cli's exit codes (docs/cli.md), from the error that ends a command:
//   2 bad usage or input   3 refused (rights, locks)   4 server unreachable
//   5 the server or the local database failed

#include <iostream>

#include "matome/domain/error.h"

namespace matome::cli {

inline int exit_code(const error& e) {
  switch (e.code) {
    case errc::unreachable:
      return 4;
    case errc::storage:
      return 5;
    case errc::forbidden:
    case errc::locked:
      return 3;
    default:
      return 2;
  }
}

// Prints the error for the user and gives the exit code.
inline int fail(const error& e) {
  std::cerr << "matome-cli: " << e.message << "\n";
  return exit_code(e);
}

}  // namespace matome::cli
