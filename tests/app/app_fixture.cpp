#include "app_fixture.h"

#include <QThread>
#include <stdexcept>

#include "matome/client/replica.h"
#include "matome/plan_file/plan_file.h"

namespace matome::test {

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  QElapsedTimer timer;
  timer.start();
  while (!done()) {
    if (timer.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return true;
}

demo_app::demo_app(const std::string& login) {
  qputenv("MATOME_TOKEN_STORE", "database");
  {
    auto local = client::replica::open(dir.file("replica.db")).value();
    auto imported = import_plan_file(local.db(), MATOME_DEMO_PLAN, hash_cost::minimal);
    if (!imported) throw std::runtime_error(imported.error().message);
    auto user = local.db().find_user(login).value();
    // Port 9 (discard) is closed: were a sync attempted, it would find no server.
    local.set_identity(
        {"http://127.0.0.1:9", login, "test-pc", user.department_id, user.role, imported->plan_id});
    local.set_setting("token", "offline");
  }
  session = std::make_unique<Matome::Session>(QString::fromStdString(dir.path().string()));
  Matome::Session::setInstance(session.get());
  sync = std::make_unique<Matome::SyncController>(session.get());
  Matome::SyncController::setInstance(sync.get());
}

demo_app::~demo_app() {
  sync.reset();
  session.reset();
}

record_id demo_app::department(const std::string& code) {
  return session->replica().db().find_department_by_code(code).value().id;
}

record_id demo_app::item(const std::string& title) {
  for (const auto& i : session->plan()->items)
    if (i.title == title) return i.id;
  throw std::runtime_error("no item " + title);
}

void demo_app::add_conflict(const cell_key& key, const std::string& base,
                            const std::string& incoming, const std::string& server,
                            const std::string& sent_by) {
  auto& db = session->replica().db();
  feed_page page;
  page.cursor = db.last_seq() + 1;
  page.structure_version = db.structure_version(session->plan()->plan.id);
  conflict_record c;
  c.id = next_conflict_id_++;  // each its own, so a test may add several
  c.key = key;
  c.change_id = "test-conflict-" + std::to_string(c.id);
  c.base_value = base;
  c.server_value = server;
  c.incoming_value = incoming;
  c.user = sent_by;
  c.device = sent_by + "-pc";
  c.created_at = "2026-11-24T09:00:00.000Z";
  c.server_user = "coord";  // the server's side was the coordinator's
  c.server_at = "2026-11-24T08:30:00.000Z";
  page.conflicts.push_back(c);
  db.apply_feed(session->plan()->plan.id, page);
  session->notifyReplicaChanged();
}

void demo_app::pull_value(const cell_key& key, const std::string& value) {
  auto& db = session->replica().db();
  feed_page page;
  page.cursor = db.last_seq() + 1;
  page.structure_version = db.structure_version(session->plan()->plan.id);
  page.cells.push_back({key, value, page.cursor});
  db.apply_feed(session->plan()->plan.id, page);
  session->notifyReplicaChanged();
}

live_app::live_app(const std::filesystem::path& data, const std::string& url,
                   const std::string& login, bool keychain) {
  if (keychain) {
    qunsetenv("MATOME_TOKEN_STORE");
  } else {
    qputenv("MATOME_TOKEN_STORE", "database");
  }
  session = std::make_unique<Matome::Session>(QString::fromStdString(data.string()));
  Matome::Session::setInstance(session.get());
  sync = std::make_unique<Matome::SyncController>(session.get());
  Matome::SyncController::setInstance(sync.get());
  session->signIn(QString::fromStdString(url), QString::fromStdString(login),
                  QStringLiteral("demo"));
  if (!wait_until([&] { return session->signedIn() || !session->error().isEmpty(); }))
    throw std::runtime_error("sign-in timed out");
  if (!session->signedIn()) throw std::runtime_error(session->error().toStdString());
  if (!wait_until([&] { return sync->syncCount() >= 1; }))
    throw std::runtime_error("first sync timed out");
}

live_app::~live_app() {
  sync.reset();
  session.reset();
}

}  // namespace matome::test
