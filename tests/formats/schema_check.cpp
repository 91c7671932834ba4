// residency_schema_check SCHEMA DOCUMENT: prints where DOCUMENT breaks SCHEMA (the subset of JSON
// Schema tests/support/json_schema.hpp validates) and exits 1 then; 0 when it conforms.
#include <fstream>
#include <iostream>

#include "support/json_schema.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: residency_schema_check SCHEMA DOCUMENT\n";
        return 2;
    }
    nlohmann::json schema, document;
    try {
        std::ifstream s(argv[1]), d(argv[2]);
        schema = nlohmann::json::parse(s);
        document = nlohmann::json::parse(d);
    } catch (const std::exception& e) {
        std::cerr << "schema check: " << e.what() << "\n";
        return 2;
    }
    auto errors = residency::test::schema_errors(schema, document);
    for (const auto& e : errors) std::cerr << argv[2] << ": " << e << "\n";
    return errors.empty() ? 0 : 1;
}
