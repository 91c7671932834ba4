// Line index construction and lookups for SourceFile; SourceSet storage.
#include "core/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace residency {

void SourceFile::build_index() const {
    if (!line_starts_.empty()) return;
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

LineCol SourceFile::line_col(std::uint32_t offset) const {
    build_index();
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    return {line, offset - line_starts_[line - 1] + 1};
}

std::uint32_t SourceFile::line_count() const {
    build_index();
    return static_cast<std::uint32_t>(line_starts_.size());
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    build_index();
    if (line == 0 || line > line_starts_.size()) return {};
    std::uint32_t begin = line_starts_[line - 1];
    std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                                    : static_cast<std::uint32_t>(text.size());
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string_view(text).substr(begin, end - begin);
}

FileId SourceSet::add(std::string path, std::string abs_path, std::string text) {
    auto file = std::make_unique<SourceFile>();
    file->path = std::move(path);
    file->abs_path = std::move(abs_path);
    file->text = std::move(text);
    files_.push_back(std::move(file));
    return static_cast<FileId>(files_.size() - 1);
}

FileId SourceSet::find(std::string_view path) const {
    for (std::size_t i = 0; i < files_.size(); ++i)
        if (files_[i]->path == path) return static_cast<FileId>(i);
    return kNoFile;
}

void SourceSet::unlist(FileId id) {
    SourceFile& file = *files_[id];
    file.listed = false;
    std::string().swap(file.text);
}

void SourceSet::provide(std::filesystem::path abs_path, std::string text) {
    provided_.insert_or_assign(abs_path.lexically_normal(), std::move(text));
}

std::optional<std::string> SourceSet::read(const std::filesystem::path& path) const {
    if (on_read) on_read();
    auto refuse = [&](std::uintmax_t size) {
        std::lock_guard lock(refused_->mutex);
        refused_->files.push_back({path, size});
        return std::nullopt;
    };
    if (!provided_.empty())
        if (auto it = provided_.find(path.lexically_normal()); it != provided_.end()) {
            if (it->second.size() > kMaxFileBytes) return refuse(it->second.size());
            return it->second;
        }
    std::error_code ec;
    std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) return refuse(size);
    return read_file_bytes(path);
}

std::vector<OversizedFile> SourceSet::oversized() const {
    std::lock_guard lock(refused_->mutex);
    std::vector<OversizedFile> files = refused_->files;
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
                files.end());
    return files;
}

std::optional<std::vector<std::filesystem::path>> SourceSet::provided_in(const std::filesystem::path& dir) const {
    if (provided_.empty()) return std::nullopt;
    std::filesystem::path d = dir.lexically_normal();
    if (!d.has_filename() && d.has_parent_path()) d = d.parent_path();  // "a/b/" is "a/b"
    std::vector<std::filesystem::path> files;
    for (const auto& [path, text] : provided_)
        if (path.parent_path() == d) files.push_back(path);
    if (files.empty()) return std::nullopt;
    return files;  // sorted: the map's order
}

std::optional<std::string> read_file_bytes(const std::filesystem::path& path) {
    // One read into a string of the file's size: through a string stream, each text kept a
    // capacity of 2.6 times its size (real Terraform's 15 MB took 39 MB).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes)) {
        ::close(fd);
        return std::nullopt;
    }
    std::string text;
    if (S_ISREG(st.st_mode)) text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t have = 0;
    char probe[4096];
    for (;;) {
        // At the expected end, a small read first: growing the string before knowing there is
        // more would leave every file with twice its size in capacity.
        bool full = have == text.size();
        if (full && text.size() >= kMaxFileBytes) break;
        ssize_t n = full ? ::read(fd, probe, sizeof probe) : ::read(fd, text.data() + have, text.size() - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        if (full) {
            // The file grew since fstat, or has no size (a pipe, a /proc file): read on, within the bound.
            text.resize(std::max<std::size_t>(std::min<std::size_t>(have * 2, kMaxFileBytes), have + sizeof probe));
            std::memcpy(text.data() + have, probe, static_cast<std::size_t>(n));
        }
        have += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(have);
    if (text.capacity() > have + have / 8) text.shrink_to_fit();
    return text;
}

}  // namespace residency
