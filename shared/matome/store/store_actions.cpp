// Actions made offline (workflow steps, resolutions, comments), applied at
// most once per action id through the same functions as online requests.
#include "matome/store/store.h"

namespace matome {
namespace {

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
    auto seen =
        db_.prepare("SELECT done, reason_code, reason FROM applied_actions WHERE action_id = ?");
    seen.bind(1, a.action_id);
    if (seen.step()) {
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
        "INSERT INTO applied_actions(action_id, done, reason_code, reason, received_at) VALUES (?, "
        "?, ?, ?, ?)");
    remember.bind(1, a.action_id).bind(2, o.done ? 1 : 0).bind(3, o.reason_code).bind(4, o.reason);
    remember.bind(5, clock_()).run();
    tx.commit();
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace matome
