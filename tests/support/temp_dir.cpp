#include "support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace matome::test {

temp_dir::temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "matome-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace matome::test
