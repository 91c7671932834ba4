// What the MLOps loaders share while loading one scan root: files added to the source set once
// (a `.env` is both an asset and compose's variables), the scan root's bounds, and asset helpers.
#pragma once

#include <filesystem>
#include <map>
#include <optional>

#include "core/graph.hpp"
#include "engine/frontend.hpp"
#include "frontends/mlops/text.hpp"

namespace residency::mlops {

struct OpenFile {
    FileId id = kNoFile;
    std::string_view text;
};

class Reader {
public:
    explicit Reader(LoadContext& context) : context_(context) {}

    LoadContext& context() { return context_; }
    LoadResult& result() { return context_.result; }

    // Whether a path lies inside the scan root, symlinks followed.
    bool inside_root(const std::filesystem::path& abs) const;
    // Whether a file lies beside a piped buffer (`scan -`), which is read alone.
    bool beside_piped(const std::filesystem::path& abs) const;
    // A file's text, added to the sources once; nullopt when it cannot be read.
    std::optional<OpenFile> open(const std::filesystem::path& abs);
    // A file's `.env` entries, parsed once (its errors reported then); nullptr when unreadable.
    const Dotenv* dotenv(const std::filesystem::path& abs);
    // Adds text already read under the id it was parsed with (sources.size() before parsing).
    FileId add(const std::filesystem::path& abs, std::string text);

    std::string shown(const std::filesystem::path& abs) const { return context_.display(abs); }
    // The directory of a file as shown to users, "." for the scan root.
    std::string root_of(const std::filesystem::path& abs) const;

private:
    LoadContext& context_;
    std::map<std::filesystem::path, FileId> ids_;
    std::map<std::filesystem::path, Dotenv> dotenvs_;
};

// A new asset of this frontend: format, root, no location.
Asset make_asset(const Reader& reader, const std::filesystem::path& file, std::string type, std::string address, AssetClass c);
// The range of a file's first line.
Range first_line(FileId id, std::string_view text);
// A value stored under an environment name: a secret is Unknown, never read (see mlops.hpp).
Value environment_value(std::string_view name, const Value& v);
// A scalar's text as written: strings as parsed, other scalars as their source text.
std::string scalar_text(const Value& v, std::string_view text);
// Where a string scalar's content starts in the file when the file holds it verbatim (plain, or
// quoted without escapes); nullopt otherwise.
std::optional<std::uint32_t> verbatim_begin(const Value& v, std::string_view text);

void load_compose(Reader& reader, const std::filesystem::path& file);

}  // namespace residency::mlops
