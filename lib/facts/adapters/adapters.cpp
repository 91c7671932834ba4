// The adapters' shared pieces and the order they run in.
#include "facts/adapters/adapters.hpp"

namespace residency {

void collect_adapter_facts(Facts& facts) {
    adapters::s3_replication(facts);
    adapters::region_flows(facts);
    adapters::azure_replication(facts);
    adapters::aws_replication(facts);
    adapters::member_flows(facts);
    adapters::cloud_sql(facts);
    adapters::compute_tee(facts);
    adapters::tags(facts);
    adapters::keys(facts);
    adapters::kubernetes(facts);
    adapters::mlops(facts);
}

Flow unresolved_flow(std::string_view mechanism, const Asset& origin, const Asset& via, Range range, std::string reason) {
    Flow f{mechanism, &origin, &via, range, nullptr, {}};
    f.destination.state = LocationFact::State::Unknown;
    f.destination.reason = std::move(reason);
    f.destination.range = range;
    return f;
}

namespace adapters {
const Value* nested_block(const Value* v) {
    if (v && v->is_list()) return v->items().empty() ? nullptr : &v->items().front();
    return v;
}
}  // namespace adapters

}  // namespace residency
