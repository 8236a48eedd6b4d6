#include "bench_plan.h"

#include <cstdio>
#include <random>

#include "matome/auth/password.h"
#include "matome/util/uuid.h"

namespace matome::bench {

large_plan make_plan(store& s, const sizes& n) {
  large_plan out;
  plan p;
  p.code = "bench";
  p.title = "ベンチマーク計画";
  p.city = "テスト市";
  p.first_year = 2022;
  p.last_year = 2026;
  p.report_year = out.year;
  p.level_names = {"目標", "事業"};
  for (int f = 0; f < n.fields; ++f) {
    template_field field;
    field.key = "f" + std::to_string(f);
    field.label = "項目" + std::to_string(f);
    field.type = field_type::long_text;
    field.scope = field_scope::report;
    p.tmpl.fields.push_back(field);
  }
  out.plan_id = s.add_plan(p).value();
  for (int d = 0; d < n.departments; ++d) {
    out.departments.push_back(
        s.add_department({0, "d" + std::to_string(d), "課" + std::to_string(d), false}).value());
  }
  plan_item goal;
  goal.label = "目標1";
  goal.title = "目標";
  const auto goal_id = s.add_item(out.plan_id, goal).value();
  for (int r = 0; r < n.rows; ++r) {
    plan_item row;
    row.parent_id = goal_id;
    row.level = 1;
    row.position = r;
    row.label = std::to_string(r + 1);
    row.title = "事業" + std::to_string(r + 1);
    row.owner_ids = out.departments;
    out.rows.push_back(s.add_item(out.plan_id, row).value());
  }
  const auto hash = hash_password("bench", hash_cost::minimal).value();
  s.add_user({0, "coord", "取りまとめ", out.departments[0], role::coordinator, hash, false})
      .value();
  for (std::size_t d = 0; d < out.departments.size(); ++d) {
    const auto login = "d" + std::to_string(d);
    s.add_user({0, login, "担当" + login, out.departments[d], role::member, hash, false}).value();
  }
  return out;
}

std::string change_id(id_shape shape) {
  if (shape == id_shape::v7) return new_uuid();
  thread_local std::mt19937_64 random{std::random_device{}()};
  const auto high = random(), low = random();
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx",
                static_cast<unsigned>(high >> 32), static_cast<unsigned>((high >> 16) & 0xFFFF),
                static_cast<unsigned>(high & 0x0FFF),
                static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3FFF)),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

const char* name_of(id_shape shape) {
  return shape == id_shape::v7 ? "v7" : "v4";
}

// A typical report sentence (about 60 characters of Japanese).
const std::string kValue =
    "講座を年間12回開催し、延べ320人が参加した。参加者アンケートでは満足度が高かった。";

std::vector<cell_change> all_changes(const large_plan& p, const sizes& n, id_shape shape) {
  std::vector<cell_change> out;
  out.reserve(static_cast<std::size_t>(n.cells()));
  for (auto row : p.rows)
    for (auto dept : p.departments)
      for (int f = 0; f < n.fields; ++f)
        out.push_back({change_id(shape), {row, dept, p.year, "f" + std::to_string(f)}, 0, kValue});
  return out;
}

std::vector<cell_change> rewrite(const std::vector<cell_change>& cells,
                                 const std::vector<version_t>& versions, const std::string& value) {
  std::vector<cell_change> out;
  out.reserve(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i)
    out.push_back({new_uuid(), cells[i].key, versions[i], value});
  return out;
}

}  // namespace matome::bench
