// Residency tag keys, shared by the tagging rules.
#include <cctype>

#include "rules/rules.hpp"

namespace residency::rules {

std::string tag_key(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::span<const std::string_view> default_residency_keys() {
    static constexpr std::string_view kKeys[] = {"jurisdiction", "data-residency", "residency"};
    return kKeys;
}

}  // namespace residency::rules
