// Lookups on HCL bodies.
#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

const Attribute* Body::attribute(std::string_view name) const {
    for (const Attribute& attr : attributes) {
        if (attr.name == name) return &attr;
    }
    return nullptr;
}

std::vector<const Block*> Body::blocks_of(std::string_view type) const {
    std::vector<const Block*> out;
    for (const Block& block : blocks) {
        if (block.type == type) out.push_back(&block);
    }
    return out;
}

}  // namespace residency::hcl
