#include "matome/domain/plan.h"

#include "matome/domain/fiscal_year.h"

namespace matome {

result<void> validate_plan(const plan& p) {
  if (p.title.empty()) return make_error(errc::invalid_value, "計画名が空です。");
  if (p.first_year < 1900 || p.last_year < p.first_year) {
    return make_error(errc::invalid_value, "計画期間が正しくありません（開始 " +
                                               std::to_string(p.first_year) + "、終了 " +
                                               std::to_string(p.last_year) + "）。");
  }
  if (!p.contains_year(p.report_year)) {
    return make_error(errc::invalid_value, "報告年度 " + fiscal_year_label(p.report_year) +
                                               " が計画期間（" + fiscal_year_label(p.first_year) +
                                               "〜" + fiscal_year_label(p.last_year) +
                                               "）の外です。");
  }
  if (p.level_names.empty()) {
    return make_error(errc::invalid_value,
                      "計画の階層名（基本目標・施策・事業など）がありません。");
  }
  for (const auto& f : p.tmpl.fields) {
    if (f.level >= static_cast<int>(p.level_names.size()) - 1) {
      return make_error(errc::invalid_value,
                        "項目「" + f.label + "」の level " + std::to_string(f.level) +
                            " は見出しの階層ではありません (0〜" +
                            std::to_string(static_cast<int>(p.level_names.size()) - 2) + ")。");
    }
  }
  return validate_template(p.tmpl);
}

}  // namespace matome
