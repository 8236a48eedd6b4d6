#pragma once
// Reading a whole file the user named (a plan file, a mapping, a layout, a
// bundle): the bytes, or an error that names the file and why.
#include <string>

#include "matome/domain/error.h"

namespace matome {

result<std::string> read_file(const std::string& path);

}  // namespace matome
