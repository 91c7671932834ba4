// The endpoints fact: how far a serving or routing surface reaches (DESIGN.md "Engine contracts").
// An API, a CDN origin, a model deployment or a load balancer is located in a region, yet the
// requests it serves may enter, be cached or be processed elsewhere: at the cloud's edge locations
// worldwide, in any region of a geography, or in any region at all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "core/finding.hpp"
#include "core/graph.hpp"

namespace residency {

enum class Reach : std::uint8_t {
    Regional,   // served and processed in its own region (or its provider's geography)
    Geography,  // any region of a named set: a Bedrock geographic profile, an Azure data zone
    Global,     // any region of the cloud, worldwide
    Edge,       // the cloud's edge locations worldwide: CloudFront, Front Door, Google Front Ends
};
std::string_view reach_name(Reach r);  // "regional", "geography", "global", "edge"

struct Endpoint {
    // What decides the reach: "api-gateway-rest", "cloudfront-origin", "lambda-at-edge",
    // "front-door-origin", "bedrock-inference-profile", "azure-openai-deployment",
    // "global-load-balancer".
    std::string_view mechanism;
    const Asset* asset = nullptr;  // the surface whose configuration decides the reach
    Range range;                   // the argument that decides it; the block header when a default does
    Reach reach = Reach::Regional;
    std::string setting;           // as written, or the default: "EDGE", "GlobalStandard", "eu.anthropic...."
    bool by_default = false;       // nothing sets it: the provider's default applies
    std::string geography;         // Geography: "Bedrock eu. profile", "the EU data zone"
    // Geography: the regions it may reach (members) and the jurisdictions all of them lie in
    // (within), so Facts::inside() judges it like any place; members is empty when only the
    // jurisdictions are published (an Azure data zone).
    catalog::Place place;
    // The assets of the scan it serves or fronts: a distribution's origin, an API's integration
    // targets, a load balancer's serverless backends, a Lambda@Edge function.
    std::vector<const Asset*> serves;
    std::vector<RelatedLocation> related;  // the links followed to find what it serves
};

}  // namespace residency
