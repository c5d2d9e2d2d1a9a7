// Strict UTF-8 validation, shared by the source reader and the data loader.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace misura {

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates, code points past U+10FFFF and
// truncated sequences are ill-formed), or nullopt when `text` is valid.
// NUL counts as ill-formed too: no regolamento or CSV text contains it, and
// it is the mark of a UTF-16 or binary file.
std::optional<uint32_t> firstInvalidUtf8(std::string_view text);

// Whether `text` starts with the UTF-8 byte order mark EF BB BF.
bool hasUtf8Bom(std::string_view text);

}  // namespace misura
