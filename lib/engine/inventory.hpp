// The register and the graph of a scan (Report::inventory, graph_nodes, graph_edges), built once
// from the facts so that the writers never read the graph.
#pragma once

#include "facts/facts.hpp"
#include "report/report.hpp"

namespace residency {

void build_inventory(const Facts& facts, Report& report);

}  // namespace residency
