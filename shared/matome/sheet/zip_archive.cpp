#include "matome/sheet/zip_archive.h"

#include <zip.h>

namespace matome::sheet {

struct zip_archive::handle {
  zip_t* archive = nullptr;
  ~handle() {
    if (archive != nullptr) zip_discard(archive);
  }
};

zip_archive::zip_archive(std::unique_ptr<handle> h) : handle_(std::move(h)) {}
zip_archive::~zip_archive() = default;

result<zip_archive> zip_archive::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return make_error(errc::storage, "out of memory opening the XLSX file");
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return make_error(errc::invalid_argument,
                      "XLSX ファイルが壊れています (zip: " + why +
                          ")。Excel で開けるか確かめ、保存し直してください。");
  }
  zip_error_fini(&error);
  auto h = std::make_unique<handle>();
  h->archive = archive;
  return zip_archive(std::move(h));
}

result<std::optional<std::string>> zip_archive::read(std::string_view name) const {
  const std::string n(name);
  const zip_int64_t index = zip_name_locate(handle_->archive, n.c_str(), 0);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t stat;
  if (zip_stat_index(handle_->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & ZIP_STAT_SIZE) == 0) {
    return make_error(errc::invalid_argument, "XLSX の " + n + " が読めません。");
  }
  if (stat.size > max_part_size) {
    return make_error(errc::too_large, "XLSX の " + n + " が大きすぎます (" +
                                           std::to_string(stat.size >> 20) + " MiB)。");
  }
  zip_file_t* file = zip_fopen_index(handle_->archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return make_error(errc::invalid_argument,
                      "XLSX の " + n + " が開けません (" + zip_strerror(handle_->archive) + ")。");
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t got = zip_fread(file, out.data(), out.size());
  const bool failed = got < 0 || static_cast<zip_uint64_t>(got) != stat.size;
  const std::string why = failed ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (failed) {
    return make_error(errc::invalid_argument, "XLSX の " + n + " が壊れています (" + why +
                                                  ")。Excel で保存し直してください。");
  }
  return std::optional<std::string>(std::move(out));
}

}  // namespace matome::sheet
