#pragma once
// A throw-away self-signed certificate for 127.0.0.1 (cert.pem, key.pem in
// `dir`), made by the openssl tool, for HTTPS and WSS tests.

#include "support/temp_dir.h"

namespace matome::test {

void make_certificate(const temp_dir& dir);

}  // namespace matome::test
