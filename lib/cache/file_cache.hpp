// The scan cache (`--cache-dir`, `--no-cache`): what a frontend derived from a file's bytes alone
// (its syntax tree), stored as a blob keyed by the SHA-256 of those bytes and the kind of reading,
// so that a re-scan of unchanged files skips parsing. It holds only pure functions of (kind, bytes):
// evaluation, facts and rules always run, so nothing that depends on other files, options, the
// policy or paths can be served stale.
//
// One pack file per set of scan roots, in the cache directory (created 0700; at most once an hour
// a scan that writes its pack deletes packs no scan wrote for 30 days, then the least recently
// used ones while all exceed 1 GiB), holding every entry that scan used (and for a few scans more, those
// it no longer uses): read whole at the start, written atomically (temporary file and rename) at the
// end when anything changed, so a parallel scan never reads half a file. The pack's header names
// the format, the tool version and the build of the executable: any mismatch ignores the pack.
// Each entry carries a checksum of its key and bytes: a corrupt or truncated pack loses the entries
// it damaged (they are parsed again and rewritten), and never yields a wrong tree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace residency {

class FileCache {
public:
    // The cache of a scan of `roots` in `dir`; nullptr when the directory cannot be created or
    // used (the scan then runs without a cache). `tool_version` goes into the pack's header.
    static std::unique_ptr<FileCache> open(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& roots,
                                           std::string_view tool_version);

    // Creates the directory (each missing part with mode 0700); false when it is not usable.
    static bool prepare_dir(const std::filesystem::path& dir);

    // The key of a file's bytes (SHA-256, hex).
    static std::string key_of(std::string_view bytes);

    // The blob stored for these bytes read as `kind` (one byte chosen by the frontend), checked
    // against its checksum; nullopt when absent or damaged. Thread-safe.
    std::optional<std::string_view> get(char kind, const std::string& key);
    // Stores a blob for the next scans. Thread-safe.
    void put(char kind, const std::string& key, std::string blob);

    // Writes the pack when an entry was added or one is to be dropped; returns false when that
    // failed (the scan's output does not depend on it).
    bool save();

    struct Stats {
        std::size_t hits = 0, misses = 0, damaged = 0;
        bool loaded = false;   // a pack of this build was read
        bool written = false;  // save() wrote the pack
    };
    Stats stats() const;
    const std::filesystem::path& pack_path() const { return pack_; }

private:
    struct Entry {
        std::uint64_t generation = 0;  // the pack generation that last used it
        std::string_view bytes;        // into data_, or into owned
        std::uint64_t checksum = 0;
        bool checked = false, good = false, used = false, fresh = false;
        std::string owned;  // blobs added by this scan
    };
    std::filesystem::path dir_, pack_;
    std::string header_id_;
    std::string data_;  // the pack as read
    std::uint64_t generation_ = 0;
    std::map<std::string, Entry> entries_;  // kind + key
    mutable std::mutex mutex_;
    Stats stats_;

    void load();
    void prune() const;
};

// What `parse()` makes of `bytes`, through the cache when there is one: the blob stored for these
// bytes read as `kind`, decoded by `decode(blob)` (an optional), stands for parsing; otherwise the
// parsed value is stored as `encode(value)` (an optional: nullopt stores nothing) for the next scans.
template <class Parse, class Decode, class Encode>
auto parse_through(FileCache* cache, char kind, std::string_view bytes, Parse parse, Decode decode, Encode encode) {
    if (!cache) return parse();
    std::string key = FileCache::key_of(bytes);
    if (auto blob = cache->get(kind, key))
        if (auto value = decode(*blob)) return std::move(*value);
    auto value = parse();
    if (auto blob = encode(value)) cache->put(kind, key, std::move(*blob));
    return value;
}

// A 64-bit checksum (not a security boundary: the pack lives in the user's own directory).
std::uint64_t cache_checksum(std::string_view a, std::string_view b);

}  // namespace residency
