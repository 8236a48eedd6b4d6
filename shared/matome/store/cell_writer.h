#pragma once
// The one place that writes a cell's value and a history row, so every path
// (apply, workflow, conflict resolution, a replica taking server rows) writes
// them the same way. Statements are prepared once per writer: make one per
// batch, inside the caller's transaction.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "matome/domain/cell.h"
#include "matome/store/sqlite.h"

namespace matome {

// The history's field for an entry's workflow steps (store_workflow.cpp).
// These rows are no cell's: the index history_of_workflow finds them.
inline constexpr std::string_view workflow_field = "_status";

// Who made a history row, and when.
struct change_author {
  std::string_view user;
  std::string_view device;
  std::string_view at;
};

class cell_writer {
 public:
  explicit cell_writer(sqlite::database& db);

  // Sets the cell to `value` at `version` (the server's authoritative
  // write). Open conflicts on the cell follow it: their server side becomes
  // this value and version, numbered `version` in the feed, so a conflict
  // can always be resolved against what the server holds now.
  void write(const cell_key& key, std::string_view value, version_t version);
  // The same for a cell that has no value yet, in one B-tree seek instead
  // of a read and a write: a workbook's first push is all new cells. False,
  // writing nothing, if the cell exists: the caller reads it and decides.
  bool write_new(const cell_key& key, std::string_view value, version_t version);
  // The same for several cells at once, several rows a statement: true if
  // every cell was new and now holds its value. All or nothing: if any cell
  // exists (or comes twice), it writes none of them and returns false, and
  // the caller takes them one at a time.
  struct new_cell {
    const cell_key* key;
    std::string_view value;
    version_t version;
  };
  bool write_all_new(std::span<const new_cell> cells);
  // A conflict was opened after this writer was made: the cells it writes
  // from now on may have one to follow. (Made, it looks whether the
  // database has any open conflict: most batches have none, and then the
  // write skips looking for them.)
  void conflict_opened() { open_conflicts_ = true; }
  // Sets the cell as write() does, unless it already holds a newer version
  // (a replica taking rows from the server, which may arrive more than once).
  void write_if_newer(const cell_key& key, std::string_view value, version_t version);
  // The same for a page of cells from the server, several rows a statement:
  // a first pull writes 240,000 cells, and SQLite's cost of running a
  // statement was a third of each row's write.
  void write_all_if_newer(std::span<const cell> cells);
  // Appends the history row numbered `seq`, linked to the cell's row before
  // it: `previous` is the cell's version until now (0 for its first row),
  // which store::history_of follows back. Workflow rows pass 0: their own
  // index finds them.
  void record(version_t seq, version_t previous, const cell_key& key, std::string_view change_id,
              std::string_view old_value, std::string_view new_value, const change_author& by);
  // The same row, written with others several to a statement by
  // write_records(): a push records a row per change, and SQLite's cost of
  // running a statement was a third of each row's write. The key, change id,
  // new value and author must outlive write_records(); the old value is
  // copied. Until then the row is not in the database: call write_records()
  // before reading the history, and before the transaction commits.
  void record_later(version_t seq, version_t previous, const cell_key& key,
                    std::string_view change_id, std::string_view old_value,
                    std::string_view new_value, const change_author& by);
  void write_records();

 private:
  sqlite::database& db_;
  sqlite::statement write_;
  sqlite::statement insert_new_;
  sqlite::statement follow_conflicts_;
  sqlite::statement write_if_newer_;
  std::optional<sqlite::statement> write_many_if_newer_;  // made on first use
  // write_all_new's statements for 64, 16 and 4 rows, and its savepoint's;
  // made on first use.
  std::optional<sqlite::statement> insert_new_rows_[3];
  std::optional<sqlite::statement> savepoint_, release_, roll_back_;
  sqlite::statement record_;
  std::optional<sqlite::statement> record_many_;  // made on first use
  struct pending_record {
    version_t seq, previous;
    const cell_key* key;
    std::string_view change_id;
    std::string old_value;
    std::string_view new_value;
  };
  std::vector<pending_record> pending_;
  const change_author* pending_by_ = nullptr;  // the author of every pending row
  bool open_conflicts_ = true;
};

}  // namespace matome
