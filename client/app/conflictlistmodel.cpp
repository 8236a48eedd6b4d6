#include "conflictlistmodel.h"

#include <map>

#include "displaytext.h"
#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"
#include "qtconvert.h"
#include "session.h"
#include "synccontroller.h"

namespace Matome {
namespace {

// An empty side says so, rather than showing nothing.
QString emptyHtml() {
  return QStringLiteral("<i>%1</i>").arg(QObject::tr("（空欄）"));
}

}  // namespace

ConflictListModel::ConflictListModel(QObject* parent) : QAbstractListModel(parent) {
  if (auto* session = Session::instance()) {
    connect(session, &Session::replicaChanged, this, &ConflictListModel::reload);
    connect(session, &Session::planChanged, this, &ConflictListModel::reload);
  }
  reload();
}

int ConflictListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QHash<int, QByteArray> ConflictListModel::roleNames() const {
  return {{ConflictIdRole, "conflictId"},
          {ItemIdRole, "itemId"},
          {DepartmentIdRole, "departmentId"},
          {ItemRole, "item"},
          {FieldRole, "field"},
          {DepartmentRole, "department"},
          {BaseRole, "base"},
          {MineRole, "mine"},
          {TheirsRole, "theirs"},
          {MineHtmlRole, "mineHtml"},
          {TheirsHtmlRole, "theirsHtml"},
          {MineIsOwnRole, "mineIsOwn"},
          {SentByRole, "sentBy"},
          {AtRole, "at"},
          {QueuedRole, "queued"},
          {ServerByRole, "serverBy"},
          {ServerAtRole, "serverAt"}};
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& row = m_rows[static_cast<std::size_t>(index.row())];
  const auto& c = row.conflict;
  switch (role) {
    case ConflictIdRole:
      return static_cast<qint64>(c.id);
    case ItemIdRole:
      return static_cast<qint64>(c.key.item_id);
    case DepartmentIdRole:
      return static_cast<qint64>(c.key.department_id);
    case Qt::DisplayRole:
    case ItemRole:
      return row.item;
    case FieldRole:
      return row.field;
    case DepartmentRole:
      return row.department;
    case BaseRole:
      return qs(c.base_value);
    case MineRole:
      return qs(c.incoming_value);
    case TheirsRole:
      return qs(c.server_value);
    case MineHtmlRole:
      return row.mine_text.empty() ? emptyHtml() : diffHtml(row.base_text, row.mine_text);
    case TheirsHtmlRole:
      return row.theirs_text.empty() ? emptyHtml() : diffHtml(row.base_text, row.theirs_text);
    case MineIsOwnRole: {
      auto* session = Session::instance();
      return session && session->userName() == qs(c.user);
    }
    case SentByRole:
      return qs(c.user);
    case AtRole:
      return localTimeLabel(qs(c.created_at));
    case QueuedRole:
      return row.queued;
    case ServerByRole:
      return qs(c.server_user);
    case ServerAtRole:
      return c.server_at.empty() ? QString() : localTimeLabel(qs(c.server_at));
    default:
      return {};
  }
}

void ConflictListModel::reload() {
  std::vector<Row> rows;
  auto* session = Session::instance();
  const matome::plan_index* index = session ? session->plan() : nullptr;
  if (index) {
    auto& local = session->replica();
    std::map<matome::record_id, std::string> queued;  // conflict → its queued resolution
    for (const auto& a : local.actions())
      if (a.action.kind == matome::action_kind::resolve && !a.refused)
        queued[a.action.conflict_id] = a.action.action_id;
    for (auto& c : local.db().open_conflicts(index->plan.id)) {
      Row row;
      const auto* item = index->find_item(c.key.item_id);
      row.item = item ? qs(item->label + " " + item->title) : QString::number(c.key.item_id);
      const auto* field = index->plan.tmpl.find(c.key.field);
      row.field = field ? qs(field->label) : qs(c.key.field);
      if (c.key.year != 0)
        row.field += QStringLiteral("（%1）").arg(qs(matome::fiscal_year_label(c.key.year)));
      row.department = session->departmentNameOf(c.key.department_id);
      if (auto q = queued.find(c.id); q != queued.end()) {
        row.queued = true;
        row.action_id = q->second;
      }
      auto text = [&](const std::string& value) {
        return field && field->type == matome::field_type::table
                   ? matome::table_as_text(*field, value)
                   : value;
      };
      row.base_text = text(c.base_value);
      row.mine_text = text(c.incoming_value);
      row.theirs_text = text(c.server_value);
      row.conflict = std::move(c);
      rows.push_back(std::move(row));
    }
  }
  const bool countChange = rows.size() != m_rows.size();
  beginResetModel();
  m_rows = std::move(rows);
  endResetModel();
  if (countChange) Q_EMIT countChanged();
}

bool ConflictListModel::takeMine(int row) {
  return resolve(row, "incoming", {});
}

bool ConflictListModel::takeTheirs(int row) {
  return resolve(row, "server", {});
}

bool ConflictListModel::merge(int row, const QString& value) {
  return resolve(row, "merged", value);
}

bool ConflictListModel::resolve(int row, const char* take, const QString& merged) {
  auto* session = Session::instance();
  if (!session || row < 0 || row >= rowCount()) return false;
  auto queued = session->replica().queue_resolution(
      m_rows[static_cast<std::size_t>(row)].conflict.id, take, utf8(merged));
  if (!queued) {
    setError(qs(queued.error().message));
    return false;
  }
  setError({});
  m_rows[static_cast<std::size_t>(row)].queued = true;
  m_rows[static_cast<std::size_t>(row)].action_id = *queued;
  const auto at = index(row);
  Q_EMIT dataChanged(at, at, {QueuedRole});
  // Sent with the next sync, a little later than an edit's, so the choice
  // can still be taken back (undo).
  if (auto* sync = SyncController::instance()) sync->scheduleSync(kResolutionDelayMs);
  return true;
}

bool ConflictListModel::undo(int row) {
  auto* session = Session::instance();
  if (!session || row < 0 || row >= rowCount()) return false;
  auto& r = m_rows[static_cast<std::size_t>(row)];
  if (!r.queued) return false;
  if (auto dropped = session->replica().discard_action(r.action_id); !dropped) {
    setError(tr("解決はもう送信されたため、取り消せません。"));
    return false;
  }
  setError({});
  r.queued = false;
  r.action_id.clear();
  const auto at = index(row);
  Q_EMIT dataChanged(at, at, {QueuedRole});
  if (auto* sync = SyncController::instance()) sync->refreshStatus();
  return true;
}

int ConflictListModel::nextOpen(int row) const {
  const int n = rowCount();
  for (int step = 1; step <= n; ++step) {
    const int i = (row + step) % n;
    if (!m_rows[static_cast<std::size_t>(i)].queued) return i;
  }
  return -1;
}

void ConflictListModel::setError(const QString& error) {
  if (error == m_error) return;
  m_error = error;
  Q_EMIT errorChanged();
}

}  // namespace Matome
