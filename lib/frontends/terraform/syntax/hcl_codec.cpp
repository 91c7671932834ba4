// The syntax tree's binary form (lib/cache/blob.hpp): every field in declaration order.
#include "frontends/terraform/syntax/hcl_codec.hpp"

#include <bit>

#include "cache/blob.hpp"

namespace residency::hcl {

namespace {

constexpr char kTag[2] = {'H', '3'};  // bumped with any change to the layout or to the structs
constexpr int kMaxDepth = 512;

// The codec writes every field: a new one in these structs must be added here (and kTag bumped).
// The sizes are libstdc++'s on 64-bit targets, where the project is built.
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8
static_assert(sizeof(Expr) == 88 && sizeof(Attribute) == 144 && sizeof(Block) == 168 && sizeof(Body) == 48 &&
                  sizeof(SyntaxError) == 48,
              "the syntax tree changed: update hcl_codec");
#endif

// Bits, not value: -0.0 is stored too.
bool has_number(const Expr& e) { return std::bit_cast<std::uint64_t>(e.number) != 0; }

class Writer : public blob::Writer {
public:
    using blob::Writer::Writer;

    void expr(const Expr& e, int depth) {
        if (depth > kMaxDepth) {
            ok = false;
            return;
        }
        out.push_back(static_cast<char>(e.kind));
        unsigned flags = (e.boolean ? 1u : 0u) | (e.full ? 2u : 0u) | (e.heredoc ? 4u : 0u) | (e.expand_final ? 8u : 0u) |
                         (e.text.empty() ? 0u : 16u) | (has_number(e) ? 64u : 0u);
        out.push_back(static_cast<char>(flags));
        range(e.range);
        if (!e.text.empty()) str(e.text);
        if (has_number(e)) f64(e.number);
        u(e.children.size());
        for (const auto& c : e.children) expr(c, depth + 1);
    }
    void body(const Body& b, int depth) {
        if (depth > kMaxDepth) {
            ok = false;
            return;
        }
        u(b.attributes.size());
        for (const auto& a : b.attributes) {
            str(a.name);
            range(a.name_range);
            range(a.range);
            expr(a.value, depth + 1);
        }
        u(b.blocks.size());
        for (const auto& bl : b.blocks) {
            str(bl.type);
            range(bl.type_range);
            u(bl.labels.size());
            for (const auto& l : bl.labels) str(l);
            u(bl.label_ranges.size());
            for (const auto& r : bl.label_ranges) range(r);
            range(bl.range);
            range(bl.header_range);
            body(bl.body, depth + 1);
        }
    }
};

class Reader : public blob::Reader {
public:
    using blob::Reader::Reader;

    void expr(Expr& e, int depth) {
        if (depth > kMaxDepth) {
            fail();
            return;
        }
        std::uint8_t kind = byte();
        if (kind > static_cast<std::uint8_t>(ExprKind::Invalid)) fail();
        e.kind = static_cast<ExprKind>(kind);
        std::uint8_t flags = byte();
        if (flags & 0xa0) fail();
        e.boolean = flags & 1;
        e.full = flags & 2;
        e.heredoc = flags & 4;
        e.expand_final = flags & 8;
        e.range = range();
        if (flags & 16) e.text = str();
        if (flags & 64) e.number = f64();
        std::size_t n = count(5);
        e.children.resize(n);
        for (auto& c : e.children) {
            if (!ok) return;
            expr(c, depth + 1);
        }
    }
    void body(Body& b, int depth) {
        if (depth > kMaxDepth) {
            fail();
            return;
        }
        b.attributes.resize(count(12));
        for (auto& a : b.attributes) {
            if (!ok) return;
            a.name = str();
            a.name_range = range();
            a.range = range();
            expr(a.value, depth + 1);
        }
        b.blocks.resize(count(13));
        for (auto& bl : b.blocks) {
            if (!ok) return;
            bl.type = str();
            bl.type_range = range();
            bl.labels.resize(count(1));
            for (auto& l : bl.labels) l = str();
            bl.label_ranges.resize(count(3));
            for (auto& r : bl.label_ranges) r = range();
            bl.range = range();
            bl.header_range = range();
            body(bl.body, depth + 1);
        }
    }
};

}  // namespace

std::optional<std::string> encode(const ParsedFile& parsed) {
    Writer w(parsed.file);
    w.out.append(kTag, sizeof kTag);
    w.body(parsed.body, 0);
    w.u(parsed.errors.size());
    for (const auto& e : parsed.errors) {
        w.range(e.range);
        w.str(e.message);
    }
    if (!w.ok) return std::nullopt;
    return std::move(w.out);
}

std::optional<ParsedFile> decode(std::string_view bytes, FileId file) {
    Reader r(bytes, file);
    if (r.take(sizeof kTag) != std::string_view(kTag, sizeof kTag)) return std::nullopt;
    ParsedFile parsed;
    parsed.file = file;
    r.body(parsed.body, 0);
    parsed.errors.resize(r.count(4));
    for (auto& e : parsed.errors) {
        if (!r.ok) break;
        e.range = r.range();
        e.message = r.str();
    }
    if (!r.ok || !r.done()) return std::nullopt;
    return parsed;
}

}  // namespace residency::hcl
