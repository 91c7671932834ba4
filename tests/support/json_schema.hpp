// A validator for the subset of JSON Schema 2020-12 that docs/json-schema.json uses, shared by the
// report unit tests and the golden checker.
#pragma once

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace residency::test {

// type, enum, required, properties, additionalProperties: false, items, minimum, pattern, local
// $ref. A keyword outside that subset is an error, so the schema cannot outgrow the check unseen.
struct MiniSchema {
    const nlohmann::json& root;
    std::vector<std::string> errors;

    static bool has_type(const nlohmann::json& v, const std::string& type) {
        if (type == "object")
            return v.is_object();
        if (type == "array")
            return v.is_array();
        if (type == "string")
            return v.is_string();
        if (type == "integer")
            return v.is_number_integer();
        if (type == "number")
            return v.is_number();
        if (type == "boolean")
            return v.is_boolean();
        if (type == "null")
            return v.is_null();
        return false;
    }

    const nlohmann::json* resolve(const std::string& ref) {
        if (ref.rfind("#/", 0) != 0)
            return nullptr;
        auto pointer = nlohmann::json::json_pointer(ref.substr(1));
        return root.contains(pointer) ? &root.at(pointer) : nullptr;
    }

    void check(const nlohmann::json& v, const nlohmann::json& schema, const std::string& at) {
        static const std::set<std::string> known = {
            "$schema",     "$id",        "title",
            "description", "type",       "enum",
            "required",    "properties", "additionalProperties",
            "items",       "minimum",    "pattern",
            "$ref",        "$defs"};
        for (auto& [key, _] : schema.items())
            if (!known.count(key))
                errors.push_back(at + ": schema keyword not supported here: " + key);
        if (schema.contains("$ref")) {
            if (const nlohmann::json* target = resolve(schema["$ref"]))
                check(v, *target, at);
            else
                errors.push_back(at + ": unresolvable $ref " + schema["$ref"].dump());
        }
        if (schema.contains("type")) {
            bool ok = false;
            if (schema["type"].is_string())
                ok = has_type(v, schema["type"]);
            else
                for (const auto& t : schema["type"])
                    ok = ok || has_type(v, t);
            if (!ok) {
                errors.push_back(at + ": wrong type: " + v.dump());
                return;
            }
        }
        if (schema.contains("enum") &&
            std::find(schema["enum"].begin(), schema["enum"].end(), v) == schema["enum"].end())
            errors.push_back(at + ": not in enum: " + v.dump());
        if (schema.contains("minimum") && v.is_number() &&
            v.get<double>() < schema["minimum"].get<double>())
            errors.push_back(at + ": below minimum");
        if (schema.contains("pattern") && v.is_string() &&
            !std::regex_search(v.get<std::string>(),
                               std::regex(schema["pattern"].get<std::string>())))
            errors.push_back(at + ": does not match pattern: " + v.dump());
        if (v.is_object()) {
            for (const auto& r : schema.value("required", nlohmann::json::array()))
                if (!v.contains(r))
                    errors.push_back(at + ": missing " + r.get<std::string>());
            const nlohmann::json props = schema.value("properties", nlohmann::json::object());
            for (auto& [key, value] : v.items()) {
                if (props.contains(key))
                    check(value, props[key], at + "/" + key);
                else if (schema.contains("additionalProperties") &&
                         schema["additionalProperties"] == false)
                    errors.push_back(at + ": unexpected property " + key);
            }
        }
        if (v.is_array() && schema.contains("items"))
            for (std::size_t i = 0; i < v.size(); ++i)
                check(v[i], schema["items"], at + "/" + std::to_string(i));
    }
};

// Where document breaks the schema; empty when it conforms.
inline std::vector<std::string> schema_errors(const nlohmann::json& schema,
                                              const nlohmann::json& document) {
    MiniSchema validator{schema, {}};
    validator.check(document, schema, "");
    return validator.errors;
}

}  // namespace residency::test
