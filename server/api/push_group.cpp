#include "api/push_group.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace matome::server {

bool push_group::is_push(const api_request& request) {
  return request.method == "POST" && request.path.starts_with("/api/v1/plans/") &&
         request.path.ends_with("/changes");
}

std::shared_ptr<push_group::ticket> push_group::enqueue(const api_request& request) {
  auto t = std::make_shared<ticket>(ticket{&request, std::nullopt});
  std::lock_guard lock(mutex_);
  waiting_.push_back(t);
  return t;
}

api_response push_group::run(const std::shared_ptr<ticket>& mine, router& api, store& db) {
  // Answered already, in the group of a push that got the thread first.
  if (mine->reply) return std::move(*mine->reply);
  // Not answered yet, so still waiting: this push, then those that came
  // first, up to the group's size. (Two I/O threads may ask for the
  // database thread in another order than they queued.) A sender's other
  // pushes stay waiting: each is answered as soon as it is committed, so a
  // client that keeps two in flight sends its next batch while the server
  // applies the other.
  std::vector<std::shared_ptr<ticket>> group{mine};
  {
    std::lock_guard lock(mutex_);
    std::erase(waiting_, mine);
    std::size_t bytes = mine->request->body.size();
    const auto sender_in_group = [&group](const ticket& t) {
      return std::ranges::any_of(group, [&t](const auto& in) {
        return in->request->authorization == t.request->authorization;
      });
    };
    for (auto at = waiting_.begin(); at != waiting_.end();) {
      const auto size = (*at)->request->body.size();
      if (bytes + size > max_bytes_) break;
      if (sender_in_group(**at)) {
        ++at;
        continue;
      }
      bytes += size;
      group.push_back(std::move(*at));
      at = waiting_.erase(at);
    }
  }
  if (group.size() == 1) return api.handle(*mine->request);  // its own transaction

  try {
    sqlite::transaction together(db.db());
    // Each push's store::apply runs in a savepoint inside this transaction.
    for (auto& t : group) t->reply = api.handle(*t->request);
    together.commit();
    db.committed();
  } catch (const std::exception&) {
    // Rolled back as `together` went: none of them is applied.
    db.rolled_back();
    const auto failed = std::current_exception();
    for (auto& t : group) {
      auto user = t->reply ? t->reply->user : std::string();
      auto route = t->reply ? t->reply->route : std::string_view();
      t->reply = router::failure_response(*t->request, failed);
      t->reply->user = std::move(user);
      t->reply->route = route;
    }
  }
  spdlog::debug("push group of {} committed together", group.size());
  return std::move(*mine->reply);
}

}  // namespace matome::server
