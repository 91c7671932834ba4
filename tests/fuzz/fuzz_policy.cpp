// libFuzzer target: the policy loader (residency.yaml) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/rule.hpp"
#include "policy/policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = residency::parse_policy("residency.yaml", text,
                                          [](std::string_view id) { return residency::find_rule(id) != nullptr; });
    if (auto* error = std::get_if<residency::PolicyError>(&parsed)) (void)error->to_string();
    return 0;
}
