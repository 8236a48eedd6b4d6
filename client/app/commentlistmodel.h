#pragma once
// One entry's comment thread between the department and the coordinator,
// oldest first: the comments the server has, then the user's own not yet
// sent (marked pending, or refused with the server's reason).

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

#include "matome/domain/entry.h"

namespace Matome {

class CommentListModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("owned by EntryController")

 public:
  enum Roles { AuthorRole = Qt::UserRole + 1, BodyRole, AtRole, PendingRole, RefusedReasonRole };
  Q_ENUM(Roles)

  using QAbstractListModel::QAbstractListModel;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  // Rereads the thread of `key` from the session's replica.
  void load(const matome::entry_key& key);
  // The comment the server numbered `seq` (a workflow step's, such as a
  // return's reason), else the newest comment from the server, or empty.
  QString stepComment(std::int64_t seq) const;

 private:
  struct Comment {
    QString author;
    QString body;
    QString at;
    bool pending = false;
    QString refusedReason;
    std::int64_t seq = 0;  // the server's number; 0 while not sent
    bool operator==(const Comment&) const = default;
  };
  std::vector<Comment> m_comments;
};

}  // namespace Matome
