#include "historyapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "apicall.h"
#include "displaytext.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {

void fetchHistory(QObject* context, qint64 itemId, qint64 departmentId, int year,
                  const QString& field,
                  std::function<void(bool, const std::vector<HistoryRow>&, const QString&)> done) {
  auto* session = Session::instance();
  if (!session || !session->identity()) {
    done(false, {}, QObject::tr("サインインしていません。"));
    return;
  }
  const auto target = "/api/v1/plans/" + std::to_string(session->identity()->plan_id) +
                      "/history?item=" + std::to_string(itemId) +
                      "&department=" + std::to_string(departmentId) +
                      "&year=" + std::to_string(year) + "&field=" + utf8(field);
  callApiAsync(
      context, "GET", target, {}, [done = std::move(done)](bool ok, const std::string& body) {
        if (!ok) return done(false, {}, qs(body));
        std::vector<HistoryRow> rows;
        for (const auto& value : QJsonDocument::fromJson(QByteArray::fromStdString(body)).array()) {
          const auto o = value.toObject();
          rows.push_back({o.value(QStringLiteral("seq")).toInteger(),
                          localTimeLabel(o.value(QStringLiteral("at")).toString()),
                          o.value(QStringLiteral("user")).toString(),
                          o.value(QStringLiteral("device")).toString(),
                          o.value(QStringLiteral("old_value")).toString(),
                          o.value(QStringLiteral("new_value")).toString()});
        }
        done(true, rows, {});
      });
}

}  // namespace Matome
