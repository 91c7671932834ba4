// Terraform's filesystem functions over Scope::read_file, and templatefile/templatestring rendering.
#include "frontends/terraform/evaluation/functions_internal.hpp"
#include "frontends/terraform/syntax/hcl_parser.hpp"

namespace residency::hcl::detail {
namespace {

// Go's path.Clean for '/'-separated paths.
std::string clean_path(std::string_view path) {
    if (path.empty()) return ".";
    bool rooted = path.front() == '/';
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t next = path.find('/', i);
        if (next == std::string_view::npos) next = path.size();
        std::string_view part = path.substr(i, next - i);
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (!rooted)
                parts.push_back(part);
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        i = next + 1;
    }
    std::string out = rooted ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k) out += '/';
        out += parts[k];
    }
    return out.empty() ? "." : out;
}

Value fn_basename(Call& c) {
    std::string_view p = c.args[0].as_string();
    if (p.empty()) return Value::string(".", c.range);
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    if (p == "/") return Value::string("/", c.range);
    auto slash = p.rfind('/');
    return Value::string(std::string(slash == std::string_view::npos ? p : p.substr(slash + 1)), c.range);
}

Value fn_dirname(Call& c) {
    std::string_view p = c.args[0].as_string();
    auto slash = p.rfind('/');
    return Value::string(clean_path(slash == std::string_view::npos ? "" : p.substr(0, slash + 1)), c.range);
}

// The file's content, or an unknown that says why. A file that cannot be read is not taken as a
// Terraform error: the scan may simply not be allowed to read it, so the value stays unknown.
// Scope::read_file's error for a path inside the scan root where nothing exists.
bool missing(const std::string& error) { return error.ends_with(" does not exist"); }

std::optional<std::string> read(Call& c, Value& failure) {
    std::string error;
    const std::string& path = c.args[0].as_string();
    auto text = c.scope.read_file(path, error);
    if (!text && missing(error))  // Terraform rejects the configuration
        failure = c.invalid("path", "no file exists at \"" + path + "\"");
    else if (!text)
        failure = Value::unknown("cannot read file \"" + path + "\": " + error, c.range);
    return text;
}

Value fn_file(Call& c) {
    Value failure;
    auto text = read(c, failure);
    if (!text) return failure;
    if (!valid_utf8(*text))
        return c.invalid("path", "contents of \"" + c.args[0].as_string() + "\" are not valid UTF-8; use filebase64 instead");
    return Value::string(std::move(*text), c.range);
}

Value fn_filebase64(Call& c) {
    Value failure;
    auto text = read(c, failure);
    if (!text) return failure;
    return Value::string(base64_encode(*text), c.range);
}

// Only a successful read proves existence; a refusal says nothing either way.
Value fn_fileexists(Call& c) {
    std::string error;
    auto text = c.scope.read_file(c.args[0].as_string(), error);
    if (!text && missing(error)) return Value::boolean(false, c.range);
    if (!text) return Value::unknown("cannot read file \"" + c.args[0].as_string() + "\": " + error, c.range);
    return Value::boolean(true, c.range);
}

// Resolves a template's names from the vars map only, as Terraform does; files and the reporting
// of unsupported functions still go to the calling scope.
class TemplateScope : public Scope {
public:
    TemplateScope(const Value& vars, Scope& outer) : vars_(vars), outer_(outer) {}
    Value resolve(std::string_view root, std::span<const TraversalStep>, Range range, std::size_t& consumed) override {
        consumed = 0;
        if (const Value* v = vars_.get(root)) return child_of(vars_, *v);
        return Value::unknown("vars map does not contain key \"" + std::string(root) + "\"", range, UnknownCause::Error);
    }
    std::optional<std::string> read_file(std::string_view path, std::string& error) override {
        return outer_.read_file(path, error);
    }
    void unsupported_function(std::string_view name, Range range) override { outer_.unsupported_function(name, range); }

private:
    const Value& vars_;
    Scope& outer_;
};

thread_local bool in_template = false;

// The template is parsed by wrapping it in a heredoc, whose syntax (interpolations, directives,
// no backslash escapes) is exactly that of a template file.
Value render_template(Call& c, const std::string& text, std::string_view what) {
    if (in_template)
        return c.fail("Call to function \"" + std::string(c.name) + "\" failed: cannot call " + std::string(c.name) +
                      " from inside a template");
    std::string marker = "RESIDENCY_TEMPLATE_END";
    while (text.find(marker) != std::string::npos) marker += "_";
    bool added_newline = text.empty() || text.back() != '\n';
    std::string source = "t = <<" + marker + "\n" + text + (added_newline ? "\n" : "") + marker + "\n";
    ParsedFile parsed = parse_hcl(kNoFile, source);
    const Attribute* attr = parsed.body.attribute("t");
    if (!parsed.errors.empty() || !attr)
        return c.invalid(c.name == "templatefile" ? "path" : "template",
                         std::string(what) + " has a syntax error" +
                             (parsed.errors.empty() ? std::string() : ": " + parsed.errors.front().message));
    TemplateScope scope(c.args[1], c.scope);
    in_template = true;
    Value out = evaluate(attr->value, scope);
    in_template = false;
    // An error inside the template is the call's failure (try() falls back on it).
    if (out.is_unknown() && out.unknown_cause() == UnknownCause::Error) c.failed = true;
    if (added_newline && out.is_string() && !out.as_string().empty() && out.as_string().back() == '\n') {
        std::string s = out.as_string();
        s.pop_back();
        out = Value::string(std::move(s), c.range);
    }
    out.range = c.range;
    return out;
}

Value fn_templatefile(Call& c) {
    Value failure;
    auto text = read(c, failure);
    if (!text) return failure;
    return render_template(c, *text, "template \"" + c.args[0].as_string() + "\"");
}

// Terraform 1.9's templatestring: the same rendering over a string value.
Value fn_templatestring(Call& c) { return render_template(c, c.args[0].as_string(), "the template"); }

}  // namespace

std::vector<FunctionDef> filesystem_functions() {
    const Param p{"path", Type::String};
    return {
        {"basename", {p}, std::nullopt, Unknowns::Deep, fn_basename},
        {"dirname", {p}, std::nullopt, Unknowns::Deep, fn_dirname},
        {"file", {p}, std::nullopt, Unknowns::Deep, fn_file},
        {"filebase64", {p}, std::nullopt, Unknowns::Deep, fn_filebase64},
        {"fileexists", {p}, std::nullopt, Unknowns::Deep, fn_fileexists},
        {"templatefile", {p, {"vars", Type::Object}}, std::nullopt, Unknowns::Shallow, fn_templatefile},
        {"templatestring", {{"template", Type::String}, {"vars", Type::Object}}, std::nullopt, Unknowns::Shallow,
         fn_templatestring},
    };
}

}  // namespace residency::hcl::detail
