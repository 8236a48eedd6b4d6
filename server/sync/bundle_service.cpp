#include "sync/bundle_service.h"

#include "auth/device_tokens.h"
#include "matome/sync/bundle.h"
#include "matome/wire/codec.h"
#include "sync/timeline_check.h"

namespace matome::server {

result<bundle_result> answer_bundle(store& s, std::string_view bundle_text) {
  auto opened = open_bundle(bundle_text);
  if (!opened) return opened.error();
  if (opened->kind != "changes") {
    return make_error(errc::invalid_argument,
                      "これは変更の同期ファイルではありません（種類: " + opened->kind + "）。");
  }
  auto who = session_for_signer(s, opened->signer);
  if (!who) return who.error();
  // Authenticated by the signature, so JSON from here is a registered device's.
  auto changes = wire::decode<wire::bundle_changes>(opened->payload, wire::format::json);
  if (!changes) return changes.error();
  if (changes->plan_id != opened->plan_id) {
    return make_error(errc::invalid_argument,
                      "the bundle's header and payload name different plans");
  }
  auto index = s.load_plan_index(changes->plan_id);
  if (!index) return index.error();

  const actor as = who->as_actor();
  wire::bundle_answer answer;
  answer.device = opened->signer;
  answer.request_id = changes->request_id;
  answer.timeline = timeline_seen_by(s, changes->cursor);
  // A file written before a restore: its base versions and cursor belong to
  // numbers handed out again since. Nothing is applied (the device keeps
  // its changes and sends them again, rebased); it gets everything anew.
  const bool rewound = !changes->timeline.empty() && changes->timeline != answer.timeline;
  answer.department_id = as.department_id;
  answer.role = std::string(to_string(as.role));
  // Moved to another department or role since the file's cursor was pulled:
  // the device gets what it may see now from the start (its changes are
  // still applied, each checked against the user's rights now).
  const bool moved = !changes->role.empty() &&
                     (changes->department_id != as.department_id || changes->role != answer.role);
  std::int64_t since = moved ? 0 : changes->cursor;
  if (rewound || changes->cursor > s.last_seq()) {
    since = 0;
  } else {
    answer.response.outcomes = s.apply(*index, as, changes->changes);
    answer.action_outcomes = s.apply_actions(*index, as, changes->actions);
  }
  answer.response.last_seq = s.last_seq();
  const auto structure = s.structure_version(changes->plan_id);
  if (since == 0 || structure != changes->structure_version) {
    answer.has_snapshot = true;
    answer.snapshot.structure_version = structure;
    answer.snapshot.plan = index->plan;
    answer.snapshot.departments = s.departments();
    answer.snapshot.items = index->items;
  }
  // Everything the device lacks, in one page: a file has no round trips.
  static_cast<feed_page&>(answer.page) =
      s.pull(changes->plan_id, feed_scope::of(as), since, std::numeric_limits<std::int32_t>::max());

  auto sealed = seal_bundle("answer", changes->plan_id, wire::encode(answer, wire::format::json),
                            server_signing_key(s));
  if (!sealed) return sealed.error();
  bundle_result out{std::move(*sealed), answer.response.last_seq, {}};
  if (!answer.action_outcomes.empty()) out.departments.insert(0);
  for (std::size_t i = 0; i < answer.response.outcomes.size(); ++i) {
    const auto& o = answer.response.outcomes[i];
    if (!o.repeated && o.kind != outcome_kind::refused)
      out.departments.insert(changes->changes[i].key.department_id);
  }
  return out;
}

}  // namespace matome::server
