#include "runtime/data/zip_archive.h"

#include <zip.h>

namespace misura::data {

namespace {

// libzip's reasons, in the words of the messages (Italian).
std::string reason(zip_error_t* error) {
  switch (zip_error_code_zip(error)) {
    case ZIP_ER_NOZIP: return "non è un archivio zip completo";
    case ZIP_ER_INCONS: return "l'archivio è incoerente, forse troncato";
    case ZIP_ER_CRC: return "i controlli di integrità non tornano";
    case ZIP_ER_EOF: return "il file finisce prima del previsto";
    case ZIP_ER_MEMORY: return "memoria insufficiente";
    case ZIP_ER_COMPNOTSUPP: return "metodo di compressione non supportato";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD: return "il file è protetto da password";
    default: return "archivio zip non valido";
  }
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

std::optional<ZipArchive> ZipArchive::open(std::string_view bytes, std::string& why) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    why = reason(&error);
    zip_error_fini(&error);
    return std::nullopt;
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    why = reason(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return std::nullopt;
  }
  zip_error_fini(&error);
  ZipArchive out;
  out.archive_.reset(archive);
  return out;
}

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0; }

ZipArchive::Content ZipArchive::read(const std::string& name, uint64_t limit) const {
  Content out;
  zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    out.error = ReadError::Missing;
    return out;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > limit) {
    out.error = ReadError::TooLarge;
    return out;
  }
  zip_file_t* file = zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    out.error = ReadError::Corrupt;
    return out;
  }
  char buffer[65536];
  while (true) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      out.error = ReadError::Corrupt;
      break;
    }
    if (n == 0) break;
    if (out.bytes.size() + static_cast<uint64_t>(n) > limit) {  // the declared size may lie
      out.error = ReadError::TooLarge;
      break;
    }
    out.bytes.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(file);
  if (out.error) out.bytes.clear();
  return out;
}

}  // namespace misura::data
