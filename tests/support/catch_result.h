#pragma once
// Lets Catch print a matome::result<T> in a failed assertion: the error's
// code and message, or "ok". Include after catch.hpp in every test file.
#include <catch2/catch.hpp>
#include <sstream>

#include "matome/domain/error.h"

namespace Catch {
template <class T>
struct StringMaker<boost::system::result<T, matome::error>> {
  static std::string convert(const boost::system::result<T, matome::error>& r) {
    if (r) return "ok";
    std::ostringstream out;
    out << r.error();
    return out.str();
  }
};
}  // namespace Catch
