#pragma once
// The report template: the columns of a city's progress report. Every
// vocabulary (grades, directions, plan marks) lives here as data, so one
// model serves 坂戸市, 北本市 and 鶴ヶ島市 alike.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matome/domain/error.h"

namespace matome {

enum class field_type {
  short_text,
  long_text,
  single_choice,  // A/B/C, ◎/○/△, 拡充/継続/見直し/廃止 ...
  multi_choice,   // value: the chosen option values, one per line
  number,         // value: a decimal number as typed ("1,234", "65.4")
  year_series,    // one cell per fiscal year; element_type says what a cell holds
  table,          // rows of typed columns in one cell (table_value.h): paragraphs, indicators
};

// plan: set by the coordinator, one value per plan item (事業内容, 目標).
// report: filled by each owner department for each fiscal year (実績, 評価).
enum class field_scope { plan, report };

std::string_view to_string(field_type type);
std::string_view to_string(field_scope scope);
result<field_type> parse_field_type(std::string_view text);
result<field_scope> parse_field_scope(std::string_view text);

struct choice_option {
  std::string value;       // what is stored and printed: "A", "◎", "継続"
  std::string definition;  // the printed meaning of the grade, shown to the user
};

// One column of a table field: what each row holds (heading + text, code +
// name, indicator name + unit + value). Types: short_text, long_text,
// number, single_choice.
struct table_column {
  std::string key;
  std::string label;
  field_type type = field_type::short_text;
  std::vector<std::string> options;  // for single_choice
  int max_length = 0;                // 0: the default of its type
  bool required = false;             // every row must fill it

  // The most characters one value of this column may hold.
  std::size_t length_limit() const;
};

struct template_field {
  std::string key;    // stable identifier: "progress", "grade"
  std::string label;  // printed column title: "令和5年度の進捗状況"
  field_type type = field_type::short_text;
  field_scope scope = field_scope::report;
  field_type element_type = field_type::short_text;  // for year_series only
  std::vector<choice_option> options;                // for choices (and choice series)
  std::string unit;                                  // for numbers: "人", "%"
  int max_length = 0;                 // in characters; 0 = the default for its type (length_limit)
  bool required = false;              // must be filled before submit
  std::string reason_field;           // key of a field that must be filled when this one is
  std::vector<table_column> columns;  // for a table
  // Where a plan-scope field is written: -1 on the rows (the default), or on
  // the headings of that level (a section: a 基本目標's background text, a
  // leading project's yearly policy as a year series). Report fields are
  // always on rows.
  int level = -1;

  bool is_choice() const;
  // The type a single cell of this field holds (element_type for a series).
  field_type cell_type() const;
  // The most characters one cell may hold: max_length, or the default for
  // the cell type. Every text has a limit, so no single value can outgrow a
  // push request (16 MiB) and block the outbox behind it.
  std::size_t length_limit() const;
};

// Defaults when a template sets no max_length, and the most it may set. The
// longest cell in the sample reports is ~350 characters.
inline constexpr std::size_t default_short_text_limit = 200;
inline constexpr std::size_t default_long_text_limit = 4000;
inline constexpr std::size_t default_number_limit = 40;
inline constexpr std::size_t default_table_limit = 20'000;  // the whole table, as stored
inline constexpr int max_text_limit = 100'000;

struct report_template {
  std::vector<template_field> fields;  // in printed column order

  const template_field* find(std::string_view key) const;
  // The target line of an indicator series: the plan-scope number field
  // keyed "<series key>_target" (docs/file-formats.md), or none.
  const template_field* target_of(const template_field& series) const;
};

// Keys unique and non-empty, choices with options, references resolvable.
result<void> validate_template(const report_template& tmpl);

// Whether `text` is a decimal number as a number field holds it ("1,234",
// "65.4", "-5"): what a number cell and a table's number column accept.
bool is_decimal_number(std::string_view text);

// Whether `value` may be stored in one cell of `field`. An empty value is
// always valid (it clears the cell); required-ness is checked at submit.
result<void> validate_value(const template_field& field, std::string_view value);

// A multiple-choice value with `option` added or removed: the chosen options
// one per line, in the template's order, options the template lacks dropped.
std::string toggle_choice(const template_field& field, std::string_view value,
                          std::string_view option, bool chosen);

// What stops an entry from leaving the department: a required field left
// empty, or a field filled without the reason it asks for. Names the field,
// so a form can point at it.
struct readiness_problem {
  std::string field;  // template key
  std::string message;
};

// The first problem of an entry whose report cells read `value_of(key)`, or
// none when it may be submitted.
std::optional<readiness_problem> check_ready_to_submit(
    const report_template& tmpl, const std::function<std::string(std::string_view)>& value_of);

}  // namespace matome
