#include "statuslabel.h"

#include <QCoreApplication>

namespace Matome {

QString statusLabel(matome::entry_status status) {
  using matome::entry_status;
  switch (status) {
    case entry_status::not_started:
      return QCoreApplication::translate("Matome::Status", "未着手");
    case entry_status::draft:
      return QCoreApplication::translate("Matome::Status", "作成中");
    case entry_status::checking:
      return QCoreApplication::translate("Matome::Status", "課内確認中");
    case entry_status::submitted:
      return QCoreApplication::translate("Matome::Status", "提出済");
    case entry_status::returned:
      return QCoreApplication::translate("Matome::Status", "差戻し");
    case entry_status::accepted:
      return QCoreApplication::translate("Matome::Status", "確定");
  }
  return {};
}

}  // namespace Matome
