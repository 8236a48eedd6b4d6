#pragma once
// The Qt client's Session and SyncController on a real replica file, for
// the model, view and end-to-end tests.
//   demo_app: the demo plan (北本市) imported straight into the replica, as a
//             given user, offline (no server; the sync loop is not started).
//   live_app: signed in to a real server on 127.0.0.1 (see test_server.h).

#include <QCoreApplication>
#include <QElapsedTimer>
#include <functional>
#include <memory>
#include <string>

#include "session.h"
#include "support/temp_dir.h"
#include "synccontroller.h"

namespace matome::test {

struct demo_app {
  explicit demo_app(const std::string& login);
  ~demo_app();

  record_id department(const std::string& code);
  // A plan item by its title, e.g. "認知症サポーター養成講座".
  record_id item(const std::string& title);
  // Stores an open conflict on a cell as a pull from the server would.
  void add_conflict(const cell_key& key, const std::string& base, const std::string& incoming,
                    const std::string& server, const std::string& sent_by);
  // Stores a new server value of a cell as a pull would (someone else's edit).
  void pull_value(const cell_key& key, const std::string& value);

  temp_dir dir;
  std::unique_ptr<Matome::Session> session;
  std::unique_ptr<Matome::SyncController> sync;

 private:
  record_id next_conflict_id_ = 9001;
};

// Signs `login` in to the server at `url` through Session::signIn (the same
// path the sign-in page takes) and starts the sync loop.
struct live_app {
  // `keychain`: keep the token in the desktop keychain (needs one running,
  // see with_keyring.sh); otherwise in the replica.
  live_app(const std::filesystem::path& data, const std::string& url, const std::string& login,
           bool keychain = false);
  ~live_app();

  std::unique_ptr<Matome::Session> session;
  std::unique_ptr<Matome::SyncController> sync;
};

// Processes Qt events until `done` holds or `timeout_ms` passes.
bool wait_until(const std::function<bool()>& done, int timeout_ms = 15000);

}  // namespace matome::test
