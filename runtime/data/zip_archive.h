// A read-only zip archive in memory (libzip): the container of an XLSX
// workbook. Internal to runtime/data (xlsx.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace misura::data {

class ZipArchive {
 public:
  enum class ReadError { Missing, Corrupt, TooLarge };

  // nullopt if `bytes` is not a readable zip archive (`why`: libzip's reason, in English).
  static std::optional<ZipArchive> open(std::string_view bytes, std::string& why);

  bool has(const std::string& name) const;
  // The uncompressed content of entry `name`; more than `limit` bytes is TooLarge.
  // A CRC mismatch or a damaged stream is Corrupt.
  struct Content {
    std::string bytes;
    std::optional<ReadError> error;
  };
  Content read(const std::string& name, uint64_t limit) const;

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  std::unique_ptr<zip, Closer> archive_;
};

}  // namespace misura::data
