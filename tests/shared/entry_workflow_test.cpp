#include <catch2/catch.hpp>

#include "matome/domain/entry.h"
#include "support/catch_result.h"

using namespace matome;
using enum entry_status;
using enum entry_action;

TEST_CASE("an entry goes from draft to accepted through submit and accept", "[workflow]") {
  CHECK(next_status(not_started, edit, role::member, false).value() == draft);
  CHECK(next_status(draft, submit, role::member, false).value() == submitted);
  CHECK(next_status(submitted, accept, role::coordinator, false).value() == accepted);
}

TEST_CASE("a returned entry is edited and submitted again", "[workflow]") {
  CHECK(next_status(submitted, return_, role::coordinator, false).value() == returned);
  CHECK(next_status(returned, edit, role::member, false).value() == returned);
  CHECK(next_status(returned, submit, role::member, false).value() == submitted);
}

TEST_CASE("the coordinator reopens an accepted entry", "[workflow]") {
  CHECK(next_status(accepted, reopen, role::coordinator, false).value() == returned);
  auto by_member = next_status(accepted, reopen, role::member, false);
  REQUIRE_FALSE(by_member);
  CHECK(by_member.error().code == errc::forbidden);
}

TEST_CASE("an accepted entry is locked for its department", "[workflow]") {
  auto edit_accepted = next_status(accepted, edit, role::member, false);
  REQUIRE_FALSE(edit_accepted);
  CHECK(edit_accepted.error().code == errc::locked);
  CHECK_FALSE(department_may_edit(accepted));
  CHECK_FALSE(department_may_edit(submitted));
  CHECK(department_may_edit(returned));
}

TEST_CASE("steps the workflow does not have are illegal transitions", "[workflow]") {
  auto accept_draft = next_status(draft, accept, role::coordinator, false);
  REQUIRE_FALSE(accept_draft);
  CHECK(accept_draft.error().code == errc::illegal_transition);
  CHECK(next_status(accepted, submit, role::member, false).error().code ==
        errc::illegal_transition);
  CHECK(next_status(submitted, submit, role::member, false).error().code ==
        errc::illegal_transition);
}

TEST_CASE("departments cannot accept their own entries", "[workflow]") {
  CHECK(next_status(submitted, accept, role::member, false).error().code == errc::forbidden);
  CHECK(next_status(submitted, accept, role::chief, false).error().code == errc::forbidden);
}

TEST_CASE("with 課内確認 a submission waits for the section chief", "[workflow]") {
  CHECK(next_status(draft, submit, role::member, true).value() == checking);
  CHECK(next_status(checking, approve, role::member, true).error().code == errc::forbidden);
  CHECK(next_status(checking, approve, role::chief, true).value() == submitted);
  CHECK(next_status(checking, send_back, role::chief, true).value() == draft);
  CHECK(next_status(checking, approve, role::chief, false).error().code ==
        errc::illegal_transition);
}

TEST_CASE("status names round-trip and read in Japanese", "[workflow]") {
  for (auto s : {not_started, draft, checking, submitted, returned, accepted}) {
    CHECK(parse_entry_status(to_string(s)).value() == s);
  }
  CHECK(label_ja(returned) == "差戻し");
  CHECK_FALSE(parse_entry_status("done"));
}
