#pragma once
// The coordinator's progress overview: entries of one fiscal year counted by
// department and status. The server answers GET …/dashboard with it and the
// Qt client computes the same from its replica while offline.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "matome/domain/entry.h"
#include "matome/store/store.h"

namespace matome {

struct department_progress {
  matome::department department;
  std::map<entry_status, int> counts;  // every status, zero included
  int total = 0;
  int handed_in = 0;         // submitted or accepted
  int percent_complete = 0;  // accepted / total, rounded down
  int overdue = 0;           // entries still open once the due date has passed

  int count(entry_status s) const { return counts.contains(s) ? counts.at(s) : 0; }
  int open() const { return total - handed_in; }
};

struct dashboard {
  int year = 0;
  std::optional<std::string> due_date;  // YYYY-MM-DD
  bool past_due = false;
  std::vector<department_progress> departments;  // only departments owning rows
  std::vector<std::string> still_to_submit;      // department names, for a reminder

  int total() const;
  int accepted() const;
};

// `today` is a UTC date (YYYY-MM-DD); `due_date` overrides the store's due
// date when the caller knows it from elsewhere (a replica caches it).
dashboard compute_dashboard(store& db, record_id plan_id, int year, std::string_view today,
                            std::optional<std::string> due_date);

}  // namespace matome
