#pragma once
// A request to the server that is not sync (history, dashboard due date,
// finalize), run off the UI thread; `done` runs on the UI thread with the
// response body or the error's message, unless `context` is gone.

#include <QObject>
#include <QString>
#include <functional>
#include <string>

namespace Matome {

using ApiDone = std::function<void(bool ok, const std::string& bodyOrError)>;

void callApiAsync(QObject* context, const std::string& method, const std::string& target,
                  const std::string& body, ApiDone done);

}  // namespace Matome
