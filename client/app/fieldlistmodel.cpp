#include "fieldlistmodel.h"

#include <algorithm>

namespace Matome {

int FieldListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_fields.size());
}

QHash<int, QByteArray> FieldListModel::roleNames() const {
  return {{KeyRole, "key"},
          {LabelRole, "label"},
          {TypeRole, "type"},
          {ElementTypeRole, "elementType"},
          {ScopeRole, "scope"},
          {ValueRole, "value"},
          {LastYearValueRole, "lastYearValue"},
          {OptionsRole, "options"},
          {SeriesRole, "series"},
          {TargetRole, "target"},
          {HasTargetRole, "hasTarget"},
          {UnitRole, "unit"},
          {MaxLengthRole, "maxLength"},
          {RequiredRole, "required"},
          {EditableRole, "editable"},
          {PendingRole, "pending"},
          {RefusedReasonRole, "refusedReason"},
          {ConflictRole, "conflict"},
          {ProblemRole, "problem"},
          {VersionRole, "version"},
          {StaleRole, "stale"},
          {TheirsRole, "theirs"},
          {ColumnsRole, "columns"},
          {TableRowsRole, "tableRows"}};
}

QVariant FieldListModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& f = m_fields[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
      return f.label;
    case KeyRole:
      return f.key;
    case TypeRole:
      return f.type;
    case ElementTypeRole:
      return f.elementType;
    case ScopeRole:
      return f.scope;
    case ValueRole:
      return f.value;
    case LastYearValueRole:
      return f.lastYearValue;
    case OptionsRole:
      return f.options;
    case SeriesRole:
      return f.series;
    case ColumnsRole:
      return f.columns;
    case TableRowsRole:
      return f.tableRows;
    case TargetRole:
      return f.target;
    case HasTargetRole:
      return f.hasTarget;
    case UnitRole:
      return f.unit;
    case MaxLengthRole:
      return f.maxLength;
    case RequiredRole:
      return f.required;
    case EditableRole:
      return f.editable;
    case PendingRole:
      return f.pending;
    case RefusedReasonRole:
      return f.refusedReason;
    case ConflictRole:
      return f.conflict;
    case ProblemRole:
      return f.problem;
    case VersionRole:
      return f.version;
    case StaleRole:
      return f.stale;
    case TheirsRole:
      return f.theirs;
    default:
      return {};
  }
}

void FieldListModel::setFields(std::vector<FormField> fields, bool sameEntry) {
  const bool sameShape =
      sameEntry && fields.size() == m_fields.size() &&
      std::equal(fields.begin(), fields.end(), m_fields.begin(),
                 [](const FormField& a, const FormField& b) { return a.key == b.key; });
  if (!sameShape) {
    beginResetModel();
    m_fields = std::move(fields);
    endResetModel();
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == m_fields[i]) continue;
    m_fields[i] = std::move(fields[i]);
    const auto at = index(static_cast<int>(i));
    Q_EMIT dataChanged(at, at);
  }
}

int FieldListModel::indexOfKey(const QString& key) const {
  for (std::size_t i = 0; i < m_fields.size(); ++i)
    if (m_fields[i].key == key) return static_cast<int>(i);
  return -1;
}

}  // namespace Matome
