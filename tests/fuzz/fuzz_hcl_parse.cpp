// libFuzzer target: the HCL parser alone (tree-sitter, the conversion, HashiCorp's extra syntax
// checks) and the scan cache's codec of its trees, without the rest of the scan that fuzz_hcl runs
// on each input. A tree that encodes decodes to the same encoding; the input itself, read as a
// cache blob, decodes or is refused, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontends/terraform/syntax/hcl_codec.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace residency::hcl;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    ParsedFile parsed = parse_hcl(1, text);
    if (auto blob = encode(parsed)) {
        auto back = decode(*blob, 1);
        if (!back) std::abort();
        auto again = encode(*back);
        if (!again || *again != *blob) std::abort();
    }
    (void)decode(text, 1);
    return 0;
}
