// Tests for the scan cache's YAML stream codec: every YAML file of the project comes back value for
// value with every range, and damaged bytes never decode to a stream.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/source.hpp"
#include "frontends/kubernetes/yaml_codec.hpp"

using namespace residency;
using namespace residency::yaml;

namespace {

constexpr FileId kFile = 4;

// The first difference between two values, kinds, ranges and scalars included, or "".
std::string diff(const Value& a, const Value& b, const std::string& at) {
    if (a.kind() != b.kind()) return at + ": kind";
    if (a.range != b.range) return at + ": range";
    switch (a.kind()) {
        case Value::Kind::Bool: return a.as_bool() == b.as_bool() ? "" : at + ": bool";
        case Value::Kind::Number:
            return std::bit_cast<std::uint64_t>(a.as_number()) == std::bit_cast<std::uint64_t>(b.as_number()) ? "" : at + ": number";
        case Value::Kind::String: return a.as_string() == b.as_string() ? "" : at + ": string";
        case Value::Kind::List:
            if (a.items().size() != b.items().size()) return at + ": items";
            for (std::size_t i = 0; i < a.items().size(); ++i)
                if (auto d = diff(a.items()[i], b.items()[i], at + "/" + std::to_string(i)); !d.empty()) return d;
            return "";
        case Value::Kind::Object: {
            if (a.fields().size() != b.fields().size()) return at + ": fields";
            auto j = b.fields().begin();
            for (const auto& [key, v] : a.fields()) {
                if (key != j->first) return at + ": key " + key;
                if (auto d = diff(v, j->second, at + "." + key); !d.empty()) return d;
                ++j;
            }
            return "";
        }
        default: return "";
    }
}

std::string diff(const Stream& a, const Stream& b) {
    if (a.documents.size() != b.documents.size()) return "documents";
    for (std::size_t i = 0; i < a.documents.size(); ++i) {
        const Document &x = a.documents[i], &y = b.documents[i];
        if (x.range != y.range || x.source_note != y.source_note || x.source_note_range != y.source_note_range)
            return "document " + std::to_string(i);
        if (auto d = diff(x.root, y.root, "document " + std::to_string(i)); !d.empty()) return d;
    }
    auto same = [](const std::vector<LoadProblem>& p, const std::vector<LoadProblem>& q) {
        if (p.size() != q.size()) return false;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (p[i].range != q[i].range || p[i].message != q[i].message) return false;
        return true;
    };
    if (!same(a.errors, b.errors)) return "errors";
    if (!same(a.warnings, b.warnings)) return "warnings";
    if (a.failed_documents != b.failed_documents) return "failed documents";
    return "";
}


}  // namespace

TEST_CASE("yaml codec: every YAML file of the project round-trips with every range") {
    namespace fs = std::filesystem;
    std::size_t files = 0, with_errors = 0, documents = 0;
    for (const char* dir : {"tests", "examples"}) {
        for (const auto& e : fs::recursive_directory_iterator(fs::path(RESIDENCY_SOURCE_DIR) / dir)) {
            auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
            std::string text = *read_file_bytes(e.path());
            Stream parsed = parse_stream(kFile, text);
            auto blob = encode(parsed, kFile);
            REQUIRE_MESSAGE(blob, e.path().string());
            auto back = decode(*blob, kFile);
            REQUIRE_MESSAGE(back, e.path().string());
            CHECK_MESSAGE(diff(parsed, *back).empty(), e.path().string(), ": ", diff(parsed, *back));
            ++files;
            documents += parsed.documents.size();
            with_errors += parsed.errors.empty() ? 0 : 1;
        }
    }
    CHECK(files > 35);
    CHECK(documents > 60);
    CHECK(with_errors > 3);
}

TEST_CASE("yaml codec: anchors, merge keys, block scalars, a Helm source note and a broken document") {
    std::string text = "# Source: chart/templates/a.yaml\nbase: &b {x: 1, y: [true, ~, 2.5, -0.0]}\nuse:\n  <<: *b\n  z: |\n    two\n    lines\n---\nkey: [unclosed\n";
    Stream parsed = parse_stream(kFile, text);
    REQUIRE(parsed.documents.size() == 1);
    REQUIRE(parsed.errors.size() == 1);
    auto back = decode(*encode(parsed, kFile), 9);
    REQUIRE(back);
    CHECK(back->documents[0].source_note == "chart/templates/a.yaml");
    CHECK(back->documents[0].root.range.file == 9);
    CHECK(back->errors[0].range.file == 9);
    CHECK(std::signbit(back->documents[0].root.get("base")->get("y")->items()[3].as_number()));
    CHECK(back->documents[0].root.get("use")->get("z")->as_string() == "two\nlines\n");
}

TEST_CASE("yaml codec: damaged bytes never decode; values a parse never makes are not stored") {
    Stream parsed = parse_stream(kFile, "apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n");
    auto blob = *encode(parsed, kFile);
    for (std::size_t cut = 0; cut < blob.size(); ++cut) CHECK_FALSE(decode(std::string_view(blob).substr(0, cut), kFile));
    CHECK_FALSE(decode(blob + "x", kFile));
    for (std::size_t i = 0; i < blob.size(); ++i) {
        std::string b = blob;
        b[i] = static_cast<char>(b[i] ^ 0x5a);
        (void)decode(b, kFile);
    }
    Stream odd;
    odd.documents.push_back(Document{Value::unknown("not data"), Range{}, "", Range{}});
    CHECK_FALSE(encode(odd, kFile));
    odd.documents[0].root = Value::string("x", Range{kFile + 1, 0, 1});
    CHECK_FALSE(encode(odd, kFile));
}
