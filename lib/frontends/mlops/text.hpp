// The small text formats of MLOps configuration: `.env` files, compose's variable interpolation
// and its splitting of a command string into words. Pure functions, for the frontend and tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "engine/frontend.hpp"

namespace residency::mlops {

// Variables interpolation reads: name -> value, the value's range and provenance saying where it
// was set. A name absent from the map is unset.
using Variables = ValueMap;

// What interpolation says about a variable it cannot find: "no .env beside compose.yaml sets it".
struct Interpolation {
    const Variables& variables;
    std::string where;       // label of the variables' file for provenance: ".env"
    std::string unset_hint;  // why an unset variable is unset, appended to the reason
};

// Compose interpolation of `text` (a scalar's text at `range`): `${VAR}`, `$VAR`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}` (defaults
// nest) and `$$` for a dollar. A variable the map does not hold is unset: a default applies, else
// the result is Unknown (cause Input) naming the variable. Values taken from the map add a
// provenance step "${VAR} in <where>" at the variable's range. A malformed `${` is an error (compose
// refuses the file) and the result is Unknown.
Value interpolate(std::string_view text, Range range, const Interpolation& in, std::vector<LoadProblem>* errors = nullptr);

// Whether `text` holds anything interpolation would change.
bool has_interpolation(std::string_view text);

// One `NAME=value` of a `.env` file.
struct DotenvEntry {
    std::string name;
    Range name_range;
    Value value;  // the value text's range (quotes included); Unknown for a bare NAME (from the shell)
};

struct Dotenv {
    std::vector<DotenvEntry> entries;  // in file order; a later entry of one name overrides
    std::vector<LoadProblem> errors;   // lines that are not assignments, unclosed quotes
};

// A `.env` file as compose reads it: `NAME=value`, `export NAME=value`, blank lines and `#`
// comments; values unquoted (an inline comment after whitespace and `#` ends them, surrounding
// whitespace trimmed), single-quoted (literal) or double-quoted (`\n`, `\"`, `\\` escapes); quoted
// values may span lines. Unquoted and double-quoted values interpolate names set earlier in the
// file; `where` labels the file for provenance and reasons (".env").
Dotenv parse_dotenv(FileId file, std::string_view text, const std::string& where);

// One word of a command string: its text and its [begin, end) offsets in the string.
struct Word {
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool quoted = false;  // some part of it was quoted
};

// A command string split into words as compose splits `command:` and `entrypoint:` (shell words:
// whitespace separates, single quotes are literal, double quotes and backslashes escape; nothing
// is expanded). A `${...}` is kept whole even when its default holds spaces. nullopt when a quote
// is not closed.
std::optional<std::vector<Word>> split_words(std::string_view text);

}  // namespace residency::mlops
