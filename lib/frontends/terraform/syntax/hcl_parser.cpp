// HCL parsing: the fast path first; tree-sitter with its per-thread parser, syntax errors and piecewise
// recovery of broken parts for every file the fast path declines.
#include "frontends/terraform/syntax/hcl_parser.hpp"
#include "frontends/terraform/syntax/hcl_checks.hpp"
#include "frontends/terraform/syntax/hcl_fast_parser.hpp"

#include <tree_sitter/api.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "core/utf8.hpp"
#include "frontends/terraform/syntax/hcl_convert.hpp"

extern "C" const TSLanguage* tree_sitter_hcl();

namespace residency::hcl {

namespace {

using detail::Converter;

constexpr std::size_t kMaxErrors = 5;        // per file: later errors are mostly fallout
constexpr std::size_t kMaxSnippet = 24;      // bytes of source quoted in "unexpected '...'"
constexpr std::size_t kCollectLimit = 64;    // stop walking junk once this many are found

struct ThreadParser {
    TSParser* parser = ts_parser_new();
    ThreadParser() { ts_parser_set_language(parser, tree_sitter_hcl()); }
    ~ThreadParser() { ts_parser_delete(parser); }
    ThreadParser(const ThreadParser&) = delete;
    ThreadParser& operator=(const ThreadParser&) = delete;
};

struct Tree {
    TSTree* tree = nullptr;
    explicit Tree(TSTree* t) : tree(t) {}
    ~Tree() {
        if (tree) ts_tree_delete(tree);
    }
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;
};

// tree-sitter's error recovery is superlinear on some hostile inputs (10 KB of `a{{{` takes
// seconds). Each file gets a deadline far beyond any real file's parse; past it the file is
// reported as too complex instead of hanging the scan. Only such inputs can depend on timing.
// Sanitizer builds parse about ten times slower: the budget grows with them, so that the test
// suite under ASan judges the same files as the release build does.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif
constexpr auto kParseBudget = std::chrono::seconds(kSanitized ? 120 : 10);
// The budget is the parsing thread's CPU time, not wall time: on a loaded machine (a CI runner,
// other jobs on the same cores) a large valid file must not be reported as too complex.
std::chrono::nanoseconds thread_cpu_time() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}
thread_local std::chrono::nanoseconds t_deadline;
thread_local bool t_cancelled = false;
thread_local unsigned t_calls = 0;

bool past_deadline(TSParseState*) {
    if (++t_calls % 16 == 0 && thread_cpu_time() > t_deadline) t_cancelled = true;
    return t_cancelled;
}

struct TextInput {
    std::string_view text;
};

const char* read_text(void* payload, std::uint32_t offset, TSPoint, std::uint32_t* bytes_read) {
    auto* in = static_cast<TextInput*>(payload);
    if (offset >= in->text.size()) {
        *bytes_read = 0;
        return "";
    }
    *bytes_read = static_cast<std::uint32_t>(in->text.size() - offset);
    return in->text.data() + offset;
}

TSTree* parse_text(std::string_view text) {
    thread_local ThreadParser holder;
    if (text.data() == nullptr) text = std::string_view("", 0);
    if (t_cancelled) return nullptr;
    TextInput input{text};
    TSInput ts_input{};
    ts_input.payload = &input;
    ts_input.read = read_text;
    ts_input.encoding = TSInputEncodingUTF8;
    TSParseOptions options{nullptr, past_deadline};
    TSTree* tree = ts_parser_parse_with_options(holder.parser, nullptr, ts_input, options);
    if (!tree) ts_parser_reset(holder.parser);
    return tree;
}

bool is(TSNode node, std::string_view type) { return type == ts_node_type(node); }

bool word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// HCL's number literal is digits, an optional fraction, an optional exponent; the pinned grammar
// wants a fraction before an exponent, so `1e3` is a syntax error to it. tree-sitter reads a copy
// in which each digit run that is not inside a word, has an exponent and no word or fraction after it
// (`1e3`, the `5e3` of `1.5e3`, the legacy index `.1e1`) has its exponent marker replaced by
// digits: the same length, so every node keeps its range, and a number to the grammar wherever
// HCL reads a number. The converter reads the literal's value from the original text. Elsewhere
// (strings, comments, heredocs) letters and digits parse alike.
// Returns `text` itself when it holds no such literal (nearly always: no copy).
std::string_view grammar_text(std::string_view text, std::string& copy) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!digit(text[i]) || (i > 0 && word_byte(text[i - 1]))) continue;
        std::size_t j = i;
        while (j < text.size() && digit(text[j])) ++j;
        std::size_t marker = j;
        if (j < text.size() && (text[j] == 'e' || text[j] == 'E')) {
            ++j;
            if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
            std::size_t exponent = j;
            while (j < text.size() && digit(text[j])) ++j;
            bool more = j < text.size() &&
                        (word_byte(text[j]) || (text[j] == '.' && j + 1 < text.size() && digit(text[j + 1])));
            if (j > exponent && !more) {
                if (copy.empty()) copy.assign(text);
                for (std::size_t k = marker; k < exponent; ++k) copy[k] = '0';
            }
        }
        i = j;
    }
    return copy.empty() ? text : std::string_view(copy);
}

// What a MISSING node stands for, as the user would write it.
std::string missing_message(TSNode node) {
    std::string_view type = ts_node_type(node);
    if (type == "block_end" || type == "object_end" || type == "template_interpolation_end" ||
        type == "template_directive_end") {
        return "missing '}'";
    }
    if (type == "block_start" || type == "object_start") return "missing '{'";
    if (type == "tuple_start") return "missing '['";
    if (type == "tuple_end") return "missing ']'";
    if (type == "quoted_template_start" || type == "quoted_template_end") return "missing '\"'";
    if (type == "heredoc_identifier") return "missing heredoc end marker";
    if (type == "heredoc_start") return "missing '<<'";
    if (type == "identifier") {
        TSNode parent = ts_node_parent(node);
        bool value = !ts_node_is_null(parent) && is(parent, "variable_expr");
        return value ? "missing expression" : "missing name";
    }
    if (ts_node_is_named(node)) return "missing " + std::string(type);
    return "missing '" + std::string(type) + "'";
}

std::string unexpected_message(std::string_view text, Range& range) {
    std::uint32_t b = range.begin;
    while (b < range.end && (text[b] == ' ' || text[b] == '\t' || text[b] == '\n' || text[b] == '\r')) ++b;
    std::uint32_t e = b;
    while (e < range.end && e - b < kMaxSnippet && text[e] != '\n' && text[e] != '\r') ++e;
    if (e == b) {
        range = Range{range.file, b, b};
        return b >= text.size() ? "unexpected end of file" : "unexpected line break";
    }
    bool cut = e < range.end && text[e] != '\n' && text[e] != '\r';
    range = Range{range.file, b, e};
    std::string snippet;
    for (std::uint32_t i = b; i < e; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        snippet += c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c);
    }
    return "unexpected '" + snippet + (cut ? "...'" : "'");
}

// ERROR nodes are reported once, without their nested errors; MISSING nodes say what is absent.
void collect_errors(TSNode root, std::string_view text, std::uint32_t base, FileId file,
                    std::vector<SyntaxError>& out) {
    if (!ts_node_has_error(root)) return;
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    for (;;) {
        TSNode node = ts_tree_cursor_current_node(&cursor);
        Range r{file, base + ts_node_start_byte(node), base + ts_node_end_byte(node)};
        bool descend = false;
        if (ts_node_is_error(node)) {
            std::string message = unexpected_message(text, r);
            out.push_back(SyntaxError{r, std::move(message)});
        } else if (ts_node_is_missing(node)) {
            out.push_back(SyntaxError{Range{file, r.begin, r.begin}, missing_message(node)});
        } else {
            descend = ts_node_has_error(node);
        }
        if (out.size() >= kCollectLimit) break;
        if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
        bool moved = false;
        while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
            if (!ts_tree_cursor_goto_parent(&cursor)) break;
        }
        if (!moved) break;
    }
    ts_tree_cursor_delete(&cursor);
}

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// A line that, at column 0, starts a top-level attribute (`name =`) or block (`type "l" {`):
// where `terraform fmt`-shaped files can be cut to re-parse after an error.
bool starts_item(std::string_view line) {
    std::size_t i = 0;
    if (line.empty() || !ident_start(line[0])) return false;
    while (i < line.size() && ident_char(line[i])) ++i;
    for (;;) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i >= line.size()) return false;
        char c = line[i];
        if (c == '{') return true;
        if (c == '=') return i + 1 >= line.size() || line[i + 1] != '=';
        if (c == '"') {
            ++i;
            while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
            if (i >= line.size()) return false;
            ++i;
        } else if (ident_start(c)) {
            while (i < line.size() && ident_char(line[i])) ++i;
        } else {
            return false;
        }
    }
}

// The identifier of a heredoc opened at the end of this line, or "".
std::string_view heredoc_opened(std::string_view line) {
    std::size_t at = line.rfind("<<");
    if (at == std::string_view::npos) return {};
    std::size_t i = at + 2;
    if (i < line.size() && line[i] == '-') ++i;
    std::size_t b = i;
    if (i >= line.size() || !ident_start(line[i])) return {};
    while (i < line.size() && ident_char(line[i])) ++i;
    std::string_view name = line.substr(b, i - b);
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    return i == line.size() ? name : std::string_view{};
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::string_view leading_space(std::string_view line) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return line.substr(0, i);
}

// Cut points inside [begin, end): `begin` itself and every later line that starts an item at
// exactly `indent`, skipping heredoc contents (deeper lines belong to multi-line values). With
// `blank_cuts`, also every blank line and every kBlankCut bytes of a line's leading blanks: a file
// of megabytes of whitespace (tree-sitter takes about 500 bytes of memory per blank byte) is then
// parsed in pieces too. A cut there is as safe as any other: the blanks are outside any comment
// on their line, and a cut inside a construct leaves it unclosed, an error.
constexpr std::uint32_t kBlankCut = 64 * 1024;
std::vector<std::uint32_t> cut_points(std::string_view text, std::uint32_t begin, std::uint32_t end,
                                      std::string_view indent, bool blank_cuts = false) {
    std::vector<std::uint32_t> cuts{begin};
    std::string_view heredoc;
    std::uint32_t p = begin;
    while (p < end) {
        std::size_t nl = text.find('\n', p);
        std::uint32_t line_end = nl == std::string_view::npos || nl >= end ? end : static_cast<std::uint32_t>(nl);
        std::string_view line = text.substr(p, line_end - p);
        if (!heredoc.empty()) {
            if (trimmed(line) == heredoc) heredoc = {};
        } else {
            if (p != begin && leading_space(line) == indent && starts_item(line.substr(indent.size()))) {
                cuts.push_back(p);
            } else if (blank_cuts) {
                auto blanks = static_cast<std::uint32_t>(leading_space(line).size());
                if (p != begin && trimmed(line).empty()) cuts.push_back(p);
                for (std::uint32_t at = kBlankCut; at < blanks; at += kBlankCut) cuts.push_back(p + at);
            }
            heredoc = heredoc_opened(line);
        }
        p = line_end + 1;
    }
    return cuts;
}

bool comment_line(std::string_view t) { return t.empty() || t[0] == '#' || t.substr(0, 2) == "//"; }

// A block header read without tree-sitter: `type label "label" {`, after any blank or comment
// lines. `open` is the offset of the `{`.
struct Header {
    Block block;
    std::uint32_t open = 0;
    std::string_view indent;  // of the header line
};

bool read_header(std::string_view text, std::uint32_t begin, std::uint32_t end, FileId file, Header& h) {
    std::uint32_t p = begin;
    for (;;) {  // skip blank and comment lines
        std::size_t nl = text.find('\n', p);
        std::uint32_t line_end = nl == std::string_view::npos || nl >= end ? end : static_cast<std::uint32_t>(nl);
        std::string_view t = trimmed(text.substr(p, line_end - p));
        if (!comment_line(t) || line_end >= end) {
            h.indent = leading_space(text.substr(p, line_end - p));
            p += static_cast<std::uint32_t>(h.indent.size());
            break;
        }
        p = line_end + 1;
    }
    auto ident = [&](Range& r) {
        std::uint32_t b = p;
        if (p >= end || !ident_start(text[p])) return false;
        while (p < end && ident_char(text[p])) ++p;
        r = Range{file, b, p};
        return true;
    };
    Block& blk = h.block;
    if (!ident(blk.type_range)) return false;
    blk.type = std::string(text.substr(blk.type_range.begin, blk.type_range.end - blk.type_range.begin));
    for (;;) {
        while (p < end && (text[p] == ' ' || text[p] == '\t')) ++p;
        if (p >= end) return false;
        Range r;
        if (text[p] == '{') {
            h.open = p;
            break;
        }
        if (text[p] == '"') {
            std::uint32_t b = p++;
            while (p < end && text[p] != '"' && text[p] != '\n') p += text[p] == '\\' ? 2 : 1;
            if (p >= end || text[p] != '"') return false;
            ++p;
            blk.labels.push_back(detail::decode_quoted(text.substr(b + 1, p - b - 2)));
            blk.label_ranges.push_back(Range{file, b, p});
        } else if (ident(r)) {
            blk.labels.emplace_back(text.substr(r.begin, r.end - r.begin));
            blk.label_ranges.push_back(r);
        } else {
            return false;
        }
    }
    blk.header_range = blk.type_range;
    if (!blk.label_ranges.empty()) blk.header_range.end = blk.label_ranges.back().end;
    return true;
}

// The `}` closing a block that opened at `open`: on the last line with content, at the
// header's indentation (`}` or `} # note`), or ending a one-line block. npos when absent.
std::size_t closing_brace(std::string_view text, std::uint32_t open, std::uint32_t end,
                          std::string_view indent) {
    std::uint32_t line_end = end;
    for (;;) {
        std::uint32_t line_begin = line_end;
        while (line_begin > open + 1 && text[line_begin - 1] != '\n') --line_begin;
        bool header_line = line_begin <= open + 1;
        std::string_view line = text.substr(line_begin, line_end - line_begin);
        std::string_view t = trimmed(line);
        if (!comment_line(t)) {
            if (header_line) {
                return t.back() == '}' ? static_cast<std::size_t>(t.data() - text.data()) + t.size() - 1
                                       : std::string_view::npos;
            }
            if (t.front() == '}' && leading_space(line) == indent) return line_begin + indent.size();
            return std::string_view::npos;
        }
        if (header_line) return std::string_view::npos;
        line_end = line_begin - 1;
    }
}

constexpr int kMaxRecoveryLevels = 8;

struct FileParse {
    FileId file;
    std::string_view text;
    std::string_view source;  // what tree-sitter reads: grammar_text(text)
    ParsedFile& out;
    Range too_deep;  // the first place nesting went too deep

    // Parses text[begin, end) on its own and adds what it holds to `body`. A broken piece that
    // reads as a block keeps its header and has its interior recovered line-wise in turn.
    void piece(std::uint32_t begin, std::uint32_t end, Body& body, int level) {
        Tree tree(parse_text(source.substr(begin, end - begin)));
        if (!tree.tree) {
            out.errors.push_back(SyntaxError{Range{file, begin, begin}, "could not parse this part"});
            return;
        }
        TSNode root = ts_tree_root_node(tree.tree);
        Header header;
        if (ts_node_has_error(root) && level < kMaxRecoveryLevels &&
            read_header(text, begin, end, file, header)) {
            std::size_t errors = out.errors.size();
            Block& blk = header.block;
            std::size_t close = closing_brace(text, header.open, end, header.indent);
            std::uint32_t interior_end = close == std::string_view::npos ? end : static_cast<std::uint32_t>(close);
            blk.range = Range{file, blk.type_range.begin, close == std::string_view::npos ? end : interior_end + 1};
            if (close == std::string_view::npos) {
                std::uint32_t at = end;
                while (at > header.open + 1 && (text[at - 1] == ' ' || text[at - 1] == '\t' ||
                                                 text[at - 1] == '\n' || text[at - 1] == '\r')) {
                    --at;
                }
                blk.range.end = at;
                out.errors.push_back(SyntaxError{Range{file, at, at}, "missing '}'"});
            }
            region(header.open + 1, interior_end, blk.body, level + 1);
            body.blocks.push_back(std::move(blk));
            if (out.errors.size() == errors) collect_errors(root, text, begin, file, out.errors);
            return;
        }
        Converter conv(file, text, begin, root);
        conv.body_items(root, body);
        if (!too_deep.valid()) too_deep = conv.too_deep();
        collect_errors(root, text, begin, file, out.errors);
    }

    // Re-parses text[begin, end) piecewise, cut at lines that start an item at the indentation
    // of the region's first item line.
    void region(std::uint32_t begin, std::uint32_t end, Body& body, int level) {
        std::string_view indent;
        if (level > 0) {
            // the region starts right after a block's `{`; its first full line sets the indent
            std::size_t nl = text.find('\n', begin);
            std::uint32_t p = nl == std::string_view::npos || nl >= end ? end : static_cast<std::uint32_t>(nl + 1);
            while (p < end) {
                std::size_t next = text.find('\n', p);
                std::uint32_t line_end = next == std::string_view::npos || next >= end ? end : static_cast<std::uint32_t>(next);
                std::string_view line = text.substr(p, line_end - p);
                if (!trimmed(line).empty()) {
                    indent = leading_space(line);
                    break;
                }
                p = line_end + 1;
            }
        }
        std::vector<std::uint32_t> cuts = cut_points(text, begin, end, indent);
        cuts.push_back(end);
        for (std::size_t i = 0; i + 1 < cuts.size(); ++i) piece(cuts[i], cuts[i + 1], body, level);
    }

    // Keeps every top-level item tree-sitter parsed cleanly and re-parses the spans between
    // them piecewise.
    void recover(TSNode root, std::uint32_t base) {
        Converter conv(file, text, base, root);
        std::vector<TSNode> top;
        if (ts_node_is_error(root)) {
            top.push_back(root);
        } else {
            for (TSNode child : conv.kids(root)) {
                if (is(child, "body")) {
                    for (TSNode item : conv.kids(child)) top.push_back(item);
                } else {
                    top.push_back(child);
                }
            }
        }
        bool pending = false;
        std::uint32_t bad_begin = 0;
        std::uint32_t bad_end = 0;
        for (TSNode node : top) {
            Range r = conv.range(node);
            bool good = (is(node, "attribute") || is(node, "block")) && !ts_node_has_error(node);
            if (good) {
                if (pending) region(bad_begin, std::min(bad_end, r.begin), out.body, 0);
                pending = false;
                conv.add_item(node, out.body);
                continue;
            }
            if (!pending) bad_begin = r.begin;
            bad_end = std::max(pending ? bad_end : r.end, r.end);
            pending = true;
        }
        if (pending) region(bad_begin, bad_end, out.body, 0);
        if (!too_deep.valid()) too_deep = conv.too_deep();
    }
};

// Terraform refuses a file whose strings or heredocs hold bytes that are not UTF-8 ("Invalid
// character encoding: All input files must be UTF-8 encoded"); in a comment they are accepted, and
// elsewhere tree-sitter reports them as unexpected already. tree-sitter reads such bytes as
// replacement characters and accepts the literal: one error per literal holding any. `root` was
// parsed from text[base, end).
void check_encoding(FileId file, std::string_view text, std::uint32_t base, std::uint32_t end, TSNode root,
                    std::vector<SyntaxError>& errors) {
    std::uint32_t reported_until = 0;
    text = text.substr(0, end);
    for (std::uint32_t i = base; i < end;) {
        std::size_t bad = first_invalid_utf8(text.substr(i));
        if (bad == std::string_view::npos) break;
        i += static_cast<std::uint32_t>(bad);
        if (i >= reported_until) {
            TSNode node = ts_node_descendant_for_byte_range(root, i - base, i - base + 1);
            TSNode literal{};
            bool skip = false;
            for (TSNode n = node; !ts_node_is_null(n); n = ts_node_parent(n)) {
                std::string_view type = ts_node_type(n);
                if (type == "comment" || ts_node_is_error(n)) {
                    skip = true;
                    break;
                }
                if (ts_node_is_null(literal) && (type == "template_literal" || type == "heredoc_template" ||
                                                 type == "quoted_template" || type == "identifier"))
                    literal = n;
            }
            if (!skip) {
                errors.push_back(SyntaxError{Range{file, i, i + 1}, "invalid character encoding: all input files must "
                                                                    "be UTF-8 encoded"});
                reported_until = ts_node_is_null(literal) ? i + 1 : base + ts_node_end_byte(literal);
            }
        }
        ++i;
    }
}

// Large files are parsed in pieces of whole top-level items, each tree converted and freed before
// the next is parsed: a tree-sitter tree takes about 80 bytes per byte of source, so one tree of a
// 2 MB generated file held most of a scan's memory. The result is the one a single parse gives
// when every piece parses cleanly (newlines are whitespace to the grammar: clean bodies concatenate
// to a clean body of the same items, and a cut inside any construct leaves it unclosed, an error);
// false otherwise (and nothing is added), when the file is parsed whole.
constexpr std::uint32_t kPieceBytes = 128 * 1024;

bool parse_pieces(FileId file, std::string_view text, std::string_view source, std::uint32_t base, Body& body,
                  Range& too_deep, std::vector<SyntaxError>& errors) {
    auto end = static_cast<std::uint32_t>(text.size());
    if (end - base <= kPieceBytes) return false;
    std::vector<std::uint32_t> cuts = cut_points(text, base, end, "", true);
    Body items;
    Range deep;
    std::vector<SyntaxError> found;
    std::size_t next = 1;
    for (std::uint32_t begin = base; begin < end;) {
        std::uint32_t stop = end;
        for (; next < cuts.size(); ++next) {
            if (cuts[next] - begin >= kPieceBytes) {
                stop = cuts[next++];
                break;
            }
        }
        if (begin == base && stop == end) return false;  // no cut: one parse, as for a small file
        Tree tree(parse_text(source.substr(begin, stop - begin)));
        if (!tree.tree) return false;
        TSNode root = ts_tree_root_node(tree.tree);
        if (ts_node_has_error(root)) return false;
        check_encoding(file, text, begin, stop, root, found);
        Converter conv(file, text, begin, root);
        conv.body_items(root, items);
        if (!deep.valid()) deep = conv.too_deep();
        begin = stop;
    }
    body = std::move(items);
    too_deep = deep;
    errors = std::move(found);
    return true;
}

// What follows either parse: HashiCorp's checks, errors in order without duplicates, the limits.
void finish(ParsedFile& out, std::string_view text, Range too_deep) {
    check_hashicorp_syntax(out, text);

    std::sort(out.errors.begin(), out.errors.end(), [](const SyntaxError& a, const SyntaxError& b) {
        if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
        return a.message < b.message;
    });
    out.errors.erase(std::unique(out.errors.begin(), out.errors.end(),
                                 [](const SyntaxError& a, const SyntaxError& b) {
                                     return a.range.begin == b.range.begin && a.message == b.message;
                                 }),
                     out.errors.end());
    if (out.errors.size() > kMaxErrors) out.errors.resize(kMaxErrors);
    if (too_deep.valid()) {
        Range at{out.file, too_deep.begin, too_deep.begin};
        out.errors.push_back(SyntaxError{at, "nesting too deep"});
    }
}

}  // namespace

// The fast parser accepts only files it reads exactly as tree-sitter would, and it declines any
// byte that is not UTF-8, so check_encoding (which only reports such bytes) has nothing to add.
ParsedFile parse_hcl(FileId file, std::string_view text) {
    if (std::optional<ParsedFile> fast = fast_parse_hcl(file, text)) {
        finish(*fast, text, Range{});
        return std::move(*fast);
    }
    return parse_hcl_tree_sitter(file, text);
}

ParsedFile parse_hcl_tree_sitter(FileId file, std::string_view text) {
    ParsedFile out;
    out.file = file;
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        out.errors.push_back(SyntaxError{Range{file, 0, 0}, "file too large to parse"});
        return out;
    }
    // A UTF-8 byte order mark is not HCL; skip it rather than report it.
    std::uint32_t base = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    std::string copy;
    std::string_view source = grammar_text(text, copy);
    FileParse parse{file, text, source, out, Range{}};
    t_deadline = thread_cpu_time() + kParseBudget;
    t_cancelled = false;
    // In pieces or whole, the same checks follow: HashiCorp's rules (a large file is no exception).
    if (!parse_pieces(file, text, source, base, out.body, parse.too_deep, out.errors)) {
        Tree tree(parse_text(source.substr(base)));
        if (!tree.tree) {
            out.timed_out = t_cancelled;
            out.errors.push_back(SyntaxError{Range{file, 0, 0}, t_cancelled ? "the file is too complex to parse (its "
                                                                              "syntax errors defeat error recovery)"
                                                                            : "could not parse the file"});
            return out;
        }
        TSNode root = ts_tree_root_node(tree.tree);
        if (!ts_node_has_error(root)) {
            Converter conv(file, text, base, root);
            conv.body_items(root, out.body);
            parse.too_deep = conv.too_deep();
        } else {
            parse.recover(root, base);
        }
        check_encoding(file, text, base, static_cast<std::uint32_t>(text.size()), root, out.errors);
    }
    finish(out, text, parse.too_deep);
    return out;
}

}  // namespace residency::hcl
