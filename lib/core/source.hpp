// Source files, byte ranges and the lazily built line index that turns offsets into line:column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace residency {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xffffffffu;

// Byte offsets into one file; line and column are computed only when a finding is written.
struct Range {
    FileId file = kNoFile;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    bool valid() const { return file != kNoFile; }
    friend bool operator==(const Range&, const Range&) = default;
};

// 1-based line and column; column counts bytes, as SARIF's default columnKind "utf16CodeUnits"
// is not what editors show for ASCII-heavy IaC either way (we emit ASCII ranges in practice).
struct LineCol {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

struct SourceFile {
    std::string path;      // as shown to users: relative to the scan root, '/' separated
    std::string abs_path;  // where it was read from
    std::string text;
    // False for a file read to see whether it is configuration and found not to be (a YAML file
    // with `kind:` lines that holds no Kubernetes object): it keeps its FileId, but not its text,
    // and the report does not list it as scanned.
    bool listed = true;

    LineCol line_col(std::uint32_t offset) const;
    std::string_view line_text(std::uint32_t line) const;  // without the newline
    std::uint32_t line_count() const;

private:
    void build_index() const;
    mutable std::vector<std::uint32_t> line_starts_;
};

// Files larger than this are not read (hostile input: a scan must not exhaust memory on one file):
// the scan reports each with RES001 and goes on. The largest real configuration seen is a generated
// 1.86 MB .tf of CRDs; 16 MiB leaves room for large plans.
inline constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{16} << 20;

// A file `read` refused because it is larger than kMaxFileBytes.
struct OversizedFile {
    std::filesystem::path path;
    std::uintmax_t size = 0;
    friend bool operator<(const OversizedFile& a, const OversizedFile& b) { return a.path < b.path; }
};

// Owns every file of a scan; FileIds index into it and stay valid for the scan's life.
class SourceSet {
public:
    FileId add(std::string path, std::string abs_path, std::string text);
    const SourceFile& get(FileId id) const { return *files_[id]; }
    std::size_t size() const { return files_.size(); }
    // kNoFile when no file has that display path.
    FileId find(std::string_view path) const;
    // Drops a file's text and leaves it out of the scanned files (see SourceFile::listed).
    void unlist(FileId id);

    // Content the scan holds in memory (standard input) standing for a file at `abs_path`, an
    // absolute normalised path: frontends read it through `read` and `provided_in` like any file,
    // and nothing is written to disk.
    void provide(std::filesystem::path abs_path, std::string text);
    // A file's bytes: what was provided for the path, else the disk; nullopt when it cannot be opened
    // or is larger than kMaxFileBytes (then remembered for `oversized`).
    std::optional<std::string> read(const std::filesystem::path& path) const;
    // The files `read` refused for their size, sorted, each once.
    std::vector<OversizedFile> oversized() const;
    // The files provided in `dir`, sorted, when anything was: such a directory holds nothing else
    // for the scan (a piped buffer is read alone, never merged with files beside its name on
    // disk). nullopt for every other directory, which frontends list on disk.
    std::optional<std::vector<std::filesystem::path>> provided_in(const std::filesystem::path& dir) const;

    // Called after each `read` (from parser threads, so it must be thread-safe); empty: nothing.
    // The scan's progress display counts files read with it.
    std::function<void()> on_read;

private:
    std::vector<std::unique_ptr<SourceFile>> files_;
    std::map<std::filesystem::path, std::string> provided_;
    struct Refused {
        std::mutex mutex;  // `read` is called from parser threads
        std::vector<OversizedFile> files;
    };
    std::unique_ptr<Refused> refused_ = std::make_unique<Refused>();
};

// A file's bytes; nullopt when it cannot be opened or is larger than kMaxFileBytes. Callers decide
// what they may read.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace residency
