#pragma once
// Conversions between the client core's std::string (UTF-8) and Qt's QString.

#include <QString>
#include <string>
#include <string_view>

namespace Matome {

inline QString qs(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string utf8(const QString& text) {
  return text.toStdString();
}

}  // namespace Matome
