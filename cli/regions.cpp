// `residency regions`: the built-in catalog of regions, countries and jurisdictions.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "catalog/catalog.hpp"
#include "commands.hpp"

namespace residency::cli {

void add_regions(CLI::App& app, int& exit_code) {
    struct Args {
        std::string cloud;
        std::string jurisdiction;
    };
    auto args = std::make_shared<Args>();
    CLI::App* cmd = app.add_subcommand("regions", "List the catalog: every region with its country and jurisdictions");
    cmd->add_option("--cloud", args->cloud, "Only this cloud")
        ->check(CLI::IsMember({"aws", "google", "azure", "alibaba", "digitalocean", "hetzner", "ibm", "ionos", "oci",
                               "ovh", "scaleway", "stackit"}));
    cmd->add_option("-j,--jurisdiction", args->jurisdiction, "Only regions inside this jurisdiction (eu, eea, de, us, ...)");
    cmd->callback([args, &exit_code]() {
        std::string j = args->jurisdiction;
        std::transform(j.begin(), j.end(), j.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!j.empty() && !catalog::is_jurisdiction(j)) {
            std::cerr << fmt::format("residency: unknown jurisdiction \"{}\"\n", args->jurisdiction);
            exit_code = kExitError;
            return;
        }
        std::cout << fmt::format("{:<12} {:<26} {:<8} {:<16} {}\n", "cloud", "region", "country", "jurisdictions", "name");
        auto list = args->cloud.empty() ? catalog::regions() : catalog::regions(args->cloud);
        for (const auto& r : list) {
            auto js = catalog::jurisdictions_of_country(r.country);
            if (!j.empty() && std::find(js.begin(), js.end(), j) == js.end()) continue;
            std::string joined;
            for (const auto& x : js) joined += (joined.empty() ? "" : ",") + x;
            std::cout << fmt::format("{:<12} {:<26} {:<8} {:<16} {}\n", r.cloud, r.code, r.country, joined, r.name);
        }
        for (const auto& g : catalog::location_groups()) {
            if (!args->cloud.empty() && g.cloud != args->cloud) continue;
            auto place = catalog::resolve(g.cloud, g.code);
            if (!j.empty() && (!place || !place->inside(j))) continue;
            std::string joined;
            if (place)
                for (const auto& x : place->within) joined += (joined.empty() ? "" : ",") + x;
            std::cout << fmt::format("{:<12} {:<26} {:<8} {:<16} {}\n", g.cloud, g.code, g.kind == "multi-region" ? "multi" : "dual",
                                     joined.empty() ? "-" : joined, g.description);
        }
        exit_code = kExitClean;
    });
}

}  // namespace residency::cli
