// The administrator's commands on a plan's rows: list them with their ids,
// change who reports on a row, move it under another heading, remove a row
// nothing was reported on. Each
// change gives the plan a new structure number, so a running server and
// every replica take it at their next request or sync.
#include <iostream>

#include "admin/admin_commands.h"
#include "admin/admin_support.h"
#include "matome/report/report_layout.h"
#include "matome/util/file.h"

namespace matome::server::admin {
namespace {

std::string department_codes(const std::vector<record_id>& ids,
                             const std::vector<department>& departments) {
  std::string out;
  for (record_id id : ids) {
    for (const auto& d : departments) {
      if (d.id == id) out += (out.empty() ? "" : ",") + d.code;
    }
  }
  return out;
}

}  // namespace

int list_items(const std::string& db) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  const auto departments = s->departments();
  for (record_id plan_id : s->plan_ids()) {
    auto index = s->load_plan_index(plan_id);
    if (!index) return report(index.error());
    std::cout << "# plan " << plan_id << " " << index->plan.code << " " << index->plan.title
              << "\n";
    for (const auto& item : index->items) {
      std::cout << item.id << "\t" << std::string(static_cast<std::size_t>(item.level) * 2, ' ')
                << item.label << " " << item.title;
      if (!item.owner_ids.empty()) {
        std::cout << "\t" << department_codes(item.owner_ids, departments);
      }
      std::cout << "\n";
    }
  }
  return 0;
}

int set_owners(const std::string& db, long long item_id,
               const std::vector<std::string>& department_codes_in_order) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  std::vector<record_id> owners;
  for (const auto& code : department_codes_in_order) {
    auto d = s->find_department_by_code(code);
    if (!d) return report(d.error());
    owners.push_back(d->id);
  }
  if (auto set = s->set_item_owners(item_id, owners); !set) return report(set.error());
  std::cout << "item " << item_id << " is reported on by "
            << department_codes(owners, s->departments()) << "\n";
  return 0;
}

int remove_item(const std::string& db, long long item_id) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  if (auto removed = s->remove_item(item_id); !removed) return report(removed.error());
  std::cout << "removed item " << item_id << "\n";
  return 0;
}

int move_item(const std::string& db, long long item_id, long long new_parent_id,
              const std::string& new_label) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  if (auto moved = s->move_item(item_id, new_parent_id, new_label); !moved) {
    return report(moved.error());
  }
  std::cout << "moved item " << item_id << " under "
            << (new_parent_id == 0 ? std::string("the top level")
                                   : "item " + std::to_string(new_parent_id))
            << "\n";
  return 0;
}

int set_layout(const std::string& db, const std::string& plan_code, const std::string& file) {
  auto s = open_existing(db);
  if (!s) return report(s.error());
  auto plan_id = s->find_plan_by_code(plan_code);
  if (!plan_id) {
    return report(
        make_error(plan_id.error().code,
                   plan_id.error().message +
                       " 計画コードは matome-server list-items の「# plan」の行にあります。"));
  }
  auto p = s->load_plan(*plan_id);
  if (!p) return report(p.error());
  std::string json;
  if (file != "-") {
    auto bytes = read_file(file);
    if (!bytes) return report(bytes.error());
    if (auto layout = parse_layout(*bytes, *p); !layout) {
      return report(make_error(layout.error().code, file + ": " + layout.error().message));
    }
    json = std::move(*bytes);
  }
  if (auto ok = s->set_report_layout(*plan_id, json); !ok) return report(ok.error());
  std::cout << (json.empty() ? "報告書のレイアウトを既定に戻しました: "
                             : "報告書のレイアウトを設定しました: ")
            << p->code << "\n";
  return 0;
}

}  // namespace matome::server::admin
