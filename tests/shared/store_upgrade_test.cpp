// Upgrades: a database last written by the Matome of every earlier schema
// version, with data in it, opens in this one, is migrated and keeps what it
// held. Each database is built by the test from the old migrations
// themselves (migrate(db, version)), with rows written as the Matome of that
// version wrote them; so a new migration is checked against every older
// database as soon as it is added.
#include <catch2/catch.hpp>

#include "matome/auth/password.h"
#include "matome/store/schema.h"
#include "matome/store/store.h"
#include "support/catch_result.h"
#include "support/temp_dir.h"

using namespace matome;

namespace {

constexpr record_id fukushi = 1, shakyo = 2, plan_id = 1, row = 2;
const cell_key progress{row, fukushi, 2023, "progress"};
const cell_key grade{row, fukushi, 2023, "grade"};
const cell_key shakyo_progress{row, shakyo, 2023, "progress"};

// What the first schema held: a plan with a heading and a row two
// departments report on, 福祉課's accepted entry (values, history, a
// comment) and an open conflict on 社協's value.
constexpr std::string_view v1_rows = R"sql(
INSERT INTO departments(id, code, name, external) VALUES (1, 'fukushi', '福祉課', 0),
  (2, 'shakyo', '社会福祉協議会', 1);
INSERT INTO plans(id, code, title, city, first_year, last_year, report_year, level_names)
  VALUES (1, 'chiiki', '地域福祉計画', '北本市', 2022, 2026, 2023, '基本目標
施策');
INSERT INTO template_fields(plan_id, key, position, label, type, scope, element_type)
  VALUES (1, 'progress', 0, '進捗状況', 'long_text', 'report', 'short_text'),
         (1, 'grade', 1, '評価', 'single_choice', 'report', 'short_text');
INSERT INTO template_options(plan_id, field_key, position, value, definition)
  VALUES (1, 'grade', 0, 'A', '計画どおり'), (1, 'grade', 1, 'B', '概ね計画どおり');
INSERT INTO items(id, plan_id, parent_id, level, position, label, title)
  VALUES (1, 1, NULL, 0, 0, '1', '地域で支え合う'), (2, 1, 1, 1, 0, '(1)', '見守り活動の推進');
INSERT INTO item_owners(item_id, department_id, position) VALUES (2, 1, 0), (2, 2, 1);
INSERT INTO cells(item_id, department_id, year, field, value, version) VALUES
  (2, 1, 2023, 'progress', '見守り訪問を実施した', 1),
  (2, 1, 2023, 'grade', 'A', 2),
  (2, 2, 2023, 'progress', '社協の値', 4);
INSERT INTO history(seq, item_id, department_id, year, field, change_id, old_value, new_value,
  user_name, device, at) VALUES
  (1, 2, 1, 2023, 'progress', 'c-1', '', '見守り訪問を実施した', 'fukushi1', 'pc-1', '2024-04-10T01:00:00.000Z'),
  (2, 2, 1, 2023, 'grade', 'c-2', '', 'A', 'fukushi1', 'pc-1', '2024-04-10T01:01:00.000Z'),
  (3, 2, 1, 2023, '_status', 'a-1', 'submitted', 'accepted', 'coord', 'pc-9', '2024-04-12T02:00:00.000Z'),
  (4, 2, 2, 2023, 'progress', 'c-4', '', '社協の値', 'shakyo1', 'pc-2', '2024-04-11T03:00:00.000Z');
INSERT INTO entries(item_id, department_id, year, status, version) VALUES (2, 1, 2023, 'accepted', 3);
INSERT INTO conflicts(id, item_id, department_id, year, field, change_id, base_version, base_value,
  server_version, server_value, incoming_value, user_name, device, created_at, seq)
  VALUES (1, 2, 2, 2023, 'progress', 'c-9', 0, '', 4, '社協の値', '別の値', 'shakyo2', 'pc-3',
  '2024-04-11T04:00:00.000Z', 5);
INSERT INTO comments(item_id, department_id, year, author, body, at, seq)
  VALUES (2, 1, 2023, 'coord', '確認しました', '2024-04-12T02:00:00.000Z', 6);
UPDATE meta SET value = 6 WHERE key = 'last_seq';
)sql";

// Rows of the tables later steps added, written at those steps.
void write_rows_of_step(sqlite::database& db, int step) {
  switch (step) {
    case 1:
      db.exec(v1_rows);
      break;
    case 2: {
      auto users = db.prepare(
          "INSERT INTO users(login, display_name, department_id, role, password_hash)"
          " VALUES (?, ?, ?, ?, ?)");
      users.bind(1, "fukushi1").bind(2, "福祉 一郎").bind(3, fukushi).bind(4, "member");
      users.bind(5, hash_password("old-password").value()).run();
      db.exec(
          "INSERT INTO applied_changes(change_id, outcome, conflict_id, server_value,"
          " server_version, received_at) VALUES ('c-9', 'conflict', 1, '社協の値', 4,"
          " '2024-04-11T04:00:00.000Z')");
      break;
    }
    case 3:
      db.exec(
          "INSERT INTO devices(user_id, name, token_hash, created_at, last_seen_at)"
          " VALUES (1, 'pc-1', 'b2b-of-a-token', '2024-04-01T00:00:00.000Z',"
          " '2024-04-10T01:00:00.000Z');"
          "INSERT INTO due_dates(plan_id, year, due_date) VALUES (1, 2023, '2024-05-31')");
      break;
    case 4:
      db.exec(
          "INSERT INTO outbox(item_id, department_id, year, field, change_id, base_version, value,"
          " edited_at) VALUES (2, 1, 2023, 'grade', 'c-10', 2, 'B', '2024-04-13T00:00:00.000Z')");
      break;
    case 6:
      db.exec(
          "INSERT INTO applied_actions(action_id, done, received_at)"
          " VALUES ('a-1', 1, '2024-04-12T02:00:00.000Z')");
      break;
    default:
      break;  // steps that only added columns or indexes
  }
}

std::int64_t count(sqlite::database& db, const std::string& sql) {
  auto stmt = db.prepare(sql);
  stmt.step();
  return stmt.int64(0);
}

}  // namespace

TEST_CASE("a database of every earlier schema version opens, is migrated and keeps its data",
          "[store][migration]") {
  REQUIRE(current_schema_version() > 1);
  for (int written_by = 1; written_by < current_schema_version(); ++written_by) {
    DYNAMIC_SECTION("written at schema version " << written_by) {
      test::temp_dir dir;
      const auto file = dir.file("old.db");
      {
        auto db = sqlite::database::open(file);
        for (int step = 1; step <= written_by; ++step) {
          REQUIRE(migrate(db, step));
          write_rows_of_step(db, step);
        }
        REQUIRE(schema_version_of(db) == written_by);
      }

      auto opened = store::open(file);
      REQUIRE(opened);
      store& s = *opened;
      CHECK(schema_version_of(s.db()) == current_schema_version());

      // Structure
      REQUIRE(s.departments().size() == 2);
      CHECK(s.find_department_by_code("shakyo").value().external);
      const plan p = s.load_plan(plan_id).value();
      CHECK(p.title == "地域福祉計画");
      CHECK(p.level_names == std::vector<std::string>{"基本目標", "施策"});
      REQUIRE(p.tmpl.fields.size() == 2);
      CHECK(p.tmpl.fields[1].options.size() == 2);
      const plan_index index = s.load_plan_index(plan_id).value();
      REQUIRE(index.items.size() == 2);
      CHECK(index.find_item(row)->owner_ids == std::vector<record_id>{fukushi, shakyo});

      // What was reported, its history, the workflow, comments, conflicts
      CHECK(s.find_cell(progress)->value == "見守り訪問を実施した");
      CHECK(s.find_cell(grade)->value == "A");
      REQUIRE(s.history_of(progress).size() == 1);
      CHECK(s.history_of(progress)[0].user == "fukushi1");
      const entry e = s.find_entry({row, fukushi, 2023});
      CHECK(e.status == entry_status::accepted);
      CHECK(e.accepted_version == 3);  // step 12 finds it in the history
      REQUIRE(s.comments_of({row, fukushi, 2023}).size() == 1);
      CHECK(s.comments_of({row, fukushi, 2023})[0].body == "確認しました");
      const auto conflicts = s.open_conflicts(plan_id);
      REQUIRE(conflicts.size() == 1);
      CHECK(conflicts[0].incoming_value == "別の値");
      CHECK(conflicts[0].server_value == "社協の値");
      CHECK(s.last_seq() == 6);
      CHECK_FALSE(s.timeline().empty());
      // When it was opened is not known (step 15): it is sent to every
      // replica, as before, open or settled.
      CHECK(s.pull(plan_id, {0, true}, 0, 100).conflicts.size() == 1);

      if (written_by >= 2) {
        // Accounts keep their passwords; a retried change gets its old answer.
        CHECK(verify_password(s.find_user("fukushi1").value().password_hash, "old-password"));
        const cell_change retry{"c-9", shakyo_progress, 0, "別の値"};
        const auto again = s.apply(index, {"shakyo2", "pc-3", shakyo, role::member}, {&retry, 1});
        REQUIRE(again.size() == 1);
        CHECK(again[0].repeated);
        CHECK(again[0].kind == outcome_kind::conflict);
        CHECK(again[0].conflict_id == 1);
      }
      if (written_by >= 3) {
        CHECK(s.due_date(plan_id, 2023) == "2024-05-31");
        CHECK(count(s.db(), "SELECT count(*) FROM devices WHERE revoked_at IS NULL") == 1);
      }
      if (written_by >= 4) {
        CHECK(count(s.db(),
                    "SELECT count(*) FROM outbox WHERE change_id = 'c-10' AND rebase = 0"
                    " AND value = 'B'") == 1);
      }
      if (written_by >= 6) {
        CHECK(count(s.db(), "SELECT count(*) FROM applied_actions WHERE action_id = 'a-1'") == 1);
      }

      // Whole and consistent, and it takes new changes.
      CHECK(count(s.db(),
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'") ==
            0);
      CHECK(count(s.db(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
      // (2023 is accepted, so closed to 福祉課: the next year.)
      const cell_key next_year{row, fukushi, 2024, "progress"};
      const cell_change next{"after-upgrade", next_year, 0, "移行後に入力"};
      const auto applied = s.apply(index, {"fukushi1", "pc-1", fukushi, role::member}, {&next, 1});
      REQUIRE(applied.size() == 1);
      INFO(applied[0].reason);
      CHECK(applied[0].kind == outcome_kind::applied);
      CHECK(s.find_cell(next_year)->value == "移行後に入力");
      CHECK(s.last_seq() > 6);
    }
  }
}
