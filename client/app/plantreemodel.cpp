#include "plantreemodel.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "displaytext.h"
#include "qtconvert.h"
#include "session.h"
#include "statuslabel.h"

namespace Matome {

PlanTreeModel::PlanTreeModel(QObject* parent) : QAbstractListModel(parent) {
  if (auto* session = Session::instance()) {
    connect(session, &Session::replicaChanged, this, &PlanTreeModel::reload);
    connect(session, &Session::planChanged, this, &PlanTreeModel::reload);
    m_mineOnly = !session->isCoordinator();
  }
  reload();
}

int PlanTreeModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QHash<int, QByteArray> PlanTreeModel::roleNames() const {
  return {{ItemIdRole, "itemId"},   {LabelRole, "label"},
          {TitleRole, "title"},     {DepthRole, "depth"},
          {IsRowRole, "isRow"},     {MineRole, "mine"},
          {OwnersRole, "owners"},   {EntryDepartmentIdRole, "entryDepartmentId"},
          {StatusRole, "status"},   {StatusLabelRole, "statusLabel"},
          {EntriesRole, "entries"}, {UnsentRole, "unsent"}};
}

bool PlanTreeModel::filtersEntries() const {
  return m_departmentFilter != 0 || !m_statusFilter.isEmpty();
}

bool PlanTreeModel::entryMatches(const OwnerEntry& e) const {
  if (m_mineOnly && e.departmentId != m_ownDepartment) return false;
  if (m_departmentFilter != 0 && e.departmentId != m_departmentFilter) return false;
  return m_statusFilter.isEmpty() || qs(matome::to_string(e.status)) == m_statusFilter;
}

const PlanTreeModel::OwnerEntry* PlanTreeModel::primaryEntry(const Node& node) const {
  if (node.entries.empty()) return nullptr;
  if (filtersEntries()) {
    for (const auto& e : node.entries)
      if (entryMatches(e)) return &e;
  }
  for (const auto& e : node.entries)
    if (e.departmentId == m_ownDepartment) return &e;
  return &node.entries.front();
}

QVariant PlanTreeModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& node = m_all[m_shown[static_cast<std::size_t>(index.row())]];
  const auto* primary = primaryEntry(node);
  switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
      return node.title;
    case ItemIdRole:
      return node.itemId;
    case LabelRole:
      return node.label;
    case DepthRole:
      return node.depth;
    case IsRowRole:
      return node.isRow;
    case MineRole:
      return node.mine;
    case OwnersRole: {
      QStringList names;
      for (const auto& e : node.entries) names << e.department;
      return names.join(QStringLiteral("・"));
    }
    case EntryDepartmentIdRole:
      return primary ? primary->departmentId : 0;
    case StatusRole:
      return primary ? qs(matome::to_string(primary->status)) : QString();
    case StatusLabelRole:
      return primary ? statusLabel(primary->status) : QString();
    case UnsentRole:
      return node.unsent;
    case EntriesRole: {
      QVariantList list;
      for (const auto& e : node.entries) {
        list.append(QVariantMap{{QStringLiteral("departmentId"), e.departmentId},
                                {QStringLiteral("department"), e.department},
                                {QStringLiteral("status"), qs(matome::to_string(e.status))},
                                {QStringLiteral("statusLabel"), statusLabel(e.status)}});
      }
      return list;
    }
    default:
      return {};
  }
}

void PlanTreeModel::setMineOnly(bool mineOnly) {
  if (mineOnly == m_mineOnly) return;
  m_mineOnly = mineOnly;
  applyFilter();
  Q_EMIT filterChanged();
}

void PlanTreeModel::setStatusFilter(const QString& status) {
  if (status == m_statusFilter) return;
  m_statusFilter = status;
  applyFilter();
  Q_EMIT filterChanged();
}

void PlanTreeModel::setDepartmentFilter(qint64 departmentId) {
  if (departmentId == m_departmentFilter) return;
  m_departmentFilter = departmentId;
  applyFilter();
  Q_EMIT filterChanged();
}

QString PlanTreeModel::departmentFilterName() const {
  auto* session = Session::instance();
  return m_departmentFilter != 0 && session ? session->departmentNameOf(m_departmentFilter)
                                            : QString();
}

void PlanTreeModel::setSearchText(const QString& text) {
  if (text == m_searchText) return;
  m_searchText = text;
  applyFilter();
  Q_EMIT filterChanged();
}

int PlanTreeModel::rowCountShown() const {
  return static_cast<int>(
      std::count_if(m_shown.begin(), m_shown.end(), [&](auto i) { return m_all[i].isRow; }));
}

int PlanTreeModel::rowCountTotal() const {
  return static_cast<int>(
      std::count_if(m_all.begin(), m_all.end(), [](auto& n) { return n.isRow; }));
}

int PlanTreeModel::nextRow(int from, int step) const {
  const int n = rowCount();
  for (int i = from + step; i >= 0 && i < n; i += step)
    if (m_all[m_shown[static_cast<std::size_t>(i)]].isRow) return i;
  return -1;
}

int PlanTreeModel::indexOfItem(qint64 itemId) const {
  for (std::size_t i = 0; i < m_shown.size(); ++i)
    if (m_all[m_shown[i]].itemId == itemId) return static_cast<int>(i);
  return -1;
}

QVariantMap PlanTreeModel::rowAt(int row) const {
  if (row < 0 || row >= rowCount()) return {};
  const auto at = index(row);
  return {{QStringLiteral("itemId"), data(at, ItemIdRole)},
          {QStringLiteral("entryDepartmentId"), data(at, EntryDepartmentIdRole)},
          {QStringLiteral("isRow"), data(at, IsRowRole)}};
}

bool PlanTreeModel::rowMatches(const Node& node, const QString& needle) const {
  if (!node.isRow) return false;
  if (m_mineOnly && !node.mine) return false;
  if (filtersEntries() && std::none_of(node.entries.begin(), node.entries.end(),
                                       [&](const auto& e) { return entryMatches(e); })) {
    return false;
  }
  if (needle.isEmpty() || node.searchable.contains(needle)) return true;
  auto text = m_fieldText.find(node.itemId);
  return text != m_fieldText.end() && text->second.contains(needle);
}

void PlanTreeModel::loadFieldText() {
  m_fieldTextLoaded = true;
  m_fieldText.clear();
  auto* session = Session::instance();
  if (!session) return;
  for (const auto& [item, text] : session->replica().text_by_item())
    m_fieldText[item] = searchKey(qs(text));
}

std::set<qint64> PlanTreeModel::unsentItems() const {
  auto* session = Session::instance();
  if (!session) return {};
  const auto items = session->replica().items_with_unsent();
  return {items.begin(), items.end()};
}

void PlanTreeModel::refreshUnsent() {
  const auto unsent = unsentItems();
  std::unordered_map<qint64, int> shownAt;
  for (std::size_t i = 0; i < m_shown.size(); ++i)
    shownAt[m_all[m_shown[i]].itemId] = static_cast<int>(i);
  for (auto& node : m_all) {
    const bool now = node.isRow && unsent.contains(node.itemId);
    if (now == node.unsent) continue;
    node.unsent = now;
    if (auto at = shownAt.find(node.itemId); at != shownAt.end()) {
      const auto changed = index(at->second);
      Q_EMIT dataChanged(changed, changed, {UnsentRole});
    }
  }
  m_fieldTextLoaded = false;  // the unsent text may have changed
}

void PlanTreeModel::applyFilter() {
  const auto needle = searchKey(m_searchText.trimmed());
  if (!needle.isEmpty() && !m_fieldTextLoaded) loadFieldText();
  beginResetModel();
  m_shown.clear();
  // A matching row keeps its headings up to the top.
  std::unordered_map<qint64, std::size_t> position;
  for (std::size_t i = 0; i < m_all.size(); ++i) position[m_all[i].itemId] = i;
  std::vector<bool> keep(m_all.size(), false);
  for (std::size_t i = 0; i < m_all.size(); ++i) {
    if (!rowMatches(m_all[i], needle)) continue;
    keep[i] = true;
    for (auto p = position.find(m_all[i].parentId); p != position.end() && !keep[p->second];
         p = position.find(m_all[p->second].parentId)) {
      keep[p->second] = true;
    }
  }
  for (std::size_t i = 0; i < m_all.size(); ++i)
    if (keep[i]) m_shown.push_back(i);
  endResetModel();
  Q_EMIT countsChanged();
}

void PlanTreeModel::reload() {
  auto* session = Session::instance();
  m_all.clear();
  m_fieldTextLoaded = false;
  const auto unsent = unsentItems();
  const matome::plan_index* index = session ? session->plan() : nullptr;
  if (index) {
    m_ownDepartment = session->departmentId();
    // One query for every status, not one per owner of every row: this
    // runs after each sync, on the UI thread.
    std::map<std::pair<qint64, qint64>, matome::entry_status> statuses;
    for (const auto& e :
         session->replica().db().entries_of_year(index->plan.id, index->plan.report_year)) {
      statuses[{e.key.item_id, e.key.department_id}] = e.status;
    }
    // Children by parent, in their printed order.
    std::map<qint64, std::vector<const matome::plan_item*>> children;
    for (const auto& item : index->items) children[item.parent_id].push_back(&item);
    for (auto& [parent, list] : children) {
      std::sort(list.begin(), list.end(),
                [](auto* a, auto* b) { return a->position < b->position; });
    }
    auto walk = [&](auto&& self, qint64 parent, int depth) -> void {
      auto it = children.find(parent);
      if (it == children.end()) return;
      for (const auto* item : it->second) {
        Node node;
        node.itemId = item->id;
        node.parentId = parent;
        node.label = qs(item->label);
        node.title = qs(item->title);
        node.depth = depth;
        node.isRow = index->plan.is_row(*item);
        node.unsent = node.isRow && unsent.contains(item->id);
        node.searchable = node.label + u' ' + node.title + u' ' + qs(item->description);
        for (auto owner : item->owner_ids) {
          OwnerEntry e;
          e.departmentId = owner;
          e.department = session->departmentNameOf(owner);
          if (auto found = statuses.find({item->id, owner}); found != statuses.end())
            e.status = found->second;
          node.mine = node.mine || owner == m_ownDepartment;
          node.searchable += u' ' + e.department;
          node.entries.push_back(std::move(e));
        }
        node.searchable = searchKey(node.searchable);
        m_all.push_back(std::move(node));
        self(self, item->id, depth + 1);
      }
    };
    walk(walk, 0, 0);
  }
  applyFilter();
}

}  // namespace Matome
