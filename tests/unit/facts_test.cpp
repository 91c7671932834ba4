// Facts by concept: locations of assets, the jurisdiction test, and flows from the adapters.
#include <doctest/doctest.h>

#include "facts/facts.hpp"

using namespace residency;

namespace {

Asset asset(std::string type, std::string cloud, Value region, AssetClass cls = AssetClass::DataStore) {
    Asset a;
    a.format = "terraform";
    a.root = ".";
    a.address = type + ".x";
    a.type = std::move(type);
    a.mode = AssetMode::Managed;
    a.cloud = std::move(cloud);
    a.asset_class = cls;
    a.location = std::move(region);
    return a;
}

Value object(std::initializer_list<std::pair<const std::string, Value>> fields) {
    return Value::object(ValueMap(fields.begin(), fields.end()));
}

}  // namespace

TEST_CASE("locate: a place, unknown with its reason, global, unset, not applicable, outside the catalog") {
    auto known = locate(asset("aws_s3_bucket", "aws", Value::string("eu-west-1")));
    CHECK(known.state == LocationFact::State::Known);
    CHECK(describe_place(known.place) == "eu-west-1 (IE)");

    auto unknown = locate(asset("aws_s3_bucket", "aws", Value::unknown("var.region has no default")));
    CHECK(unknown.state == LocationFact::State::Unknown);
    CHECK(unknown.reason == "var.region has no default");

    auto inside_list = locate(asset("google_storage_bucket", "google",
                                    Value::list({Value::string("EU"), Value::unknown("var.second is not set")})));
    CHECK(inside_list.state == LocationFact::State::Unknown);
    CHECK(inside_list.reason == "var.second is not set");

    CHECK(locate(asset("google_kms_key_ring", "google", Value::string("global"), AssetClass::Key)).state ==
          LocationFact::State::Global);
    CHECK(locate(asset("google_discovery_engine_data_store", "google", Value::string("GLOBAL"))).state ==
          LocationFact::State::Global);
    CHECK(locate(asset("aws_s3_bucket", "aws", Value::null())).state == LocationFact::State::Unset);
    Asset child = asset("azurerm_storage_container", "azure", Value::null());
    child.location_applies = false;
    CHECK(locate(child).state == LocationFact::State::NotApplicable);
    CHECK(locate(asset("aws_iam_role", "aws", Value::string("eu-west-1"), AssetClass::Global)).state ==
          LocationFact::State::NotApplicable);
    auto typo = locate(asset("aws_s3_bucket", "aws", Value::string("eu-westt-1")));
    CHECK(typo.state == LocationFact::State::NotInCatalog);
    CHECK(typo.written == "eu-westt-1");
    CHECK(locate(asset("linode_volume", "linode", Value::string("eu-central"))).state ==
          LocationFact::State::CloudNotInCatalog);
    Asset data = asset("aws_region", "aws", Value::string("us-east-1"));
    data.mode = AssetMode::Read;
    CHECK(locate(data).state == LocationFact::State::NotApplicable);
}

TEST_CASE("inside: by jurisdiction, by allowed region, and never for part of a place") {
    Facts facts;
    facts.jurisdictions = {"eu"};
    CHECK(facts.inside(*catalog::resolve("aws", "eu-central-1")));
    CHECK(!facts.inside(*catalog::resolve("aws", "eu-central-2")));  // Zurich
    facts.allow_regions = {"eu-central-2"};
    CHECK(facts.inside(*catalog::resolve("aws", "eu-central-2")));
    CHECK(!facts.inside(*catalog::resolve("google", "EUR5")));  // Belgium and London
    facts.jurisdictions = {"de", "fr"};
    facts.allow_regions.clear();
    CHECK(facts.inside(*catalog::resolve("azure", "francecentral")));
    CHECK(!facts.inside(*catalog::resolve("azure", "westeurope")));
    CHECK(facts.jurisdiction_label() == "de or fr");
}

TEST_CASE("flows: S3 replication to a bucket of the scan, DynamoDB replicas, and why one cannot be resolved") {
    Graph graph;
    SourceSet sources;
    Asset source = asset("aws_s3_bucket", "aws", Value::string("eu-west-1"));
    source.address = "aws_s3_bucket.weights";
    source.attributes = object({{"bucket", Value::string("weights")}});
    graph.add(source);
    Asset copy = asset("aws_s3_bucket", "aws", Value::string("us-east-1"));
    copy.address = "aws_s3_bucket.copy";
    copy.attributes = object({{"bucket", Value::string("weights-copy")}});
    graph.add(copy);
    Asset config = asset("aws_s3_bucket_replication_configuration", "aws", Value::string("eu-west-1"), AssetClass::Other);
    config.address = "aws_s3_bucket_replication_configuration.r";
    Value by_ref = Value::unknown("aws_s3_bucket.weights.id is known only after apply");
    by_ref.ref_asset = "aws_s3_bucket.weights";
    config.attributes = object({
        {"bucket", by_ref},
        {"rule", Value::list({
                     object({{"status", Value::string("Enabled")},
                             {"destination", Value::list({object({{"bucket", Value::string("arn:aws:s3:::weights-copy")}})})}}),
                     object({{"status", Value::string("Disabled")},
                             {"destination", Value::list({object({{"bucket", Value::string("elsewhere")}})})}}),
                     object({{"destination", Value::list({object({{"bucket", Value::string("not-in-scan")}})})}}),
                 })},
    });
    graph.add(config);
    Asset table = asset("aws_dynamodb_table", "aws", Value::string("eu-west-1"));
    table.address = "aws_dynamodb_table.t";
    table.attributes = object({{"replica", Value::list({object({{"region_name", Value::string("us-west-2")}}),
                                                         object({{"region_name", Value::unknown("var.dr has no default")}})})}});
    graph.add(table);
    Asset hidden = asset("aws_dynamodb_table", "aws", Value::string("eu-west-1"));
    hidden.address = "aws_dynamodb_table.hidden";
    hidden.attributes = object({{"replica", Value::unknown("var.replicas has no default")}});
    graph.add(hidden);

    Facts facts = build_facts(graph, sources, {});
    REQUIRE(facts.flows.size() == 5);
    const Flow& s3 = facts.flows[0];
    CHECK(s3.mechanism == "s3-replication");
    CHECK(s3.origin->address == "aws_s3_bucket.weights");
    CHECK(s3.via->address == "aws_s3_bucket_replication_configuration.r");
    REQUIRE(s3.destination_asset);
    CHECK(s3.destination_asset->address == "aws_s3_bucket.copy");
    CHECK(describe_place(s3.destination.place) == "us-east-1 (US)");
    CHECK(facts.flows[1].destination.state == LocationFact::State::Unknown);  // a rule with no status may be enabled
    CHECK(facts.flows[1].destination.reason ==
          "bucket \"not-in-scan\" is not defined in the scanned configuration: scan the configuration that creates it");
    CHECK(facts.flows[2].mechanism == "dynamodb-replica");
    CHECK(describe_place(facts.flows[2].destination.place) == "us-west-2 (US)");
    CHECK(facts.flows[3].destination.reason == "var.dr has no default");
    CHECK(facts.flows[4].destination.reason ==
          "the replica blocks of aws_dynamodb_table.hidden are not known: var.replicas has no default");

    CHECK(facts.of_classes(std::array{AssetClass::DataStore}).size() == 4);
    CHECK(facts.of_classes(std::array{AssetClass::Key}).empty());
}
