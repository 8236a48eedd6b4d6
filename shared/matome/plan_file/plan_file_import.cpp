// Importing a plan file into a store, all or nothing: one transaction around
// every write, and the values and statuses go through the real apply and
// workflow paths so they are checked and recorded like any edit.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "matome/plan_file/plan_file.h"
#include "matome/store/store.h"
#include "matome/util/file.h"
#include "matome/util/uuid.h"

namespace matome {
namespace {

struct importer {
  importer(store& st, const plan_file& f, hash_cost c, import_mode m)
      : s(st), file(f), cost(c), mode(m) {}

  store& s;
  const plan_file& file;
  hash_cost cost;
  import_mode mode;
  import_summary summary;
  std::string run_id = new_uuid();  // change ids unique per run, so a re-import is applied
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
    return "import:" + file.plan_.code + ":" + run_id + ":" + std::to_string(++change_counter);
  }

  result<record_id> department(const std::string& code, const std::string& where) {
    auto it = department_ids.find(code);
    if (it == department_ids.end()) {
      return make_error(errc::invalid_value,
                        where + ": 担当課コード「" + code + "」は departments にありません。");
    }
    return it->second;
  }

  // What an update finds already there: the plan's items as they were
  // before this run.
  std::optional<plan_index> before;

  // An item is the same when its parent is and its label (or, without one,
  // its title) is: the label path.
  const plan_item* existing_item(record_id parent_id, const plan_file_item& node) const {
    if (!before) return nullptr;
    const std::string& key = node.label.empty() ? node.title : node.label;
    for (const auto& item : before->items) {
      if (item.parent_id != parent_id) continue;
      if ((item.label.empty() ? item.title : item.label) == key) return &item;
    }
    return nullptr;
  }

  result<void> merge_owners(const plan_item& item, const plan_file_item& node) {
    std::vector<record_id> owners = item.owner_ids;
    for (const auto& code : node.owners) {
      auto id = department(code, "「" + node.title + "」");
      if (!id) return id.error();
      if (std::find(owners.begin(), owners.end(), *id) == owners.end()) owners.push_back(*id);
    }
    if (owners == item.owner_ids) return {};
    return s.set_item_owners(item.id, owners);
  }

  result<void> add_items(const std::vector<plan_file_item>& nodes, record_id parent_id) {
    int position = 0;
    for (const auto& node : nodes) {
      if (!node.relist_of.empty()) {
        relistings.push_back({node.relist_of, parent_id, node.label});
        continue;
      }
      if (auto existing = existing_item(parent_id, node); existing != nullptr) {
        ++position;
        if (auto ok = merge_owners(*existing, node); !ok) return ok;
        if (!node.key.empty()) item_ids[node.key] = existing->id;
        node_ids[&node] = existing->id;
        if (auto added = add_items(node.children, existing->id); !added) return added;
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

  // The change that brings a cell to `value`, on top of what is there; none
  // when it holds that value already.
  std::optional<cell_change> change_to(const cell_key& key, const std::string& value) {
    version_t base = 0;
    if (before) {
      if (auto existing = s.find_cell(key)) {
        if (existing->value == value) return std::nullopt;
        base = existing->version;
      }
    }
    return cell_change{next_change_id(), key, base, value};
  }

  result<void> apply_values(const plan_index& index, const actor& who,
                            std::vector<cell_change> changes, const std::string& where) {
    if (changes.empty()) return {};
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
      // A heading holds only its sections' plan values (validate_cell checks
      // each against its level); reports belong to rows.
      if (!index.plan.is_row(*item) && !node.reports.empty()) {
        return make_error(errc::invalid_value,
                          "「" + node.title + "」: reports can only be given on rows");
      }
      std::vector<cell_change> plan_changes;
      for (const auto& [field, value] : node.plan_values) {
        cell_key key{item->id, 0, 0, field};
        if (auto at = field.find('@'); at != std::string::npos) {
          key.field = field.substr(0, at);
          key.year = std::atoi(field.c_str() + at + 1);
        }
        if (auto change = change_to(key, value)) plan_changes.push_back(*change);
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
          if (auto change = change_to({item->id, *department_id, report.year, field}, value)) {
            changes.push_back(*change);
          }
        }
        // A correction to an entry that has left the department (submitted,
        // accepted) is the coordinator's, as it would be in the client.
        const bool moved_on =
            !department_may_edit(s.find_entry({item->id, *department_id, report.year}).status);
        const actor writer =
            moved_on ? actor{"import", "plan-file", *department_id, role::coordinator} : member;
        if (auto ok = apply_values(index, writer, changes, where); !ok) return ok;
        const auto thread = s.comments_of({item->id, *department_id, report.year});
        for (const auto& note : report.notes) {
          if (std::any_of(thread.begin(), thread.end(),
                          [&](const comment_record& c) { return c.body == note; })) {
            continue;  // imported before
          }
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

  // Walks the workflow from draft to the file's status. An entry that has
  // moved on already (an update) is left where it is.
  result<void> reach_status(const plan_index& index, const actor& member, const entry_key& key,
                            const plan_file_report& report) {
    const entry_status now = s.find_entry(key).status;
    if (now != entry_status::not_started && now != entry_status::draft) return {};
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
      if (auto known = s.find_department_by_code(d.code);
          known && mode == import_mode::create_or_update) {
        department_ids[d.code] = known->id;
        continue;
      }
      auto id = s.add_department(d);
      if (!id) return id.error();
      department_ids[d.code] = *id;
      ++summary.departments;
    }
    result<record_id> plan_id = make_error(errc::not_found, "");
    if (mode == import_mode::create_or_update) {
      if (auto existing = s.find_plan_by_code(file.plan_.code)) {
        plan_id = *existing;
        auto index = s.load_plan_index(*existing);
        if (!index) return index.error();
        before = std::move(*index);
        summary.updated = true;
        // A file without a layout leaves the plan's as it is.
        if (!file.plan_.report_layout.empty()) {
          if (auto ok = s.set_report_layout(*existing, file.plan_.report_layout); !ok)
            return ok.error();
        }
      }
    }
    if (!before) plan_id = s.add_plan(file.plan_);
    if (!plan_id) return plan_id.error();
    summary.plan_id = *plan_id;
    if (auto added = add_items(file.items, /*parent_id=*/0); !added) return added.error();
    for (const auto& r : relistings) {
      auto it = item_ids.find(r.of);
      if (it == item_ids.end()) {
        return make_error(errc::invalid_value, "再掲「" + r.of + "」: no item has that key");
      }
      if (before) {
        const plan_item* item = before->find_item(it->second);
        if (item != nullptr &&
            std::any_of(item->relistings.begin(), item->relistings.end(),
                        [&](const relisting& l) { return l.parent_id == r.parent_id; })) {
          continue;  // listed there before
        }
      }
      if (auto ok = s.add_relisting(it->second, {r.parent_id, r.label}); !ok) return ok.error();
    }
    for (const auto& u : file.users) {
      // A sheet import keeps accounts that exist as they are.
      if (mode == import_mode::create_or_update && s.find_user(u.login)) continue;
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
      if (s.is_finalized(*plan_id, year)) continue;
      if (auto ok = s.finalize_year(*plan_id, coordinator, year); !ok) return ok.error();
    }
    return summary;
  }
};

}  // namespace

result<import_summary> import_plan_file(store& s, const plan_file& file, hash_cost cost,
                                        import_mode mode) {
  sqlite::transaction tx(s.db());
  importer run(s, file, cost, mode);
  auto summary = run.run();
  if (summary) tx.commit();
  return summary;
}

result<import_summary> import_plan_file(store& s, const std::string& path, hash_cost cost) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  auto file = parse_plan_file(*bytes);
  if (!file) return make_error(file.error().code, path + ": " + file.error().message);
  return import_plan_file(s, *file, cost);
}

}  // namespace matome
