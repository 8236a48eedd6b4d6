#pragma once
// A character-level diff of two texts, for showing a reviewer what changed:
// both sides of a conflict against their base, or an entry against the
// version last accepted. Characters are Unicode code points, so Japanese
// text diffs by character, not by byte.

#include <string>
#include <string_view>
#include <vector>

namespace matome {

struct diff_segment {
  enum class kind { same, removed, added };
  diff_segment::kind what = kind::same;
  std::string text;  // UTF-8
  bool operator==(const diff_segment&) const = default;
};

// The shortest edit turning `before` into `after`, as runs of kept, removed
// and added text in reading order (removed before added where they meet).
// Common head and tail are cut first; when the rest of both texts still spans
// more than `max_cells` character pairs, the middle is shown as one removed
// and one added run instead (the table grows with the product).
std::vector<diff_segment> diff_text(std::string_view before, std::string_view after,
                                    std::size_t max_cells = 4'000'000);

}  // namespace matome
