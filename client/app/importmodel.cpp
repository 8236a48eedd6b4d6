#include "importmodel.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <filesystem>

#include "apicall.h"
#include "matome/sheet/read_workbook.h"
#include "matome/util/file.h"
#include "matome/util/rapidjson.h"
#include "synccontroller.h"

namespace Matome {
ImportModel::ImportModel(QObject* parent)
    : QAbstractListModel(parent), m_presetsDir(matome::import::default_presets_dir()) {
  m_presets = matome::import::list_presets(m_presetsDir);
}

int ImportModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

QVariant ImportModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& p = m_problems[static_cast<std::size_t>(index.row())];
  const bool error = p.level == matome::import::severity::error;
  switch (role) {
    case IsErrorRole:
      return error;
    case LevelRole:
      return error ? tr("エラー") : tr("注意");
    case WhereRole:
      return QString::fromStdString(p.where);
    case MessageRole:
      return QString::fromStdString(p.message);
    default:
      return {};
  }
}

QHash<int, QByteArray> ImportModel::roleNames() const {
  return {{IsErrorRole, "isError"},
          {LevelRole, "level"},
          {WhereRole, "where"},
          {MessageRole, "message"}};
}

void ImportModel::setFileUrl(const QUrl& url) {
  if (url == m_fileUrl) return;
  m_fileUrl = url;
  inputEdited();
}

QString ImportModel::fileName() const {
  return QFileInfo(m_fileUrl.toLocalFile()).fileName();
}

QStringList ImportModel::presetNames() const {
  QStringList names;
  for (const auto& p : m_presets) {
    names << tr("%1（%2）").arg(QString::fromStdString(p.city), QString::fromStdString(p.title));
  }
  return names;
}

void ImportModel::setPresetIndex(int index) {
  if (index < -1 || index >= static_cast<int>(m_presets.size()) || index == m_presetIndex) return;
  m_presetIndex = index;
  inputEdited();
}

bool ImportModel::choosePreset(const QString& name) {
  for (std::size_t i = 0; i < m_presets.size(); ++i) {
    if (QString::fromStdString(m_presets[i].name) == name) {
      setPresetIndex(static_cast<int>(i));
      return true;
    }
  }
  return false;
}

void ImportModel::setMappingUrl(const QUrl& url) {
  if (url == m_mappingUrl) return;
  m_mappingUrl = url;
  m_presetIndex = -1;
  inputEdited();
}

QString ImportModel::mappingName() const {
  return QFileInfo(m_mappingUrl.toLocalFile()).fileName();
}

void ImportModel::setEncoding(const QString& encoding) {
  if (encoding == m_encoding) return;
  m_encoding = encoding;
  inputEdited();
}

int ImportModel::errorCount() const {
  return static_cast<int>(std::count_if(m_problems.begin(), m_problems.end(), [](const auto& p) {
    return p.level == matome::import::severity::error;
  }));
}

int ImportModel::warningCount() const {
  return rowCount() - errorCount();
}

// A new file, mapping or encoding: what was checked no longer holds.
void ImportModel::inputEdited() {
  beginResetModel();
  m_problems.clear();
  endResetModel();
  m_checked = false;
  m_imported = false;
  m_summary.clear();
  m_fileBytes.clear();
  m_mappingText.clear();
  Q_EMIT inputChanged();
  Q_EMIT resultChanged();
  setMessage({});
}

void ImportModel::setBusy(bool busy) {
  if (busy == m_busy) return;
  m_busy = busy;
  Q_EMIT busyChanged();
}

void ImportModel::setMessage(const QString& message) {
  if (message == m_message) return;
  m_message = message;
  Q_EMIT messageChanged();
}

void ImportModel::check() {
  if (m_busy) return;
  if (m_fileUrl.isEmpty()) {
    setMessage(tr("取り込むファイルを選んでください。"));
    return;
  }
  if (m_presetIndex < 0 && m_mappingUrl.isEmpty()) {
    setMessage(tr("様式を選ぶか、対応表ファイルを選んでください。"));
    return;
  }
  const std::string file = m_fileUrl.toLocalFile().toStdString();
  const std::string mapping =
      m_presetIndex >= 0
          ? m_presetsDir + "/" + m_presets[static_cast<std::size_t>(m_presetIndex)].name + ".json"
          : m_mappingUrl.toLocalFile().toStdString();
  const std::string encoding_name = m_encoding.toStdString();
  setBusy(true);
  setMessage(tr("確かめています…"));
  auto* watcher = new QFutureWatcher<checked_input>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    watcher->deleteLater();
    takeCheck(watcher->result());
  });
  watcher->setFuture(QtConcurrent::run([file, mapping, encoding_name] {
    checked_input out;
    auto bytes = matome::read_file(file);
    auto mapping_text = matome::read_file(mapping);
    auto encoding = matome::sheet::parse_text_encoding(encoding_name);
    if (!bytes || !mapping_text || !encoding) {
      out.error = !bytes          ? bytes.error().message
                  : !mapping_text ? mapping_text.error().message
                                  : encoding.error().message;
      return out;
    }
    auto m = matome::import::parse_mapping(*mapping_text);
    if (!m) {
      out.error = m.error().message;
      return out;
    }
    auto book = matome::sheet::read_workbook(
        *bytes, std::filesystem::path(file).filename().string(), {*encoding, 0});
    if (!book) {
      out.error = book.error().message;
      return out;
    }
    out.result = matome::import::build_plan_file(*book, *m);
    out.file_bytes = std::move(*bytes);
    out.mapping_text = std::move(*mapping_text);
    return out;
  }));
}

void ImportModel::takeCheck(checked_input checked) {
  setBusy(false);
  beginResetModel();
  m_problems = checked.error.empty() ? checked.result.problems
                                     : std::vector<matome::import::import_problem>{};
  endResetModel();
  m_checked = checked.error.empty();
  m_imported = false;
  m_summary =
      m_checked ? QString::fromStdString(matome::import::describe_plan(checked.result)) : QString();
  m_fileBytes = std::move(checked.file_bytes);
  m_mappingText = std::move(checked.mapping_text);
  Q_EMIT resultChanged();
  if (!checked.error.empty()) {
    setMessage(QString::fromStdString(checked.error));
  } else if (errorCount() > 0) {
    setMessage(
        tr("エラーが %1 件あります。ファイルか対応表を直してから、もう一度確かめてください。")
            .arg(errorCount()));
  } else {
    setMessage(
        tr("取り込めます（注意 %1 件）。「取り込む」でサーバーに送ります。").arg(warningCount()));
  }
}

void ImportModel::importNow() {
  if (m_busy || !m_checked || errorCount() > 0) return;
  setBusy(true);
  setMessage(tr("サーバーで取り込んでいます…"));
  const std::string body = matome::import::import_request_body(
      fileName().toStdString(), m_fileBytes, m_mappingText, m_encoding.toStdString(), false);
  callApiAsync(
      this, "POST", "/api/v1/import-sheet", body, [this](bool ok, const std::string& answer) {
        setBusy(false);
        if (!ok) {
          setMessage(tr("取り込めませんでした: %1").arg(QString::fromStdString(answer)));
          return;
        }
        rapidjson::Document doc;
        matome::parse_json(doc, answer);
        if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("imported") ||
            !doc["imported"].IsObject()) {
          setMessage(tr("サーバーの答えが読めません。"));
          return;
        }
        const auto& done = doc["imported"];
        m_imported = true;
        Q_EMIT resultChanged();
        setMessage((done["updated"].GetBool() ? tr("更新しました: 新しい行 %1、書き込んだ値 %2")
                                              : tr("取り込みました: 行 %1、値 %2"))
                       .arg(done["rows"].GetInt())
                       .arg(done["cells"].GetInt()));
        if (auto* sync = SyncController::instance()) sync->syncNow();  // the new rows, here too
      });
}

}  // namespace Matome
