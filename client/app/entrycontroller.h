#pragma once
// One entry (row × department × fiscal year) as the form shows it: its
// fields, status, comment thread and the workflow steps the user may take.
// Every edit is written to the replica shortly after typing stops (and at
// once when the form changes entry or closes), so closing the window loses
// nothing; the sync loop sends it when it can.

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QTimer>
#include <map>
#include <optional>

#include "commentlistmodel.h"
#include "fieldlistmodel.h"
#include "matome/domain/cell.h"

namespace Matome {

class EntryController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(qint64 itemId READ itemId WRITE setItemId NOTIFY entryChanged)
  Q_PROPERTY(qint64 departmentId READ departmentId WRITE setDepartmentId NOTIFY entryChanged)
  Q_PROPERTY(int year READ year WRITE setYear NOTIFY entryChanged)
  Q_PROPERTY(bool valid READ valid NOTIFY entryChanged)
  Q_PROPERTY(QString itemLabel READ itemLabel NOTIFY entryChanged)
  Q_PROPERTY(QString itemTitle READ itemTitle NOTIFY entryChanged)
  Q_PROPERTY(QString itemPath READ itemPath NOTIFY entryChanged)
  Q_PROPERTY(QString pageRef READ pageRef NOTIFY entryChanged)
  Q_PROPERTY(QString departmentName READ departmentName NOTIFY entryChanged)
  Q_PROPERTY(QVariantList owners READ owners NOTIFY entryChanged)
  Q_PROPERTY(QString status READ status NOTIFY stateChanged)
  Q_PROPERTY(QString statusLabel READ statusLabel NOTIFY stateChanged)
  Q_PROPERTY(QString returnComment READ returnComment NOTIFY stateChanged)
  Q_PROPERTY(bool canEdit READ canEdit NOTIFY stateChanged)
  // A coordinator reading another department's entry: its text read-only,
  // the workflow steps (確定, 差戻し) at hand; editAsCoordinator() opens it.
  Q_PROPERTY(bool reviewMode READ reviewMode NOTIFY stateChanged)
  Q_PROPERTY(QStringList actions READ actions NOTIFY stateChanged)
  Q_PROPERTY(QString pendingAction READ pendingAction NOTIFY stateChanged)
  Q_PROPERTY(bool hasLastYear READ hasLastYear NOTIFY stateChanged)
  // The last 前年度の内容をコピー can still be taken back.
  Q_PROPERTY(bool canUndoCopy READ canUndoCopy NOTIFY stateChanged)
  Q_PROPERTY(QString message READ message NOTIFY messageChanged)
  Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
  Q_PROPERTY(Matome::FieldListModel* fields READ fields CONSTANT)
  // The sections of the row's headings (a 目標's background, a yearly policy):
  // [{itemId, key, label, heading, value, year, editable}], outermost first.
  Q_PROPERTY(QVariantList sections READ sections NOTIFY stateChanged)
  Q_PROPERTY(Matome::CommentListModel* comments READ comments CONSTANT)

 public:
  explicit EntryController(QObject* parent = nullptr);
  ~EntryController() override;

  qint64 itemId() const { return m_key.item_id; }
  void setItemId(qint64 id);
  qint64 departmentId() const { return m_key.department_id; }
  void setDepartmentId(qint64 id);
  int year() const { return m_key.year; }
  void setYear(int year);
  bool valid() const { return m_valid; }
  QString itemLabel() const { return m_itemLabel; }
  QString itemTitle() const { return m_itemTitle; }
  QString itemPath() const { return m_itemPath; }
  QString pageRef() const { return m_pageRef; }
  QString departmentName() const;
  QVariantList owners() const { return m_owners; }
  QVariantList sections() const { return m_sections; }
  QString status() const;
  QString statusLabel() const;
  QString returnComment() const;
  bool canEdit() const { return m_canEdit; }
  // Workflow steps this user may take now: "submit", "accept", "return", ...
  QStringList actions() const { return m_actions; }
  // A step queued but not yet confirmed by the server ("submit"), or empty.
  QString pendingAction() const { return m_pendingAction; }
  bool hasLastYear() const { return m_hasLastYear; }
  bool canUndoCopy() const { return !m_copied.empty(); }
  bool reviewMode() const { return m_reviewMode; }
  QString message() const { return m_message; }
  bool messageIsError() const { return m_messageIsError; }
  FieldListModel* fields() { return &m_fields; }
  CommentListModel* comments() { return &m_comments; }

  // Edits one field (this year's cell, or a plan field); `year` picks one
  // year of a series (0: the entry's year). `seenVersion` is the version of
  // the value the editor showed when typing began (-1: the current one): a
  // value pulled since then is not overwritten but conflicts.
  Q_INVOKABLE void setValue(const QString& key, const QString& value, int year = 0,
                            qint64 seenVersion = -1);
  // Adds or removes one option of a multiple-choice field (stored one per
  // line, in the template's order).
  Q_INVOKABLE void setChoice(const QString& key, const QString& option, bool chosen);
  // The stored text of a table field holding `rows` (lists of column texts);
  // rows left wholly empty are dropped (a row being added is not saved yet).
  Q_INVOKABLE QString tableValue(const QString& key, const QVariantList& rows) const;
  // Writes a heading's section (coordinators), saved at once like a choice.
  Q_INVOKABLE bool setSection(qint64 itemId, const QString& key, int year, const QString& value);
  // Fills this year's empty report fields from last year's entry.
  Q_INVOKABLE int copyFromLastYear();
  // Empties again the fields the last copy filled and that still hold the
  // copied value; returns how many.
  Q_INVOKABLE int undoCopy();
  // The coordinator chooses to edit the department's text: said in the
  // entry's thread (which the department reads), then editable until
  // another entry is opened.
  Q_INVOKABLE bool editAsCoordinator();
  // Drops the user's unsent (or refused) value of a field.
  Q_INVOKABLE void discardEdit(const QString& key, int year = 0);
  // A workflow step: submit, approve, send_back, accept, return, reopen.
  Q_INVOKABLE bool act(const QString& action, const QString& comment = {});
  Q_INVOKABLE bool addComment(const QString& body);
  // The button text of a workflow step: 提出, 確定, 差戻し, ...
  Q_INVOKABLE static QString actionLabel(const QString& action);
  // The step's button says what it does: 確定する, 差戻す… (asks a reason).
  Q_INVOKABLE static QString buttonLabel(const QString& action);
  // Writes pending edits to the replica now.
  Q_INVOKABLE void flush();
  Q_INVOKABLE void reload();

 Q_SIGNALS:
  void entryChanged();
  void stateChanged();
  void messageChanged();
  // A template rule stops the submit; the form moves the focus there.
  void problemAt(const QString& key);

 private:
  matome::cell_key cellKey(const QString& key, int year) const;
  void setMessage(const QString& message, bool isError);
  void changeEntry(const matome::entry_key& key);

  matome::entry_key m_key;
  // The entry the field model shows, to tell a refresh from a new entry.
  std::optional<matome::entry_key> m_shownKey;
  bool m_valid = false;
  QString m_itemLabel;
  QString m_itemTitle;
  QString m_itemPath;
  QString m_pageRef;
  QVariantList m_owners;
  QVariantList m_sections;
  matome::entry_status m_status = matome::entry_status::not_started;
  std::int64_t m_statusVersion = 0;  // the number of the last workflow step
  bool m_reviewMode = false;
  bool m_editingAsCoordinator = false;  // chosen for the entry open now
  bool m_canEdit = false;
  bool m_hasLastYear = false;
  std::map<matome::cell_key, QString> m_copied;  // the last copy: each field's copied value
  QStringList m_actions;
  QString m_pendingAction;
  QString m_message;
  bool m_messageIsError = false;
  QString m_problemKey;
  QString m_problem;
  FieldListModel m_fields;
  CommentListModel m_comments;
  struct Unsaved {
    QString value;
    std::optional<matome::version_t> seenVersion;  // of the first keystroke
  };
  std::map<matome::cell_key, Unsaved> m_unsaved;  // typed, not yet in the replica
  QTimer m_saveTimer;
};

}  // namespace Matome
