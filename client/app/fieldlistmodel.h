#pragma once
// The fields of one entry's form, generated from the report template: what
// each field shows (this year's value, last year's beside it, a series by
// year), whether it may be edited, and what the server or the template
// rules say about it. Filled by EntryController; updated in place so a view
// keeps its focus and cursor when a sync brings news.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QVariantList>
#include <vector>

namespace Matome {

struct FormField {
  QString key;
  QString label;
  QString type;           // short_text, long_text, single_choice, multi_choice, number, year_series
  QString elementType;    // for year_series: what one year holds
  QString scope;          // plan or report
  QString value;          // this year's value (a plan field's value)
  qint64 version = 0;     // the server version behind `value`, the base of an edit of it
  QString lastYearValue;  // as shown: a table one row per line
  QString lastYearStored;  // as stored: what 前年度の内容をコピー writes
  QVariantList options;    // [{value, definition}]
  QVariantList series;     // [{year, label, value, version, editable, current}] for year_series
  QVariantList columns;    // [{key, label, type, options, required}] for a table
  QVariantList tableRows;  // [[text per column], …]: the table's value, parsed
  double target = 0;       // a series' target line (from the plan field "<key>_target")
  bool hasTarget = false;
  QString unit;
  int maxLength = 0;
  bool required = false;
  bool editable = false;
  bool pending = false;  // an own edit not yet accepted by the server
  QString refusedReason;
  bool conflict = false;
  QString problem;  // the template rule this field breaks, after a submit attempt
  // The user's unsaved or unsent text was typed on an older value than the
  // server's now (`theirs`): sent as it is, it will conflict, not overwrite.
  bool stale = false;
  QString theirs;

  bool operator==(const FormField&) const = default;
};

class FieldListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("owned by EntryController")

 public:
  enum Roles {
    KeyRole = Qt::UserRole + 1,
    LabelRole,
    TypeRole,
    ElementTypeRole,
    ScopeRole,
    ValueRole,
    LastYearValueRole,
    OptionsRole,
    SeriesRole,
    TargetRole,
    HasTargetRole,
    UnitRole,
    MaxLengthRole,
    RequiredRole,
    EditableRole,
    PendingRole,
    RefusedReasonRole,
    ConflictRole,
    ProblemRole,
    VersionRole,
    StaleRole,
    TheirsRole,
    ColumnsRole,
    TableRowsRole,
  };
  Q_ENUM(Roles)

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  // Replaces the fields.
  // `sameEntry`: the same entry's values again (after a save or a pull):
  // rows whose field keys match are updated in place, so an editor being
  // typed in keeps its focus. Another entry always resets the model, so no
  // editor can keep the previous entry's text.
  void setFields(std::vector<FormField> fields, bool sameEntry);
  const std::vector<FormField>& fields() const { return m_fields; }
  Q_INVOKABLE int indexOfKey(const QString& key) const;

 private:
  std::vector<FormField> m_fields;
};

}  // namespace Matome
