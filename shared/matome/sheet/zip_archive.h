#pragma once
// Reading the parts of a zip archive held in memory (an XLSX file), with a
// size limit per part so a crafted file cannot expand into all memory.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "matome/domain/error.h"

namespace matome::sheet {

class zip_archive {
 public:
  // The archive over `bytes`, which must outlive it.
  static result<zip_archive> open(std::string_view bytes);

  // The part's bytes; nullopt when the archive has no such part.
  result<std::optional<std::string>> read(std::string_view name) const;

  // The most one part may expand to.
  static constexpr std::uint64_t max_part_size = 256ull << 20;

  zip_archive(zip_archive&&) noexcept = default;
  zip_archive& operator=(zip_archive&&) noexcept = default;
  ~zip_archive();

 private:
  struct handle;
  explicit zip_archive(std::unique_ptr<handle> h);
  std::unique_ptr<handle> handle_;
};

}  // namespace matome::sheet
