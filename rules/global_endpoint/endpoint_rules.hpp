// What the global-endpoint rules share: naming what an endpoint serves, with where it is.
#pragma once

#include <string>
#include <vector>

#include "rules/rules.hpp"

namespace residency::rules::endpoint {

// "aws_s3_bucket.weights (eu-west-1 (IE))", or the bare address when its place is not known.
inline std::string with_place(const Facts& facts, const Asset& a) {
    const LocationFact& l = facts.fact(a).location;
    if (l.state == LocationFact::State::Known) return fmt::format("{} ({})", a.address, describe_place(l.place));
    return a.address;
}

// "a", "a and b", "a, b and c"
inline std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? " and " : ", ";
        out += parts[i];
    }
    return out;
}

inline std::string served(const Facts& facts, const Endpoint& e) {
    std::vector<std::string> parts;
    for (const Asset* a : e.serves) parts.push_back(with_place(facts, *a));
    return join(parts);
}

// The regions of a geography that are not inside: "eu-west-2 (GB) and eu-central-2 (CH)".
inline std::string regions_outside(const Facts& facts, const catalog::Place& place) {
    std::vector<std::string> parts;
    for (const catalog::Region* r : place.members)
        if (auto p = catalog::resolve(r->cloud, r->code); p && !facts.inside(*p))
            parts.push_back(fmt::format("{} ({})", r->code, r->country));
    return join(parts);
}

}  // namespace residency::rules::endpoint
