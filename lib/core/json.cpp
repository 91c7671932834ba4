// Strict JSON parser with an explicit stack, keeping exact byte ranges for every value and key.
#include "core/json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/number.hpp"
#include "core/utf8.hpp"

namespace residency::json {

Node::Node() = default;
Node::~Node() = default;
Node::Node(const Node&) = default;
Node::Node(Node&&) noexcept = default;
Node& Node::operator=(const Node&) = default;
Node& Node::operator=(Node&&) noexcept = default;

const Node* Node::get(std::string_view key) const {
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        if (it->first == key) return &it->second;
    }
    return nullptr;
}

namespace {

constexpr std::size_t kMaxDepth = 512;

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string describe(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return "end of input";
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    static const char* digits = "0123456789abcdef";
    return std::string("byte 0x") + digits[c >> 4] + digits[c & 0xF];
}

// One open container; containers are moved into their parent when closed, so nothing points
// into a vector that may still grow.
struct Frame {
    Node node;
    std::string key;  // Object: the key whose value is being parsed
    Range key_range;
};

class Parser {
public:
    Parser(FileId file, std::string_view text) : file_(file), text_(text) {}

    ParseResult run() {
        ParseResult result;
        // A UTF-8 byte order mark is not JSON, but editors on Windows write one; RFC 8259 allows
        // parsers to ignore it.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        Node value;
        bool expect_value = true;
        while (!failed_) {
            if (expect_value) {
                skip_ws();
                if (pos_ >= text_.size()) {
                    fail(pos_, "expected a value, found end of input");
                    break;
                }
                char c = text_[pos_];
                if (c == '{' || c == '[') {
                    if (stack_.size() >= kMaxDepth) {
                        fail(pos_, "nesting deeper than 512 levels");
                        break;
                    }
                    Frame frame;
                    frame.node.kind = c == '{' ? Node::Kind::Object : Node::Kind::Array;
                    frame.node.range = range(pos_, pos_ + 1);
                    ++pos_;
                    skip_ws();
                    char close = c == '{' ? '}' : ']';
                    if (pos_ < text_.size() && text_[pos_] == close) {
                        ++pos_;
                        frame.node.range.end = static_cast<std::uint32_t>(pos_);
                        value = std::move(frame.node);
                    } else {
                        stack_.push_back(std::move(frame));
                        if (c == '{' && !parse_key(stack_.back())) break;
                        continue;
                    }
                } else if (!parse_scalar(value)) {
                    break;
                }
            }
            // A complete value: hand it to the innermost open container, or finish.
            if (stack_.empty()) {
                result.root = std::move(value);
                skip_ws();
                if (pos_ < text_.size()) {
                    fail(pos_, "unexpected " + describe(text_, pos_) + " after the JSON value");
                    break;
                }
                result.ok = true;
                return result;
            }
            Frame& top = stack_.back();
            if (top.node.kind == Node::Kind::Array) {
                top.node.items.push_back(std::move(value));
            } else {
                top.node.members.emplace_back(std::move(top.key), std::move(value));
                top.node.key_ranges.push_back(top.key_range);
            }
            value = Node{};
            skip_ws();
            bool is_object = top.node.kind == Node::Kind::Object;
            char close = is_object ? '}' : ']';
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                expect_value = true;
                if (is_object && !parse_key(top)) break;
            } else if (pos_ < text_.size() && text_[pos_] == close) {
                ++pos_;
                top.node.range.end = static_cast<std::uint32_t>(pos_);
                value = std::move(top.node);
                stack_.pop_back();
                expect_value = false;
            } else {
                fail(pos_, std::string(is_object ? "expected ',' or '}' after an object member"
                                                 : "expected ',' or ']' after an array element") +
                               ", found " + describe(text_, pos_));
                break;
            }
        }
        result.ok = false;
        result.error = std::move(error_);
        result.error_range = error_range_;
        return result;
    }

private:
    Range range(std::size_t begin, std::size_t end) const {
        return Range{file_, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    }

    void fail(std::size_t at, std::string message, std::size_t length = 1) {
        failed_ = true;
        std::size_t end = std::min(text_.size(), at + length);
        if (at > text_.size()) at = text_.size();
        error_range_ = range(at, std::max(at, end));
        error_ = std::move(message);
    }

    void skip_ws() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            ++pos_;
        }
    }

    // Reads `"key" :` into the frame; the value follows.
    bool parse_key(Frame& frame) {
        skip_ws();
        if (pos_ >= text_.size() || text_[pos_] != '"') {
            fail(pos_, "expected a string key, found " + describe(text_, pos_));
            return false;
        }
        std::size_t begin = pos_;
        frame.key.clear();
        if (!parse_string(frame.key)) return false;
        frame.key_range = range(begin, pos_);
        skip_ws();
        if (pos_ >= text_.size() || text_[pos_] != ':') {
            fail(pos_, "expected ':' after an object key, found " + describe(text_, pos_));
            return false;
        }
        ++pos_;
        return true;
    }

    bool parse_scalar(Node& out) {
        std::size_t begin = pos_;
        char c = text_[pos_];
        out = Node{};
        if (c == '"') {
            out.kind = Node::Kind::String;
            if (!parse_string(out.text)) return false;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!parse_number(out)) return false;
        } else if (literal("true")) {
            out.kind = Node::Kind::Bool;
            out.boolean = true;
        } else if (literal("false")) {
            out.kind = Node::Kind::Bool;
        } else if (literal("null")) {
            out.kind = Node::Kind::Null;
        } else {
            fail(pos_, "expected a value, found " + describe(text_, pos_));
            return false;
        }
        out.range = range(begin, pos_);
        return true;
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    bool digits() {
        std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }

    bool parse_number(Node& out) {
        std::size_t begin = pos_;
        if (text_[pos_] == '-') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (!digits()) {
            fail(pos_, "expected a digit in a number, found " + describe(text_, pos_));
            return false;
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!digits()) {
                fail(pos_, "expected a digit after '.' in a number, found " + describe(text_, pos_));
                return false;
            }
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (!digits()) {
                fail(pos_, "expected a digit in a number's exponent, found " + describe(text_, pos_));
                return false;
            }
        }
        out.kind = Node::Kind::Number;
        out.text = std::string(text_.substr(begin, pos_ - begin));
        double value = 0;
        auto [ptr, ec] = std::from_chars(out.text.data(), out.text.data() + out.text.size(), value);
        (void)ptr;
        if (ec == std::errc::result_out_of_range) {
            // Too large saturates to infinity, too small to zero; the literal is kept in `text`.
            auto exp = out.text.find_first_of("eE");
            bool tiny = exp != std::string::npos && exp + 1 < out.text.size() && out.text[exp + 1] == '-';
            value = tiny ? 0.0 : HUGE_VAL;
            if (out.text[0] == '-') value = -value;
        }
        out.number = value;
        return true;
    }

    // Four hex digits at pos_ (after `\u`), or -1.
    long read_hex4() {
        if (pos_ + 4 > text_.size()) return -1;
        long v = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hex_value(text_[pos_ + i]);
            if (h < 0) return -1;
            v = v * 16 + h;
        }
        return v;
    }

    // Reads a quoted string at pos_ into out (decoded); pos_ ends after the closing quote.
    bool parse_string(std::string& out) {
        std::size_t begin = pos_;
        ++pos_;
        while (true) {
            // Copy the plain run in one go: most strings have no escapes.
            std::size_t run = pos_;
            while (pos_ < text_.size()) {
                unsigned char c = static_cast<unsigned char>(text_[pos_]);
                if (c == '"' || c == '\\' || c < 0x20) break;
                ++pos_;
            }
            out.append(text_.data() + run, pos_ - run);
            if (pos_ >= text_.size()) {
                fail(begin, "unterminated string", pos_ - begin);
                return false;
            }
            char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c != '\\') {
                fail(pos_, "control character " + describe(text_, pos_) + " in a string must be escaped");
                return false;
            }
            std::size_t escape = pos_;
            ++pos_;
            if (pos_ >= text_.size()) {
                fail(begin, "unterminated string", pos_ - begin);
                return false;
            }
            char e = text_[pos_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    long cp = read_hex4();
                    if (cp < 0) {
                        fail(escape, "invalid \\u escape: expected four hex digits",
                             std::min<std::size_t>(6, text_.size() - escape));
                        return false;
                    }
                    pos_ += 4;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        // A high surrogate pairs with an immediately following \u low surrogate.
                        if (text_.substr(pos_, 2) == "\\u") {
                            std::size_t save = pos_;
                            pos_ += 2;
                            long low = read_hex4();
                            if (low >= 0xDC00 && low <= 0xDFFF) {
                                pos_ += 4;
                                append_utf8(out, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
                                break;
                            }
                            pos_ = save;  // decoded on its own by the next loop round
                        }
                        append_utf8(out, 0xFFFD);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        append_utf8(out, 0xFFFD);
                    } else {
                        append_utf8(out, static_cast<std::uint32_t>(cp));
                    }
                    break;
                }
                default:
                    fail(escape, "invalid escape \\ followed by " + describe(text_, pos_ - 1) + " in a string", 2);
                    return false;
            }
        }
    }

    FileId file_;
    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<Frame> stack_;
    bool failed_ = false;
    std::string error_;
    Range error_range_;
};

}  // namespace

ParseResult parse(FileId file, std::string_view text) { return Parser(file, text).run(); }

Value to_value(const Node& n, const Range* at) {
    Range r = at ? *at : n.range;
    switch (n.kind) {
        case Node::Kind::Null: return Value::null(r);
        case Node::Kind::Bool: return Value::boolean(n.boolean, r);
        // Read as Terraform reads a JSON number: from its text, at 512 bits.
        case Node::Kind::Number: return number::literal(n.number, number::literal_text(n.text), r);
        case Node::Kind::String: return Value::string(n.text, r);
        case Node::Kind::Array: {
            ValueList items;
            items.reserve(n.items.size());
            for (const auto& item : n.items) items.push_back(to_value(item, at));
            return Value::list(std::move(items), r);
        }
        case Node::Kind::Object: {
            ValueMap fields;
            for (const auto& [key, value] : n.members) fields.insert_or_assign(key, to_value(value, at));
            return Value::object(std::move(fields), r);
        }
    }
    return Value::null(r);
}

}  // namespace residency::json
