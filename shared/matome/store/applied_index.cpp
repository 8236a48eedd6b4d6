#include "matome/store/applied_index.h"

#include <functional>
#include <string>

namespace matome {
namespace {

std::uint64_t key_of(std::string_view user, std::string_view device, std::string_view change_id) {
  std::string joined;
  joined.reserve(user.size() + device.size() + change_id.size() + 2);
  joined.append(user).push_back('\x1f');
  joined.append(device).push_back('\x1f');
  joined.append(change_id);
  return std::hash<std::string>{}(joined);
}

}  // namespace

void applied_index::catch_up(sqlite::database& db) {
  if (through_ < 0) through_ = 0;
  auto rows = db.prepare(
      "SELECT seq, user_name, device, change_id FROM history WHERE seq > ? ORDER BY seq");
  rows.bind(1, through_);
  while (rows.step()) {
    const auto seq = rows.int64(0);
    seqs_.emplace(key_of(rows.text(1), rows.text(2), rows.text(3)), seq);
    through_ = seq;
  }
}

void applied_index::add(std::string_view user, std::string_view device, std::string_view change_id,
                        std::int64_t seq) {
  seqs_.emplace(key_of(user, device, change_id), seq);
}

std::vector<std::int64_t> applied_index::candidates(std::string_view user, std::string_view device,
                                                    std::string_view change_id) const {
  std::vector<std::int64_t> out;
  const auto [from, to] = seqs_.equal_range(key_of(user, device, change_id));
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

}  // namespace matome
