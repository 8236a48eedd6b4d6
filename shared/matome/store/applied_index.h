#pragma once
// Which history rows hold the changes store::apply applied, by who sent
// them (user, device) and their change id. The history row of an applied
// change is its idempotency record: nothing else is written for it, and a
// retry finds its first outcome through this index.
//
// The index is in memory, so finding or adding an id costs the same however
// the ids are spelled (random v4 ids would scatter inserts over an index on
// disk) and however many changes the database holds. It is read from the
// history once, in seq order, and caught up at the start of every batch
// with the rows another connection (matome-server import-bundle beside the
// server) wrote since. An entry is a hash and a seq: a hit is checked
// against its row, so a stale or colliding entry never answers for another
// change.
//
// It also knows which ids may have a row in applied_changes (the rarer
// outcomes: a conflict, a refusal, a value already there), so the common
// new change skips that lookup. A false "may" only costs the lookup; a
// false "no" would judge a retry again, so the set is read whole whenever
// another connection has committed (PRAGMA data_version), and every row
// this connection writes goes in as it is written.

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matome/store/sqlite.h"

namespace matome {

class applied_index {
 public:
  // A change's sender (user, device) and id, hashed once per change: the
  // push path asks the index about each change up to three times.
  using key = std::uint64_t;
  static key key_of(std::string_view user, std::string_view device, std::string_view change_id);

  // Reads the history rows after the last one seen, and applied_changes
  // again if another connection has committed since the last call. In the
  // batch's write transaction, so nobody writes between this and the
  // batch's own rows.
  void catch_up(sqlite::database& db);
  // The batch wrote this history row (not yet committed).
  void add(key change, std::int64_t seq) { insert(change, seq); }
  // The batch committed: its rows, up to `seq`, are all in the index.
  void committed_through(std::int64_t seq) { through_ = committed_ = seq; }
  // The transaction around several batches (a group commit) was rolled
  // back. A later batch of it read the earlier ones' rows, which are gone
  // now and whose numbers the next writer (maybe another connection) takes:
  // read again from the last commit. Entries of the rows that are gone stay
  // and are checked against their row like any other.
  void rolled_back() { through_ = committed_; }

  // The seqs of the history rows that may hold this change; the caller
  // checks each row's sender and id.
  std::vector<std::int64_t> candidates(key change) const;

  // The batch wrote a row of applied_changes for this change.
  void add_outcome(key change) { outcomes_.insert(change); }
  // Whether applied_changes may hold this sender's change, or the same id
  // from before ids were scoped to their sender (user and device '').
  bool may_have_outcome(key change, std::string_view change_id) const;

 private:
  void read_outcomes(sqlite::database& db);

  void insert(key change, std::int64_t seq);

  // Open addressing, not std::unordered_*: a lookup in a node-based table
  // of a million entries missed the cache node by node and took a tenth of
  // the server's database thread during a push (docs/benchmarks.md).
  // A key's first row is in seqs_; a second row of the same key is rare
  // (a hash collision, or a change applied again under another number
  // after its group commit was rolled back) and goes to more_seqs_.
  boost::unordered_flat_map<std::uint64_t, std::int64_t> seqs_;
  std::unordered_multimap<std::uint64_t, std::int64_t> more_seqs_;
  boost::unordered_flat_set<std::uint64_t> outcomes_;  // hashes of applied_changes' ids
  bool unscoped_outcomes_ = false;      // a row from before ids were scoped (user '')
  std::int64_t outcomes_version_ = -1;  // data_version when last read; -1 never read
  std::int64_t through_ = 0;            // the last history row read
  std::int64_t committed_ = 0;          // the last row of a batch this index saw committed
};

}  // namespace matome
