#pragma once
// The plan tree as an indented list: headings (基本目標 › 施策 › 取組) and
// rows (事業), each row with its owner departments and their entries' status
// in the report year. Filters: the user's own rows or all, one status, and a
// text search; a heading stays visible while a row under it matches.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <set>
#include <unordered_map>
#include <vector>

#include "matome/domain/entry.h"

namespace Matome {

class Session;

class PlanTreeModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(bool mineOnly READ mineOnly WRITE setMineOnly NOTIFY filterChanged)
  Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
  Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
  // One department's entries only (the dashboard's review queue); 0: all.
  Q_PROPERTY(
      qint64 departmentFilter READ departmentFilter WRITE setDepartmentFilter NOTIFY filterChanged)
  Q_PROPERTY(QString departmentFilterName READ departmentFilterName NOTIFY filterChanged)
  Q_PROPERTY(int rowCountShown READ rowCountShown NOTIFY countsChanged)
  Q_PROPERTY(int rowCountTotal READ rowCountTotal NOTIFY countsChanged)

 public:
  enum Roles {
    ItemIdRole = Qt::UserRole + 1,
    LabelRole,
    TitleRole,
    DepthRole,
    IsRowRole,
    MineRole,
    OwnersRole,
    // The entry this row opens: the first that passes the filters (a shared
    // row in a 提出済 queue opens the owner that submitted), else the user's
    // own, else the first owner's.
    EntryDepartmentIdRole,
    StatusRole,       // that entry's status key: "draft", "submitted", …
    StatusLabelRole,  // 作成中, 提出済, …
    EntriesRole,      // every owner: [{departmentId, department, status, statusLabel}]
    UnsentRole,       // an edit or step of this row waits to be sent
  };
  Q_ENUM(Roles)

  explicit PlanTreeModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  bool mineOnly() const { return m_mineOnly; }
  void setMineOnly(bool mineOnly);
  QString statusFilter() const { return m_statusFilter; }
  void setStatusFilter(const QString& status);
  QString searchText() const { return m_searchText; }
  void setSearchText(const QString& text);
  qint64 departmentFilter() const { return m_departmentFilter; }
  void setDepartmentFilter(qint64 departmentId);
  QString departmentFilterName() const;
  int rowCountShown() const;
  int rowCountTotal() const;

  // The next (step 1) or previous (step -1) report row from `from`, or -1.
  Q_INVOKABLE int nextRow(int from, int step) const;
  Q_INVOKABLE int indexOfItem(qint64 itemId) const;
  // What a view needs to open the row at `index`: {itemId, entryDepartmentId, isRow}.
  Q_INVOKABLE QVariantMap rowAt(int index) const;

  // Rereads the plan and the statuses from the session's replica.
  Q_INVOKABLE void reload();
  // Rereads only which rows have something unsent (after each edit: cheap,
  // changes those rows in place).
  Q_INVOKABLE void refreshUnsent();

 Q_SIGNALS:
  void filterChanged();
  void countsChanged();

 private:
  struct OwnerEntry {
    qint64 departmentId = 0;
    QString department;
    matome::entry_status status = matome::entry_status::not_started;
  };
  struct Node {
    qint64 itemId = 0;
    QString label;
    QString title;
    QString searchable;  // label, title, description and owners, for the text search
    int depth = 0;
    bool isRow = false;
    bool mine = false;
    bool unsent = false;
    std::vector<OwnerEntry> entries;
    qint64 parentId = 0;
  };

  const OwnerEntry* primaryEntry(const Node& node) const;
  // Whether an entry passes the scope, department and status filters.
  bool entryMatches(const OwnerEntry& e) const;
  bool filtersEntries() const;
  bool rowMatches(const Node& node, const QString& needle) const;
  // The items with an edit or a step not sent yet.
  std::set<qint64> unsentItems() const;
  // Every value written on each item (any year, own unsent text too),
  // folded for the search; read the first time a search needs it.
  void loadFieldText();
  void applyFilter();

  std::vector<Node> m_all;           // whole tree, depth-first
  std::vector<std::size_t> m_shown;  // positions in m_all
  bool m_mineOnly = false;
  QString m_statusFilter;
  QString m_searchText;
  qint64 m_departmentFilter = 0;
  qint64 m_ownDepartment = 0;
  std::unordered_map<qint64, QString> m_fieldText;
  bool m_fieldTextLoaded = false;
};

}  // namespace Matome
