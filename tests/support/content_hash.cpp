#include "support/content_hash.h"

namespace matome::test {

std::string visible_content(store& s, record_id plan_id, const feed_scope& scope) {
  std::string out;
  auto cells = s.db().prepare(
      "SELECT c.item_id, c.department_id, c.year, c.field, c.value, c.version FROM cells c"
      " JOIN items i ON i.id = c.item_id WHERE i.plan_id = ?1 AND (?2 OR c.department_id IN (0, "
      "?3))"
      " ORDER BY 1, 2, 3, 4");
  cells.bind(1, plan_id).bind(2, scope.everything ? 1 : 0).bind(3, scope.department_id);
  while (cells.step()) {
    out += cells.text(0) + "/" + cells.text(1) + "/" + cells.text(2) + "/" + cells.text(3) + "=" +
           cells.text(4) + "@" + cells.text(5) + "\n";
  }
  auto entries = s.db().prepare(
      "SELECT e.item_id, e.department_id, e.year, e.status FROM entries e JOIN items i ON i.id = "
      "e.item_id"
      " WHERE i.plan_id = ?1 AND (?2 OR e.department_id = ?3) ORDER BY 1, 2, 3");
  entries.bind(1, plan_id).bind(2, scope.everything ? 1 : 0).bind(3, scope.department_id);
  while (entries.step()) {
    out += "entry " + entries.text(0) + "/" + entries.text(1) + "/" + entries.text(2) + " " +
           entries.text(3) + "\n";
  }
  auto conflicts = s.db().prepare(
      "SELECT c.id FROM conflicts c JOIN items i ON i.id = c.item_id"
      " WHERE i.plan_id = ?1 AND (?2 OR c.department_id = ?3) AND c.resolved_value IS NULL"
      " ORDER BY 1");
  conflicts.bind(1, plan_id).bind(2, scope.everything ? 1 : 0).bind(3, scope.department_id);
  while (conflicts.step()) out += "conflict " + conflicts.text(0) + " open\n";
  auto comments = s.db().prepare(
      "SELECT c.id, c.item_id, c.department_id, c.year, c.author, c.body FROM comments c"
      " JOIN items i ON i.id = c.item_id WHERE i.plan_id = ?1 AND (?2 OR c.department_id = ?3)"
      " ORDER BY 1");
  comments.bind(1, plan_id).bind(2, scope.everything ? 1 : 0).bind(3, scope.department_id);
  while (comments.step()) {
    out += "comment " + comments.text(0) + " " + comments.text(1) + "/" + comments.text(2) + "/" +
           comments.text(3) + " " + comments.text(4) + ": " + comments.text(5) + "\n";
  }
  return out;
}

}  // namespace matome::test
