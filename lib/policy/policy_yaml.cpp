// Builds the policy's YAML tree from libfyaml events, which (unlike libfyaml 0.7's document API)
// give every node, collections included, a position.
#include "policy/policy_yaml.hpp"

#include <fmt/format.h>

#include <libfyaml.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "core/utf8.hpp"

namespace residency::policy_yaml {
namespace {

Error at(const Node& n, std::string message) {
    return Error{n.line, n.column, std::move(message)};
}

std::uint32_t one_based(int v) {
    return v < 0 ? 0 : static_cast<std::uint32_t>(v) + 1;
}

void place(Node& n, const fy_mark* m) {
    if (m == nullptr)
        return;
    n.line = one_based(m->line);
    n.column = one_based(m->column);
}

// What the user wrote between two marks (libfyaml resolves tags to their full URI form, and an
// alias token drops its '*').
std::string source_text(std::string_view text, const fy_mark* start, const fy_mark* end) {
    if (!start || !end || start->input_pos > end->input_pos || end->input_pos > text.size())
        return "";
    return std::string(text.substr(start->input_pos, end->input_pos - start->input_pos));
}

std::string token_text(fy_token* t) {
    size_t len = 0;
    const char* s = t ? fy_token_get_text(t, &len) : nullptr;
    return s ? std::string(s, len) : std::string();
}

struct DiagDeleter {
    void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};
struct ParserDeleter {
    void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};

// An empty scalar reports no style, so "not quoted" is the test rather than FYNS_PLAIN.
bool is_plain(fy_node_style style) {
    return style != FYNS_SINGLE_QUOTED && style != FYNS_DOUBLE_QUOTED && style != FYNS_LITERAL &&
           style != FYNS_FOLDED;
}

void discard_output(fy_diag*, void*, const char*, size_t) {}

}  // namespace

std::variant<Node, Error> load(std::string_view text, bool aliases) {
    // YAML is Unicode. libfyaml also loops for ever on a directive (`%` at the start of a line)
    // followed by a byte that is not UTF-8 (found by fuzz_policy): such input never reaches it.
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
        std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        line_start = (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
        auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n') + 1);
        return Error{line, static_cast<std::uint32_t>(bad - line_start + 1),
                     fmt::format("invalid character encoding: byte 0x{:02x} is not UTF-8, and YAML must be UTF-8 encoded",
                                 static_cast<unsigned char>(text[bad]))};
    }
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;  // never write to stderr: errors are collected and returned
    dcfg.output_fn = discard_output;
    dcfg.colorize = false;
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&dcfg));
    if (!diag)
        return Error{0, 0, "cannot create the YAML parser"};
    fy_diag_set_collect_errors(diag.get(), true);

    fy_parse_cfg cfg{};
    cfg.flags =
        static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
    if (!parser || fy_parser_set_string(parser.get(), text.data(), text.size()) != 0)
        return Error{0, 0, "cannot create the YAML parser"};

    std::vector<Node> stack;  // open collections
    std::optional<Node> root;
    int documents = 0;
    std::optional<Error> failure;
    std::optional<fy_mark> last_end;

    auto finish = [&](Node n) {
        if (stack.empty()) {
            root = std::move(n);
        } else {
            stack.back().items.push_back(std::move(n));
        }
    };

    while (!failure) {
        fy_event* ev = fy_parser_parse(parser.get());
        if (ev == nullptr)
            break;
        Node n;
        // An empty value has no mark of its own; the end of what came before is where it is.
        place(n, fy_event_start_mark(ev) ? fy_event_start_mark(ev)
                 : last_end              ? &*last_end
                                         : nullptr);
        if (const fy_mark* end = fy_event_end_mark(ev))
            last_end = *end;
        fy_token* tag = nullptr;
        switch (ev->type) {
            case FYET_DOCUMENT_START:
                if (++documents > 1)
                    failure = at(n, "a policy file holds one YAML document; found a second one");
                break;
            case FYET_ALIAS: {
                if (aliases) {
                    n.kind = Node::Kind::Alias;
                    n.text = token_text(ev->alias.anchor);
                    finish(std::move(n));
                    break;
                }
                // libfyaml marks an alias after its '*'; the user wrote it with one.
                const fy_mark* start = fy_event_start_mark(ev);
                std::string name = source_text(text, start, fy_event_end_mark(ev));
                if (start && start->input_pos > 0 && text[start->input_pos - 1] == '*') {
                    name.insert(0, "*");
                    if (n.column > 1)
                        --n.column;
                }
                // An unquoted glob such as **/testdata/** reads as an alias: say how to fix that.
                failure = at(n, "aliases are not allowed in a policy file (found " + name +
                                    "; quote a value that starts with *)");
                break;
            }
            case FYET_SCALAR:
                tag = ev->scalar.tag;
                n.text = token_text(ev->scalar.value);
                if (aliases) n.anchor = token_text(ev->scalar.anchor);
                n.plain = is_plain(fy_event_get_node_style(ev));
                // A quoted scalar is marked after its opening quote; point at the quote.
                if (const fy_mark* m = fy_event_start_mark(ev);
                    m && !n.plain && m->input_pos > 0 &&
                    (text[m->input_pos - 1] == '"' || text[m->input_pos - 1] == '\'') &&
                    n.column > 1)
                    --n.column;
                finish(std::move(n));
                break;
            case FYET_SEQUENCE_START:
            case FYET_MAPPING_START:
                // A policy is three levels deep; the bound keeps hostile input from exhausting the
                // stack.
                if (stack.size() >= max_nesting) {
                    failure = at(n, "the policy nests deeper than " + std::to_string(max_nesting) +
                                        " levels");
                    break;
                }
                if (ev->type == FYET_SEQUENCE_START) {
                    tag = ev->sequence_start.tag;
                    n.kind = Node::Kind::Sequence;
                    if (aliases) n.anchor = token_text(ev->sequence_start.anchor);
                } else {
                    tag = ev->mapping_start.tag;
                    n.kind = Node::Kind::Mapping;
                    if (aliases) n.anchor = token_text(ev->mapping_start.anchor);
                }
                stack.push_back(std::move(n));
                break;
            case FYET_SEQUENCE_END:
            case FYET_MAPPING_END:
                if (!stack.empty()) {
                    Node done = std::move(stack.back());
                    stack.pop_back();
                    finish(std::move(done));
                }
                break;
            default:
                break;
        }
        // Tags would ask for a type conversion; a policy is plain data, so none is honoured.
        if (tag != nullptr && !failure) {
            Node t;
            place(t, fy_token_start_mark(tag));
            std::string written =
                source_text(text, fy_token_start_mark(tag), fy_token_end_mark(tag));
            failure = at(t, "YAML tags are not allowed in a policy file (found " + written + ")");
        }
        fy_parser_event_free(parser.get(), ev);
    }
    if (failure)
        return *failure;

    void* iter = nullptr;
    if (fy_diag_error* err = fy_diag_errors_iterate(diag.get(), &iter)) {
        // Collected diagnostics are already 1-based, unlike marks.
        Error f{static_cast<std::uint32_t>(std::max(err->line, 0)),
                static_cast<std::uint32_t>(std::max(err->column, 0)),
                err->msg ? err->msg : "invalid YAML"};
        if (f.line == 0)
            f.column = 0;
        return f;
    }
    if (fy_parser_get_stream_error(parser.get()))
        return Error{0, 0, "invalid YAML"};
    if (!root)
        return Node{};  // no document: an empty plain scalar, as for a bare "---"
    return std::move(*root);
}

}  // namespace residency::policy_yaml
