#include "matome/util/text_diff.h"

#include <algorithm>
#include <cstdint>

namespace matome {
namespace {

// Splits UTF-8 into code points; a stray byte counts as one character.
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t len = lead < 0x80         ? 1
                      : lead >> 5 == 0x6  ? 2
                      : lead >> 4 == 0xE  ? 3
                      : lead >> 3 == 0x1E ? 4
                                          : 1;
    len = std::min(len, text.size() - i);
    out.push_back(text.substr(i, len));
    i += len;
  }
  return out;
}

void append(std::vector<diff_segment>& out, diff_segment::kind what, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().what == what) {
    out.back().text += text;
  } else {
    out.push_back({what, std::string(text)});
  }
}

}  // namespace

std::vector<diff_segment> diff_text(std::string_view before, std::string_view after,
                                    std::size_t max_cells) {
  const auto a = characters(before);
  const auto b = characters(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = a.size() - head - tail;
  const std::size_t m = b.size() - head - tail;

  std::vector<diff_segment> out;
  auto run = [](const std::vector<std::string_view>& chars, std::size_t from, std::size_t count) {
    std::string text;
    for (std::size_t i = from; i < from + count; ++i) text += chars[i];
    return text;
  };
  append(out, diff_segment::kind::same, run(a, 0, head));

  if (n == 0 || m == 0 || n * m > max_cells) {
    append(out, diff_segment::kind::removed, run(a, head, n));
    append(out, diff_segment::kind::added, run(b, head, m));
  } else {
    // lcs[i][j]: longest common subsequence of a[head+i..] and b[head+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    std::string removed;
    std::string added;
    auto flush = [&] {
      append(out, diff_segment::kind::removed, removed);
      append(out, diff_segment::kind::added, added);
      removed.clear();
      added.clear();
    };
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        flush();
        append(out, diff_segment::kind::same, a[head + i]);
        ++i;
        ++j;
      } else if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
        removed += a[head + i++];
      } else {
        added += b[head + j++];
      }
    }
    flush();
  }
  append(out, diff_segment::kind::same, run(a, a.size() - tail, tail));
  return out;
}

}  // namespace matome
