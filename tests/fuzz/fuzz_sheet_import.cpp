// The spreadsheet readers and the import mapping: the first byte picks how
// the rest is read (XLSX, CSV, TSV, or a mapping applied to a fixed sheet);
// any workbook read is then mapped with a shipped preset.
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "matome/import/mapping.h"
#include "matome/import/sheet_import.h"
#include "matome/sheet/read_workbook.h"

using namespace matome;

namespace {

const import::mapping& kitamoto() {
  static const import::mapping m = import::read_preset(MATOME_PRESETS_DIR, "kitamoto").value();
  return m;
}

const sheet::workbook& kitamoto_sample() {
  static const sheet::workbook book =
      sheet::read_workbook_file(std::string(MATOME_PRESETS_DIR) + "/samples/kitamoto.tsv").value();
  return book;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view bytes = fuzz::text(data + 1, size - 1);
  switch (data[0] % 4) {
    case 3: {
      auto m = import::parse_mapping(bytes);
      if (m) (void)import::build_plan_file(kitamoto_sample(), *m);
      return 0;
    }
    default: {
      static constexpr std::string_view names[] = {"report.xlsx", "report.csv", "report.tsv"};
      auto book = sheet::read_workbook(bytes, names[data[0] % 4]);
      if (book) (void)import::build_plan_file(*book, kitamoto());
      return 0;
    }
  }
}
