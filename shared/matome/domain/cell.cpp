#include "matome/domain/cell.h"

#include <algorithm>

#include "matome/domain/fiscal_year.h"

namespace matome {

std::string to_string(const cell_key& key) {
  return std::to_string(key.item_id) + "/" + std::to_string(key.department_id) + "/" +
         std::to_string(key.year) + "/" + key.field;
}

result<const template_field*> validate_cell(const plan& p, const plan_item& item,
                                            const cell_key& key, std::string_view value) {
  const template_field* field = p.tmpl.find(key.field);
  if (field == nullptr) {
    return make_error(errc::invalid_value,
                      "項目「" + key.field + "」はこの計画の様式にありません。");
  }
  if (field->level >= 0) {
    // A section: written on the headings of its level, not on rows.
    if (item.level != field->level) {
      return make_error(errc::invalid_value,
                        "「" + field->label + "」は" +
                            p.level_names[static_cast<std::size_t>(field->level)] +
                            "の見出しに書く項目です。「" + item.title + "」には書けません。");
    }
  } else if (!p.is_row(item)) {
    return make_error(errc::invalid_value,
                      "「" + item.title + "」は報告の対象になる事業の行ではありません。");
  }
  if (key.is_plan_cell() && field->scope == field_scope::report) {
    return make_error(
        errc::invalid_value,
        "「" + field->label + "」は担当課が報告する項目です。担当課と年度を指定してください。");
  }
  if (!key.is_plan_cell() && field->scope == field_scope::plan) {
    return make_error(errc::invalid_value,
                      "「" + field->label + "」は計画の項目で、担当課の報告欄ではありません。");
  }
  const bool needs_year = !key.is_plan_cell() || field->type == field_type::year_series;
  if (!needs_year && key.year != 0) {
    return make_error(errc::invalid_value, "「" + field->label + "」は年度ごとの値を持ちません。");
  }
  if (needs_year && !p.contains_year(key.year)) {
    return make_error(errc::invalid_value, "年度 " + std::to_string(key.year) + " は計画期間（" +
                                               fiscal_year_label(p.first_year) + "〜" +
                                               fiscal_year_label(p.last_year) + "）の外です。");
  }
  if (!key.is_plan_cell() &&
      std::ranges::find(item.owner_ids, key.department_id) == item.owner_ids.end()) {
    return make_error(errc::invalid_value,
                      "この担当課は「" + item.title + "」の担当ではありません。");
  }
  if (auto valid = validate_value(*field, value); !valid) return valid.error();
  return field;
}

result<void> check_write_right(const actor& who, const plan_item& item, const cell_key& key,
                               entry_status status, bool year_finalized) {
  if (year_finalized && key.year != 0) {
    return make_error(errc::locked,
                      fiscal_year_label(key.year) + "は確定済みのため変更できません。");
  }
  switch (who.role) {
    case role::coordinator:
      return {};
    case role::admin:
      return make_error(errc::forbidden, "管理者アカウントでは報告の内容を変更できません。");
    case role::member:
    case role::chief:
      break;
  }
  if (key.is_plan_cell()) {
    return make_error(errc::forbidden, "計画の項目は取りまとめ担当だけが変更できます。");
  }
  if (key.department_id != who.department_id) {
    return make_error(errc::forbidden, "他の担当課の報告は変更できません。");
  }
  if (std::ranges::find(item.owner_ids, who.department_id) == item.owner_ids.end()) {
    return make_error(errc::forbidden, "「" + item.title + "」はこの担当課の事業ではありません。");
  }
  auto next = next_status(status, entry_action::edit, who.role, /*department_check=*/false);
  if (!next) {
    if (next.error().code == errc::locked) return next.error();
    return make_error(errc::locked,
                      "「" + std::string(label_ja(status)) +
                          "」の報告は変更できません。取りまとめ担当からの差戻しを待ってください。");
  }
  return {};
}

}  // namespace matome
