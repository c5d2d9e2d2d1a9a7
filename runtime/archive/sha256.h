// SHA-256 of the texts and files an archived run was made from (Debian's
// nettle: a small library that does only this kind of thing, no global
// initialisation; SQLite has no SHA-256 in its library, only in its shell).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace misura::archive {

// The digest as 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

// The bytes of a file, or nullopt if it cannot be read.
std::optional<std::string> readBytes(const std::filesystem::path& path);

}  // namespace misura::archive
