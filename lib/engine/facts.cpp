// Location facts: from an asset's effective region value to a catalog place, once per asset.
#include "engine/facts.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace residency {

bool holds_or_processes_data(catalog::AssetClass c) {
    using catalog::AssetClass;
    return c == AssetClass::DataStore || c == AssetClass::Compute || c == AssetClass::AiService ||
           c == AssetClass::StateBackend;
}

// The reason of the first unknown inside a value (a list of regions with one not yet known).
static std::string first_unknown_reason(const Value& v) {
    if (v.is_unknown()) return v.unknown_reason();
    for (const auto& item : v.items())
        if (item.contains_unknown()) return first_unknown_reason(item);
    for (const auto& [k, item] : v.fields())
        if (item.contains_unknown()) return first_unknown_reason(item);
    return "part of the value is not known";
}

LocationFact locate(const Asset& asset) {
    LocationFact f;
    if (asset.mode == "data" || asset.mode == "superseded" || asset.cloud.empty()) return f;
    if (asset.mode == "resource" && catalog::classify(asset.type) == catalog::AssetClass::Global) return f;
    const Value& r = asset.region;
    f.range = r.range;
    f.provenance = r.provenance;
    if (r.is_null()) {
        f.state = asset.location_applies ? LocationFact::State::Unset : LocationFact::State::NotApplicable;
        return f;
    }
    if (r.contains_unknown()) {
        f.state = LocationFact::State::Unknown;
        f.reason = first_unknown_reason(r);
        return f;
    }
    f.written = r.is_string() ? r.as_string() : r.display();
    if (r.is_string()) {
        if (auto place = catalog::resolve(asset.cloud, r.as_string())) {
            f.state = LocationFact::State::Known;
            f.place = std::move(*place);
            return f;
        }
    }
    f.state = LocationFact::State::NotInCatalog;
    return f;
}

namespace {

// A rule whose status is literally "Disabled" copies nothing; an unknown status may be enabled.
bool disabled(const Value& rule) {
    const Value* status = rule.get("status");
    return status && status->is_string() && status->as_string() == "Disabled";
}

ReplicationFact resolve_destination(const Facts& facts, const Asset& config, const Value& v) {
    ReplicationFact r{&config, v.range, nullptr, {}};
    if (!v.ref_asset.empty()) {
        const Asset* a = facts.graph->find(config.root, v.ref_asset);
        if (a && a->type == "aws_s3_bucket") {
            r.destination = a;
            return r;
        }
        r.unresolved = fmt::format("the destination refers to {}, which is not an S3 bucket of this configuration", v.ref_asset);
        return r;
    }
    if (!v.is_string()) {
        r.unresolved = v.is_unknown() ? "the destination bucket is not known: " + v.unknown_reason()
                                      : "the destination bucket is not a string";
        return r;
    }
    std::string_view name = v.as_string();
    constexpr std::string_view prefix = "arn:aws:s3:::";
    if (name.starts_with(prefix)) name.remove_prefix(prefix.size());
    r.destination = facts.s3_bucket_named(config.root, name);
    if (!r.destination)
        r.unresolved = fmt::format("bucket \"{}\" is not defined in the scanned configuration: scan the configuration "
                                   "that creates it",
                                   name);
    return r;
}

void collect_rules(Facts& facts, const Asset& config, const Value* rules) {
    if (!rules) return;
    for (const auto& rule : rules->items()) {
        const Value* destinations = rule.get("destination");
        if (!destinations || disabled(rule)) continue;
        for (const auto& d : destinations->items())
            if (const Value* bucket = d.get("bucket")) facts.s3_replications.push_back(resolve_destination(facts, config, *bucket));
    }
}

}  // namespace

void collect_s3_replications(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (a.mode != "resource") continue;
        if (a.type == "aws_s3_bucket_replication_configuration") collect_rules(facts, a, a.attributes.get("rule"));
        if (a.type == "aws_s3_bucket")
            if (const Value* inline_config = a.attributes.get("replication_configuration"))
                for (const auto& c : inline_config->items()) collect_rules(facts, a, c.get("rules"));
    }
}

bool Facts::inside(const catalog::Place& place) const {
    for (const auto& j : jurisdictions)
        if (place.inside(j)) return true;
    if (allow_regions.empty() || place.members.empty()) return false;
    for (const auto* m : place.members) {
        bool ok = std::find(allow_regions.begin(), allow_regions.end(), m->code) != allow_regions.end();
        if (!ok) {
            // A member may still be inside by jurisdiction while another is only allowed by name.
            bool in = false;
            for (const auto& j : jurisdictions) {
                auto js = catalog::jurisdictions_of_country(m->country);
                if (std::find(js.begin(), js.end(), j) != js.end()) in = true;
            }
            if (!in) return false;
        }
    }
    return true;
}

std::string Facts::jurisdiction_label() const {
    std::string out;
    for (std::size_t i = 0; i < jurisdictions.size(); ++i) {
        if (i) out += i + 1 == jurisdictions.size() ? " or " : ", ";
        out += jurisdictions[i];
    }
    return out;
}

const Asset* Facts::s3_bucket_named(std::string_view root, std::string_view name) const {
    std::string key;
    key.append(root).append(1, '\n').append(name);
    auto it = s3_buckets.find(key);
    return it == s3_buckets.end() ? nullptr : &graph->assets[it->second];
}

const AssetFact& Facts::fact(const Asset& a) const {
    return assets[static_cast<std::size_t>(&a - graph->assets.data())];
}

std::string describe_place(const catalog::Place& place) {
    std::string countries;
    for (std::size_t i = 0; i < place.countries.size(); ++i) countries += (i ? ", " : "") + place.countries[i];
    switch (place.kind) {
        case catalog::PlaceKind::MultiRegion:
            return countries.empty() ? fmt::format("{} multi-region", place.code)
                                     : fmt::format("{} multi-region ({})", place.code, countries);
        default: return countries.empty() ? place.code : fmt::format("{} ({})", place.code, countries);
    }
}

std::vector<RelatedLocation> provenance_locations(const Provenance& p) {
    std::vector<RelatedLocation> out;
    // Steps with no position (a value given with --var) are kept: the chain must not skip a link.
    for (const auto* step : steps(p)) out.push_back({step->range, step->label});
    return out;
}

void RuleOutput::report(const Asset* asset, Range range, std::string message, std::vector<RelatedLocation> related) {
    Finding f;
    f.rule_id = std::string(rule->id);
    f.severity = severity;
    f.message = std::move(message);
    f.range = range;
    f.related = std::move(related);
    if (asset) {
        f.asset = asset->address;
        if (asset->configuration_range.valid())
            f.related.push_back({asset->configuration_range, "configuration of " + asset->address});
    }
    out->push_back(std::move(f));
}

}  // namespace residency
