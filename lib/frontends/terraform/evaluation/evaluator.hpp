// Evaluates HCL expressions to Values: operators, templates and directives, for-expressions,
// splats, conditionals, function calls. References are resolved by the caller's Scope.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::hcl {

// One step after a reference's root: `.name` or `[key]`.
struct TraversalStep {
    bool is_index = false;
    std::string name;  // attribute name when !is_index
    Value key;         // evaluated key when is_index
    Range range;
};

// What the evaluator cannot know by itself: what names mean, the file system, how to report.
class Scope {
public:
    virtual ~Scope() = default;
    // Resolves the reference `root.steps...` (root is a Variable's text). Consumes as many leading
    // steps as it understands and stores that count in `consumed`; the evaluator applies the rest
    // to the returned value. An unknown name returns Value::unknown with the reason.
    virtual Value resolve(std::string_view root, std::span<const TraversalStep> steps, Range range,
                          std::size_t& consumed) = 0;
    // Reads a file for file()/templatefile()/fileexists(); the path is as written in the
    // configuration (relative to the module directory). nullopt with `error` set when refused
    // (outside the scan root) or missing; for a path where nothing exists, `error` ends with
    // " does not exist" (file() then fails and fileexists() is false, as in Terraform).
    virtual std::optional<std::string> read_file(std::string_view /*path*/, std::string& error) {
        error = "file access is not available here";
        return std::nullopt;
    }
    // Called once per call of a function the library does not implement (the result is unknown).
    virtual void unsupported_function(std::string_view /*name*/, Range /*range*/) {}
};

Value evaluate(const Expr& expr, Scope& scope);

// Calls a built-in Terraform function; used by evaluate and by tests. `range` is the call's.
Value call_function(std::string_view name, std::vector<Value>& args, Range range, Scope& scope);

// The names of every implemented function, sorted (for docs and tests).
std::span<const std::string_view> implemented_functions();

}  // namespace residency::hcl
