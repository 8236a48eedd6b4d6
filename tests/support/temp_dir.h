#pragma once
#include <filesystem>

namespace matome::test {

// A fresh directory under the system temp dir, removed with everything in it
// when the object goes away. Tests put their real SQLite files here.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace matome::test
