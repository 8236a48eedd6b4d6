// Actions made offline (workflow steps, resolutions, comments), applied at
// most once per action id through the same functions as online requests.
#include "matome/store/store.h"
#include "matome/util/digest.h"

namespace matome {
namespace {

// What an action was, so a reused id can be told from a retry.
std::string fingerprint_of(const workflow_action& a) {
  return std::string(to_string(a.kind)) + "\n" + std::to_string(a.entry.item_id) + "/" +
         std::to_string(a.entry.department_id) + "/" + std::to_string(a.entry.year) + "\n" +
         a.name + "\n" + std::to_string(a.conflict_id) + "\n" + std::to_string(a.seen_version) +
         "\n" + content_digest(a.text);
}

result<void> run_action(store& s, const plan_index& index, const actor& who,
                        const workflow_action& a) {
  switch (a.kind) {
    case action_kind::transition: {
      auto step = parse_entry_action(a.name);
      if (!step || *step == entry_action::edit) {
        return make_error(errc::invalid_value, "\"" + a.name + "\" is not a workflow step");
      }
      auto moved = s.transition(index, who, a.entry, *step, a.text);
      if (!moved) return moved.error();
      return {};
    }
    case action_kind::resolve: {
      store::resolution how;
      if (a.name == "server") {
        how = store::resolution::keep_server;
      } else if (a.name == "incoming") {
        how = store::resolution::take_incoming;
      } else if (a.name == "merged") {
        how = store::resolution::merged;
      } else {
        return make_error(errc::invalid_value, "a resolution takes server, incoming or merged");
      }
      auto resolved = s.resolve_conflict(index, who, a.conflict_id, how, a.text, a.seen_version);
      if (!resolved) return resolved.error();
      return {};
    }
    case action_kind::comment: {
      auto id = s.add_comment(index, who, a.entry, a.text);
      if (!id) return id.error();
      return {};
    }
  }
  return {};
}

}  // namespace

std::vector<action_outcome> store::apply_actions(const plan_index& index, const actor& who,
                                                 std::span<const workflow_action> actions) {
  std::vector<action_outcome> outcomes;
  for (const auto& a : actions) {
    sqlite::transaction tx(db_);
    action_outcome o;
    o.action_id = a.action_id;
    // An id is its sender's, as for cell changes (store_apply.cpp).
    const std::string fingerprint = fingerprint_of(a);
    auto seen = db_.prepare(
        "SELECT done, reason_code, reason, fingerprint FROM applied_actions WHERE action_id = ?"
        " AND ((user_name = ? AND device = ?) OR user_name = '') ORDER BY user_name DESC LIMIT 1");
    seen.bind(1, a.action_id).bind(2, who.user).bind(3, who.device);
    if (seen.step()) {
      if (!seen.text(3).empty() && seen.text(3) != fingerprint) {
        outcomes.push_back({a.action_id, false, "invalid_argument",
                            "action id " + a.action_id +
                                " は、この端末の別の操作にすでに使われています。操作ごとに新しい "
                                "action id で送ってください。",
                            false});
        continue;
      }
      o.done = seen.int64(0) != 0;
      o.reason_code = seen.text(1);
      o.reason = seen.text(2);
      o.repeated = true;
      outcomes.push_back(std::move(o));
      continue;
    }
    if (a.action_id.empty() || a.action_id.size() > 128) {
      outcomes.push_back(
          {a.action_id, false, "invalid_argument", "action_id must be 1 to 128 characters", false});
      continue;
    }
    auto done = run_action(*this, index, who, a);
    o.done = static_cast<bool>(done);
    if (!done) {
      o.reason_code = std::string(to_string(done.error().code));
      o.reason = done.error().message;
    }
    auto remember = db_.prepare(
        "INSERT INTO applied_actions(action_id, user_name, device, fingerprint, done, reason_code,"
        " reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    remember.bind(1, a.action_id).bind(2, who.user).bind(3, who.device).bind(4, fingerprint);
    remember.bind(5, o.done ? 1 : 0).bind(6, o.reason_code).bind(7, o.reason);
    remember.bind(8, clock_()).run();
    tx.commit();
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace matome
