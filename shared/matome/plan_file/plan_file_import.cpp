// Importing a plan file into a store, all or nothing: one transaction around
// every write, and the values and statuses go through the real apply and
// workflow paths so they are checked and recorded like any edit.
#include <fstream>
#include <sstream>

#include "matome/plan_file/plan_file.h"
#include "matome/store/store.h"

namespace matome {
namespace {

struct importer {
  store& s;
  const plan_file& file;
  hash_cost cost;
  import_summary summary;
  std::map<std::string, record_id> department_ids;
  std::map<std::string, record_id> item_ids;            // by the file's item key
  std::map<const plan_file_item*, record_id> node_ids;  // every imported node
  struct pending_relisting {
    std::string of;
    record_id parent_id;
    std::string label;
  };
  std::vector<pending_relisting> relistings;
  int change_counter = 0;

  std::string next_change_id() {
    return "import:" + file.plan_.code + ":" + std::to_string(++change_counter);
  }

  result<record_id> department(const std::string& code, const std::string& where) {
    auto it = department_ids.find(code);
    if (it == department_ids.end()) {
      return make_error(errc::invalid_value,
                        where + ": 担当課コード「" + code + "」は departments にありません。");
    }
    return it->second;
  }

  result<void> add_items(const std::vector<plan_file_item>& nodes, record_id parent_id) {
    int position = 0;
    for (const auto& node : nodes) {
      if (!node.relist_of.empty()) {
        relistings.push_back({node.relist_of, parent_id, node.label});
        continue;
      }
      plan_item item;
      item.parent_id = parent_id;
      item.position = position++;
      item.label = node.label;
      item.title = node.title;
      item.description = node.description;
      item.page_ref = node.page_ref;
      for (const auto& code : node.owners) {
        auto id = department(code, "「" + node.title + "」");
        if (!id) return id.error();
        item.owner_ids.push_back(*id);
      }
      auto id = s.add_item(summary.plan_id, item);
      if (!id) return id.error();
      ++summary.items;
      if (node.children.empty() && !node.owners.empty()) ++summary.rows;
      if (!node.key.empty()) item_ids[node.key] = *id;
      node_ids[&node] = *id;
      if (auto added = add_items(node.children, *id); !added) return added;
    }
    return {};
  }

  result<void> apply_values(const plan_index& index, const actor& who,
                            std::vector<cell_change> changes, const std::string& where) {
    const auto outcomes = s.apply(index, who, changes);
    for (const auto& o : outcomes) {
      if (o.kind != outcome_kind::applied) {
        return make_error(errc::invalid_value,
                          where + ": " + (o.reason.empty() ? "conflicting values" : o.reason));
      }
    }
    summary.cells += static_cast<int>(changes.size());
    return {};
  }

  result<void> add_values(const plan_index& index, const std::vector<plan_file_item>& nodes) {
    const actor coordinator{"import", "plan-file", 0, role::coordinator};
    for (const auto& node : nodes) {
      if (auto nested = add_values(index, node.children); !nested) return nested;
      if (!node.relist_of.empty() || (node.plan_values.empty() && node.reports.empty())) continue;
      const plan_item* item = index.find_item(node_ids.at(&node));
      if (!index.plan.is_row(*item)) {
        return make_error(errc::invalid_value,
                          "「" + node.title + "」: values can only be given on rows");
      }
      std::vector<cell_change> plan_changes;
      for (const auto& [field, value] : node.plan_values) {
        cell_key key{item->id, 0, 0, field};
        if (auto at = field.find('@'); at != std::string::npos) {
          key.field = field.substr(0, at);
          key.year = std::atoi(field.c_str() + at + 1);
        }
        plan_changes.push_back({next_change_id(), key, 0, value});
      }
      if (auto ok = apply_values(index, coordinator, plan_changes, "「" + node.title + "」"); !ok)
        return ok;

      for (const auto& report : node.reports) {
        const std::string where =
            "「" + node.title + "」" + std::to_string(report.year) + " " + report.department;
        auto department_id = department(report.department, where);
        if (!department_id) return department_id.error();
        const actor member{"import", "plan-file", *department_id, role::member};
        std::vector<cell_change> changes;
        for (const auto& [field, value] : report.values) {
          changes.push_back(
              {next_change_id(), {item->id, *department_id, report.year, field}, 0, value});
        }
        if (auto ok = apply_values(index, member, changes, where); !ok) return ok;
        for (const auto& note : report.notes) {
          const actor importer_actor{"import", "plan-file", 0, role::coordinator};
          auto added =
              s.add_comment(index, importer_actor, {item->id, *department_id, report.year}, note);
          if (!added) return make_error(added.error().code, where + ": " + added.error().message);
        }
        if (auto ok = reach_status(index, member, {item->id, *department_id, report.year}, report);
            !ok) {
          return make_error(ok.error().code, where + ": " + ok.error().message);
        }
      }
    }
    return {};
  }

  // Walks the workflow from draft to the file's status.
  result<void> reach_status(const plan_index& index, const actor& member, const entry_key& key,
                            const plan_file_report& report) {
    const actor coordinator{"import", "plan-file", member.department_id, role::coordinator};
    const actor chief{"import", "plan-file", member.department_id, role::chief};
    auto step = [&](const actor& who, entry_action action,
                    std::string_view comment = {}) -> result<void> {
      auto moved = s.transition(index, who, key, action, comment);
      if (!moved) return moved.error();
      return {};
    };
    switch (report.status) {
      case entry_status::not_started:
      case entry_status::draft:
        return {};
      case entry_status::checking:
        return step(member, entry_action::submit);
      case entry_status::submitted:
      case entry_status::accepted:
      case entry_status::returned: {
        if (auto ok = step(member, entry_action::submit); !ok) return ok;
        if (index.plan.department_check) {
          if (auto ok = step(chief, entry_action::approve); !ok) return ok;
        }
        if (report.status == entry_status::accepted) return step(coordinator, entry_action::accept);
        if (report.status == entry_status::returned) {
          return step(coordinator, entry_action::return_,
                      report.comment.empty() ? "差戻し" : report.comment);
        }
        return {};
      }
    }
    return {};
  }

  result<import_summary> run() {
    for (const auto& d : file.departments) {
      auto id = s.add_department(d);
      if (!id) return id.error();
      department_ids[d.code] = *id;
      ++summary.departments;
    }
    auto plan_id = s.add_plan(file.plan_);
    if (!plan_id) return plan_id.error();
    summary.plan_id = *plan_id;
    if (auto added = add_items(file.items, /*parent_id=*/0); !added) return added.error();
    for (const auto& r : relistings) {
      auto it = item_ids.find(r.of);
      if (it == item_ids.end()) {
        return make_error(errc::invalid_value, "再掲「" + r.of + "」: no item has that key");
      }
      if (auto ok = s.add_relisting(it->second, {r.parent_id, r.label}); !ok) return ok.error();
    }
    for (const auto& u : file.users) {
      record_id department_id = 0;
      if (!u.department.empty()) {
        auto id = department(u.department, "user " + u.login);
        if (!id) return id.error();
        department_id = *id;
      }
      auto hash = hash_password(u.password, cost);
      if (!hash) return hash.error();
      auto id = s.add_user({0, u.login, u.name, department_id, u.user_role, *hash, false});
      if (!id) return id.error();
      ++summary.users;
    }
    auto index = s.load_plan_index(*plan_id);
    if (!index) return index.error();
    if (auto ok = add_values(*index, file.items); !ok) return ok.error();
    const actor coordinator{"import", "plan-file", 0, role::coordinator};
    for (int year : file.finalized_years) {
      if (auto ok = s.finalize_year(*plan_id, coordinator, year); !ok) return ok.error();
    }
    return summary;
  }
};

}  // namespace

result<import_summary> import_plan_file(store& s, const plan_file& file, hash_cost cost) {
  sqlite::transaction tx(s.db());
  importer run{s, file, cost, {}, {}, {}, {}, {}};
  auto summary = run.run();
  if (summary) tx.commit();
  return summary;
}

result<import_summary> import_plan_file(store& s, const std::string& path, hash_cost cost) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(errc::not_found, "cannot read plan file " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto file = parse_plan_file(bytes.str());
  if (!file) return make_error(file.error().code, path + ": " + file.error().message);
  return import_plan_file(s, *file, cost);
}

}  // namespace matome
