// Terraform's JSON configuration syntax (.tf.json, .tfvars.json) turned into the HCL syntax tree,
// so everything after the parser treats a .tf.json file exactly like a .tf file.
#pragma once

#include <string_view>

#include "frontends/terraform/syntax/hcl_ast.hpp"

namespace residency::terraform {

// A .tf.json file: top-level keys are block types, strings are templates ("${var.region}"), and
// every range points into `text`. JSON syntax errors and structural errors (a resource that is not
// an object, ...) go to ParsedFile::errors; everything else in the file is still converted.
hcl::ParsedFile parse_tf_json(FileId file, std::string_view text);

// A .tfvars.json file: one attribute per top-level member, values as literal expressions
// (strings are never templates here).
hcl::ParsedFile parse_tfvars_json(FileId file, std::string_view text);

}  // namespace residency::terraform
