#pragma once
// The coordinator's import page: a workbook and a preset (or a mapping
// file) checked right here, offline (the dry run: what would be created and
// every problem, one row each), then imported at the server.

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QUrl>
#include <vector>

#include "matome/import/presets.h"
#include "matome/import/sheet_import.h"

namespace Matome {

class ImportModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QUrl fileUrl READ fileUrl WRITE setFileUrl NOTIFY inputChanged)
  Q_PROPERTY(QString fileName READ fileName NOTIFY inputChanged)
  Q_PROPERTY(QStringList presetNames READ presetNames CONSTANT)
  // The chosen preset, or -1 for the mapping file in mappingUrl.
  Q_PROPERTY(int presetIndex READ presetIndex WRITE setPresetIndex NOTIFY inputChanged)
  Q_PROPERTY(QUrl mappingUrl READ mappingUrl WRITE setMappingUrl NOTIFY inputChanged)
  Q_PROPERTY(QString mappingName READ mappingName NOTIFY inputChanged)
  // "auto", "cp932", "utf-8": for CSV and TSV.
  Q_PROPERTY(QString encoding READ encoding WRITE setEncoding NOTIFY inputChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(bool checked READ checked NOTIFY resultChanged)
  Q_PROPERTY(int errorCount READ errorCount NOTIFY resultChanged)
  Q_PROPERTY(int warningCount READ warningCount NOTIFY resultChanged)
  Q_PROPERTY(QString summary READ summary NOTIFY resultChanged)
  Q_PROPERTY(bool imported READ imported NOTIFY resultChanged)
  Q_PROPERTY(QString message READ message NOTIFY messageChanged)

 public:
  enum Roles { IsErrorRole = Qt::UserRole + 1, LevelRole, WhereRole, MessageRole };
  Q_ENUM(Roles)

  explicit ImportModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  QUrl fileUrl() const { return m_fileUrl; }
  void setFileUrl(const QUrl& url);
  QString fileName() const;
  QStringList presetNames() const;
  int presetIndex() const { return m_presetIndex; }
  void setPresetIndex(int index);
  QUrl mappingUrl() const { return m_mappingUrl; }
  void setMappingUrl(const QUrl& url);
  QString mappingName() const;
  QString encoding() const { return m_encoding; }
  void setEncoding(const QString& encoding);
  bool busy() const { return m_busy; }
  bool checked() const { return m_checked; }
  int errorCount() const;
  int warningCount() const;
  QString summary() const { return m_summary; }
  bool imported() const { return m_imported; }
  QString message() const { return m_message; }

  // Chooses the preset named `name` ("sakado"); false when there is none.
  Q_INVOKABLE bool choosePreset(const QString& name);
  // The dry run, off the UI thread; the result replaces the rows.
  Q_INVOKABLE void check();
  // Sends the checked workbook to the server; allowed once check() found no error.
  Q_INVOKABLE void importNow();

 Q_SIGNALS:
  void inputChanged();
  void busyChanged();
  void resultChanged();
  void messageChanged();

 private:
  struct checked_input {
    std::string file_bytes;
    std::string mapping_text;
    matome::import::sheet_import result;
    std::string error;
  };
  void inputEdited();
  void setBusy(bool busy);
  void setMessage(const QString& message);
  void takeCheck(checked_input checked);

  std::vector<matome::import::preset_info> m_presets;
  std::string m_presetsDir;
  QUrl m_fileUrl;
  int m_presetIndex = 0;
  QUrl m_mappingUrl;
  QString m_encoding = QStringLiteral("auto");
  bool m_busy = false;
  bool m_checked = false;
  bool m_imported = false;
  QString m_summary;
  QString m_message;
  std::vector<matome::import::import_problem> m_problems;
  // What the dry run read, sent as it was when importing.
  std::string m_fileBytes;
  std::string m_mappingText;
};

}  // namespace Matome
