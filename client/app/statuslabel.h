#pragma once
// An entry status as the user reads it: 未着手, 作成中, … in Japanese, and
// through the translation files in English.

#include <QString>

#include "matome/domain/entry.h"

namespace Matome {

QString statusLabel(matome::entry_status status);

}  // namespace Matome
