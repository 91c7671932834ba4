// Escaping of control, bidi and invalid UTF-8 sequences for terminal output, with display columns.
#include "report/sanitize.hpp"

namespace residency {
namespace {

bool needs_escape(char32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return true;                // C0, DEL (tab is handled by the caller)
    if (cp >= 0x80 && cp <= 0x9f) return true;               // C1, includes the 8-bit CSI
    if (cp >= 0x202a && cp <= 0x202e) return true;           // LRE RLE PDF LRO RLO
    if (cp >= 0x2066 && cp <= 0x2069) return true;           // LRI RLI FSI PDI
    return cp == 0x200e || cp == 0x200f || cp == 0x061c;     // LRM RLM ALM: invisible reordering marks
}

// Terminal cells a code point takes: East Asian wide and emoji blocks take two, combining marks none.
std::uint32_t cell_width(char32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200d) || cp == 0xfeff) return 0;
    if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
        (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
        return 2;
    return 1;
}

void append_escape(std::string& out, const char* prefix, std::uint32_t value, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += prefix;
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xf];
}

// tab_width 0 keeps tabs as they are (messages); otherwise they are expanded (code frames).
void escape(std::string_view in, std::uint32_t tab_width, std::string& out, std::vector<std::uint32_t>* columns) {
    std::uint32_t col = 0;
    std::size_t i = 0;
    while (i < in.size()) {
        std::size_t start_size = out.size();
        char32_t cp = 0;
        std::size_t len = decode_utf8(in, i, cp);
        std::uint32_t width = 0;
        if (len == 0) {
            append_escape(out, "\\x", static_cast<unsigned char>(in[i]), 2);
            len = 1;
            width = 4;
        } else if (cp == '\t') {
            if (tab_width == 0) {
                out += '\t';
                width = 1;
            } else {
                width = tab_width - col % tab_width;
                out.append(width, ' ');
            }
        } else if (needs_escape(cp)) {
            if (cp < 0x80) append_escape(out, "\\x", cp, 2);
            else append_escape(out, "\\u", cp, 4);
            width = static_cast<std::uint32_t>(out.size() - start_size);  // escapes are plain ASCII
        } else {
            out.append(in.substr(i, len));
            width = cell_width(cp);
        }
        if (columns)
            for (std::size_t k = 0; k < len; ++k) columns->push_back(col);
        col += width;
        i += len;
    }
    if (columns) columns->push_back(col);
}

}  // namespace

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xe0) == 0xc0) { len = 2; cp = b0 & 0x1f; min = 0x80; }
    else if ((b0 & 0xf0) == 0xe0) { len = 3; cp = b0 & 0x0f; min = 0x800; }
    else if ((b0 & 0xf8) == 0xf0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

std::string escape_json_invisible(std::string json) {
    std::size_t i = 0;
    while (i < json.size() && static_cast<unsigned char>(json[i]) < 0x80) ++i;
    if (i == json.size()) return json;
    std::string out;
    out.reserve(json.size() + 16);
    std::size_t copied = 0;  // json[copied, i) is still to be appended
    while (i < json.size()) {
        char32_t cp = 0;
        std::size_t len = static_cast<unsigned char>(json[i]) < 0x80 ? 1 : decode_utf8(json, i, cp);
        if (len > 1 && needs_escape(cp)) {
            out.append(json.data() + copied, i - copied);
            append_escape(out, "\\u", static_cast<std::uint32_t>(cp), 4);
            copied = i + len;
        }
        i += len == 0 ? 1 : len;
    }
    out.append(json.data() + copied, json.size() - copied);
    return out;
}

std::string sanitize_terminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    escape(text, 0, out, nullptr);
    return out;
}

CodeLine sanitize_code_line(std::string_view line, std::uint32_t tab_width) {
    CodeLine result;
    result.text.reserve(line.size());
    result.columns.reserve(line.size() + 1);
    escape(line, tab_width == 0 ? 1 : tab_width, result.text, &result.columns);
    return result;
}

}  // namespace residency
