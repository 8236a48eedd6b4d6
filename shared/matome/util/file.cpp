#include "matome/util/file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace matome {

result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(errc::not_found, path + " を読めません (" + std::strerror(errno) +
                                           ")。ファイルの場所と名前を確かめてください。");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return make_error(errc::storage, path + " を読み切れませんでした。");
  return bytes.str();
}

}  // namespace matome
