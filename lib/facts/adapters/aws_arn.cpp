// Literal ARNs: their parts, and the region they name as a location fact.
#include "facts/adapters/aws_arn.hpp"

namespace residency::adapters {

std::optional<Arn> parse_arn(std::string_view text) {
    if (!text.starts_with("arn:")) return std::nullopt;
    std::string_view rest = text.substr(4);
    std::string_view parts[4];
    for (auto& part : parts) {
        auto colon = rest.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        part = rest.substr(0, colon);
        rest.remove_prefix(colon + 1);
    }
    if (parts[0].empty() || parts[1].empty()) return std::nullopt;
    return Arn{parts[0], parts[1], parts[2], parts[3], rest};
}

std::optional<LocationFact> arn_location(const Value& value) {
    if (!value.is_string()) return std::nullopt;
    auto arn = parse_arn(value.as_string());
    if (!arn || arn->region.empty()) return std::nullopt;
    Value region = Value::string(std::string(arn->region), value.range).with_provenance(value.provenance);
    return locate_value("aws", region);
}

}  // namespace residency::adapters
