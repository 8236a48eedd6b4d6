#pragma once
// What every admin subcommand shares: how an error is reported and how the
// database is opened.

#include <string>

#include "matome/store/store.h"

namespace matome::server::admin {

// Prints the error to stderr; returns the exit code (3 storage, 2 otherwise).
int report(const error& e);

// Opens the database; an admin command never creates one by accident.
result<store> open_existing(const std::string& path);

}  // namespace matome::server::admin
