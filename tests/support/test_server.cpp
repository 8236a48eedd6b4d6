#include "support/test_server.h"

#include <unistd.h>

#include "matome/auth/password.h"

namespace matome::test {

server::server_options test_server::quick_options() {
  server::server_options o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = 2;
  o.timeout = std::chrono::seconds(5);
  o.shutdown_grace = std::chrono::seconds(5);
  return o;
}

small_plan make_or_find_test_plan(store& s) {
  small_plan p;
  if (s.plan_ids().empty()) {
    p = make_small_plan(s);
    const std::string hash = hash_password("demo", hash_cost::minimal).value();
    s.add_user({0, "fukushi1", "福祉課 担当", p.fukushi, role::member, hash, false}).value();
    s.add_user({0, "shakyo1", "社協 担当", p.shakyo, role::member, hash, false}).value();
    s.add_user({0, "coord", "取りまとめ", p.fukushi, role::coordinator, hash, false}).value();
    s.add_user({0, "root", "管理者", 0, role::admin, hash, false}).value();
    return p;
  }
  // Same ids as when it was made: the plan is the store's first.
  p.plan_id = s.plan_ids().at(0);
  p.index = s.load_plan_index(p.plan_id).value();
  p.fukushi = s.find_department_by_code("fukushi").value().id;
  p.shakyo = s.find_department_by_code("shakyo").value().id;
  for (const auto& item : p.index.items) {
    if (item.level == 0) p.goal = item.id;
    if (item.owner_ids.size() == 1) p.solo_row = item.id;
    if (item.owner_ids.size() == 2) p.shared_row = item.id;
  }
  return p;
}

test_server::test_server(const std::filesystem::path& db_file, server::server_options options) {
  store s = store::open(db_file).value();
  plan_ = make_or_find_test_plan(s);
  server_ = std::make_unique<server::http_server>(options, std::move(s));
  thread_ = std::thread([this] { server_->run(); });
}

int test_server::keep_listener() const {
  return ::dup(server_->listening_socket());
}

void test_server::stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

test_server::~test_server() {
  stop();
}

}  // namespace matome::test
