// Internal to runtime/data: reading one declared data file into the
// SourceManager (bytes -> declared encoding -> UTF-8 text).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compiler/ir/ir.h"
#include "compiler/support/diagnostics.h"

namespace misura::data {

// Reads `dataset.file` under `dataDir`, decodes it with the declared encoding
// and registers the text in `sources` under the path dataDir/file. On failure
// reports E0508 (file missing or unreadable, at dataset.fileSpan, with the
// files present as a hint) or E0501 (bytes not valid in the declared
// encoding, or an unknown encoding name) and returns nullopt.
// The two halves of openDataFile, for readers that look at the bytes first
// (read_file.h): readDataBytes reports E0508, decodeDataFile E0501.
std::optional<std::string> readDataBytes(const ir::Dataset& dataset, const std::filesystem::path& dataDir,
                                         Diagnostics& diags);
std::optional<FileId> decodeDataFile(const ir::Dataset& dataset, const std::filesystem::path& path,
                                     const std::string& bytes, SourceManager& sources, Diagnostics& diags);

std::optional<FileId> openDataFile(const ir::Dataset& dataset, const std::filesystem::path& dataDir,
                                   SourceManager& sources, Diagnostics& diags);

}  // namespace misura::data
