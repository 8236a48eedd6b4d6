#include "matome/report/dashboard.h"

namespace matome {

int dashboard::total() const {
  int n = 0;
  for (const auto& d : departments) n += d.total;
  return n;
}

int dashboard::accepted() const {
  int n = 0;
  for (const auto& d : departments) n += d.count(entry_status::accepted);
  return n;
}

dashboard compute_dashboard(store& db, record_id plan_id, int year, std::string_view today,
                            std::optional<std::string> due_date) {
  std::map<record_id, std::map<entry_status, int>> counts;
  for (const auto& c : db.status_counts(plan_id, year)) counts[c.department_id][c.status] = c.count;

  dashboard out;
  out.year = year;
  out.due_date = std::move(due_date);
  out.past_due = out.due_date && today > std::string_view(*out.due_date);
  for (auto& d : db.departments()) {
    auto it = counts.find(d.id);
    if (it == counts.end()) continue;  // owns no rows
    department_progress row;
    row.department = std::move(d);
    for (auto s : {entry_status::not_started, entry_status::draft, entry_status::checking,
                   entry_status::submitted, entry_status::returned, entry_status::accepted}) {
      row.counts[s] = it->second.contains(s) ? it->second.at(s) : 0;
      row.total += row.counts[s];
    }
    const int accepted = row.count(entry_status::accepted);
    row.handed_in = accepted + row.count(entry_status::submitted);
    row.percent_complete = row.total == 0 ? 0 : (100 * accepted) / row.total;
    row.overdue = out.past_due ? row.open() : 0;
    if (row.open() > 0) out.still_to_submit.push_back(row.department.name);
    out.departments.push_back(std::move(row));
  }
  return out;
}

}  // namespace matome
