// The primitives of the scan cache's blobs (lib/cache/file_cache.hpp): varints, length-prefixed
// strings, doubles by their bits, and ranges stored without their file, which the reader sets, so
// that a blob is valid for any file with the same bytes. A reader that meets anything a writer
// did not write fails once and stays failed: callers check `ok` and never use a partial result.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/source.hpp"

namespace residency::blob {

class Writer {
public:
    explicit Writer(FileId file) : file_(file) {}
    std::string out;
    bool ok = true;  // false: the value cannot be stored faithfully (a range into another file...)

    void u(std::uint64_t v) {
        while (v >= 0x80) {
            out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out.push_back(static_cast<char>(v));
    }
    void byte(std::uint8_t b) { out.push_back(static_cast<char>(b)); }
    void str(std::string_view s) {
        u(s.size());
        out += s;
    }
    void f64(double d) { u(std::bit_cast<std::uint64_t>(d)); }
    void range(const Range& r) {
        if (r.file != kNoFile && r.file != file_) ok = false;
        u(r.file == kNoFile ? 0 : 1);
        u(r.begin);
        u(r.end);
    }

private:
    FileId file_;
};

class Reader {
public:
    Reader(std::string_view in, FileId file) : in_(in), file_(file) {}
    bool ok = true;

    bool done() const { return at_ == in_.size(); }
    std::uint64_t u() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at_ >= in_.size()) return fail();
            auto b = static_cast<unsigned char>(in_[at_++]);
            v |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        return fail();
    }
    // A count of items each at least `min_size` bytes long: never more than the bytes left allow.
    std::size_t count(std::size_t min_size) {
        std::uint64_t n = u();
        if (n > (in_.size() - at_) / min_size) return static_cast<std::size_t>(fail());
        return static_cast<std::size_t>(n);
    }
    std::uint32_t u32() {
        std::uint64_t v = u();
        if (v > 0xffffffffu) return static_cast<std::uint32_t>(fail());
        return static_cast<std::uint32_t>(v);
    }
    std::uint8_t byte() {
        if (at_ >= in_.size()) return static_cast<std::uint8_t>(fail());
        return static_cast<std::uint8_t>(in_[at_++]);
    }
    std::string str() {
        std::uint64_t n = u();
        if (!ok || n > in_.size() - at_) return fail(), std::string();
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    double f64() { return std::bit_cast<double>(u()); }
    Range range() {
        Range r;
        std::uint64_t f = u();
        if (f > 1) fail();
        r.file = f ? file_ : kNoFile;
        r.begin = u32();
        r.end = u32();
        return r;
    }
    std::string_view take(std::size_t n) {
        if (in_.size() - at_ < n) return fail(), std::string_view();
        std::string_view s = in_.substr(at_, n);
        at_ += n;
        return s;
    }
    std::uint64_t fail() {
        ok = false;
        at_ = in_.size();
        return 0;
    }

private:
    std::string_view in_;
    std::size_t at_ = 0;
    FileId file_;
};

}  // namespace residency::blob
