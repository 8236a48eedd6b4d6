#include "matome/store/applied_index.h"

#include <algorithm>
#include <functional>

namespace matome {

// The three parts hashed in turn, without joining them into a new string
// (this runs for every change pushed and every history row read at start).
applied_index::key applied_index::key_of(std::string_view user, std::string_view device,
                                         std::string_view change_id) {
  key hash = 0;
  for (const auto part : {user, device, change_id})
    hash = (hash ^ std::hash<std::string_view>{}(part)) * 0x100000001b3ULL;
  return hash;
}

void applied_index::catch_up(sqlite::database& db) {
  read_outcomes(db);
  auto rows = db.prepare(
      "SELECT seq, user_name, device, change_id FROM history WHERE seq > ? ORDER BY seq");
  rows.bind(1, through_);
  while (rows.step()) {
    const auto seq = rows.int64(0);
    insert(key_of(rows.text_view(1), rows.text_view(2), rows.text_view(3)), seq);
    through_ = seq;
  }
}

// data_version changes only when another connection commits: this
// connection's own rows went in with add_outcome as they were written.
void applied_index::read_outcomes(sqlite::database& db) {
  auto version = db.prepare("PRAGMA data_version");
  version.step();
  const auto now = version.int64(0);
  version.reset();
  if (now == outcomes_version_) return;
  outcomes_.clear();
  unscoped_outcomes_ = false;
  auto rows = db.prepare("SELECT user_name, device, change_id FROM applied_changes");
  while (rows.step()) {
    outcomes_.insert(key_of(rows.text_view(0), rows.text_view(1), rows.text_view(2)));
    unscoped_outcomes_ = unscoped_outcomes_ || rows.text_view(0).empty();
  }
  outcomes_version_ = now;
}

// Only a database from before schema step 8 has unscoped rows, so only
// there does a change cost a second hash.
bool applied_index::may_have_outcome(key change, std::string_view change_id) const {
  return outcomes_.contains(change) ||
         (unscoped_outcomes_ && outcomes_.contains(key_of("", "", change_id)));
}

// Each row goes in once: a batch in a group commit reads the rows the
// batches before it added, and after a rollback rows are read again.
void applied_index::insert(key change, std::int64_t seq) {
  const auto [first, fresh] = seqs_.try_emplace(change, seq);
  if (fresh || first->second == seq) return;
  const auto [from, to] = more_seqs_.equal_range(change);
  if (std::none_of(from, to, [seq](const auto& entry) { return entry.second == seq; }))
    more_seqs_.emplace(change, seq);
}

std::vector<std::int64_t> applied_index::candidates(key change) const {
  std::vector<std::int64_t> out;
  const auto first = seqs_.find(change);
  if (first == seqs_.end()) return out;
  out.push_back(first->second);
  if (more_seqs_.empty()) return out;
  const auto [from, to] = more_seqs_.equal_range(change);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

}  // namespace matome
