// What every rule file includes: the rule types, the facts it reads, and the helpers rules share.
#pragma once

#include <fmt/format.h>

#include "engine/rule.hpp"
#include "facts/facts.hpp"

namespace residency::rules {

// The classes placement rules judge: where these are, data is.
inline constexpr AssetClass kDataClasses[] = {AssetClass::DataStore, AssetClass::Compute, AssetClass::AiService,
                                              AssetClass::StateBackend};

// Reports every flow of `mechanism` whose destination is known and outside the jurisdiction:
// "<via> replicates <origin> (<place>) to <destination> in <place>, outside eu". Unresolved
// destinations are RES002's.
void report_flows_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism);

// The same for flows that say what they copy (Flow::what): "<origin> (<place>) keeps geo-redundant
// copies (account_replication_type GRS) in the paired region <place>, outside nl".
void report_copies_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism);
// A place with several known member regions that lies partly inside the jurisdiction: some member
// is inside, the place as a whole is not, and the copies in the members outside are reported as
// flows by the service's replication rule (so RES201 leaves the asset to it).
bool partly_inside(const Facts& facts, const Asset& asset, const catalog::Place& place);
// Reports, once per asset, the member regions outside the jurisdiction of an asset whose place is
// partly inside: "<asset> is in EUR8 (CH, DE): its copies in europe-west6 (Zurich, CH) are outside eu".
void report_members_outside(const Facts& facts, RuleOutput& out, std::string_view mechanism);

}  // namespace residency::rules
