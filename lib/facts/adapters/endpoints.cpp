// Endpoint adapters: how far each serving or routing surface reaches, and what of the scan it
// serves. An unknown setting is no endpoint: nothing is claimed about a reach that is not known.
//
// Facts: ../shared/reference/ai-endpoints.md sections 1, 2, 5 and 6.
//  - API Gateway REST APIs are edge-optimised (fronted by CloudFront) unless endpoint_configuration
//    says REGIONAL or PRIVATE; EDGE is the default.
//  - CloudFront, Lambda@Edge, Azure Front Door and Azure CDN run at edge locations worldwide.
//  - Bedrock cross-Region inference profiles route by the geographic prefix of their ID.
//  - Azure OpenAI deployment types: Global* anywhere, DataZone* within the account's data zone
//    (EU member states, or the US), Standard and ProvisionedManaged in the account's geography.
//  - Google's global external Application Load Balancer terminates requests at Google Front Ends.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "facts/adapters/adapters.hpp"

namespace residency {

std::string_view reach_name(Reach r) {
    switch (r) {
        case Reach::Regional: return "regional";
        case Reach::Geography: return "geography";
        case Reach::Global: return "global";
        case Reach::Edge: return "edge";
    }
    return "regional";
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

// The known items of a nested block (a list of objects); an unknown list or item is skipped: what
// it would configure is not known.
std::vector<const Value*> blocks(const Value& object, std::string_view name) {
    std::vector<const Value*> out;
    const Value* v = object.get(name);
    if (!v) return out;
    if (v->is_object()) {  // an attribute written as an object (azapi bodies, JSON)
        out.push_back(v);
        return out;
    }
    for (const Value& item : v->items())
        if (item.is_object()) out.push_back(&item);
    return out;
}

const Value* string_at(const Value& object, std::string_view name) {
    const Value* v = object.get(name);
    return v && v->is_string() ? v : nullptr;
}

bool literally_false(const Value& object, std::string_view name) {
    const Value* v = object.get(name);
    return v && v->is_bool() && !v->as_bool();
}

bool is_managed(const Asset& a) { return a.mode == AssetMode::Managed; }

const Asset* referenced(const Facts& facts, const Asset& from, const Value& v) {
    if (v.ref_asset.empty()) return nullptr;
    const Asset* a = facts.graph->find(from.root, v.ref_asset);
    return a && a->mode != AssetMode::Superseded ? a : nullptr;
}

bool holds_data(const Asset& a) {
    return a.asset_class == AssetClass::DataStore || a.asset_class == AssetClass::Compute ||
           a.asset_class == AssetClass::AiService;
}

// Assets of the scan found by the literal name a domain or a load balancer backend writes.
struct NameIndex {
    std::map<std::string, const Asset*, std::less<>> by_key;  // type + '\n' + root + '\n' + name

    void add(const Asset& a, std::string_view attribute) {
        if (const Value* n = string_at(a.attributes, attribute))
            by_key.emplace(a.type + '\n' + a.root + '\n' + n->as_string(), &a);
    }
    const Asset* find(std::string_view type, std::string_view root, std::string_view name) const {
        std::string key;
        key.append(type).append(1, '\n').append(root).append(1, '\n').append(name);
        auto it = by_key.find(key);
        return it == by_key.end() ? nullptr : it->second;
    }
};

// ---- what an origin fronts

// The asset an origin's domain refers to, followed through the resources that only publish another
// one's endpoint (a function URL, a bucket's website configuration): a data store, compute or AI
// service, or a regional entry point in front of them (a load balancer, an API).
const Asset* fronted(const Facts& facts, const Asset& from, const Asset* a, int depth = 0) {
    if (!a || depth > 3) return nullptr;
    if (holds_data(*a)) return a;
    static constexpr std::string_view kEntryPoints[] = {"aws_lb", "aws_alb", "aws_elb", "aws_api_gateway_rest_api",
                                                        "aws_api_gateway_stage", "aws_apigatewayv2_api",
                                                        "aws_apigatewayv2_stage"};
    for (auto t : kEntryPoints)
        if (a->type == t) return a;
    std::string_view link = a->type == "aws_lambda_function_url"             ? "function_name"
                            : a->type == "aws_s3_bucket_website_configuration" ? "bucket"
                                                                               : "";
    if (link.empty()) return nullptr;
    const Value* v = a->attributes.get(link);
    if (!v) return nullptr;
    if (const Asset* next = referenced(facts, from, *v)) return fronted(facts, from, next, depth + 1);
    return a->type == "aws_lambda_function_url" ? a : nullptr;
}

// An S3 domain written out: "<bucket>.s3.amazonaws.com", "<bucket>.s3.<region>.amazonaws.com",
// "<bucket>.s3-<region>.amazonaws.com", "<bucket>.s3-website-<region>.amazonaws.com" or
// "<bucket>.s3-website.<region>.amazonaws.com".
std::string_view s3_bucket_of_domain(std::string_view domain) {
    if (!iends_with(domain, ".amazonaws.com")) return {};
    for (std::string_view marker : {".s3.", ".s3-"}) {
        auto at = domain.rfind(marker);
        if (at != std::string_view::npos && at > 0) return domain.substr(0, at);
    }
    return {};
}

// An Azure host written out: a storage account's "<name>.blob.core.windows.net" (or any other
// service of the account), an app's "<name>.azurewebsites.net", an AI account's custom subdomain.
const Asset* azure_host_asset(const NameIndex& names, std::string_view root, std::string_view host) {
    auto first = host.substr(0, host.find('.'));
    if (first.size() == host.size()) return nullptr;
    if (iends_with(host, ".core.windows.net")) return names.find("azurerm_storage_account", root, first);
    if (iends_with(host, ".azurewebsites.net"))
        for (auto t : {"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service",
                       "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app"})
            if (const Asset* a = names.find(t, root, first)) return a;
    if (iends_with(host, ".openai.azure.com") || iends_with(host, ".cognitiveservices.azure.com") ||
        iends_with(host, ".services.ai.azure.com"))
        return names.find("azurerm_cognitive_account", root, first);
    return nullptr;
}

RelatedLocation related_asset(const Asset& a, std::string_view what) {
    return {a.header_range, fmt::format("{} {}", what, a.address)};
}

// ---- AWS: API Gateway REST APIs

void api_gateway(Facts& facts) {
    // Integration targets by API: aws_api_gateway_integration rest_api_id -> uri.
    std::map<const Asset*, std::vector<const Asset*>> targets;
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a) || a.type != "aws_api_gateway_integration") continue;
        const Value* api = a.attributes.get("rest_api_id");
        const Value* uri = a.attributes.get("uri");
        const Asset* rest = api ? referenced(facts, a, *api) : nullptr;
        const Asset* target = uri ? referenced(facts, a, *uri) : nullptr;
        if (!rest || !target || !holds_data(*target)) continue;
        auto& list = targets[rest];
        if (std::find(list.begin(), list.end(), target) == list.end()) list.push_back(target);
    }
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a) || a.type != "aws_api_gateway_rest_api") continue;
        Endpoint e{"api-gateway-rest", &a, a.header_range, Reach::Edge, "EDGE", true, {}, {}, {}, {}};
        const Value* config = a.attributes.get("endpoint_configuration");
        if (config && !config->is_null() && !(config->is_list() && config->items().empty())) {
            auto items = blocks(a.attributes, "endpoint_configuration");
            if (items.size() != 1) continue;  // not known
            const Value* types = items[0]->get("types");
            const Value* type = types && types->is_list() && types->items().size() == 1 ? &types->items()[0] : types;
            if (!type || !type->is_string()) continue;
            e.setting = type->as_string();
            e.by_default = false;
            e.range = type->range;
            e.related = provenance_locations(type->provenance);
            if (iequals(e.setting, "REGIONAL") || iequals(e.setting, "PRIVATE")) e.reach = Reach::Regional;
            else if (!iequals(e.setting, "EDGE")) continue;
        } else if (const Value* body = a.attributes.get("body"); body && !body->is_null()) {
            // An imported OpenAPI document may set the type with its own extension.
            if (!body->is_string() || body->as_string().find("x-amazon-apigateway-endpoint-configuration") !=
                                          std::string::npos)
                continue;
        }
        if (auto it = targets.find(&a); it != targets.end()) e.serves = it->second;
        for (const Asset* t : e.serves) e.related.push_back(related_asset(*t, "integration target"));
        facts.endpoints.push_back(std::move(e));
    }
}

// ---- AWS: CloudFront origins and Lambda@Edge

void cloudfront(Facts& facts, const NameIndex& names) {
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a) || a.type != "aws_cloudfront_distribution") continue;
        for (const Value* origin : blocks(a.attributes, "origin")) {
            const Value* domain = origin->get("domain_name");
            if (!domain) continue;
            const Asset* target = fronted(facts, a, referenced(facts, a, *domain));
            if (!target && domain->is_string())
                if (auto bucket = s3_bucket_of_domain(domain->as_string()); !bucket.empty())
                    target = names.find("aws_s3_bucket", a.root, bucket);
            if (!target) continue;  // an origin outside the scan, or not known
            Endpoint e{"cloudfront-origin", &a, domain->range, Reach::Edge, "CloudFront", false, {}, {}, {target}, {}};
            e.related.push_back(related_asset(*target, "origin"));
            facts.endpoints.push_back(std::move(e));
        }
        std::vector<const Value*> behaviors = blocks(a.attributes, "default_cache_behavior");
        for (const Value* b : blocks(a.attributes, "ordered_cache_behavior")) behaviors.push_back(b);
        for (const Value* behavior : behaviors)
            for (const Value* association : blocks(*behavior, "lambda_function_association")) {
                const Value* arn = association->get("lambda_arn");
                const Value* event = string_at(*association, "event_type");
                Endpoint e{"lambda-at-edge", &a, arn ? arn->range : association->range, Reach::Edge,
                           event ? event->as_string() : "", false, {}, {}, {}, {}};
                if (const Asset* fn = arn ? referenced(facts, a, *arn) : nullptr) {
                    e.serves.push_back(fn);
                    e.related.push_back(related_asset(*fn, "function"));
                }
                facts.endpoints.push_back(std::move(e));
            }
    }
}

// ---- Azure: Front Door and CDN origins

void azure_front_door(Facts& facts, const NameIndex& names) {
    auto push = [&](const Asset& via, const Value& host) {
        const Asset* target = referenced(facts, via, host);
        if (target && !holds_data(*target)) target = nullptr;
        if (!target && host.is_string()) target = azure_host_asset(names, via.root, host.as_string());
        if (!target) return;
        Endpoint e{"front-door-origin", &via, host.range, Reach::Edge,
                   via.type == "azurerm_cdn_endpoint" ? "Azure CDN" : "Azure Front Door", false, {}, {}, {target}, {}};
        e.related.push_back(related_asset(*target, "origin"));
        facts.endpoints.push_back(std::move(e));
    };
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a)) continue;
        if (a.type == "azurerm_cdn_frontdoor_origin") {
            if (const Value* host = a.attributes.get("host_name"); host && !literally_false(a.attributes, "enabled"))
                push(a, *host);
        } else if (a.type == "azurerm_frontdoor") {
            for (const Value* pool : blocks(a.attributes, "backend_pool"))
                for (const Value* backend : blocks(*pool, "backend"))
                    if (const Value* host = backend->get("address"); host && !literally_false(*backend, "enabled"))
                        push(a, *host);
        } else if (a.type == "azurerm_cdn_endpoint") {
            for (const Value* origin : blocks(a.attributes, "origin"))
                if (const Value* host = origin->get("host_name")) push(a, *host);
        }
    }
}

// ---- AWS: Bedrock cross-Region inference profiles

struct Geo {
    std::string_view prefix;
    std::string_view description;
    std::vector<std::string_view> regions;  // empty: every commercial Region
};

// Destination Regions by profile prefix, "according to the model chosen" (aws-cdk
// CrossRegionInferenceProfileRegion): the widest documented set.
const std::vector<Geo>& geos() {
    static const std::vector<Geo> table = {
        {"global", "any commercial AWS Region", {}},
        {"us", "the United States", {"us-east-1", "us-east-2", "us-west-2"}},
        {"us-gov", "AWS GovCloud (US)", {"us-gov-east-1", "us-gov-west-1"}},
        {"eu",
         "Europe",
         {"eu-central-1", "eu-west-1", "eu-west-3", "eu-west-2", "eu-north-1", "eu-south-1", "eu-south-2",
          "eu-central-2"}},
        {"apac",
         "Asia-Pacific and the Middle East",
         {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1",
          "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-east-2",
          "me-central-1"}},
        {"jp", "Japan", {"ap-northeast-1", "ap-northeast-3"}},
        {"au", "Australia", {"ap-southeast-2", "ap-southeast-4"}},
    };
    return table;
}

// A place spanning the given regions: its members, their countries, and the jurisdictions all of
// them lie in.
catalog::Place region_set(std::string_view cloud, std::string code, std::string description,
                          const std::vector<std::string_view>& regions) {
    catalog::Place p;
    p.kind = catalog::PlaceKind::MultiRegion;
    p.cloud = std::string(cloud);
    p.code = std::move(code);
    p.description = std::move(description);
    std::set<std::string> countries;
    for (auto r : regions)
        if (const catalog::Region* region = catalog::find_region(cloud, r)) {
            p.members.push_back(region);
            countries.insert(std::string(region->country));
        }
    p.countries.assign(countries.begin(), countries.end());
    bool first = true;
    for (const auto& c : countries) {
        auto js = catalog::jurisdictions_of_country(c);
        if (first) {
            p.within = js;
            first = false;
            continue;
        }
        std::vector<std::string> both;
        std::set_intersection(p.within.begin(), p.within.end(), js.begin(), js.end(), std::back_inserter(both));
        p.within = std::move(both);
    }
    return p;
}

// A model or profile ID, or the ARN of one, as an endpoint; nullopt when it says nothing known
// (an application profile's ARN, a provisioned or custom model, an unfamiliar prefix).
std::optional<Endpoint> bedrock_model(const Asset& a, const Value& v) {
    if (!v.is_string()) return std::nullopt;
    std::string_view id = v.as_string();
    if (id.starts_with("arn:")) {
        // arn:<partition>:bedrock:<region>:<account>:<resource-type>/<id>
        std::size_t at = 0;
        for (int i = 0; i < 5 && at != std::string_view::npos; ++i) at = id.find(':', at + 1);
        if (at == std::string_view::npos) return std::nullopt;
        std::string_view resource = id.substr(at + 1);
        auto slash = resource.find('/');
        if (slash == std::string_view::npos) return std::nullopt;
        std::string_view kind = resource.substr(0, slash);
        id = resource.substr(slash + 1);
        if (kind == "foundation-model")
            return Endpoint{"bedrock-inference-profile", &a, v.range, Reach::Regional, std::string(v.as_string()),
                            false, {}, {}, {}, {}};
        if (kind != "inference-profile" && kind != "guardrail-profile") return std::nullopt;
    }
    auto dot = id.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string_view prefix = id.substr(0, dot);
    for (const Geo& g : geos()) {
        if (prefix != g.prefix) continue;
        Endpoint e{"bedrock-inference-profile", &a, v.range, Reach::Global, std::string(v.as_string()), false,
                   std::string(g.description), {}, {}, provenance_locations(v.provenance)};
        if (!g.regions.empty()) {
            e.reach = Reach::Geography;
            e.place = region_set("aws", fmt::format("{}.", g.prefix),
                                 fmt::format("Bedrock {}. cross-Region inference profile ({})", g.prefix, g.description),
                                 g.regions);
        }
        return e;
    }
    return std::nullopt;
}

void bedrock(Facts& facts) {
    struct Entry {
        std::string_view type;
        std::string_view block;      // "" when the attribute is top-level
        std::string_view attribute;
    };
    static constexpr Entry kEntries[] = {
        {"aws_bedrockagent_agent", "", "foundation_model"},
        {"aws_bedrock_inference_profile", "model_source", "copy_from"},
        {"aws_bedrock_provisioned_model_throughput", "", "model_arn"},
        {"aws_bedrock_guardrail", "cross_region_config", "guardrail_profile_identifier"},
        {"awscc_bedrock_agent", "", "foundation_model"},
        {"awscc_bedrock_application_inference_profile", "model_source", "copy_from"},
    };
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a)) continue;
        for (const Entry& entry : kEntries) {
            if (a.type != entry.type) continue;
            std::vector<const Value*> holders;
            if (entry.block.empty()) holders.push_back(&a.attributes);
            else holders = blocks(a.attributes, entry.block);
            for (const Value* h : holders)
                if (const Value* v = h->get(entry.attribute))
                    if (auto e = bedrock_model(a, *v)) facts.endpoints.push_back(std::move(*e));
        }
    }
}

// ---- Azure OpenAI / AI Foundry deployments

// The place of the account a deployment runs under: an azurerm account's location fact, or an
// azapi account's own `location`.
LocationFact account_location(const Facts& facts, const Asset& account) {
    if (account.type.starts_with("azapi_")) {
        const Value* location = account.attributes.get("location");
        return location ? locate_value("azure", *location) : LocationFact{};
    }
    return facts.fact(account).location;
}

void azure_deployment(Facts& facts, const Asset& a, const Value& sku, const Asset* account) {
    std::string_view name = sku.as_string();
    Endpoint e{"azure-openai-deployment", &a, sku.range, Reach::Regional, std::string(name), false, {}, {}, {},
               provenance_locations(sku.provenance)};
    if (account) {
        e.serves.push_back(account);
        e.related.push_back(related_asset(*account, "account"));
    }
    if (istarts_with(name, "Global")) {
        e.reach = Reach::Global;
        e.geography = "any Azure region worldwide";
    } else if (istarts_with(name, "DataZone")) {
        // The data zone follows the account's region: EU member states, or the United States.
        // Other geographies' zones are not published: no endpoint.
        if (!account) return;
        LocationFact where = account_location(facts, *account);
        if (where.state != LocationFact::State::Known) return;
        e.reach = Reach::Geography;
        e.place.kind = catalog::PlaceKind::MultiRegion;
        e.place.cloud = "azure";
        if (where.place.inside("eu")) {
            e.geography = "the EU data zone (any EU member state)";
            e.place.code = "EU data zone";
            e.place.within = {"eea", "eu"};
        } else if (where.place.inside("us")) {
            e.geography = "the US data zone (anywhere in the United States)";
            e.place.code = "US data zone";
            e.place.within = {"us"};
        } else {
            return;
        }
        e.place.description = e.geography;
        e.related.push_back({where.range, fmt::format("the account is in {}", describe_place(where.place))});
    } else if (!iequals(name, "Standard") && !iequals(name, "ProvisionedManaged")) {
        return;  // a type this tool does not know
    }
    facts.endpoints.push_back(std::move(e));
}

void azure_openai(Facts& facts) {
    for (const Asset& a : facts.graph->assets) {
        if (!is_managed(a)) continue;
        if (a.type == "azurerm_cognitive_deployment") {
            const Value* id = a.attributes.get("cognitive_account_id");
            const Asset* account = id ? referenced(facts, a, *id) : nullptr;
            // azurerm 4 names the type in sku.name; azurerm 3 in scale.type.
            for (const Value* sku : blocks(a.attributes, "sku"))
                if (const Value* n = string_at(*sku, "name")) azure_deployment(facts, a, *n, account);
            for (const Value* scale : blocks(a.attributes, "scale"))
                if (const Value* t = string_at(*scale, "type")) azure_deployment(facts, a, *t, account);
        } else if (a.type == "azapi_resource") {
            const Value* type = string_at(a.attributes, "type");
            if (!type || !istarts_with(type->as_string(), "Microsoft.CognitiveServices/accounts/deployments@")) continue;
            const Value* body = a.attributes.get("body");
            const Value* sku = body ? body->get("sku") : nullptr;
            const Value* n = sku ? string_at(*sku, "name") : nullptr;
            if (!n) continue;
            const Value* parent = a.attributes.get("parent_id");
            azure_deployment(facts, a, *n, parent ? referenced(facts, a, *parent) : nullptr);
        }
    }
}

// ---- Google: serverless backends behind a global external load balancer

// Every asset of the given types a value refers to, anywhere inside it.
void referenced_of(const Facts& facts, const Asset& from, const Value& v, std::span<const std::string_view> types,
                   std::vector<const Asset*>& out) {
    if (const Asset* a = referenced(facts, from, v))
        if (std::find(types.begin(), types.end(), a->type) != types.end() &&
            std::find(out.begin(), out.end(), a) == out.end())
            out.push_back(a);
    for (const auto& item : v.items()) referenced_of(facts, from, item, types, out);
    for (const auto& [k, item] : v.fields()) referenced_of(facts, from, item, types, out);
}

// The Cloud Run service or Cloud Function a serverless NEG sends to: by reference, or by the
// literal name of one in the scan.
const Asset* serverless_target(const Facts& facts, const NameIndex& names, const Asset& neg) {
    struct Link {
        std::string_view block, attribute;
        std::vector<std::string_view> types;
    };
    static const Link kLinks[] = {
        {"cloud_run", "service", {"google_cloud_run_v2_service", "google_cloud_run_service"}},
        {"cloud_function", "function", {"google_cloudfunctions2_function", "google_cloudfunctions_function"}},
    };
    for (const Link& link : kLinks)
        for (const Value* b : blocks(neg.attributes, link.block)) {
            const Value* v = b->get(link.attribute);
            if (!v) continue;
            if (const Asset* a = referenced(facts, neg, *v))
                if (std::find(link.types.begin(), link.types.end(), a->type) != link.types.end()) return a;
            if (v->is_string())
                for (auto t : link.types)
                    if (const Asset* a = names.find(t, neg.root, v->as_string())) return a;
        }
    return nullptr;
}

void global_load_balancers(Facts& facts, const NameIndex& names) {
    static constexpr std::string_view kProxies[] = {"google_compute_target_http_proxy", "google_compute_target_https_proxy",
                                                    "google_compute_target_ssl_proxy", "google_compute_target_tcp_proxy"};
    static constexpr std::string_view kUrlMaps[] = {"google_compute_url_map"};
    static constexpr std::string_view kBackends[] = {"google_compute_backend_service"};
    static constexpr std::string_view kNegs[] = {"google_compute_region_network_endpoint_group"};
    for (const Asset& rule : facts.graph->assets) {
        if (!is_managed(rule) || rule.type != "google_compute_global_forwarding_rule") continue;
        const Value* scheme = rule.attributes.get("load_balancing_scheme");
        bool by_default = !scheme || scheme->is_null();
        // EXTERNAL_MANAGED is the provider's default (EXTERNAL in older versions): both external.
        if (!by_default && !(scheme->is_string() && (scheme->as_string() == "EXTERNAL" ||
                                                     scheme->as_string() == "EXTERNAL_MANAGED")))
            continue;
        const Value* target = rule.attributes.get("target");
        if (!target) continue;
        std::vector<const Asset*> proxies, url_maps, backends, negs;
        referenced_of(facts, rule, *target, kProxies, proxies);
        for (const Asset* p : proxies) {
            referenced_of(facts, *p, p->attributes, kUrlMaps, url_maps);
            referenced_of(facts, *p, p->attributes, kBackends, backends);
        }
        for (const Asset* m : url_maps) referenced_of(facts, *m, m->attributes, kBackends, backends);
        for (const Asset* b : backends)
            for (const Value* backend : blocks(b->attributes, "backend"))
                if (const Value* group = backend->get("group")) referenced_of(facts, *b, *group, kNegs, negs);
        for (const Asset* neg : negs) {
            const Value* type = neg->attributes.get("network_endpoint_type");
            if (type && !type->is_null() && !(type->is_string() && type->as_string() == "SERVERLESS")) continue;
            const Asset* service = serverless_target(facts, names, *neg);
            if (!service) continue;
            Endpoint e{"global-load-balancer", &rule, target->range, Reach::Edge,
                       by_default ? "EXTERNAL_MANAGED" : scheme->as_string(), by_default, {}, {}, {service}, {}};
            for (const Asset* p : proxies) e.related.push_back(related_asset(*p, "target proxy"));
            for (const Asset* m : url_maps) e.related.push_back(related_asset(*m, "URL map"));
            for (const Asset* b : backends) e.related.push_back(related_asset(*b, "backend service"));
            e.related.push_back(related_asset(*neg, "serverless NEG"));
            e.related.push_back(related_asset(*service, "serverless backend"));
            facts.endpoints.push_back(std::move(e));
        }
    }
}

}  // namespace

void collect_endpoints(Facts& facts) {
    NameIndex names;
    for (const Asset& a : facts.graph->assets) {
        if (a.mode == AssetMode::Superseded) continue;
        if (a.type == "aws_s3_bucket") names.add(a, "bucket");
        else if (a.type == "azurerm_cognitive_account") names.add(a, "custom_subdomain_name");
        else if (a.type.starts_with("azurerm_") || a.type.starts_with("google_cloud")) names.add(a, "name");
    }
    api_gateway(facts);
    cloudfront(facts, names);
    azure_front_door(facts, names);
    bedrock(facts);
    azure_openai(facts);
    global_load_balancers(facts, names);
}

}  // namespace residency
