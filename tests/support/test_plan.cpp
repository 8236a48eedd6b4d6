#include "support/test_plan.h"

namespace matome::test {

std::string fixed_clock() {
  return "2026-11-24T09:00:00.000Z";
}

store open_store(const std::filesystem::path& file) {
  return store::open(file, fixed_clock).value();
}

plan make_small_plan_definition() {
  plan p;
  p.code = "test-plan";
  p.title = "テスト地域福祉計画";
  p.city = "テスト市";
  p.first_year = 2022;
  p.last_year = 2026;
  p.report_year = 2023;
  p.level_names = {"目標", "事業"};
  p.tmpl.fields = {
      {"content",
       "事業内容",
       field_type::long_text,
       field_scope::plan,
       field_type::short_text,
       {},
       "",
       0,
       false,
       "",
       {},
       -1},
      {"marks",
       "年度計画",
       field_type::year_series,
       field_scope::plan,
       field_type::single_choice,
       {{"●", "実施"}, {"○", "拡充"}, {"×", "未実施"}},
       "",
       0,
       false,
       "",
       {},
       -1},
      {"progress",
       "進捗状況",
       field_type::long_text,
       field_scope::report,
       field_type::short_text,
       {},
       "",
       400,
       true,
       "",
       {},
       -1},
      {"grade",
       "事業評価",
       field_type::single_choice,
       field_scope::report,
       field_type::short_text,
       {{"A", "堅調に推移"}, {"B", "一層の取組が必要"}, {"C", "着手していない"}},
       "",
       0,
       true,
       "reason",
       {},
       -1},
      {"reason",
       "評価の理由・課題",
       field_type::long_text,
       field_scope::report,
       field_type::short_text,
       {},
       "",
       0,
       false,
       "",
       {},
       -1},
      {"users",
       "利用者数",
       field_type::number,
       field_scope::report,
       field_type::short_text,
       {},
       "人",
       0,
       false,
       "",
       {},
       -1},
  };
  return p;
}

small_plan make_small_plan(store& s) {
  return make_small_plan(s, make_small_plan_definition());
}

small_plan make_small_plan(store& s, const plan& definition) {
  small_plan out;
  out.fukushi = s.add_department({0, "fukushi", "福祉課", false}).value();
  out.shakyo = s.add_department({0, "shakyo", "社協", true}).value();
  out.plan_id = s.add_plan(definition).value();
  plan_item goal;
  goal.label = "1";
  goal.title = "支え合いの意識づくり";
  out.goal = s.add_item(out.plan_id, goal).value();
  plan_item solo;
  solo.parent_id = out.goal;
  solo.label = "①";
  solo.title = "福祉教育";
  solo.owner_ids = {out.fukushi};
  out.solo_row = s.add_item(out.plan_id, solo).value();
  plan_item shared;
  shared.parent_id = out.goal;
  shared.position = 1;
  shared.label = "②";
  shared.title = "サポーターの養成";
  shared.owner_ids = {out.fukushi, out.shakyo};
  out.shared_row = s.add_item(out.plan_id, shared).value();
  out.index = s.load_plan_index(out.plan_id).value();
  return out;
}

}  // namespace matome::test
