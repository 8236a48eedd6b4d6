#include "reviewmodel.h"

#include "displaytext.h"
#include "historyapi.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {

int ReviewModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

QHash<int, QByteArray> ReviewModel::roleNames() const {
  return {{KeyRole, "key"},
          {LabelRole, "label"},
          {AcceptedValueRole, "acceptedValue"},
          {CurrentValueRole, "currentValue"},
          {ChangeHtmlRole, "changeHtml"},
          {ChangedRole, "changed"}};
}

QVariant ReviewModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& f = m_fields[static_cast<std::size_t>(index.row())];
  switch (role) {
    case KeyRole:
      return f.key;
    case Qt::DisplayRole:
    case LabelRole:
      return f.label;
    case AcceptedValueRole:
      return f.accepted;
    case CurrentValueRole:
      return f.current;
    case ChangeHtmlRole:
      return diffHtml(utf8(f.accepted), utf8(f.current));
    case ChangedRole:
      return f.accepted != f.current;
    default:
      return {};
  }
}

int ReviewModel::changedCount() const {
  return static_cast<int>(std::count_if(m_fields.begin(), m_fields.end(),
                                        [](const Field& f) { return f.accepted != f.current; }));
}

void ReviewModel::load(qint64 itemId, qint64 departmentId, int year) {
  auto* session = Session::instance();
  if (!session || !session->plan()) return;
  m_itemId = itemId;
  m_departmentId = departmentId;
  m_year = year;
  const int request = ++m_request;
  beginResetModel();
  m_fields.clear();
  auto& local = session->replica();
  for (const auto& t : session->plan()->plan.tmpl.fields) {
    if (t.scope != matome::field_scope::report) continue;
    m_fields.push_back(
        {qs(t.key), qs(t.label), {}, qs(local.value_of({itemId, departmentId, year, t.key}))});
  }
  endResetModel();
  m_loading = true;
  m_error.clear();
  m_acceptedAt.clear();
  Q_EMIT loadingChanged();
  // The last acceptance is the newest "accepted" in the entry's status history.
  fetchHistory(
      this, itemId, departmentId, year, QStringLiteral("_status"),
      [this, request](bool ok, const std::vector<HistoryRow>& steps, const QString& error) {
        if (request != m_request) return;
        if (!ok) return finish(unreachable(error));
        qint64 acceptedSeq = 0;
        for (const auto& step : steps) {
          if (step.newValue != QStringLiteral("accepted")) continue;
          acceptedSeq = step.seq;
          m_acceptedAt = step.at;
        }
        if (acceptedSeq == 0) return finish(tr("この報告はまだ確定されたことがありません。"));
        loadField(0, acceptedSeq, request);
      });
}

// One field at a time: its value at the acceptance is the newest history
// row at or before that sequence number.
void ReviewModel::loadField(std::size_t index, qint64 acceptedSeq, int request) {
  if (index >= m_fields.size()) return finish({});
  fetchHistory(this, m_itemId, m_departmentId, m_year, m_fields[index].key,
               [this, index, acceptedSeq, request](bool ok, const std::vector<HistoryRow>& changes,
                                                   const QString& error) {
                 if (request != m_request) return;
                 if (!ok) return finish(unreachable(error));
                 QString value;
                 for (const auto& change : changes) {
                   if (change.seq > acceptedSeq) break;
                   value = change.newValue;
                 }
                 m_fields[index].accepted = value;
                 const auto at = this->index(static_cast<int>(index));
                 Q_EMIT dataChanged(at, at);
                 loadField(index + 1, acceptedSeq, request);
               });
}

QString ReviewModel::unreachable(const QString& error) {
  return tr("確定時の内容はサーバーにあります。接続できるときに表示できます（%1）").arg(error);
}

void ReviewModel::finish(const QString& error) {
  m_loading = false;
  m_error = error;
  Q_EMIT loadingChanged();
}

}  // namespace Matome
