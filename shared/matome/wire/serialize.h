#pragma once
// cereal serialize functions for the domain and sync types that travel on
// the wire. Field names are the public JSON names (docs/api.md).

#include <cereal/archives/json.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#include "matome/wire/bounded_binary.h"
#include "matome/wire/messages.h"

namespace matome {

// A field added after protocol 1 shipped, last in its object: read when the
// sender wrote it, left at its default when an older sender did not. JSON
// only (the binary format carries no names and is never read from an older
// peer's queue).
template <class Archive, class T>
void trailing_optional(Archive& ar, const char* name, T& value) {
  if constexpr (std::is_same_v<Archive, cereal::JSONInputArchive>) {
    const char* next = ar.getNodeName();
    if (next == nullptr || std::string_view(next) != name) return;
  }
  ar(cereal::make_nvp(name, value));
}

template <class Archive>
void serialize(Archive& ar, cell_key& k) {
  ar(cereal::make_nvp("item", k.item_id), cereal::make_nvp("department", k.department_id),
     cereal::make_nvp("year", k.year), cereal::make_nvp("field", k.field));
}

template <class Archive>
void serialize(Archive& ar, entry_key& k) {
  ar(cereal::make_nvp("item", k.item_id), cereal::make_nvp("department", k.department_id),
     cereal::make_nvp("year", k.year));
}

template <class Archive>
std::string save_minimal(const Archive&, const entry_status& s) {
  return std::string(to_string(s));
}
template <class Archive>
void load_minimal(const Archive&, entry_status& s, const std::string& text) {
  auto parsed = parse_entry_status(text);
  if (!parsed) throw std::invalid_argument(parsed.error().message);
  s = *parsed;
}

template <class Archive>
std::string save_minimal(const Archive&, const outcome_kind& k) {
  return std::string(to_string(k));
}
template <class Archive>
void load_minimal(const Archive&, outcome_kind& k, const std::string& text) {
  auto parsed = parse_outcome_kind(text);
  if (!parsed) throw std::invalid_argument(parsed.error().message);
  k = *parsed;
}

template <class Archive>
void serialize(Archive& ar, cell_change& c) {
  ar(cereal::make_nvp("change_id", c.change_id), cereal::make_nvp("cell", c.key),
     cereal::make_nvp("base_version", c.base_version), cereal::make_nvp("value", c.value));
}

template <class Archive>
void serialize(Archive& ar, change_outcome& o) {
  ar(cereal::make_nvp("change_id", o.change_id), cereal::make_nvp("outcome", o.kind),
     cereal::make_nvp("version", o.version), cereal::make_nvp("conflict_id", o.conflict_id),
     cereal::make_nvp("server_value", o.server_value),
     cereal::make_nvp("server_version", o.server_version),
     cereal::make_nvp("reason_code", o.reason_code), cereal::make_nvp("reason", o.reason),
     cereal::make_nvp("repeated", o.repeated));
}

template <class Archive>
void serialize(Archive& ar, cell& c) {
  ar(cereal::make_nvp("cell", c.key), cereal::make_nvp("value", c.value),
     cereal::make_nvp("version", c.version));
}

template <class Archive>
void serialize(Archive& ar, entry& e) {
  ar(cereal::make_nvp("entry", e.key), cereal::make_nvp("status", e.status),
     cereal::make_nvp("version", e.version));
  // Since schema 12.
  trailing_optional(ar, "accepted_version", e.accepted_version);
}

template <class Archive>
void serialize(Archive& ar, conflict_record& c) {
  ar(cereal::make_nvp("id", c.id), cereal::make_nvp("cell", c.key),
     cereal::make_nvp("change_id", c.change_id), cereal::make_nvp("base_version", c.base_version),
     cereal::make_nvp("base_value", c.base_value),
     cereal::make_nvp("server_version", c.server_version),
     cereal::make_nvp("server_value", c.server_value),
     cereal::make_nvp("incoming_value", c.incoming_value), cereal::make_nvp("user", c.user),
     cereal::make_nvp("device", c.device), cereal::make_nvp("created_at", c.created_at),
     cereal::make_nvp("resolved", c.resolved), cereal::make_nvp("resolved_value", c.resolved_value),
     cereal::make_nvp("resolved_by", c.resolved_by),
     cereal::make_nvp("resolved_at", c.resolved_at));
  // Since schema 13.
  trailing_optional(ar, "server_user", c.server_user);
  trailing_optional(ar, "server_at", c.server_at);
}

template <class Archive>
void serialize(Archive& ar, comment_record& c) {
  ar(cereal::make_nvp("id", c.id), cereal::make_nvp("entry", c.entry),
     cereal::make_nvp("author", c.author), cereal::make_nvp("body", c.body),
     cereal::make_nvp("at", c.at), cereal::make_nvp("seq", c.seq));
}

template <class Archive>
std::string save_minimal(const Archive&, const field_type& t) {
  return std::string(to_string(t));
}
template <class Archive>
void load_minimal(const Archive&, field_type& t, const std::string& text) {
  auto parsed = parse_field_type(text);
  if (!parsed) throw std::invalid_argument(parsed.error().message);
  t = *parsed;
}

template <class Archive>
std::string save_minimal(const Archive&, const field_scope& s) {
  return std::string(to_string(s));
}
template <class Archive>
void load_minimal(const Archive&, field_scope& s, const std::string& text) {
  auto parsed = parse_field_scope(text);
  if (!parsed) throw std::invalid_argument(parsed.error().message);
  s = *parsed;
}

template <class Archive>
void serialize(Archive& ar, choice_option& o) {
  ar(cereal::make_nvp("value", o.value), cereal::make_nvp("definition", o.definition));
}

template <class Archive>
void serialize(Archive& ar, table_column& c) {
  ar(cereal::make_nvp("key", c.key), cereal::make_nvp("label", c.label),
     cereal::make_nvp("type", c.type), cereal::make_nvp("options", c.options),
     cereal::make_nvp("max_length", c.max_length), cereal::make_nvp("required", c.required));
}

template <class Archive>
void serialize(Archive& ar, template_field& f);

template <class Archive>
void serialize(Archive& ar, plan& p);

template <class Archive>
void serialize(Archive& ar, department& d) {
  ar(cereal::make_nvp("id", d.id), cereal::make_nvp("code", d.code),
     cereal::make_nvp("name", d.name), cereal::make_nvp("external", d.external));
}

template <class Archive>
void serialize(Archive& ar, relisting& r) {
  ar(cereal::make_nvp("parent", r.parent_id), cereal::make_nvp("label", r.label));
}

template <class Archive>
void serialize(Archive& ar, plan_item& i) {
  ar(cereal::make_nvp("id", i.id), cereal::make_nvp("parent", i.parent_id),
     cereal::make_nvp("level", i.level), cereal::make_nvp("position", i.position),
     cereal::make_nvp("label", i.label), cereal::make_nvp("title", i.title),
     cereal::make_nvp("description", i.description), cereal::make_nvp("page", i.page_ref),
     cereal::make_nvp("owners", i.owner_ids), cereal::make_nvp("relistings", i.relistings));
}

template <class Archive>
std::string save_minimal(const Archive&, const action_kind& k) {
  return std::string(to_string(k));
}
template <class Archive>
void load_minimal(const Archive&, action_kind& k, const std::string& text) {
  auto parsed = parse_action_kind(text);
  if (!parsed) throw std::invalid_argument(parsed.error().message);
  k = *parsed;
}

template <class Archive>
void serialize(Archive& ar, template_field& f) {
  ar(cereal::make_nvp("key", f.key), cereal::make_nvp("label", f.label),
     cereal::make_nvp("type", f.type), cereal::make_nvp("scope", f.scope),
     cereal::make_nvp("element_type", f.element_type), cereal::make_nvp("options", f.options),
     cereal::make_nvp("unit", f.unit), cereal::make_nvp("max_length", f.max_length),
     cereal::make_nvp("required", f.required), cereal::make_nvp("reason_field", f.reason_field));
  // Since schema 10: tables and sections on headings.
  trailing_optional(ar, "columns", f.columns);
  trailing_optional(ar, "level", f.level);
}

template <class Archive>
void serialize(Archive& ar, plan& p) {
  ar(cereal::make_nvp("id", p.id), cereal::make_nvp("code", p.code),
     cereal::make_nvp("title", p.title), cereal::make_nvp("city", p.city),
     cereal::make_nvp("first_year", p.first_year), cereal::make_nvp("last_year", p.last_year),
     cereal::make_nvp("report_year", p.report_year), cereal::make_nvp("levels", p.level_names),
     cereal::make_nvp("department_check", p.department_check),
     cereal::make_nvp("template", p.tmpl.fields));
  // Since schema 11: the plan's report layout.
  trailing_optional(ar, "report_layout", p.report_layout);
}

template <class Archive>
void serialize(Archive& ar, workflow_action& a) {
  ar(cereal::make_nvp("action_id", a.action_id), cereal::make_nvp("kind", a.kind),
     cereal::make_nvp("entry", a.entry), cereal::make_nvp("name", a.name),
     cereal::make_nvp("conflict_id", a.conflict_id), cereal::make_nvp("text", a.text));
  trailing_optional(ar, "seen_version", a.seen_version);
}

template <class Archive>
void serialize(Archive& ar, action_outcome& o) {
  ar(cereal::make_nvp("action_id", o.action_id), cereal::make_nvp("done", o.done),
     cereal::make_nvp("reason_code", o.reason_code), cereal::make_nvp("reason", o.reason),
     cereal::make_nvp("repeated", o.repeated));
}

namespace wire {

template <class Archive>
void action_request::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("plan", plan_id),
     cereal::make_nvp("actions", actions));
  trailing_optional(ar, "timeline", timeline);
}

template <class Archive>
void action_response::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("last_seq", last_seq),
     cereal::make_nvp("outcomes", outcomes));
}

template <class Archive>
void push_request::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("plan", plan_id),
     cereal::make_nvp("changes", changes));
  trailing_optional(ar, "timeline", timeline);
}

template <class Archive>
void push_response::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("last_seq", last_seq),
     cereal::make_nvp("outcomes", outcomes));
}

template <class Archive>
void pull_page::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("cursor", cursor),
     cereal::make_nvp("more", more), cereal::make_nvp("structure_version", structure_version),
     cereal::make_nvp("finalized_years", finalized_years), cereal::make_nvp("cells", cells),
     cereal::make_nvp("entries", entries), cereal::make_nvp("conflicts", conflicts),
     cereal::make_nvp("comments", comments));
}

template <class Archive>
void plan_snapshot::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol),
     cereal::make_nvp("structure_version", structure_version), cereal::make_nvp("plan", plan),
     cereal::make_nvp("departments", departments), cereal::make_nvp("items", items));
}

template <class Archive>
void bundle_changes::serialize(Archive& ar) {
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("plan", plan_id),
     cereal::make_nvp("cursor", cursor), cereal::make_nvp("structure_version", structure_version),
     cereal::make_nvp("changes", changes), cereal::make_nvp("actions", actions));
  trailing_optional(ar, "request_id", request_id);
  trailing_optional(ar, "timeline", timeline);
  trailing_optional(ar, "department", department_id);
  trailing_optional(ar, "role", role);
}

template <class Archive>
void bundle_answer::serialize(Archive& ar) {
  // Flat, so the same function serves JSON and binary archives.
  ar(cereal::make_nvp("protocol", protocol), cereal::make_nvp("last_seq", response.last_seq),
     cereal::make_nvp("outcomes", response.outcomes),
     cereal::make_nvp("action_outcomes", action_outcomes),
     cereal::make_nvp("has_snapshot", has_snapshot),
     cereal::make_nvp("structure_version", snapshot.structure_version),
     cereal::make_nvp("plan", snapshot.plan), cereal::make_nvp("departments", snapshot.departments),
     cereal::make_nvp("items", snapshot.items), cereal::make_nvp("cursor", page.cursor),
     cereal::make_nvp("page_structure_version", page.structure_version),
     cereal::make_nvp("finalized_years", page.finalized_years),
     cereal::make_nvp("cells", page.cells), cereal::make_nvp("entries", page.entries),
     cereal::make_nvp("conflicts", page.conflicts), cereal::make_nvp("comments", page.comments));
  trailing_optional(ar, "device", device);
  trailing_optional(ar, "request_id", request_id);
  trailing_optional(ar, "timeline", timeline);
  trailing_optional(ar, "department", department_id);
  trailing_optional(ar, "role", role);
}

}  // namespace wire
}  // namespace matome
