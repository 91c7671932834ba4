// The scan cache's pack file: reading, checking, writing atomically.
#include "cache/file_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>

#include "report/sha256.hpp"

namespace residency {

namespace fs = std::filesystem;

namespace {

// Bumped whenever the pack layout or any blob's encoding changes.
constexpr std::uint32_t kFormat = 1;
constexpr char kMagic[8] = {'R', 'E', 'S', 'C', 'A', 'C', 'H', 'E'};
// An entry no scan used for this many pack writes is dropped.
constexpr std::uint64_t kKeepGenerations = 8;
// Other scans' packs beyond this many bytes go, least recently used first (the current scan's
// pack is never counted or deleted).
constexpr std::uintmax_t kMaxPackBytes = std::uintmax_t{1} << 30;
constexpr const char* kPruneStamp = ".pruned";
constexpr std::size_t kKeyLength = 64;  // SHA-256 in hex
constexpr std::size_t kEntryHeader = 1 + kKeyLength + 8 + 8 + 8;

void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t get_u32(std::string_view in, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    return v;
}

std::uint64_t get_u64(std::string_view in, std::size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<std::size_t>(i)]);
    return v;
}

// The executable's identity (size and modification time): a rebuild of the same version, whose
// parser may differ, never reads the previous build's trees.
std::string build_id() {
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return "unknown";
    return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

// Creates each missing directory of `dir` with mode 0700 (the cache may hold what private
// repositories contain); true when `dir` is a directory afterwards.
bool make_private_dirs(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return true;
    fs::path parent = dir.parent_path();
    if (!parent.empty() && parent != dir && !make_private_dirs(parent)) return false;
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
    return fs::is_directory(dir, ec);
}

}  // namespace

std::uint64_t cache_checksum(std::string_view a, std::string_view b) {
    std::uint64_t h = 0x243f6a8885a308d3ull ^ (a.size() * 0x9e3779b97f4a7c15ull) ^ b.size();
    auto mix = [&h](std::uint64_t w) {
        h ^= w;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    };
    for (std::string_view s : {a, b}) {
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            mix(w);
        }
        std::uint64_t tail = 0;
        for (std::size_t k = 0; i < s.size(); ++i, ++k) tail |= std::uint64_t(static_cast<unsigned char>(s[i])) << (8 * k);
        mix(tail ^ 0x5851f42d4c957f2dull);
    }
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 32);
}

bool FileCache::prepare_dir(const fs::path& dir) { return !dir.empty() && make_private_dirs(dir) && ::access(dir.c_str(), W_OK | X_OK) == 0; }

std::string FileCache::key_of(std::string_view bytes) { return sha256_hex(bytes); }

std::unique_ptr<FileCache> FileCache::open(const fs::path& dir, const std::vector<fs::path>& roots, std::string_view tool_version) {
    if (!prepare_dir(dir)) return nullptr;
    auto cache = std::unique_ptr<FileCache>(new FileCache());
    cache->dir_ = dir;
    std::string scope;
    for (const auto& r : roots) scope += r.lexically_normal().generic_string() + '\n';
    cache->pack_ = dir / ("scan-" + sha256_hex(scope).substr(0, 32) + ".pack");
    cache->header_id_ = std::string(tool_version) + '\n' + build_id();
    cache->load();
    return cache;
}

void FileCache::load() {
    std::ifstream in(pack_, std::ios::binary);
    if (!in) return;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size <= 0) return;
    in.seekg(0);
    data_.resize(static_cast<std::size_t>(size));
    if (!in.read(data_.data(), size)) {
        data_.clear();
        return;
    }
    std::string_view d = data_;
    // Header: magic, format, the tool version and build, the generation.
    std::size_t at = sizeof kMagic;
    if (d.size() < at + 4 + 4 || d.substr(0, sizeof kMagic) != std::string_view(kMagic, sizeof kMagic)) return;
    std::uint32_t format = get_u32(d, at);
    at += 4;
    std::uint32_t id_size = get_u32(d, at);
    at += 4;
    if (format != kFormat || id_size != header_id_.size() || d.size() < at + id_size + 8 ||
        d.substr(at, id_size) != header_id_)
        return;
    at += id_size;
    generation_ = get_u64(d, at);
    at += 8;
    stats_.loaded = true;
    // Entries up to the end, or up to the first that does not fit (a truncated pack keeps those before).
    while (d.size() - at >= kEntryHeader) {
        char kind = d[at];
        std::string key(d.substr(at + 1, kKeyLength));
        std::uint64_t generation = get_u64(d, at + 1 + kKeyLength);
        std::uint64_t length = get_u64(d, at + 1 + kKeyLength + 8);
        std::uint64_t checksum = get_u64(d, at + 1 + kKeyLength + 16);
        at += kEntryHeader;
        if (length > d.size() - at) break;
        Entry e;
        e.generation = generation;
        e.bytes = d.substr(at, length);
        e.checksum = checksum;
        entries_.insert_or_assign(kind + key, std::move(e));
        at += length;
    }
}

std::optional<std::string_view> FileCache::get(char kind, const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(kind + key);
    if (it == entries_.end()) {
        ++stats_.misses;
        return std::nullopt;
    }
    Entry& e = it->second;
    if (!e.checked) {
        e.checked = true;
        e.good = e.fresh || cache_checksum(it->first, e.bytes) == e.checksum;
        if (!e.good) ++stats_.damaged;
    }
    if (!e.good) {
        ++stats_.misses;
        return std::nullopt;
    }
    e.used = true;
    ++stats_.hits;
    return e.bytes;
}

void FileCache::put(char kind, const std::string& key, std::string blob) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(kind + key);
    Entry& e = it->second;
    // A good entry may be in use by another thread (the same bytes in two files): keep it.
    if (!inserted && (e.fresh || (e.checked && e.good))) return;
    e = Entry{};
    e.owned = std::move(blob);
    e.bytes = e.owned;
    e.checksum = cache_checksum(it->first, e.bytes);
    e.checked = e.good = e.used = e.fresh = true;
}

bool FileCache::save() {
    std::lock_guard lock(mutex_);
    std::uint64_t next = generation_ + 1;
    bool changed = !stats_.loaded;
    for (auto& [k, e] : entries_) {
        if (e.fresh || (e.checked && !e.good) || (!e.used && next - std::min(e.generation, next) > kKeepGenerations))
            changed = true;
    }
    if (!changed) {
        // A pack only read is still in use: its date keeps other scans' pruning away from it.
        std::error_code ec;
        auto now = fs::file_time_type::clock::now();
        if (now - fs::last_write_time(pack_, ec) > std::chrono::hours(24) && !ec) fs::last_write_time(pack_, now, ec);
        return true;
    }
    std::string out(kMagic, sizeof kMagic);
    put_u32(out, kFormat);
    put_u32(out, static_cast<std::uint32_t>(header_id_.size()));
    out += header_id_;
    put_u64(out, next);
    for (auto& [k, e] : entries_) {
        if (e.checked && !e.good) continue;
        if (!e.used && next - std::min(e.generation, next) > kKeepGenerations) continue;
        // Unchecked entries are copied with their checksum: damage stays detectable next time.
        out += k;
        put_u64(out, e.used ? next : e.generation);
        put_u64(out, e.bytes.size());
        put_u64(out, e.checksum);
        out.append(e.bytes);
    }
    // A temporary file beside the pack, renamed over it: readers see the old pack or the new one.
    std::random_device rd;
    fs::path tmp = dir_ / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd()) + ".pack");
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    const char* p = out.data();
    std::size_t left = out.size();
    bool ok = true;
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ok = false;
            break;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ok = (::close(fd) == 0) && ok;
    if (!ok || ::rename(tmp.c_str(), pack_.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return false;
    }
    stats_.written = true;
    prune();
    return true;
}

void FileCache::prune() const {
    // At most once an hour, marked by the stamp's date: a directory of many packs (a CI runner
    // scanning fresh checkouts) would otherwise cost one stat per pack on every scan's write.
    std::error_code ec;
    auto now = fs::file_time_type::clock::now();
    fs::path stamp = dir_ / kPruneStamp;
    if (auto last = fs::last_write_time(stamp, ec); !ec && now - last < std::chrono::hours(1)) return;
    if (int fd = ::open(stamp.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
    fs::last_write_time(stamp, now, ec);

    // Packs of trees nobody scanned for a month, and temporaries of scans that died before their
    // rename, go; then the least recently used packs while all of them exceed the size bound.
    struct Pack {
        fs::file_time_type written;
        std::uintmax_t size;
        fs::path path;
    };
    std::vector<Pack> kept;
    std::uintmax_t total = 0;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        bool pack = name.starts_with("scan-") && name.ends_with(".pack");
        bool tmp = name.starts_with(".tmp-") && name.ends_with(".pack");
        if (!pack && !tmp) continue;
        std::error_code e2;
        auto written = fs::last_write_time(it->path(), e2);
        if (e2) continue;
        if (now - written > (pack ? std::chrono::hours(24 * 30) : std::chrono::hours(1))) {
            fs::remove(it->path(), e2);
        } else if (pack && it->path() != pack_) {
            auto size = it->file_size(e2);
            if (e2) continue;
            kept.push_back({written, size, it->path()});
            total += size;
        }
    }
    if (total <= kMaxPackBytes) return;
    std::sort(kept.begin(), kept.end(), [](const Pack& a, const Pack& b) {
        return a.written != b.written ? a.written < b.written : a.path < b.path;
    });
    for (const Pack& p : kept) {
        if (total <= kMaxPackBytes) break;
        std::error_code e2;
        if (fs::remove(p.path, e2)) total -= p.size;
    }
}

FileCache::Stats FileCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace residency
