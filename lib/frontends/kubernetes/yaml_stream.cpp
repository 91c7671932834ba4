// YAML streams to value trees through libfyaml events (the document API of libfyaml 0.7 gives
// collections no position). The stream is cut into documents at `---` lines first, so that an
// error in one document (libfyaml stops a stream at its first error) leaves the others readable:
// a `---` at column 0 ends any block or flow scalar, so the cut never splits a node.
#include "frontends/kubernetes/yaml_stream.hpp"

#include <fmt/format.h>
#include <libfyaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include "core/utf8.hpp"

namespace residency::yaml {
namespace {

struct DiagDeleter {
    void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};
struct ParserDeleter {
    void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
void discard_output(fy_diag*, void*, const char*, size_t) {}

// A token's text, valid while its event lives; empty for no token.
std::string_view token_view(fy_token* t) {
    size_t len = 0;
    const char* s = t ? fy_token_get_text(t, &len) : nullptr;
    return s ? std::string_view(s, len) : std::string_view();
}
std::string token_text(fy_token* t) { return std::string(token_view(t)); }

// A scalar's value read straight from the source when it is the text between its marks: one line
// of ASCII, plain, or quoted without an escape (libfyaml would format a copy of it).
bool is_direct(std::string_view raw, fy_node_style style) {
    char quote = style == FYNS_SINGLE_QUOTED ? '\'' : style == FYNS_DOUBLE_QUOTED ? '\\' : '\n';
    if (style != FYNS_PLAIN && style != FYNS_SINGLE_QUOTED && style != FYNS_DOUBLE_QUOTED) return false;
    for (char c : raw)
        if (c == '\n' || c == '\r' || c == quote || static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// Whether every byte is printable ASCII or a line feed (no tab, CR, control or UTF-8 byte), eight at
// a time.
bool printable_ascii(std::string_view s) {
    auto fine = [](unsigned char c) { return c < 0x80 && (c >= 0x20 || c == '\n'); };
    constexpr std::uint64_t kHigh = 0x8080808080808080ull, kSpace = 0x2020202020202020ull;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (w & kHigh) return false;
        // a byte below 0x20 (or one above it that it borrowed from) sets its high bit
        if (((w - kSpace) & ~w & kHigh) != 0)
            for (std::size_t j = i; j < i + 8; ++j)
                if (!fine(static_cast<unsigned char>(s[j]))) return false;
    }
    for (; i < s.size(); ++i)
        if (!fine(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// Whether valid UTF-8 text has no tab, CR or other control character, and none of the characters
// libfyaml may read as a line break or a byte order mark (NEL, LS, PS, BOM): the fast reader's
// text besides printable ASCII.
bool plain_unicode(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n') return false;
        if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return false;
        if ((c == 0xe2 || c == 0xef) && i + 2 < s.size()) {
            auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
            if (c == 0xe2 && d == 0x80 && (e == 0xa8 || e == 0xa9)) return false;
            if (c == 0xef && d == 0xbb && e == 0xbf) return false;
        }
    }
    return true;
}

bool is_document_marker(std::string_view line) {
    return line.starts_with("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n');
}

// The [begin, end) byte ranges of the documents of a stream, cut at `---` lines.
std::vector<std::pair<std::size_t, std::size_t>> cut(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
        if (pos > start && is_document_marker(text.substr(pos, next - pos))) {
            out.emplace_back(start, pos);
            start = pos;
        }
        pos = next;
    }
    out.emplace_back(start, text.size());
    return out;
}

// The `# Source: x` comment among the comment lines that open a document.
void find_source_note(std::string_view text, std::size_t begin, std::size_t end, FileId file, Document& doc) {
    for (std::size_t pos = begin; pos < end;) {
        std::size_t eol = text.find('\n', pos);
        std::size_t next = eol == std::string_view::npos || eol >= end ? end : eol + 1;
        std::string_view line = text.substr(pos, next - pos);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        std::string_view body = line;
        while (!body.empty() && (body.front() == ' ' || body.front() == '\t')) body.remove_prefix(1);
        if (pos == begin && is_document_marker(line)) body = "";
        if (!body.empty() && body.front() != '#') return;
        if (body.starts_with("# Source: ")) {
            std::string_view note = body.substr(10);
            while (!note.empty() && note.front() == ' ') note.remove_prefix(1);
            doc.source_note = std::string(note);
            auto at = static_cast<std::uint32_t>(pos + (line.size() - body.size()));
            doc.source_note_range = Range{file, at, static_cast<std::uint32_t>(pos + line.size())};
            return;
        }
        pos = next;
    }
}

bool is_plain_style(fy_node_style style) {
    return style != FYNS_SINGLE_QUOTED && style != FYNS_DOUBLE_QUOTED && style != FYNS_LITERAL && style != FYNS_FOLDED;
}

// A node under construction: a collection still open, or a finished value with its expanded size.
struct Built {
    Value value;
    std::size_t size = 1;  // nodes once aliases are expanded
};

// An open collection. Frames are kept and reused down the stack, their buffers with them.
struct Frame {
    bool mapping = false;
    bool flow = false;
    Range range;
    std::string anchor;
    std::size_t size = 1;
    std::uint32_t end = 0;  // the furthest end of its values: a block collection ends there
    ValueList items;        // sequence
    // mapping: the fields as their values come (the last of a duplicate key counts), `<<` values
    // kept apart, the duplicate keys' warnings given when the mapping ends
    ValueMap fields;
    std::vector<Value> merges;
    std::vector<LoadProblem> duplicates;
    bool has_key = false;  // a key waiting for its value
    bool key_is_merge = false;
    std::string key;
    Range key_range;
};

class DocumentParser {
public:
    DocumentParser(FileId file, std::string_view whole, std::size_t base, Stream& out)
        : file_(file), whole_(whole), base_(base), out_(out) {}

    // Parses the chunk; false (with an error recorded) when it is malformed.
    bool run(std::size_t end, std::vector<Value>& roots) {
        end_ = end;
        fy_diag_cfg dcfg;
        fy_diag_cfg_default(&dcfg);
        dcfg.fp = nullptr;
        dcfg.output_fn = discard_output;
        dcfg.colorize = false;
        std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&dcfg));
        if (!diag) return fail(base_, "cannot create the YAML parser");
        fy_diag_set_collect_errors(diag.get(), true);
        fy_parse_cfg cfg{};
        cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE | FYPCF_SLOPPY_FLOW_INDENTATION);
        cfg.diag = diag.get();
        std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
        std::string_view chunk = whole_.substr(base_, end - base_);
        if (!parser || fy_parser_set_string(parser.get(), chunk.data(), chunk.size()) != 0)
            return fail(base_, "cannot create the YAML parser");
        std::optional<Value> root;
        while (!failed_) {
            fy_event* ev = fy_parser_parse(parser.get());
            if (ev == nullptr) break;
            handle(ev, root, roots);
            fy_parser_event_free(parser.get(), ev);
        }
        if (failed_) return false;
        void* iter = nullptr;
        if (fy_diag_error* err = fy_diag_errors_iterate(diag.get(), &iter))
            return fail(offset_of(std::max(err->line, 1), std::max(err->column, 1)), err->msg ? err->msg : "invalid YAML");
        if (fy_parser_get_stream_error(parser.get())) return fail(base_, "invalid YAML");
        return true;
    }

private:
    std::uint32_t pos(const fy_mark* m) const {
        return static_cast<std::uint32_t>(base_ + (m ? std::min<std::size_t>(m->input_pos, whole_.size() - base_) : 0));
    }

    // A 1-based line and column of the chunk as a byte offset of the file.
    std::size_t offset_of(int line, int column) const {
        std::size_t at = base_;
        for (int l = 1; l < line; ++l) {
            std::size_t eol = whole_.find('\n', at);
            if (eol == std::string_view::npos) return whole_.size();
            at = eol + 1;
        }
        return std::min(whole_.size(), at + static_cast<std::size_t>(column - 1));
    }

    bool fail(std::size_t at, std::string message) {
        // An error found at the end of the document (an unclosed bracket) points at its last
        // character rather than at the next document's `---`.
        if (end_ > base_ && at >= end_) at = end_ - 1;
        while (at > base_ && at < whole_.size() && std::isspace(static_cast<unsigned char>(whole_[at]))) --at;
        if (!failed_) {
            auto a = static_cast<std::uint32_t>(at);
            out_.errors.push_back({Range{file_, a, a}, std::move(message)});
        }
        failed_ = true;
        return false;
    }

    Range event_range(fy_event* ev) const {
        const fy_mark* s = fy_event_start_mark(ev);
        const fy_mark* e = fy_event_end_mark(ev);
        Range r{file_, pos(s), pos(e ? e : s)};
        if (r.end < r.begin) r.end = r.begin;
        return r;
    }

    Frame* top() { return depth_ ? &frames_[depth_ - 1] : nullptr; }
    // The mapping on top when it waits for a key.
    Frame* key_wanted() {
        Frame* f = top();
        return f && f->mapping && !f->has_key ? f : nullptr;
    }

    void handle(fy_event* ev, std::optional<Value>& root, std::vector<Value>& roots) {
        switch (ev->type) {
            case FYET_DOCUMENT_START:
                anchors_.clear();
                root.reset();
                total_ = 0;
                break;
            case FYET_DOCUMENT_END:
                roots.push_back(root ? std::move(*root) : Value::null());
                root.reset();
                break;
            case FYET_SCALAR: {
                Range r = event_range(ev);
                fy_node_style style = fy_event_get_node_style(ev);
                std::string_view text = whole_.substr(r.begin, r.end - r.begin);
                if (!is_direct(text, style)) text = token_view(ev->scalar.value);
                bool quoted = style == FYNS_SINGLE_QUOTED || style == FYNS_DOUBLE_QUOTED;
                if (quoted) {
                    if (r.begin > base_ && r.begin - 1 < whole_.size() && (whole_[r.begin - 1] == '"' || whole_[r.begin - 1] == '\'')) --r.begin;
                    if (r.end < whole_.size() && (whole_[r.end] == '"' || whole_[r.end] == '\'')) ++r.end;
                }
                std::string_view tag = token_view(ev->scalar.tag);
                bool as_string = !is_plain_style(style) || tag.ends_with(":str") || tag == "!!str";
                std::string_view anchor = token_view(ev->scalar.anchor);
                if (Frame* f = key_wanted()) {
                    // A key: kept as text with its range.
                    if (!anchor.empty())
                        anchors_[std::string(anchor)] = {as_string ? Value::string(std::string(text), r) : plain_scalar(text, r), 1};
                    f->key_is_merge = !as_string && text == "<<";
                    f->key.assign(text);
                    f->key_range = r;
                    f->has_key = true;
                    break;
                }
                Value v = as_string ? Value::string(std::string(text), r) : plain_scalar(text, r);
                if (!anchor.empty()) anchors_[std::string(anchor)] = {v, 1};
                finish(Built{std::move(v), 1}, root);
                break;
            }
            case FYET_ALIAS: {
                std::string name = token_text(ev->alias.anchor);
                Range r = event_range(ev);
                if (r.begin > base_ && whole_[r.begin - 1] == '*') --r.begin;
                auto it = anchors_.find(name);
                if (it == anchors_.end()) {
                    fail(r.begin, "alias *" + name + " names no anchor defined before it");
                    break;
                }
                if (Frame* f = key_wanted()) {
                    const Value& k = it->second.value;
                    f->key = k.is_string() ? k.as_string() : k.display();
                    f->key_range = r;
                    f->has_key = true;
                    f->key_is_merge = false;
                    break;
                }
                total_ += it->second.size;
                if (total_ > kMaxExpandedNodes) {
                    fail(r.begin, "aliases expand this document to more than " + std::to_string(kMaxExpandedNodes) +
                                      " nodes; residency does not read it (a \"billion laughs\" document?)");
                    break;
                }
                finish(Built{it->second.value.at(r), it->second.size}, root);
                break;
            }
            case FYET_SEQUENCE_START:
            case FYET_MAPPING_START: {
                if (depth_ >= kMaxNesting) {
                    fail(event_range(ev).begin, "the document nests deeper than " + std::to_string(kMaxNesting) + " levels");
                    break;
                }
                if (depth_ == frames_.size()) frames_.emplace_back();
                Frame& f = frames_[depth_++];
                f.mapping = ev->type == FYET_MAPPING_START;
                f.flow = fy_event_get_node_style(ev) == FYNS_FLOW;
                f.range = event_range(ev);
                f.range.end = f.range.begin;
                f.end = f.range.begin;
                f.anchor.assign(token_view(f.mapping ? ev->mapping_start.anchor : ev->sequence_start.anchor));
                f.size = 1;
                f.items.clear();
                f.fields.clear();
                f.merges.clear();
                f.duplicates.clear();
                f.has_key = false;
                f.key_is_merge = false;
                break;
            }
            case FYET_SEQUENCE_END:
            case FYET_MAPPING_END: {
                if (depth_ == 0) break;
                Frame& f = frames_[--depth_];
                Range r = f.range;
                if (f.flow) {
                    Range e = event_range(ev);
                    r.end = std::max(e.end, r.begin);
                } else {
                    r.end = f.end;
                }
                Value v;
                if (f.mapping) {
                    for (auto& d : f.duplicates) out_.warnings.push_back(std::move(d));
                    // Merge keys fill what the mapping does not set; earlier merged maps win.
                    for (const Value& m : f.merges) {
                        auto add = [&](const Value& src) {
                            for (const auto& [k, val] : src.fields()) f.fields.try_emplace(k, val);
                        };
                        if (m.is_object()) add(m);
                        else
                            for (const auto& item : m.items()) add(item);
                    }
                    v = Value::object(std::move(f.fields), r);
                } else {
                    v = Value::list(std::move(f.items), r);
                }
                if (!f.anchor.empty()) anchors_[f.anchor] = {v, f.size};
                if (Frame* p = key_wanted()) {
                    // A collection as a mapping key: rare in manifests; its text is the key.
                    p->key = v.display();
                    p->key_range = r;
                    p->has_key = true;
                    p->key_is_merge = false;
                    break;
                }
                finish(Built{std::move(v), f.size}, root);
                break;
            }
            default:
                break;
        }
    }

    void finish(Built b, std::optional<Value>& root) {
        Frame* top_frame = top();
        if (!top_frame) {
            root = std::move(b.value);
            return;
        }
        Frame& f = *top_frame;
        f.size += b.size;
        if (f.size > kMaxExpandedNodes) {
            fail(b.value.range.begin, "this document holds more than " + std::to_string(kMaxExpandedNodes) +
                                          " nodes once its aliases are expanded; residency does not read it");
            return;
        }
        f.end = std::max(f.end, b.value.range.end);
        if (!f.mapping) {
            f.items.push_back(std::move(b.value));
            return;
        }
        f.has_key = false;
        if (f.key_is_merge && (b.value.is_object() || b.value.is_list())) {
            f.merges.push_back(std::move(b.value));
            return;
        }
        auto it = f.fields.lower_bound(f.key);
        if (it != f.fields.end() && it->first == f.key) {
            // The last one counts; the key already present stays.
            it->second = std::move(b.value);
            f.duplicates.push_back({f.key_range, "duplicate key \"" + f.key + "\" in this mapping: the last one counts"});
            return;
        }
        f.fields.emplace_hint(it, std::move(f.key), std::move(b.value));
    }

    FileId file_;
    std::string_view whole_;
    std::size_t base_;
    std::size_t end_ = 0;
    Stream& out_;
    bool failed_ = false;
    std::vector<Frame> frames_;  // the open collections are the first depth_
    std::size_t depth_ = 0;
    std::map<std::string, Built> anchors_;
    std::size_t total_ = 0;
};

// The common shape of Kubernetes manifests read without libfyaml, several times faster: block
// mappings and sequences, plain scalars (multi-line ones folded), one-line quoted scalars, one-line
// flow sequences and mappings of scalars, and literal block scalars (`|`, `|-`), in UTF-8 without tabs or
// CRs. Anything else (anchors, tags, multi-line quoted scalars, folded block scalars, escapes,
// directives, ...) gives the chunk back to the libfyaml reader, as does anything malformed, so that
// every error comes from one place. What it reads is exactly what the libfyaml reader makes of it,
// ranges included (as libfyaml gives them: an empty value is at the chunk's start, a block scalar
// runs from the line after its `|` to the first character of the line that ends it);
// tests/unit/yaml_fast_test.cpp compares the two.
class FastParser {
public:
    FastParser(FileId file, std::string_view whole, std::size_t base, std::size_t end)
        : file_(file), s_(whole), base_(static_cast<std::uint32_t>(base)), end_(static_cast<std::uint32_t>(end)) {}

    // False when the chunk is not of the shape read here (nothing is then recorded). The caller
    // has checked that the chunk is printable_ascii, or valid UTF-8 and plain_unicode.
    bool run(std::vector<Value>& roots, std::vector<LoadProblem>& warnings) {
        try {
            pos_ = base_;
            bool is_explicit = false;
            if (s_.substr(pos_, end_ - pos_).starts_with("---")) {
                if (pos_ + 3 != end_ && s_[pos_ + 3] != '\n') return false;
                is_explicit = true;
                pos_ = std::min(end_, pos_ + 4);
            }
            next_content();
            if (pos_ == end_) {
                if (is_explicit) roots.push_back(Value::null(Range{file_, base_, base_}));
                return true;
            }
            if (indent_ != 0) return false;
            Value root = block(0);
            if (pos_ != end_) return false;
            roots.push_back(std::move(root));
            for (auto& w : warnings_) warnings.push_back(std::move(w));
            return true;
        } catch (const Bail&) {
            return false;
        }
    }

private:
    struct Bail {};
    [[noreturn]] static void bail() { throw Bail{}; }

    std::uint32_t eol(std::uint32_t p) const {
        const void* nl = p < end_ ? std::memchr(s_.data() + p, '\n', end_ - p) : nullptr;
        return nl ? static_cast<std::uint32_t>(static_cast<const char*>(nl) - s_.data()) : end_;
    }
    Range range(std::uint32_t b, std::uint32_t e) const { return Range{file_, b, e}; }
    // The first `c` in [p, e), or e.
    std::uint32_t find(std::uint32_t p, std::uint32_t e, char c) const {
        const void* at = p < e ? std::memchr(s_.data() + p, c, e - p) : nullptr;
        return at ? static_cast<std::uint32_t>(static_cast<const char*>(at) - s_.data()) : e;
    }

    // From the start of a line (pos_), past blank and comment lines to the next line with content:
    // pos_ its start, indent_ its indentation; pos_ == end_ at the end.
    void next_content() {
        while (pos_ < end_) {
            std::uint32_t p = pos_;
            while (p < end_ && s_[p] == ' ') ++p;
            if (p < end_ && s_[p] != '\n' && s_[p] != '#') {
                indent_ = p - pos_;
                if (indent_ == 0 && (s_[p] == '%' || s_.substr(p, end_ - p).starts_with("...") ||
                                     s_.substr(p, end_ - p).starts_with("---")))
                    bail();
                return;
            }
            pos_ = std::min(end_, eol(p) + 1);
        }
        indent_ = 0;
    }
    std::uint32_t content() const { return pos_ + indent_; }
    bool seq_entry(std::uint32_t c) const { return s_[c] == '-' && (c + 1 == end_ || s_[c + 1] == ' ' || s_[c + 1] == '\n'); }

    // After a node that ends on its line at `e`: nothing more than a comment on the line, then the
    // next line with content, which may not be deeper than `parent` (it would continue the node).
    void end_line(std::uint32_t e, std::uint32_t parent) {
        std::uint32_t p = e;
        while (p < end_ && s_[p] == ' ') ++p;
        if (p < end_ && s_[p] != '\n' && !(s_[p] == '#' && p > e)) bail();
        pos_ = std::min(end_, eol(p) + 1);
        next_content();
        if (pos_ < end_ && indent_ > parent) bail();
    }

    void count() {
        if (++nodes_ > kMaxExpandedNodes) bail();
    }

    // A block mapping or sequence at the current line's indentation.
    Value block(std::uint32_t indent) {
        if (++depth_ > 100) bail();
        Value v = seq_entry(content()) ? sequence(indent) : mapping(indent, content());
        --depth_;
        return v;
    }

    // The value after `key:` or `-` with nothing more on the line: the node on the next lines, or
    // an empty scalar (libfyaml gives it no position: the chunk's start).
    Value node_below(std::uint32_t parent, bool in_mapping) {
        if (pos_ < end_ && indent_ > parent) {
            std::uint32_t c = content();
            Key k;
            if (seq_entry(c) || key(c, k) == KeyKind::Key) return block(indent_);
            // a scalar on the lines below its key (plain ones, flows, quoted ones; not block
            // scalars: libfyaml garbles some)
            if (s_[c] == '|' || s_[c] == '>') bail();
            if (++depth_ > 100) bail();
            Value v = value(c, parent, in_mapping);
            --depth_;
            return v;
        }
        if (pos_ < end_ && in_mapping && indent_ == parent && seq_entry(content())) return block(indent_);
        // An empty entry of a sequence: libfyaml does not always read one (`-` before a blank line
        // and the next entry is "did not find expected node content").
        if (!in_mapping) bail();
        count();
        return Value::null(range(base_, base_));
    }

    static bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
    // A character that may not start a plain scalar (`-`, `?` and `:` may, before a non-space).
    bool bad_plain_start(std::uint32_t p) const {
        char c = s_[p];
        if (flow_indicator(c) || c == '#' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '\'' ||
            c == '"' || c == '%' || c == '@' || c == '`')
            return true;
        if (c == '-' || c == '?' || c == ':') return p + 1 == end_ || s_[p + 1] == ' ' || s_[p + 1] == '\n';
        return false;
    }

    // A one-line quoted scalar at `q` (its line ends at `e`): its text and the position after the
    // closing quote.
    std::uint32_t quoted(std::uint32_t q, std::uint32_t e, std::string& text) {
        char quote = s_[q];
        text.clear();
        for (std::uint32_t p = q + 1; p < e; ++p) {
            char c = s_[p];
            if (c == quote) {
                if (quote == '\'' && p + 1 < e && s_[p + 1] == '\'') {
                    text += '\'';
                    ++p;
                    continue;
                }
                return p + 1;
            }
            if (c == '\\' && quote == '"') bail();
            text += c;
        }
        bail();  // continues on the next line, or unclosed
    }

    enum class KeyKind { Key, NotKey };
    struct Key {
        std::string_view text;  // the source's, or `unquoted`
        std::string unquoted;
        Range range;
        std::uint32_t after = 0;  // after the `:`
    };
    // Whether the line from `c` starts with `key:`.
    KeyKind key(std::uint32_t c, Key& k) {
        std::uint32_t e = eol(c);
        if (s_[c] == '"' || s_[c] == '\'') {
            std::uint32_t after = quoted(c, e, k.unquoted);
            k.text = k.unquoted;
            if (after < e && s_[after] == ':' && (after + 1 == e || s_[after + 1] == ' ')) {
                k.range = range(c, after);
                k.after = after + 1;
                return KeyKind::Key;
            }
            return KeyKind::NotKey;
        }
        // the first `:` before a space or the line's end, unless a comment starts before it
        std::uint32_t colon = 0;
        for (std::uint32_t p = c; p < e;) {
            std::uint32_t i = find(p, e, ':');
            if (i == e) break;
            if (i + 1 == e || s_[i + 1] == ' ') {
                colon = i;
                break;
            }
            p = i + 1;
        }
        if (colon == 0) return KeyKind::NotKey;
        for (std::uint32_t p = c; p < colon;) {
            std::uint32_t i = find(p, colon, '#');
            if (i == colon) break;
            if (i > c && s_[i - 1] == ' ') return KeyKind::NotKey;
            p = i + 1;
        }
        if (bad_plain_start(c) || s_[c] == '-' || s_[c] == '?' || s_[c] == ':' || s_[colon - 1] == ' ') bail();
        k.text = s_.substr(c, colon - c);
        if (k.text == "<<") bail();
        k.range = range(c, colon);
        k.after = colon + 1;
        return KeyKind::Key;
    }

    // A value starting at `p` on its line (after `key:` or `- `), through the lines it spans;
    // pos_ then at the next line with content. `parent` is the indentation of the key or `-`.
    Value value(std::uint32_t p, std::uint32_t parent, bool in_mapping) {
        std::uint32_t e = eol(p);
        while (p < e && s_[p] == ' ') ++p;
        if (p == e || s_[p] == '#') {
            pos_ = std::min(end_, e + 1);
            next_content();
            return node_below(parent, in_mapping);
        }
        count();
        char c = s_[p];
        if (c == '"' || c == '\'') {
            std::string text;
            std::uint32_t after = quoted(p, e, text);
            Value v = Value::string(std::move(text), range(p, after));
            end_line(after, parent);
            return v;
        }
        if (c == '[') return flow(p, parent, ']');
        if (c == '{') return flow(p, parent, '}');
        if (c == '|') return literal(p, e, parent);
        if (bad_plain_start(p)) bail();
        return plain(p, e, parent);
    }

    // The end of a plain scalar's text on the line [p, e), before any comment; whether a comment
    // follows. A `: ` in it is an error (`a: b: c`) left to libfyaml.
    std::uint32_t plain_segment(std::uint32_t p, std::uint32_t e, bool& comment) const {
        std::uint32_t stop = e;
        comment = false;
        for (std::uint32_t q = p; q < e;) {
            std::uint32_t i = find(q, e, '#');
            if (i == e) break;
            if (i > p && s_[i - 1] == ' ') {
                stop = i;
                comment = true;
                break;
            }
            q = i + 1;
        }
        for (std::uint32_t q = p; q < stop;) {
            std::uint32_t i = find(q, stop, ':');
            if (i == stop) break;
            if (i + 1 == e || s_[i + 1] == ' ') throw Bail{};
            q = i + 1;
        }
        while (stop > p && s_[stop - 1] == ' ') --stop;
        return stop;
    }

    // A plain scalar from `p` (its first line ends at `e`), continued on the lines indented deeper
    // than `parent`: lines folded into one space, each empty line a line feed.
    Value plain(std::uint32_t p, std::uint32_t e, std::uint32_t parent) {
        bool comment = false;
        std::uint32_t stop = plain_segment(p, e, comment);
        std::uint32_t line = std::min(end_, e + 1);
        std::string folded;
        bool multi = false;
        std::size_t breaks = 0;
        while (!comment && line < end_) {
            std::uint32_t q = line;
            while (q < end_ && s_[q] == ' ') ++q;
            if (q == end_ || s_[q] == '\n') {  // an empty line
                ++breaks;
                line = std::min(end_, q + 1);
                continue;
            }
            if (q - line <= parent || s_[q] == '#') break;
            std::uint32_t le = eol(q);
            if (bad_plain_start(q) || s_[q] == '-' || s_[q] == '?' || s_[q] == ':') bail();
            std::uint32_t qs = plain_segment(q, le, comment);
            if (!multi) folded.assign(s_.substr(p, stop - p));
            multi = true;
            if (breaks == 0) folded += ' ';
            else folded.append(breaks, '\n');
            breaks = 0;
            folded.append(s_.substr(q, qs - q));
            stop = qs;
            line = std::min(end_, le + 1);
        }
        if (!multi) {
            Value v = plain_scalar(s_.substr(p, stop - p), range(p, stop));
            end_line(stop, parent);
            return v;
        }
        Value v = plain_scalar(folded, range(p, stop));
        pos_ = line;
        next_content();
        if (pos_ < end_ && indent_ > parent) bail();
        return v;
    }

    // A scalar in a one-line flow at `p` (moved past it), before `,` or `close`.
    Value flow_scalar(std::uint32_t& p, std::uint32_t e, char close) {
        if (s_[p] == '"' || s_[p] == '\'') {
            std::string text;
            std::uint32_t after = quoted(p, e, text);
            Value v = Value::string(std::move(text), range(p, after));
            p = after;
            return v;
        }
        // in a flow, `-`, `?` and `:` before `,[]{}` do not start a plain scalar either
        if (bad_plain_start(p) || ((s_[p] == '-' || s_[p] == '?' || s_[p] == ':') && p + 1 < e && flow_indicator(s_[p + 1])))
            bail();
        std::uint32_t b = p;
        while (p < e && s_[p] != ',' && s_[p] != close) {
            char c = s_[p];
            if (c == ':' || c == '#' || c == '[' || c == ']' || c == '{' || c == '}') bail();
            ++p;
        }
        std::uint32_t stop = p;
        while (stop > b && s_[stop - 1] == ' ') --stop;
        return plain_scalar(s_.substr(b, stop - b), range(b, stop));
    }

    // A one-line flow sequence of scalars (`close` is `]`) or flow mapping of scalars (`}`) at `q`.
    Value flow(std::uint32_t q, std::uint32_t parent, char close) {
        std::uint32_t e = eol(q);
        bool mapping = close == '}';
        ValueList items;
        ValueMap fields;
        std::vector<LoadProblem> duplicates;
        std::uint32_t p = q + 1;
        auto skip = [&] {
            while (p < e && s_[p] == ' ') ++p;
        };
        skip();
        if (p < e && s_[p] == close) {
            ++p;
        } else {
            for (;;) {
                skip();
                if (p >= e) bail();
                count();
                if (!mapping) {
                    items.push_back(flow_scalar(p, e, close));
                } else {
                    // `key: value`, the key plain or quoted, the value a scalar
                    std::string key;
                    Range key_range;
                    if (s_[p] == '"' || s_[p] == '\'') {
                        std::uint32_t after = quoted(p, e, key);
                        key_range = range(p, after);
                        p = after;
                    } else {
                        if (bad_plain_start(p) || s_[p] == '-' || s_[p] == '?' || s_[p] == ':') bail();
                        std::uint32_t b = p;
                        while (p < e && s_[p] != ':') {
                            char c = s_[p];
                            if (c == '#' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') bail();
                            ++p;
                        }
                        if (p == b || s_[p - 1] == ' ') bail();
                        key.assign(s_.substr(b, p - b));
                        key_range = range(b, p);
                    }
                    if (p + 1 >= e || s_[p] != ':' || s_[p + 1] != ' ') bail();
                    p += 2;
                    skip();
                    if (p >= e || s_[p] == ',' || s_[p] == close) bail();  // no value
                    Value v = flow_scalar(p, e, close);
                    auto it = fields.lower_bound(key);
                    if (it != fields.end() && it->first == key) {
                        it->second = std::move(v);
                        duplicates.push_back({key_range, "duplicate key \"" + key + "\" in this mapping: the last one counts"});
                    } else {
                        fields.emplace_hint(it, std::move(key), std::move(v));
                    }
                }
                skip();
                if (p >= e) bail();
                if (s_[p] == close) {
                    ++p;
                    break;
                }
                if (s_[p] != ',') bail();
                ++p;
                skip();
                if (p >= e || s_[p] == close) bail();  // a trailing comma
            }
        }
        for (auto& d : duplicates) warnings_.push_back(std::move(d));
        Value v = mapping ? Value::object(std::move(fields), range(q, p)) : Value::list(std::move(items), range(q, p));
        end_line(p, parent);
        return v;
    }

    // `|` or `|-` at `q` (the header ends at `e`): the lines indented deeper than `parent`.
    Value literal(std::uint32_t q, std::uint32_t e, std::uint32_t parent) {
        bool strip = false;
        if (q + 1 < e) {
            if (s_[q + 1] != '-' || q + 2 != e) bail();
            strip = true;
        }
        if (e == end_) bail();
        std::uint32_t start = e + 1;
        std::uint32_t line = start;
        std::uint32_t indent = 0;
        std::string text;
        std::size_t blank = 0;  // empty lines not yet written
        std::uint32_t stop = end_;
        for (bool first = true; line < end_; first = false) {
            std::uint32_t p = line;
            while (p < end_ && s_[p] == ' ') ++p;
            std::uint32_t le = eol(p);
            std::uint32_t spaces = p - line;
            if (p == le) {  // a line of spaces
                if (first || spaces > indent) bail();
                ++blank;
                line = std::min(end_, le + 1);
                continue;
            }
            if (first) {
                if (spaces <= parent) bail();
                indent = spaces;
            }
            if (spaces < indent) {
                stop = p;
                break;
            }
            if (!first) text.append(blank + 1, '\n');
            blank = 0;
            text.append(s_.substr(line + indent, le - line - indent));
            line = std::min(end_, le + 1);
        }
        if (indent == 0) bail();  // no content: libfyaml's text of an empty block scalar is not reliable
        if (!strip) text += '\n';
        Value v = Value::string(std::move(text), range(start, stop));
        pos_ = stop == end_ ? end_ : line;  // the start of the line that ends it
        next_content();
        if (pos_ < end_ && indent_ > parent) bail();
        return v;
    }

    Value mapping(std::uint32_t indent, std::uint32_t first) {
        ValueMap fields;
        std::vector<LoadProblem> duplicates;
        std::uint32_t begin = first;
        std::uint32_t end = first;
        count();
        Key k;
        for (std::uint32_t c = first;;) {
            if (key(c, k) != KeyKind::Key) bail();
            count();
            Value v = value(k.after, indent, true);
            end = std::max(end, v.range.end);
            auto it = fields.lower_bound(k.text);
            if (it != fields.end() && it->first == k.text) {
                it->second = std::move(v);
                duplicates.push_back({k.range, "duplicate key \"" + std::string(k.text) + "\" in this mapping: the last one counts"});
            } else {
                fields.emplace_hint(it, std::string(k.text), std::move(v));
            }
            if (pos_ == end_ || indent_ < indent) break;
            if (indent_ > indent || seq_entry(content())) bail();
            c = content();
        }
        for (auto& d : duplicates) warnings_.push_back(std::move(d));
        return Value::object(std::move(fields), range(begin, end));
    }

    Value sequence(std::uint32_t indent) {
        ValueList items;
        std::uint32_t begin = content();
        std::uint32_t end = begin;
        count();
        for (;;) {
            std::uint32_t p = content() + 1;
            std::uint32_t e = eol(p);
            while (p < e && s_[p] == ' ') ++p;
            Value v;
            Key k;
            if (p < e && s_[p] != '#' && seq_entry(p)) bail();  // `- - x`
            if (p < e && s_[p] != '#' && key(p, k) == KeyKind::Key) {
                if (++depth_ > 100) bail();
                v = mapping(p - pos_, p);
                --depth_;
            } else {
                v = value(p, indent, false);
            }
            end = std::max(end, v.range.end);
            items.push_back(std::move(v));
            if (pos_ == end_ || indent_ < indent) break;
            if (indent_ > indent) bail();
            if (!seq_entry(content())) break;  // the next key of the mapping this sequence is a value of
        }
        return Value::list(std::move(items), range(begin, end));
    }

    FileId file_;
    std::string_view s_;
    std::uint32_t base_;
    std::uint32_t end_;
    std::uint32_t pos_ = 0;
    std::uint32_t indent_ = 0;
    std::size_t nodes_ = 0;
    int depth_ = 0;
    std::vector<LoadProblem> warnings_;
};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Value plain_scalar(std::string_view t, Range r) {
    if (t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL") return Value::null(r);
    // The words below (five characters at most) start with one of these letters, a sign or a
    // point; a number starts with a sign, a point or a digit.
    char c = t[0];
    bool maybe_number = c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9');
    bool maybe_word = maybe_number || c == 't' || c == 'T' || c == 'y' || c == 'Y' || c == 'o' || c == 'O' || c == 'f' ||
                      c == 'F' || c == 'n' || c == 'N';
    if (!maybe_word || (t.size() > 5 && !maybe_number)) return Value::string(std::string(t), r);
    static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"};
    static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"};
    for (auto s : kTrue)
        if (t == s) return Value::boolean(true, r);
    for (auto s : kFalse)
        if (t == s) return Value::boolean(false, r);
    if (t == ".inf" || t == "+.inf" || t == ".Inf" || t == ".INF") return Value::number(HUGE_VAL, r);
    if (t == "-.inf" || t == "-.Inf" || t == "-.INF") return Value::number(-HUGE_VAL, r);
    std::string_view body = t;
    if (body.front() == '-' || body.front() == '+') body.remove_prefix(1);
    if (body.starts_with("0x") && body.size() > 2) {
        std::uint64_t n = 0;
        auto [p, ec] = std::from_chars(body.data() + 2, body.data() + body.size(), n, 16);
        if (ec == std::errc() && p == body.data() + body.size())
            return Value::number(t.front() == '-' ? -static_cast<double>(n) : static_cast<double>(n), r);
        return Value::string(std::string(t), r);
    }
    if (body.starts_with("0o") && body.size() > 2) {
        std::uint64_t n = 0;
        auto [p, ec] = std::from_chars(body.data() + 2, body.data() + body.size(), n, 8);
        if (ec == std::errc() && p == body.data() + body.size())
            return Value::number(t.front() == '-' ? -static_cast<double>(n) : static_cast<double>(n), r);
        return Value::string(std::string(t), r);
    }
    // A decimal number: digits, at most one point, an optional exponent.
    std::size_t i = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i;
    std::size_t int_digits = i;
    std::size_t frac_digits = 0;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++frac_digits;
    }
    if (int_digits + frac_digits == 0) return Value::string(std::string(t), r);
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        if (!all_digits(body.substr(i))) return Value::string(std::string(t), r);
        i = body.size();
    }
    if (i != body.size()) return Value::string(std::string(t), r);
    double d = 0;
    auto [p, ec] = std::from_chars(t.data() + (t.front() == '+' ? 1 : 0), t.data() + t.size(), d);
    if (ec != std::errc() || p != t.data() + t.size()) return Value::string(std::string(t), r);
    return Value::number(d, r);
}

namespace {
Stream parse(FileId file, std::string_view text, bool fast, std::size_t* read_fast) {
    Stream out;
    if (text.size() >= 0xffffffffu) {
        out.errors.push_back({Range{file, 0, 0}, "the file is too large to read"});
        return out;
    }
    for (auto [begin, end] : cut(text)) {
        std::vector<Value> roots;
        DocumentParser p(file, text, begin, out);
        Range whole{file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
        // What the fast reader reads is ASCII (so UTF-8) without tabs or CRs.
        bool plain = fast && printable_ascii(text.substr(begin, end - begin));
        // YAML 1.2 streams are Unicode (UTF-8 here): a byte that is not, even in a comment, makes
        // the document malformed (libfyaml would stop there silently, the document lost unsaid).
        std::size_t bad = plain ? std::string_view::npos : first_invalid_utf8(text.substr(begin, end - begin));
        if (bad != std::string_view::npos) {
            auto at = static_cast<std::uint32_t>(begin + bad);
            out.errors.push_back({Range{file, at, at + 1}, fmt::format("invalid character encoding: byte 0x{:02x} is not UTF-8, "
                                                                       "and YAML must be UTF-8 encoded",
                                                                       static_cast<unsigned char>(text[at]))});
            out.failed_documents.push_back(whole);
            continue;
        }
        if (fast && !plain) plain = plain_unicode(text.substr(begin, end - begin));
        bool done = plain && FastParser(file, text, begin, end).run(roots, out.warnings);
        if (done && read_fast) ++*read_fast;
        if (!done && !p.run(end, roots)) {
            out.failed_documents.push_back(whole);
            continue;
        }
        for (std::size_t i = 0; i < roots.size(); ++i) {
            Document d;
            d.root = std::move(roots[i]);
            d.range = whole;
            if (i == 0) find_source_note(text, begin, end, file, d);
            out.documents.push_back(std::move(d));
        }
    }
    return out;
}
}  // namespace

Stream parse_stream(FileId file, std::string_view text) { return parse(file, text, true, nullptr); }
Stream parse_stream(FileId file, std::string_view text, std::size_t& read_fast) { return parse(file, text, true, &read_fast); }
Stream parse_stream_with_libfyaml(FileId file, std::string_view text) { return parse(file, text, false, nullptr); }

}  // namespace residency::yaml
