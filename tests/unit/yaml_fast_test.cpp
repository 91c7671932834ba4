// Tests for the fast reader of common YAML (lib/frontends/kubernetes/yaml_stream.cpp): what it reads
// is exactly what the libfyaml reader makes of the same text, values, ranges, warnings and all; what
// it does not read goes to libfyaml.
#include <doctest/doctest.h>
#include <libfyaml.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "frontends/kubernetes/yaml_codec.hpp"

using namespace residency;
using namespace residency::yaml;

namespace {

constexpr FileId kFile = 3;

std::string bytes(const Stream& s) {
    auto e = encode(s, kFile);
    return e ? *e : std::string("(not encodable)");
}

// The parts of a stream parse_stream reads one by one: cut before each `---` line but the first.
std::vector<std::string> parts(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t eol = text.find('\n', pos);
        std::size_t next = eol == std::string::npos ? text.size() : eol + 1;
        std::string_view line(text.data() + pos, next - pos);
        bool marker = line.starts_with("---") &&
                      (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n');
        if (pos > start && marker) {
            out.push_back(text.substr(start, pos - start));
            start = pos;
        }
        pos = next;
    }
    out.push_back(text.substr(start));
    return out;
}

// libfyaml 0.7 formats some scalars wrongly (a multi-line single-quoted scalar with '' in it, a
// block scalar whose lines are not indented deeper than its key): the text it gives has bytes it
// never wrote, or a length that is not its zero-terminated length. Such text cannot be compared.
bool libfyaml_garbles(const std::string& text) {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.output_fn = [](fy_diag*, void*, const char*, size_t) {};
    fy_diag* diag = fy_diag_create(&dcfg);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
    cfg.diag = diag;
    fy_parser* p = fy_parser_create(&cfg);
    if (!p) {
        fy_diag_destroy(diag);
        return true;
    }
    fy_parser_set_string(p, text.data(), text.size());
    bool garbled = false;
    while (fy_event* ev = fy_parser_parse(p)) {
        if (ev->type == FYET_SCALAR && ev->scalar.value) {
            std::size_t len = 0;
            fy_token_get_text(ev->scalar.value, &len);
            const char* z = fy_token_get_text0(ev->scalar.value);
            if (!z || std::strlen(z) != len) garbled = true;
        }
        fy_parser_event_free(p, ev);
    }
    fy_parser_destroy(p);
    fy_diag_destroy(diag);
    return garbled;
}

// Each part the fast reader reads reads the same through libfyaml; the count of such parts.
std::size_t check_agrees(const std::string& text, const std::string& what) {
    std::size_t fast_parts = 0;
    for (const std::string& part : parts(text)) {
        std::size_t n = 0;
        Stream fast = parse_stream(kFile, part, n);
        if (n == 0 || libfyaml_garbles(part)) continue;
        ++fast_parts;
        Stream slow = parse_stream_with_libfyaml(kFile, part);
        CHECK_MESSAGE(bytes(fast) == bytes(slow), what, ":\n", part);
    }
    return fast_parts;
}

std::size_t fast_parts(const std::string& text) {
    std::size_t n = 0;
    (void)parse_stream(kFile, text, n);
    return n;
}

const char* const kManifest = R"(# Source: chart/templates/app.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  namespace: "prod"
  labels:
    app.kubernetes.io/name: app
    'quoted key': 'it''s'
  annotations: {}
spec:
  replicas: 3
  paused: false
  ratio: 0.5
  nothing: ~
  empty:
  template:
    spec:
      nodeSelector:
        topology.kubernetes.io/region: eu-west-1   # pinned
      containers:
      - name: app
        image: nginx:1.25.3
        args: ["--port=8080", '--mode', plain, 42]
        env:
          - name: A
            value: "1"
          - name: B
            valueFrom:
              secretKeyRef: {}
        ports: []
      volumes:
        -
          name: data
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  script.sh: |
    #!/bin/sh
    echo hi

      indented
  strip: |-
    one
    two


  # a comment ends it
  last: x
---
- a
- b: 1
  c: 2
- [x, y]
)";

}  // namespace

TEST_CASE("yaml fast reader: a typical manifest is read fast, exactly as libfyaml reads it") {
    std::string text = kManifest;
    CHECK(fast_parts(text) == 3);
    CHECK(check_agrees(text, "manifest") == 3);
    CHECK(bytes(parse_stream(kFile, text)) == bytes(parse_stream_with_libfyaml(kFile, text)));
    Stream s = parse_stream(kFile, text);
    REQUIRE(s.documents.size() == 3);
    CHECK(s.documents[0].source_note == "chart/templates/app.yaml");
    const Value& spec = *s.documents[0].root.get("spec");
    CHECK(spec.get("empty")->is_null());
    CHECK(spec.get("replicas")->as_number() == 3);
    CHECK(s.documents[1].root.get("data")->get("script.sh")->as_string() == "#!/bin/sh\necho hi\n\n  indented\n");
    CHECK(s.documents[1].root.get("data")->get("strip")->as_string() == "one\ntwo");
}

TEST_CASE("yaml fast reader: small shapes agree with libfyaml, read fast or not") {
    const char* cases[] = {
        "a: 1\n",
        "a: 1",
        "---\n",
        "---\na: b\n",
        "# only a comment\n",
        "",
        "a: 1\na: 2\nb:\n  c: 1\n  c: 3\n",  // duplicate keys: warnings, the last one counts
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n    - x\n    - y\n",
        "- a: 1\n  b: 2\n- c\n",
        "-   a: 1\n    b: |\n      x\n",
        "a: |\n  x\n  y",
        "a: |\n  x\n\n\n",
        "a: |-\n  x\n\n# c\nb: 1\n",
        "a: |\n    x\n  # terminates\nb: 1\n",
        "a: |\n  x\n   \n  y\n",
        "a: ''\nb: \"\"\nc: 'it''s'\nd: [ a , 'b' ]\ne: []\n",
        "a: yes\nb: No\nc: 0x1F\nd: 0o17\ne: 1e3\nf: -.inf\ng: .5\nh: +1\ni: 1_000\nj: null\nk: ~\n",
        "a: b # c\nd: e#f\n",
        "url: http://x:80/y\n",
        "a: b: c\n",
        "a: 'x' y\n",
        "a: [x, ]\n",
        "a: [x,, y]\n",
        "a: [x\n",
        "a: [-]\nb: [-1, ?, :x, -x]\n",
        "a: {b: 1}\n",
        "a: { }\n",
        "m: {a: 1, \"b\": x , c: 'y', a: 2}\nn: {}\n",
        "m: {a: [y]}\n",
        "m: {a: {b: 1}}\n",
        "m: {a:1}\n",
        "m: {a : 1}\n",
        "m: {\"a\":1}\n",
        "m: {a: }\n",
        "m: {a}\n",
        "m: {a: 1,}\n",
        "m: {a: 1 # c\n",
        "m: {a: b c, d: -1, e: ~}\n",
        "m: {a: x]}\n",
        "m: [a}]\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "a: >\n  folded\n  text\n",
        "a: |+\n  keep\n\n",
        "a: |2\n   x\n",
        "a: multi\n  line\n",
        "a: multi\n  line\n\n   and\n\n\n  more   # c\nb: 1\n",
        "a: multi\n  line\n  # comment\nb: 1\n",
        "a: multi\n  line\n  # comment\n  more\n",
        "a: multi\n  line: x\n",
        "a: multi\n  - x\n",
        "a: multi\n  'x'\n",
        "- multi\n  line\n- k: one\n    two\n  j: 1\n",
        "a:\n  below\n  and more\nb:\n  \"quoted\"\nc:\n  [x]\nd:\n  |\n  x\n",
        "a: 1\n  2\n",
        "a: x\n\nb: y\n",
        "a: 'multi\n  line'\n",
        "a: \"esc\\n\"\n",
        "a:\tb\n",
        "a: b\r\n",
        "a: caf\xc3\xa9\n",
        "caf\xc3\xa9: \"\xe2\x80\x99\" # \xf0\x9f\x98\x80\nb: |\n  \xc3\xa9t\xc3\xa9\nc: ['\xc3\xa9', \xc3\xa9]\n",
        "a: x\xc2\x85y\n",
        "a: x\xe2\x80\xa8y\n",
        "a: x\xe2\x80\xa9y\n",
        "a: x\xef\xbb\xbfy\n",
        "\xef\xbb\xbf"
        "a: 1\n",
        "a: x\xc2\xa0y\xc2\xa0\n",
        "a: \xff\n",
        "? a\n: b\n",
        "- - x\n",
        "-\n- x\n",
        "-\n\n- x\n",
        "a:\n  -\n    b: 1\n",
        "  a: 1\n",
        "a: 1\n b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "key:\n  - a\n  b: c\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 1\n...\n",
        "--- a\n",
        "--- # comment\na: 1\n",
        "a: 1\n---\nb: [\n---\nc: 3\n",
        "a: |\n",
        "a: |\nb: 1\n",
        "a: |\n\n  x\n",
        "scalar root\n",
        "\"a\": 1\n'b' : 2\n",
        "a : 1\n",
        "-1: x\n",
        "a: -1\nb: - x\n",
        "a: -\n",
        "a: @x\n",
        "a: `x`\n",
        "a: %x\n",
        "a: x # c\n  # deeper comment\nb: 1\n",
    };
    for (const char* c : cases) {
        std::string text = c;
        check_agrees(text, text);
        if (!libfyaml_garbles(text))
            CHECK_MESSAGE(bytes(parse_stream(kFile, text)) == bytes(parse_stream_with_libfyaml(kFile, text)), text);
    }
    // What the fast reader reads, and what it leaves to libfyaml.
    CHECK(fast_parts("a: 1\n") == 1);
    CHECK(fast_parts("-   a: 1\n    b: |\n      x\n") == 1);
    CHECK(fast_parts("a: &x 1\nb: *x\n") == 0);
    CHECK(fast_parts("a: multi\n  line\n") == 1);
    CHECK(fast_parts("a:\n  below\n  and more\n") == 1);
    CHECK(fast_parts("a: multi\n  line: x\n") == 0);
    CHECK(fast_parts("a: 1\n---\nb: [\n---\nc: 3\n") == 2);
    CHECK(fast_parts("caf\xc3\xa9: \"\xe2\x80\x99\" # \xf0\x9f\x98\x80\n") == 1);
    CHECK(fast_parts("a: x\xe2\x80\xa8y\n") == 0);
    CHECK(fast_parts("m: {a: 1, \"b\": x , c: 'y', a: 2}\n") == 1);
}

TEST_CASE("yaml fast reader: damaged manifests read the same as through libfyaml") {
    // Deterministic damage: characters deleted, YAML's punctuation inserted, lines doubled,
    // indentation changed. Every part the fast reader still reads must read as libfyaml reads it.
    std::string base = kManifest;
    const char* pieces[] = {" ",  "  ", "\n", "-",   "- ", ":", ": ",  "#",   " #", "'",    "\"", "|",  "|-", ">",
                            "[",  "]",  "{",  "}",   ",",  "---\n", "&a ", "*a", "!!str ", "?", "\\", "''", "\n  ",
                            "\n- ", "x", "1", "~",   "\t", "key: ", "-\n", "[]", "{}",    "\"\""};
    std::mt19937 rng(11);
    std::size_t read = 0;
    for (int i = 0; i < 1500; ++i) {
        std::string t = base;
        int n = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < n; ++k) {
            std::size_t at = rng() % t.size();
            std::size_t bol = t.rfind('\n', at);
            bol = bol == std::string::npos ? 0 : bol + 1;
            switch (rng() % 4) {
                case 0: t.erase(at, 1 + rng() % 3); break;
                case 1: t.insert(at, pieces[rng() % std::size(pieces)]); break;
                case 2: {
                    std::size_t eol = t.find('\n', at);
                    std::string line = t.substr(bol, (eol == std::string::npos ? t.size() : eol + 1) - bol);
                    t.insert(bol, line);
                    break;
                }
                default:
                    if (rng() % 2 && t[bol] == ' ') t.erase(bol, 1);
                    else t.insert(t.begin() + static_cast<std::ptrdiff_t>(bol), ' ');
            }
        }
        read += check_agrees(t, "damaged manifest " + std::to_string(i));
    }
    CHECK(read > 1500);
}

TEST_CASE("yaml fast reader: every YAML file of the project reads the same as through libfyaml") {
    namespace fs = std::filesystem;
    std::size_t read = 0;
    for (const char* dir : {"tests", "examples", "rules"}) {
        if (!fs::exists(fs::path(RESIDENCY_SOURCE_DIR) / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(fs::path(RESIDENCY_SOURCE_DIR) / dir)) {
            auto ext = e.path().extension();
            if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
            read += check_agrees(*read_file_bytes(e.path()), e.path().string());
        }
    }
    CHECK(read > 40);
}
