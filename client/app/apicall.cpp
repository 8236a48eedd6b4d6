#include "apicall.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "matome/client/transport.h"
#include "session.h"

namespace Matome {

void callApiAsync(QObject* context, const std::string& method, const std::string& target,
                  const std::string& body, ApiDone done) {
  auto* session = Session::instance();
  auto token = session ? session->token() : std::nullopt;
  if (!session || !session->identity() || !token) {
    done(false, QObject::tr("サインインしていません。").toStdString());
    return;
  }
  const auto server = session->identity()->server;
  auto* watcher = new QFutureWatcher<matome::result<std::string>>(context);
  QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                   [watcher, done = std::move(done)] {
                     watcher->deleteLater();
                     auto answer = watcher->result();
                     if (answer) {
                       done(true, *answer);
                     } else {
                       done(false, answer.error().message);
                     }
                   });
  watcher->setFuture(QtConcurrent::run([server, token = *token, method, target, body] {
    return matome::client::call_api(server, token, method, target, body);
  }));
}

}  // namespace Matome
