// Tests for the scan cache's syntax-tree codec: every tree the project's own files parse to comes
// back field for field, and damaged bytes never decode to a tree.
#include <doctest/doctest.h>

#include <bit>
#include <filesystem>
#include <string>

#include "core/source.hpp"
#include "frontends/terraform/syntax/hcl_codec.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

using namespace residency;
using namespace residency::hcl;

namespace {

constexpr FileId kFile = 3;

// A field-by-field comparison (the structs have no operator==): the first difference, or "".
std::string diff(const Expr& a, const Expr& b, const std::string& at);
std::string diff(const Body& a, const Body& b, const std::string& at);

std::string diff(const Expr& a, const Expr& b, const std::string& at) {
    if (a.kind != b.kind) return at + ": kind";
    if (a.range != b.range) return at + ": range";
    if (a.text != b.text) return at + ": text";
    if (std::bit_cast<std::uint64_t>(a.number) != std::bit_cast<std::uint64_t>(b.number)) return at + ": number";
    if (a.boolean != b.boolean || a.full != b.full || a.heredoc != b.heredoc || a.expand_final != b.expand_final)
        return at + ": flags";
    if (a.children.size() != b.children.size()) return at + ": children";
    for (std::size_t i = 0; i < a.children.size(); ++i)
        if (auto d = diff(a.children[i], b.children[i], at + "/" + std::to_string(i)); !d.empty()) return d;
    return "";
}

std::string diff(const Body& a, const Body& b, const std::string& at) {
    if (a.attributes.size() != b.attributes.size() || a.blocks.size() != b.blocks.size()) return at + ": sizes";
    for (std::size_t i = 0; i < a.attributes.size(); ++i) {
        const Attribute &x = a.attributes[i], &y = b.attributes[i];
        if (x.name != y.name || x.name_range != y.name_range || x.range != y.range) return at + "." + x.name;
        if (auto d = diff(x.value, y.value, at + "." + x.name); !d.empty()) return d;
    }
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
        const Block &x = a.blocks[i], &y = b.blocks[i];
        if (x.type != y.type || x.type_range != y.type_range || x.labels != y.labels || x.label_ranges != y.label_ranges ||
            x.range != y.range || x.header_range != y.header_range)
            return at + "/" + x.type;
        if (auto d = diff(x.body, y.body, at + "/" + x.type); !d.empty()) return d;
    }
    return "";
}

std::string diff(const ParsedFile& a, const ParsedFile& b) {
    if (a.file != b.file) return "file";
    if (a.errors.size() != b.errors.size()) return "errors";
    for (std::size_t i = 0; i < a.errors.size(); ++i)
        if (a.errors[i].range != b.errors[i].range || a.errors[i].message != b.errors[i].message) return "error";
    return diff(a.body, b.body, "");
}


}  // namespace

TEST_CASE("hcl codec: every .tf and .tfvars file of the project round-trips field for field") {
    namespace fs = std::filesystem;
    std::size_t files = 0, with_errors = 0;
    for (const char* dir : {"tests", "examples"}) {
        for (const auto& e : fs::recursive_directory_iterator(fs::path(RESIDENCY_SOURCE_DIR) / dir)) {
            auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".tf" && ext != ".tfvars")) continue;
            std::string text = *read_file_bytes(e.path());
            ParsedFile parsed = parse_hcl(kFile, text);
            auto blob = encode(parsed);
            REQUIRE_MESSAGE(blob, e.path().string());
            auto back = decode(*blob, kFile);
            REQUIRE_MESSAGE(back, e.path().string());
            CHECK_MESSAGE(diff(parsed, *back).empty(), e.path().string(), ": ", diff(parsed, *back));
            ++files;
            with_errors += parsed.errors.empty() ? 0 : 1;
        }
    }
    CHECK(files > 80);
    CHECK(with_errors > 5);
}

TEST_CASE("hcl codec: ranges take the decoder's file; heredocs and -0 survive") {
    std::string text = "a = -0.0\nb = <<-EOT\n  x ${y}\n  EOT\n";
    ParsedFile parsed = parse_hcl(kFile, text);
    REQUIRE(parsed.errors.empty());
    auto back = decode(*encode(parsed), 9);
    REQUIRE(back);
    CHECK(back->file == 9);
    const Attribute& b = back->body.attributes.at(1);
    CHECK(b.range.file == 9);
    CHECK(b.value.range.file == 9);
    CHECK(b.value.heredoc);
    CHECK(b.value.range.begin == parsed.body.attributes.at(1).value.range.begin);
}

TEST_CASE("hcl codec: damaged bytes never decode") {
    std::string text = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x-${var.y}\"\n  tags = { a = 1 }\n}\n";
    auto blob = *encode(parse_hcl(kFile, text));
    for (std::size_t cut = 0; cut < blob.size(); ++cut) CHECK_FALSE(decode(std::string_view(blob).substr(0, cut), kFile));
    CHECK_FALSE(decode(blob + "x", kFile));
    CHECK_FALSE(decode("", kFile));
    // Every single-byte change either fails or decodes to a whole tree (never a crash); the
    // pack's checksum is what rejects the rest.
    for (std::size_t i = 0; i < blob.size(); ++i) {
        std::string b = blob;
        b[i] = static_cast<char>(b[i] ^ 0x5a);
        (void)decode(b, kFile);
    }
}
