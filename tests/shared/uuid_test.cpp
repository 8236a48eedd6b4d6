#include "matome/util/uuid.h"

#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "support/catch_result.h"

using namespace matome;

TEST_CASE("Change ids are unique version-7 UUIDs that sort by creation time", "[uuid]") {
  const auto first = new_uuid();
  REQUIRE(first.size() == 36);
  CHECK(first[8] == '-');
  CHECK(first[14] == '7');  // version 7: time-ordered
  CHECK((first[19] == '8' || first[19] == '9' || first[19] == 'a' || first[19] == 'b'));

  std::set<std::string> ids;
  for (int i = 0; i < 10000; ++i) ids.insert(new_uuid());
  CHECK(ids.size() == 10000);

  // Ids of later milliseconds sort after earlier ones, so the server's index
  // of applied change ids grows at its end (see bench/).
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  CHECK(new_uuid() > first);
}
