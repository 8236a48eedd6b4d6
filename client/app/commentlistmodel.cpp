#include "commentlistmodel.h"

#include "displaytext.h"
#include "qtconvert.h"
#include "session.h"

namespace Matome {

int CommentListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_comments.size());
}

QHash<int, QByteArray> CommentListModel::roleNames() const {
  return {{AuthorRole, "author"},
          {BodyRole, "body"},
          {AtRole, "at"},
          {PendingRole, "pending"},
          {RefusedReasonRole, "refusedReason"}};
}

QVariant CommentListModel::data(const QModelIndex& index, int role) const {
  Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid));
  const auto& c = m_comments[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
      return c.body;
    case AuthorRole:
      return c.author;
    case AtRole:
      return c.at;
    case PendingRole:
      return c.pending;
    case RefusedReasonRole:
      return c.refusedReason;
    default:
      return {};
  }
}

void CommentListModel::load(const matome::entry_key& key) {
  std::vector<Comment> comments;
  auto* session = Session::instance();
  if (session && key.item_id != 0) {
    auto& local = session->replica();
    for (const auto& c : local.db().comments_of(key)) {
      comments.push_back({qs(c.author), qs(c.body), localTimeLabel(qs(c.at)), false, {}, c.seq});
    }
    for (const auto& a : local.actions()) {
      if (a.action.kind != matome::action_kind::comment || a.action.entry != key) continue;
      comments.push_back({session->userName(), qs(a.action.text), tr("未送信"), true,
                          a.refused ? qs(a.reason) : QString(), 0});
    }
  }
  if (comments == m_comments) return;
  beginResetModel();
  m_comments = std::move(comments);
  endResetModel();
}

QString CommentListModel::stepComment(std::int64_t seq) const {
  for (const auto& c : m_comments)
    if (!c.pending && c.seq == seq) return c.body;
  // A step whose comment is not here under its number: the newest answer.
  for (auto it = m_comments.rbegin(); it != m_comments.rend(); ++it)
    if (!it->pending) return it->body;
  return {};
}

}  // namespace Matome
