#include "support/certificate.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

namespace matome::test {

void make_certificate(const temp_dir& dir) {
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
      " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
      dir.file("key.pem").string() + " -out " + dir.file("cert.pem").string() + " 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
}

}  // namespace matome::test
