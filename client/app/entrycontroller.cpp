#include "entrycontroller.h"

#include <algorithm>

#include "matome/domain/fiscal_year.h"
#include "matome/domain/table_value.h"
#include "qtconvert.h"
#include "session.h"
#include "statuslabel.h"
#include "synccontroller.h"

namespace Matome {
namespace {

constexpr int kSaveDelayMs = 400;  // typing pauses this long before the replica write

// The workflow steps a form offers, in the order its buttons appear.
constexpr matome::entry_action kSteps[] = {
    matome::entry_action::submit, matome::entry_action::approve, matome::entry_action::send_back,
    matome::entry_action::accept, matome::entry_action::return_, matome::entry_action::reopen};

QString stepName(matome::entry_action a) {
  return a == matome::entry_action::return_ ? QStringLiteral("return") : qs(to_string(a));
}

void scheduleSync() {
  if (auto* sync = SyncController::instance()) sync->scheduleSync();
}

}  // namespace

EntryController::EntryController(QObject* parent)
    : QObject(parent), m_fields(this), m_comments(this) {
  m_saveTimer.setSingleShot(true);
  m_saveTimer.setInterval(kSaveDelayMs);
  connect(&m_saveTimer, &QTimer::timeout, this, &EntryController::flush);
  if (auto* session = Session::instance()) {
    connect(session, &Session::replicaChanged, this, &EntryController::reload);
    connect(session, &Session::planChanged, this, &EntryController::reload);
    m_key.year = session->reportYear();
  }
}

EntryController::~EntryController() {
  flush();
}

void EntryController::setItemId(qint64 id) {
  if (id != m_key.item_id) changeEntry({id, m_key.department_id, m_key.year});
}

void EntryController::setDepartmentId(qint64 id) {
  if (id != m_key.department_id) changeEntry({m_key.item_id, id, m_key.year});
}

void EntryController::setYear(int year) {
  if (year != m_key.year) changeEntry({m_key.item_id, m_key.department_id, year});
}

void EntryController::changeEntry(const matome::entry_key& key) {
  flush();
  m_copied.clear();                // an undo belongs to the entry it was made in
  m_editingAsCoordinator = false;  // each entry starts in review
  m_key = key;
  m_problemKey.clear();
  m_problem.clear();
  setMessage({}, false);
  reload();
  Q_EMIT entryChanged();
}

QString EntryController::actionLabel(const QString& action) {
  if (action == QStringLiteral("submit")) return tr("提出");
  if (action == QStringLiteral("approve")) return tr("課内承認");
  if (action == QStringLiteral("send_back")) return tr("課内差戻し");
  if (action == QStringLiteral("accept")) return tr("確定");
  if (action == QStringLiteral("return")) return tr("差戻し");
  if (action == QStringLiteral("reopen")) return tr("確定の取消");
  return action;
}

QString EntryController::buttonLabel(const QString& action) {
  if (action == QStringLiteral("submit")) return tr("提出する");
  if (action == QStringLiteral("approve")) return tr("課内承認する");
  if (action == QStringLiteral("send_back")) return tr("課内で差戻す…");
  if (action == QStringLiteral("accept")) return tr("確定する");
  if (action == QStringLiteral("return")) return tr("差戻す…");
  if (action == QStringLiteral("reopen")) return tr("確定を取り消す");
  return action;
}

QString EntryController::departmentName() const {
  auto* session = Session::instance();
  return session ? session->departmentNameOf(m_key.department_id) : QString();
}

QString EntryController::status() const {
  return qs(matome::to_string(m_status));
}

QString EntryController::statusLabel() const {
  return Matome::statusLabel(m_status);
}

QString EntryController::returnComment() const {
  // The return step wrote its reason under the step's own number.
  return m_status == matome::entry_status::returned ? m_comments.stepComment(m_statusVersion)
                                                    : QString();
}

matome::cell_key EntryController::cellKey(const QString& key, int year) const {
  auto* session = Session::instance();
  const auto* field =
      session && session->plan() ? session->plan()->plan.tmpl.find(utf8(key)) : nullptr;
  if (field && field->scope == matome::field_scope::plan) {
    return {m_key.item_id, 0, field->type == matome::field_type::year_series ? year : 0, utf8(key)};
  }
  return {m_key.item_id, m_key.department_id, year == 0 ? m_key.year : year, utf8(key)};
}

void EntryController::setValue(const QString& key, const QString& value, int year,
                               qint64 seenVersion) {
  const auto cell = cellKey(key, year);
  if (m_reviewMode && cell.department_id != 0) {
    setMessage(tr("確認中の報告です。担当課の内容を直すときは「担当課の内容を編集する」を押して"
                  "ください。"),
               true);
    return;
  }
  auto it = m_unsaved.find(cell);
  if (it != m_unsaved.end()) {
    if (it->second.value == value) return;
    it->second.value = value;  // the first keystroke's version stays the base
  } else {
    m_unsaved[cell] = {
        value, seenVersion < 0 ? std::nullopt : std::optional<matome::version_t>(seenVersion)};
  }
  m_saveTimer.start();
}

void EntryController::setChoice(const QString& key, const QString& option, bool chosen) {
  auto* session = Session::instance();
  const auto* field =
      session && session->plan() ? session->plan()->plan.tmpl.find(utf8(key)) : nullptr;
  if (!field) return;
  const auto cell = cellKey(key, 0);
  auto it = m_unsaved.find(cell);
  const auto current =
      it != m_unsaved.end() ? utf8(it->second.value) : session->replica().value_of(cell);
  setValue(key, qs(matome::toggle_choice(*field, current, utf8(option), chosen)));
}

void EntryController::flush() {
  m_saveTimer.stop();
  if (m_unsaved.empty()) return;
  auto* session = Session::instance();
  if (!session) return;
  auto& local = session->replica();
  bool saved = false;
  bool refused = false;
  for (auto it = m_unsaved.begin(); it != m_unsaved.end();) {
    if (local.value_of(it->first) == utf8(it->second.value)) {
      it = m_unsaved.erase(it);
      continue;
    }
    auto written = local.edit(it->first, utf8(it->second.value), it->second.seenVersion);
    if (!written) {
      // Kept on screen with the reason, not stored: the user fixes it.
      m_problemKey = qs(it->first.field);
      m_problem = qs(written.error().message);
      setMessage(tr("保存できません: %1").arg(m_problem), true);
      refused = true;
      ++it;
      continue;
    }
    if (m_problemKey == qs(it->first.field)) m_problemKey.clear();
    saved = true;
    it = m_unsaved.erase(it);
  }
  if (saved) scheduleSync();
  if (saved || refused) reload();
}

int EntryController::copyFromLastYear() {
  if (!m_canEdit) return 0;
  flush();  // what was just typed counts as filled
  int copied = 0;
  m_copied.clear();
  for (const auto& f : m_fields.fields()) {
    if (f.scope != QStringLiteral("report") || f.type == QStringLiteral("year_series")) continue;
    if (!f.value.isEmpty() || f.lastYearStored.isEmpty()) continue;
    m_unsaved[cellKey(f.key, 0)] = {f.lastYearStored, std::nullopt};
    m_copied[cellKey(f.key, 0)] = f.lastYearStored;
    ++copied;
  }
  flush();
  Q_EMIT stateChanged();
  setMessage(
      copied > 0
          ? tr("前年度の内容を%1項目コピーしました。入力済みの項目はそのままです。").arg(copied)
          : tr("コピーできる前年度の内容はありません（空欄の項目だけにコピーします）。"),
      false);
  return copied;
}

bool EntryController::editAsCoordinator() {
  auto* session = Session::instance();
  if (!session || !m_reviewMode) return false;
  auto said = session->replica().queue_comment(
      m_key,
      utf8(tr("取りまとめ担当（%1）がこの報告の内容を編集します。").arg(session->userName())));
  if (!said) {
    setMessage(qs(said.error().message), true);
    return false;
  }
  m_editingAsCoordinator = true;
  scheduleSync();
  reload();
  setMessage(tr("編集できます。変更は担当課にも見え、履歴に残ります。"), false);
  return true;
}

int EntryController::undoCopy() {
  auto* session = Session::instance();
  if (!session || m_copied.empty()) return 0;
  flush();
  auto& local = session->replica();
  int undone = 0;
  for (const auto& [cell, copied] : m_copied) {
    // The copy wrote last year's stored value as it was.
    if (local.value_of(cell) != utf8(copied)) continue;  // changed since
    const auto server = local.db().find_cell(cell);
    auto done = server && !server->value.empty() ? local.edit(cell, "") : local.discard(cell);
    if (!done) {
      setMessage(qs(done.error().message), true);
      continue;
    }
    ++undone;
  }
  m_copied.clear();
  scheduleSync();
  reload();
  setMessage(tr("前年度からのコピーを%1項目元に戻しました。").arg(undone), false);
  return undone;
}

void EntryController::discardEdit(const QString& key, int year) {
  const auto cell = cellKey(key, year);
  m_unsaved.erase(cell);
  if (auto* session = Session::instance()) {
    if (auto dropped = session->replica().discard(cell); !dropped)
      setMessage(qs(dropped.error().message), true);
  }
  scheduleSync();
  reload();
}

bool EntryController::setSection(qint64 itemId, const QString& key, int year,
                                 const QString& value) {
  auto* session = Session::instance();
  if (!session) return false;
  const matome::cell_key k{itemId, 0, year, utf8(key)};
  if (session->replica().value_of(k) == utf8(value)) return true;
  auto done = session->replica().edit(k, utf8(value));
  if (!done) {
    setMessage(tr("保存できません: %1").arg(qs(done.error().message)), true);
    return false;
  }
  if (auto* sync = SyncController::instance()) sync->scheduleSync();
  reload();
  return true;
}

QString EntryController::tableValue(const QString& key, const QVariantList& rows) const {
  auto* session = Session::instance();
  if (!session) return {};
  auto index = session->replica().plan();
  if (!index) return {};
  const matome::template_field* field = index->plan.tmpl.find(utf8(key));
  if (field == nullptr || field->type != matome::field_type::table) return {};
  std::vector<matome::table_row> table;
  for (const auto& row : rows) {
    matome::table_row cells;
    bool empty = true;
    for (const auto& cell : row.toList()) {
      cells.push_back(utf8(cell.toString()));
      empty = empty && cells.back().empty();
    }
    if (!empty) table.push_back(std::move(cells));
  }
  return qs(matome::write_table_value(*field, table));
}

bool EntryController::act(const QString& action, const QString& comment) {
  auto* session = Session::instance();
  if (!session || !m_valid) return false;
  flush();
  auto parsed =
      matome::parse_entry_action(action == QStringLiteral("return") ? "return" : utf8(action));
  if (!parsed) {
    setMessage(qs(parsed.error().message), true);
    return false;
  }
  auto& local = session->replica();
  if (*parsed == matome::entry_action::submit) {
    auto value_of = [&](std::string_view field) {
      return local.value_of({m_key.item_id, m_key.department_id, m_key.year, std::string(field)});
    };
    if (auto problem = matome::check_ready_to_submit(session->plan()->plan.tmpl, value_of)) {
      m_problemKey = qs(problem->field);
      m_problem = qs(problem->message);
      setMessage(m_problem, true);
      reload();
      Q_EMIT problemAt(m_problemKey);
      return false;
    }
  }
  auto queued = local.queue_transition(m_key, *parsed, utf8(comment.trimmed()));
  if (!queued) {
    setMessage(qs(queued.error().message), true);
    return false;
  }
  m_problemKey.clear();
  setMessage(tr("「%1」を記録しました。次の同期でサーバーに送られます。")
                 .arg(actionLabel(stepName(*parsed))),
             false);
  reload();
  if (auto* sync = SyncController::instance()) sync->syncNow();
  return true;
}

bool EntryController::addComment(const QString& body) {
  auto* session = Session::instance();
  if (!session || !m_valid || body.trimmed().isEmpty()) return false;
  auto queued = session->replica().queue_comment(m_key, utf8(body.trimmed()));
  if (!queued) {
    setMessage(qs(queued.error().message), true);
    return false;
  }
  m_comments.load(m_key);
  if (auto* sync = SyncController::instance()) sync->syncNow();
  return true;
}

void EntryController::setMessage(const QString& message, bool isError) {
  if (message == m_message && isError == m_messageIsError) return;
  m_message = message;
  m_messageIsError = isError;
  Q_EMIT messageChanged();
}

void EntryController::reload() {
  auto* session = Session::instance();
  const matome::plan_index* index = session ? session->plan() : nullptr;
  if (index && m_key.year == 0) m_key.year = index->plan.report_year;  // the plan came with a sync
  const matome::plan_item* item = index ? index->find_item(m_key.item_id) : nullptr;
  m_valid = item && index->plan.is_row(*item) && index->plan.contains_year(m_key.year) &&
            std::ranges::find(item->owner_ids, m_key.department_id) != item->owner_ids.end();
  if (!m_valid) {
    m_fields.setFields({}, false);
    m_shownKey.reset();
    m_comments.load({});
    m_actions.clear();
    m_canEdit = false;
    Q_EMIT stateChanged();
    return;
  }
  auto& local = session->replica();
  auto& db = local.db();
  const auto& plan = index->plan;
  const auto who = session->identity()->as_actor();

  m_itemLabel = qs(item->label);
  m_itemTitle = qs(item->title);
  m_pageRef = qs(item->page_ref);
  QStringList path;
  for (auto* p = index->find_item(item->parent_id); p; p = index->find_item(p->parent_id))
    path.prepend(qs(p->label + " " + p->title));
  m_itemPath = path.join(QStringLiteral(" › "));
  m_owners.clear();
  for (auto owner : item->owner_ids) {
    m_owners.append(QVariantMap{{QStringLiteral("departmentId"), static_cast<qint64>(owner)},
                                {QStringLiteral("name"), session->departmentNameOf(owner)}});
  }

  const matome::entry current = db.find_entry(m_key);
  m_status = current.status;
  m_statusVersion = current.version;
  // Read once: every field and every year of a series asks.
  const auto finalizedYears = db.finalized_years(plan.id);
  auto isFinalized = [&](int year) {
    return std::ranges::find(finalizedYears, year) != finalizedYears.end();
  };
  const bool finalized = isFinalized(m_key.year);
  const matome::cell_key reportKey{m_key.item_id, m_key.department_id, m_key.year, ""};
  m_reviewMode = who.role == matome::role::coordinator &&
                 who.department_id != m_key.department_id && !m_editingAsCoordinator;
  m_canEdit = !m_reviewMode && static_cast<bool>(matome::check_write_right(who, *item, reportKey,
                                                                           m_status, finalized));

  m_actions.clear();
  const bool ownDepartment = who.department_id == m_key.department_id;
  for (auto step : kSteps) {
    const bool departmentStep = step == matome::entry_action::submit ||
                                step == matome::entry_action::approve ||
                                step == matome::entry_action::send_back;
    if (finalized || (departmentStep && !ownDepartment)) continue;
    if (matome::next_status(m_status, step, who.role, plan.department_check))
      m_actions << stepName(step);
  }
  m_pendingAction.clear();
  for (const auto& a : local.actions()) {
    if (a.action.kind != matome::action_kind::transition || a.action.entry != m_key) continue;
    if (a.refused) {
      setMessage(tr("「%1」はサーバーに受け付けられませんでした: %2")
                     .arg(actionLabel(qs(a.action.name)), qs(a.reason)),
                 true);
    } else {
      m_pendingAction = qs(a.action.name);
      // Held back until an edit of this entry is no longer in conflict or refused.
      if (!a.reason.empty()) setMessage(qs(a.reason), true);
    }
  }

  // The headings' sections, outermost first: read by everyone, written by
  // the coordinator (plan cells on the heading items).
  m_sections.clear();
  std::vector<const matome::plan_item*> headings;
  for (auto* p = index->find_item(item->parent_id); p; p = index->find_item(p->parent_id))
    headings.insert(headings.begin(), p);
  for (const auto* heading : headings) {
    for (const auto& t : plan.tmpl.fields) {
      if (t.level != heading->level) continue;
      const int year = t.type == matome::field_type::year_series ? m_key.year : 0;
      const matome::cell_key k{heading->id, 0, year, t.key};
      const bool editable = static_cast<bool>(matome::check_write_right(
          who, *heading, k, matome::entry_status::not_started, isFinalized(year)));
      m_sections.append(QVariantMap{
          {QStringLiteral("itemId"), static_cast<qint64>(heading->id)},
          {QStringLiteral("key"), qs(t.key)},
          {QStringLiteral("label"),
           year != 0 ? qs(t.label + "（" + matome::fiscal_year_label(year) + "）") : qs(t.label)},
          {QStringLiteral("heading"), qs(heading->label + " " + heading->title)},
          {QStringLiteral("value"), qs(local.value_of(k))},
          {QStringLiteral("year"), year},
          {QStringLiteral("editable"), editable}});
    }
  }

  std::map<matome::cell_key, matome::client::outbox_entry> outbox;
  for (auto& o : local.outbox()) outbox.emplace(o.change.key, std::move(o));
  std::vector<matome::cell_key> conflicted;
  for (const auto& c : db.open_conflicts(plan.id)) conflicted.push_back(c.key);

  auto shown = [&](const matome::cell_key& key) {
    auto it = m_unsaved.find(key);
    return it != m_unsaved.end() ? it->second.value : qs(local.value_of(key));
  };
  auto versionOf = [&](const matome::cell_key& key) -> qint64 {
    auto c = db.find_cell(key);
    return c ? c->version : 0;
  };
  std::vector<FormField> fields;
  m_hasLastYear = false;
  for (const auto& t : plan.tmpl.fields) {
    if (t.level >= 0) continue;  // a section: written on headings, not in a row's form
    FormField f;
    f.key = qs(t.key);
    f.label = qs(t.label);
    f.type = qs(matome::to_string(t.type));
    f.elementType = qs(matome::to_string(t.cell_type()));
    f.scope = qs(matome::to_string(t.scope));
    f.unit = qs(t.unit);
    f.maxLength = static_cast<int>(t.length_limit());
    f.required = t.required;
    for (const auto& o : t.options) {
      f.options.append(QVariantMap{{QStringLiteral("value"), qs(o.value)},
                                   {QStringLiteral("definition"), qs(o.definition)}});
    }
    const bool planScope = t.scope == matome::field_scope::plan;
    const matome::cell_key key = cellKey(f.key, 0);
    auto mayWrite = [&](const matome::cell_key& k) {
      if (m_reviewMode && k.department_id != 0) return false;  // the department's own text
      return static_cast<bool>(
          matome::check_write_right(who, *item, k, m_status, isFinalized(k.year)));
    };
    if (t.type == matome::field_type::year_series) {
      const int last = planScope ? plan.last_year : m_key.year;
      for (int y = plan.first_year; y <= last; ++y) {
        const auto k = cellKey(f.key, y);
        // A department's past years are history: only this year is theirs to fill.
        const bool editable = mayWrite(k) && (planScope || y == m_key.year);
        f.series.append(
            QVariantMap{{QStringLiteral("year"), y},
                        {QStringLiteral("label"), qs(matome::fiscal_year_short_label(y))},
                        {QStringLiteral("value"), shown(k)},
                        {QStringLiteral("version"), versionOf(k)},
                        {QStringLiteral("editable"), editable},
                        {QStringLiteral("current"), y == m_key.year}});
        f.editable = f.editable || editable;
        if (outbox.contains(k)) f.pending = true;
        if (std::ranges::find(conflicted, k) != conflicted.end()) f.conflict = true;
      }
      f.value = shown(cellKey(f.key, m_key.year));
      if (const auto* target = plan.tmpl.target_of(t)) {
        bool ok = false;
        const auto text = shown(cellKey(qs(target->key), 0)).remove(u',');
        f.target = text.toDouble(&ok);
        f.hasTarget = ok;
      }
    } else {
      f.value = shown(key);
      if (t.type == matome::field_type::table) {
        for (const auto& c : t.columns) {
          QStringList options;
          for (const auto& o : c.options) options << qs(o);
          f.columns.append(QVariantMap{{QStringLiteral("key"), qs(c.key)},
                                       {QStringLiteral("label"), qs(c.label)},
                                       {QStringLiteral("type"), qs(matome::to_string(c.type))},
                                       {QStringLiteral("options"), options},
                                       {QStringLiteral("required"), c.required}});
        }
        if (auto rows = matome::parse_table_value(t, utf8(f.value))) {
          for (const auto& row : *rows) {
            QStringList cells;
            for (const auto& cell : row) cells << qs(cell);
            f.tableRows.append(QVariant(cells));
          }
        }
      }
      const auto onServer = db.find_cell(key);  // read once: version, and theirs when stale
      f.version = onServer ? onServer->version : 0;
      f.editable = mayWrite(key);
      if (!planScope) {
        const auto lastYear = local.value_of({key.item_id, key.department_id, key.year - 1, t.key});
        // A table reads as its rows, one per line, not as the stored JSON.
        f.lastYearValue =
            qs(t.type == matome::field_type::table ? matome::table_as_text(t, lastYear) : lastYear);
        f.lastYearStored = qs(lastYear);
        m_hasLastYear = m_hasLastYear || !f.lastYearValue.isEmpty();
      }
      std::optional<matome::version_t> typedOn;  // the base of the user's own text
      if (auto it = outbox.find(key); it != outbox.end()) {
        f.pending = !it->second.refused;
        if (it->second.refused) f.refusedReason = qs(it->second.reason);
        if (f.pending) typedOn = it->second.change.base_version;
      }
      if (auto it = m_unsaved.find(key); it != m_unsaved.end() && it->second.seenVersion)
        typedOn = typedOn ? std::min(*typedOn, *it->second.seenVersion) : *it->second.seenVersion;
      if (typedOn && f.version > *typedOn) {
        f.stale = true;
        f.theirs = qs(onServer->value);
      }
      f.conflict = std::ranges::find(conflicted, key) != conflicted.end();
    }
    if (f.key == m_problemKey) f.problem = m_problem;
    fields.push_back(std::move(f));
  }
  m_fields.setFields(std::move(fields), m_shownKey == m_key);
  m_shownKey = m_key;
  m_comments.load(m_key);
  Q_EMIT stateChanged();
}

}  // namespace Matome
