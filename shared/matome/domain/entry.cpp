#include "matome/domain/entry.h"

#include <algorithm>
#include <initializer_list>

namespace matome {
namespace {

struct transition {
  entry_status from;
  entry_action action;
  entry_status to;
  std::initializer_list<role> actors;
  // nullopt: in every plan; true/false: only when department_check is so.
  std::optional<bool> needs_department_check;
};

using enum entry_status;
using enum entry_action;

const transition transitions[] = {
    {not_started, edit, draft, {role::member, role::chief, role::coordinator}, std::nullopt},
    {draft, edit, draft, {role::member, role::chief, role::coordinator}, std::nullopt},
    {returned, edit, returned, {role::member, role::chief, role::coordinator}, std::nullopt},
    // Coordinators may correct a submitted entry while reviewing it.
    {submitted, edit, submitted, {role::coordinator}, std::nullopt},
    {checking, edit, checking, {role::chief, role::coordinator}, std::nullopt},

    {not_started, submit, submitted, {role::member, role::chief}, false},
    {draft, submit, submitted, {role::member, role::chief}, false},
    {returned, submit, submitted, {role::member, role::chief}, false},
    {not_started, submit, checking, {role::member, role::chief}, true},
    {draft, submit, checking, {role::member, role::chief}, true},
    {returned, submit, checking, {role::member, role::chief}, true},
    {checking, approve, submitted, {role::chief}, true},
    {checking, send_back, draft, {role::chief}, true},

    {submitted, accept, accepted, {role::coordinator}, std::nullopt},
    {submitted, return_, returned, {role::coordinator}, std::nullopt},
    {accepted, reopen, returned, {role::coordinator}, std::nullopt},
};

template <class Enum, std::size_t N>
result<Enum> parse_name(std::string_view text, const std::pair<std::string_view, Enum> (&names)[N],
                        std::string_view what) {
  for (const auto& [name, value] : names) {
    if (name == text) return value;
  }
  return make_error(errc::invalid_value,
                    "unknown " + std::string(what) + " \"" + std::string(text) + "\"");
}

template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::pair<std::string_view, Enum> (&names)[N]) {
  for (const auto& [name, v] : names) {
    if (v == value) return name;
  }
  return "?";
}

constexpr std::pair<std::string_view, role> role_names[] = {{"member", role::member},
                                                            {"chief", role::chief},
                                                            {"coordinator", role::coordinator},
                                                            {"admin", role::admin}};
constexpr std::pair<std::string_view, entry_status> status_names[] = {
    {"not_started", not_started}, {"draft", draft},       {"checking", checking},
    {"submitted", submitted},     {"returned", returned}, {"accepted", accepted}};
constexpr std::pair<std::string_view, entry_status> status_labels_ja[] = {
    {"未着手", not_started}, {"作成中", draft},    {"課内確認中", checking},
    {"提出済", submitted},   {"差戻し", returned}, {"確定", accepted}};
constexpr std::pair<std::string_view, entry_action> action_names[] = {
    {"edit", edit},     {"submit", submit},  {"approve", approve}, {"send_back", send_back},
    {"accept", accept}, {"return", return_}, {"reopen", reopen}};

}  // namespace

std::string_view to_string(role r) {
  return name_of(r, role_names);
}
std::string_view to_string(entry_status s) {
  return name_of(s, status_names);
}
std::string_view to_string(entry_action a) {
  return name_of(a, action_names);
}
std::string_view label_ja(entry_status s) {
  return name_of(s, status_labels_ja);
}
result<role> parse_role(std::string_view text) {
  return parse_name(text, role_names, "role");
}
result<entry_status> parse_entry_status(std::string_view text) {
  return parse_name(text, status_names, "entry status");
}
result<entry_action> parse_entry_action(std::string_view text) {
  return parse_name(text, action_names, "entry action");
}

result<entry_status> next_status(entry_status from, entry_action action, role actor,
                                 bool department_check) {
  bool step_exists = false;
  for (const auto& t : transitions) {
    if (t.from != from || t.action != action) continue;
    if (t.needs_department_check && *t.needs_department_check != department_check) continue;
    step_exists = true;
    if (std::ranges::find(t.actors, actor) != t.actors.end()) return t.to;
  }
  if (step_exists) {
    return make_error(errc::forbidden, "「" + std::string(to_string(action)) + "」は" +
                                           std::string(to_string(actor)) +
                                           "の権限ではできません。");
  }
  if (from == accepted && action == edit) {
    return make_error(
        errc::locked,
        "この報告は確定済みです。修正が必要な場合は取りまとめ担当に再開を依頼してください。");
  }
  return make_error(errc::illegal_transition, "「" + std::string(label_ja(from)) + "」の報告に「" +
                                                  std::string(to_string(action)) +
                                                  "」はできません。");
}

bool department_may_edit(entry_status s) {
  return s == not_started || s == draft || s == returned;
}

}  // namespace matome
