// Rule documentation rendered from rule metadata: `residency explain`, docs/rules/, the README list.
#pragma once

#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace residency {

std::string rule_markdown(const RuleMeta& meta);  // docs/rules/RES101.md
std::string rules_index_markdown();                // docs/rules/README.md and the README's rule table
std::string rule_explain_text(const RuleMeta& meta);

// The files of one example: `-- path --` lines separate them; a single unnamed file is main.tf.
struct ExampleFile {
    std::string path;
    std::string text;
};
std::vector<ExampleFile> split_example(std::string_view source);

}  // namespace residency
