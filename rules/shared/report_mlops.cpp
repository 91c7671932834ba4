// What the MLOps rules share: how an endpoint and its user are named, and where its location came from.
#include "rules/rules.hpp"

namespace residency::rules {

static std::string mlops_user(const MlopsEndpoint& e) {
    return e.container.empty() ? e.asset->address : fmt::format("{} container {}", e.asset->address, e.container);
}

static std::string mlops_action(const MlopsEndpoint& e) {
    switch (e.role) {
        case MlopsEndpoint::Role::Tracker: return fmt::format("sends {} runs and metrics to", e.product);
        case MlopsEndpoint::Role::BackendStore: return fmt::format("keeps its {} runs and models in", e.product);
        case MlopsEndpoint::Role::ArtifactStore: return fmt::format("stores {} artifacts and models in", e.product);
    }
    return {};
}

std::string mlops_use(const MlopsEndpoint& e) {
    return fmt::format("{} {} {} ({})", mlops_user(e), mlops_action(e), e.uri, e.setting);
}

std::string mlops_key(const MlopsEndpoint& e) { return e.setting + " " + e.uri; }

static std::string mlops_where(const Facts& facts, const MlopsEndpoint& e) {
    if (e.vendor_cloud) {
        std::string countries;
        for (const auto& c : e.location.place.countries) countries += (countries.empty() ? "" : ", ") + c;
        bool some_inside = false;
        for (const auto& c : e.location.place.countries)
            for (const auto& j : catalog::jurisdictions_of_country(c))
                some_inside = some_inside || std::find(facts.jurisdictions.begin(), facts.jurisdictions.end(), j) != facts.jurisdictions.end();
        return fmt::format("W&B's multi-tenant cloud, which runs in Google Cloud North America regions ({}), {}", countries,
                           some_inside ? "not all inside " + facts.jurisdiction_label() : "outside " + facts.jurisdiction_label());
    }
    std::string what = e.linked ? fmt::format("defined by {} in ", e.linked->address) : std::string("in ");
    return what + describe_place(e.location.place) + ", " + outside_phrase(facts, e.location);
}

std::vector<RelatedLocation> mlops_related(const MlopsEndpoint& e) {
    std::vector<RelatedLocation> related;
    for (auto& r : provenance_locations(e.provenance)) related.push_back(std::move(r));
    if (e.linked) related.push_back({e.linked->header_range, e.linked->address});
    for (auto& r : provenance_locations(e.location.provenance))
        if (!(r.range == e.range)) related.push_back(std::move(r));
    return related;
}

void report_mlops_outside(const Facts& facts, RuleOutput& out, std::span<const MlopsEndpoint::Role> roles) {
    if (!facts.has_jurisdiction()) return;
    for (const MlopsEndpoint& e : facts.mlops) {
        if (std::find(roles.begin(), roles.end(), e.role) == roles.end()) continue;
        if (e.location.state != LocationFact::State::Known || facts.inside(e.location.place)) continue;
        if (!e.host.empty() && facts.host_allowed(e.host)) continue;
        out.report(e.asset, e.range,
                   fmt::format("{}, {}", mlops_use(e), mlops_where(facts, e)), mlops_related(e), mlops_key(e));
    }
}

}  // namespace residency::rules
