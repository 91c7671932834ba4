// libFuzzer target, differential: on any input the fast HCL parser accepts, tree-sitter's path must
// give the same tree and errors (the scan cache's encoding, byte for byte), and so no syntax error
// of its own. A mismatch aborts; the input is then a regression case (tests/parser-agreement/cases).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "frontends/terraform/syntax/hcl_codec.hpp"
#include "frontends/terraform/syntax/hcl_fast_parser.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace residency::hcl;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!fast_parse_hcl(1, text)) return 0;
    ParsedFile fast = parse_hcl(1, text);
    ParsedFile reference = parse_hcl_tree_sitter(1, text);
    auto a = encode(fast);
    auto b = encode(reference);
    if (!a || !b || *a != *b) {
        std::fprintf(stderr, "fast parser and tree-sitter disagree (%zu / %zu errors)\n", fast.errors.size(),
                     reference.errors.size());
        std::abort();
    }
    return 0;
}
