#pragma once
// matome-cli export: the year's data from the local replica, offline, as
// CSV (one row per entry, or one per value) or JSON (docs/cli.md).

#include <string>

namespace matome::client {
class replica;
}

namespace matome::cli {

struct export_request {
  std::string year;            // R6, 令和6年度, 2024; empty: the plan's report year
  std::string format = "csv";  // pdf, xlsx (the printed report), csv, csv-long, json
  std::string layout;          // pdf, xlsx: a layout file; empty: the default layout
  std::string department;      // a department code: only its rows
  bool accepted_only = false;
  bool mark_changes = false;  // pdf, xlsx: shade what changed since the last acceptance
  std::string out;            // the file to write
};

int run_export(client::replica& local, const export_request& request);

}  // namespace matome::cli
