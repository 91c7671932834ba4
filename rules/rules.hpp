// What every rule file includes: the rule types, the facts it reads, and the helpers rules share.
#pragma once

#include <fmt/format.h>

#include <optional>

#include "engine/rule.hpp"
#include "facts/facts.hpp"

namespace residency::rules {

// The classes placement rules judge: where these are, data is.
inline constexpr AssetClass kDataClasses[] = {AssetClass::DataStore, AssetClass::Compute, AssetClass::AiService,
                                              AssetClass::StateBackend};

// "outside eu"; for a multi-region whose regions are not published (Google `europe`), "whose
// regions are not published, so not known to be inside eu": it guarantees no jurisdiction.
std::string outside_phrase(const Facts& facts, const catalog::Place& place);
// The same for a known or global location ("outside eu" for global: it is pinned to no region).
std::string outside_phrase(const Facts& facts, const LocationFact& location);
bool members_unpublished(const catalog::Place& place);

// Reports every flow of `mechanism` whose destination is known and outside the jurisdiction:
// "<via> replicates <origin> (<place>) to <destination> in <place>, outside eu". Unresolved
// destinations are RES002's. A flow that says what it copies (Flow::what) is worded with it:
// "<origin> (<place>) keeps geo-redundant copies (account_replication_type GRS) in the paired region <place>, outside nl".
void report_flows_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism);

// A place with several known member regions that lies partly inside the jurisdiction: some member
// is inside, the place as a whole is not, and the copies in the members outside are reported as
// flows by the service's replication rule (so RES201 leaves the asset to it).
bool partly_inside(const Facts& facts, const Asset& asset, const catalog::Place& place);
// Reports, once per asset, the member regions outside the jurisdiction of an asset whose place is
// partly inside: "<asset> is in EUR8 (CH, DE): its copies in europe-west6 (Zurich, CH) are outside eu".
void report_members_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism);
// Reports every compute fact of `mechanism` in the policy's TEE scope that runs without a TEE:
// "<address> <why not>; <machine> cannot ...; required by <scope>". Unknown TEE states are never findings.
void report_without_tee(const Facts& facts, RuleOutput& out, std::string_view mechanism);

// Tag keys compared as residency keys: lower case, '_' as '-' (Google label keys allow both).
std::string tag_key(std::string_view key);
// The default residency keys, as tag_key() writes them: jurisdiction, data-residency, residency.
std::span<const std::string_view> default_residency_keys();

// Kubernetes StorageClasses (k8s_storage.cpp): why a class does not keep the volumes it provisions
// inside the jurisdiction ("sets no allowedTopologies and provisions ..."), or nullopt when it does
// or when that cannot be known (a topology value the catalog does not know).
std::optional<std::string> storage_class_unconstrained(const Facts& facts, const StorageClassFact& s);
// Whether a Kubernetes label key carries a required key: the same key as tag_key() writes it, or the
// same name after a prefix ("residency.example.com/jurisdiction" carries "jurisdiction").
bool label_matches(std::string_view label, std::string_view required);

// MLflow and W&B endpoints (report_mlops.cpp): "<asset> container <c>", "sends MLflow runs and
// metrics to", where the endpoint is and whether that is outside, and the related locations (the
// ConfigMap a value came from, the Terraform bucket, where the bucket's region comes from).
std::string mlops_use(const MlopsEndpoint& e);  // "<asset> container <c> stores MLflow artifacts and models in <uri> (<setting>)"
std::string mlops_key(const MlopsEndpoint& e);  // tells apart the findings of one asset
std::vector<RelatedLocation> mlops_related(const MlopsEndpoint& e);
// Reports every endpoint of these roles whose location is known and outside the jurisdiction
// (hosts in allow.hosts excepted).
void report_mlops_outside(const Facts& facts, RuleOutput& out, std::span<const MlopsEndpoint::Role> roles);

}  // namespace residency::rules
