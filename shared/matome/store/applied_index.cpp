#include "matome/store/applied_index.h"

#include <algorithm>
#include <functional>

namespace matome {
namespace {

// The three parts hashed in turn, without joining them into a new string
// (this runs for every change pushed and every history row read at start).
std::uint64_t key_of(std::string_view user, std::string_view device, std::string_view change_id) {
  std::uint64_t key = 0;
  for (const auto part : {user, device, change_id})
    key = (key ^ std::hash<std::string_view>{}(part)) * 0x100000001b3ULL;
  return key;
}

}  // namespace

void applied_index::catch_up(sqlite::database& db) {
  read_outcomes(db);
  auto rows = db.prepare(
      "SELECT seq, user_name, device, change_id FROM history WHERE seq > ? ORDER BY seq");
  rows.bind(1, through_);
  while (rows.step()) {
    const auto seq = rows.int64(0);
    const auto key = key_of(rows.text_view(1), rows.text_view(2), rows.text_view(3));
    insert(key, seq);
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
  auto rows = db.prepare("SELECT user_name, device, change_id FROM applied_changes");
  while (rows.step())
    outcomes_.insert(key_of(rows.text_view(0), rows.text_view(1), rows.text_view(2)));
  outcomes_version_ = now;
}

void applied_index::add_outcome(std::string_view user, std::string_view device,
                                std::string_view change_id) {
  outcomes_.insert(key_of(user, device, change_id));
}

bool applied_index::may_have_outcome(std::string_view user, std::string_view device,
                                     std::string_view change_id) const {
  return outcomes_.contains(key_of(user, device, change_id)) ||
         outcomes_.contains(key_of("", "", change_id));
}

void applied_index::add(std::string_view user, std::string_view device, std::string_view change_id,
                        std::int64_t seq) {
  insert(key_of(user, device, change_id), seq);
}

// Each row goes in once: a batch in a group commit reads the rows the
// batches before it added, and after a rollback rows are read again.
void applied_index::insert(std::uint64_t key, std::int64_t seq) {
  const auto [first, fresh] = seqs_.try_emplace(key, seq);
  if (fresh || first->second == seq) return;
  const auto [from, to] = more_seqs_.equal_range(key);
  if (std::none_of(from, to, [seq](const auto& entry) { return entry.second == seq; }))
    more_seqs_.emplace(key, seq);
}

std::vector<std::int64_t> applied_index::candidates(std::string_view user, std::string_view device,
                                                    std::string_view change_id) const {
  std::vector<std::int64_t> out;
  const auto key = key_of(user, device, change_id);
  const auto first = seqs_.find(key);
  if (first == seqs_.end()) return out;
  out.push_back(first->second);
  if (more_seqs_.empty()) return out;
  const auto [from, to] = more_seqs_.equal_range(key);
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

}  // namespace matome
