// Size limits on untrusted input (a regolamento and its data arrive as email
// attachments): each one is checked where the input is read and reported as
// an Italian error with its location and a stable code (docs/diagnostica.md):
//
//   sourceBytes  bytes of a regolamento or module file     E0110
//   digits       digits of a number literal                 E0111
//   dataBytes    bytes of a data file                       E0590
//   dataRows     data rows of a data file                   E0591
//   digits       digits of a numeric cell                   E0592
//
// (The nesting depth of expressions is compiler/syntax/parse.h, kMaxExprDepth, E0105.)
//
// The defaults are far above any real regolamento or office spreadsheet.
// For tests, the environment variable MISURA_LIMITI lowers (or raises) them:
//   MISURA_LIMITI="byte_regolamento=200,cifre=5,byte_dati=100,righe=3"
// (any subset, comma-separated; an unknown name or a bad value is ignored).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace misura {

struct Limits {
  uint64_t sourceBytes = 8u << 20;  // 8 MiB
  uint64_t dataBytes = 1u << 30;    // 1 GiB: a million persons in W1 are 58 MB
  uint64_t dataRows = 5'000'000;
  uint64_t digits = 60;
};

// The limits in force: the defaults, overridden by MISURA_LIMITI (read once).
const Limits& limits();

// Parses a MISURA_LIMITI value over `base` (exposed for the unit test).
Limits parseLimits(std::string_view spec, Limits base = {});

// The number of ASCII digits in `text`.
size_t countDigits(std::string_view text);

// "8.388.608": a count as the messages show it (Italian thousands separator).
std::string formatCount(uint64_t n);

}  // namespace misura
