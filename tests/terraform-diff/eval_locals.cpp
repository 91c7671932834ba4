// Test-only helper of the Terraform differential test (tests/terraform-diff/diff.py): scans one
// configuration directory through the real entry and prints, for each attribute of the object
// `input` of `terraform_data.diff`, one line: `name<TAB>value` for a known string, or
// `name<TAB>?<cause>: <reason>` for an unknown. diff.py writes `input = { cN = try(jsonencode(local.cN),
// "!ERR") ... }`, so each value is what jsonencode gives, or "!ERR" when the case is an error.
#include <iostream>
#include <string>

#include "frontends/frontends.hpp"

using namespace residency;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: residency_tf_diff_eval DIR\n";
        return 2;
    }
    ScanOptions options;
    options.paths = {argv[1]};
    options.jurisdictions = {"eu"};
    auto out = run_scan(options);
    if (!out->error.empty()) {
        std::cerr << out->error << "\n";
        return 2;
    }
    for (const auto& asset : out->graph.assets) {
        if (asset.address != "terraform_data.diff") continue;
        const Value* input = asset.attributes.get("input");
        if (!input || !input->is_object()) {
            std::cerr << "terraform_data.diff has no known object `input`: "
                      << (input ? input->display() : std::string("(none)")) << "\n";
            return 2;
        }
        for (const auto& [name, v] : input->fields()) {
            std::cout << name << '\t';
            if (v.is_unknown())
                std::cout << '?' << unknown_cause_name(v.unknown_cause()) << ": " << v.unknown_reason();
            else if (v.is_string())
                std::cout << v.as_string();
            else
                std::cout << "!NOT-A-STRING " << v.display();
            std::cout << '\n';
        }
        return 0;
    }
    std::cerr << "no terraform_data.diff in the scan\n";
    return 2;
}
