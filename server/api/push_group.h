#pragma once
// Group commit for pushes. Near a deadline many departments push small
// batches at once, and each batch committed on its own writes the same few
// index pages again (cells, its indexes, the history and its index): a
// quarter of a busy server's time went to commits. Pushes that are waiting
// for the database thread together are applied in one transaction, each in
// a savepoint of its own (a batch that fails undoes only itself), and none
// is answered before that transaction is committed. If the commit fails,
// every push in it is answered with the failure and nothing of them is
// applied; their senders send them again.
//
// How: a push is queued here on its I/O thread before it asks for the
// database thread (enqueue). The first of them to get the thread takes
// every push queued by then (run), one per sender (bearer token); the
// others find their answer ready when their turn comes. One sender's
// pushes are never grouped: a client pipelines its batches, and answering
// two together would make it send the next two together, leaving the
// database thread idle while they travel.

#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "api/router.h"

namespace matome::server {

class push_group {
 public:
  // A group takes pushes in the order they came until their bodies reach
  // `max_bytes` (always at least one): the first push's answer waits for
  // the whole group, and a deadline morning of large imports should not
  // make it wait for all of them.
  explicit push_group(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  push_group() : push_group(4 * 1024 * 1024) {}

  struct ticket {
    const api_request* request;
    std::optional<api_response> reply;  // set on the database thread
  };

  // On the I/O thread, before asking for the database thread. The request
  // must live until run() returns for this ticket.
  std::shared_ptr<ticket> enqueue(const api_request& request);
  // On the database thread: this push's answer, committed.
  api_response run(const std::shared_ptr<ticket>& mine, router& api, store& db);

  // Whether a request is a push that may join a group.
  static bool is_push(const api_request& request);

 private:
  std::size_t max_bytes_;
  std::mutex mutex_;
  std::deque<std::shared_ptr<ticket>> waiting_;
};

}  // namespace matome::server
