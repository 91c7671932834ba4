// A YAML stream's binary form: each document's value tree (kind, range, then the scalar or the
// items), its range and source note; then errors, warnings and the failed documents' ranges.
#include "frontends/kubernetes/yaml_codec.hpp"

#include "cache/blob.hpp"
#include "cache/file_cache.hpp"

namespace residency::yaml {

namespace {

constexpr char kTag[2] = {'Y', '1'};  // bumped with any change to the layout or to the structs
// A parsed document nests at most kMaxNesting levels; anything deeper was not written by encode.
constexpr std::size_t kMaxDepth = kMaxNesting + 8;

class Writer : public blob::Writer {
public:
    using blob::Writer::Writer;

    void value(const Value& v, std::size_t depth) {
        // Only what a parse makes: plain data. Anything else is stored unfaithfully or not at all.
        if (depth > kMaxDepth || v.provenance || !v.ref_asset.empty() || v.pattern() || v.is_unknown() || v.is_open()) {
            ok = false;
            return;
        }
        byte(static_cast<std::uint8_t>(v.kind()));
        range(v.range);
        switch (v.kind()) {
            case Value::Kind::Bool: byte(v.as_bool() ? 1 : 0); break;
            case Value::Kind::Number: f64(v.as_number()); break;
            case Value::Kind::String: str(v.as_string()); break;
            case Value::Kind::List:
                u(v.items().size());
                for (const Value& item : v.items()) value(item, depth + 1);
                break;
            case Value::Kind::Object:
                u(v.fields().size());
                for (const auto& [key, field] : v.fields()) {
                    str(key);
                    value(field, depth + 1);
                }
                break;
            default: break;
        }
    }
    void problems(const std::vector<LoadProblem>& list) {
        u(list.size());
        for (const auto& p : list) {
            range(p.range);
            str(p.message);
        }
    }
};

class Reader : public blob::Reader {
public:
    using blob::Reader::Reader;

    Value value(std::size_t depth) {
        if (depth > kMaxDepth) return fail(), Value();
        std::uint8_t kind = byte();
        Range r = range();
        switch (static_cast<Value::Kind>(kind)) {
            case Value::Kind::Null: return Value::null(r);
            case Value::Kind::Bool: {
                std::uint8_t b = byte();
                if (b > 1) fail();
                return Value::boolean(b == 1, r);
            }
            case Value::Kind::Number: return Value::number(f64(), r);
            case Value::Kind::String: return Value::string(str(), r);
            case Value::Kind::List: {
                ValueList items(count(4));
                for (auto& item : items) {
                    if (!ok) break;
                    item = value(depth + 1);
                }
                return Value::list(std::move(items), r);
            }
            case Value::Kind::Object: {
                ValueMap fields;
                std::size_t n = count(5);
                for (std::size_t i = 0; i < n && ok; ++i) {
                    std::string key = str();
                    Value field = value(depth + 1);
                    // encode wrote the map in order, each key once
                    if (!fields.empty() && !(fields.rbegin()->first < key)) fail();
                    fields.emplace_hint(fields.end(), std::move(key), std::move(field));
                }
                return Value::object(std::move(fields), r);
            }
            default: return fail(), Value();
        }
    }
    std::vector<LoadProblem> problems() {
        std::vector<LoadProblem> list(count(4));
        for (auto& p : list) {
            if (!ok) break;
            p.range = range();
            p.message = str();
        }
        return list;
    }
};

}  // namespace

std::optional<std::string> encode(const Stream& stream, FileId file) {
    Writer w(file);
    w.out.append(kTag, sizeof kTag);
    w.u(stream.documents.size());
    for (const auto& d : stream.documents) {
        w.value(d.root, 0);
        w.range(d.range);
        w.str(d.source_note);
        w.range(d.source_note_range);
    }
    w.problems(stream.errors);
    w.problems(stream.warnings);
    w.u(stream.failed_documents.size());
    for (const auto& r : stream.failed_documents) w.range(r);
    if (!w.ok) return std::nullopt;
    return std::move(w.out);
}

std::optional<Stream> decode(std::string_view bytes, FileId file) {
    Reader r(bytes, file);
    if (r.take(sizeof kTag) != std::string_view(kTag, sizeof kTag)) return std::nullopt;
    Stream s;
    s.documents.resize(r.count(11));
    for (auto& d : s.documents) {
        if (!r.ok) break;
        d.root = r.value(0);
        d.range = r.range();
        d.source_note = r.str();
        d.source_note_range = r.range();
    }
    s.errors = r.problems();
    s.warnings = r.problems();
    s.failed_documents.resize(r.count(3));
    for (auto& range : s.failed_documents) range = r.range();
    if (!r.ok || !r.done()) return std::nullopt;
    return s;
}

Stream parse_stream_cached(FileId file, std::string_view text, FileCache* cache) {
    return parse_through(
        cache, 'y', text, [&] { return parse_stream(file, text); }, [&](std::string_view blob) { return decode(blob, file); },
        [&](const Stream& stream) { return encode(stream, file); });
}

}  // namespace residency::yaml
