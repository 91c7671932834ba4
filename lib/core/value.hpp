// The value tree: evaluated configuration values with their source range, provenance, and a real
// "unknown" state that carries the reason it could not be resolved.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"

namespace residency {

// One link in the chain of places that produced a value, outermost first:
// provider "aws" region  <-  var.region default  <-  terraform.tfvars:3
struct ProvenanceStep;
using Provenance = std::shared_ptr<const ProvenanceStep>;
struct ProvenanceStep {
    std::string label;  // "var.region", "terraform.tfvars", "provider \"aws\" (alias \"us\")", ...
    Range range;
    Provenance next;
};

// Prepends a step to a chain; chains are shared, so this never copies the tail.
Provenance prepend(std::string label, Range range, Provenance tail);
std::vector<const ProvenanceStep*> steps(const Provenance& chain);

// Why a value is unknown. Rules and diagnostics read it to say what would resolve the value, and
// try()/can() to tell a modelling gap (never a fallback) from an error Terraform would raise.
enum class UnknownCause : std::uint8_t {
    Input,        // a variable with no value: --var or a tfvars file would give it one
    AfterApply,   // computed by the provider when it applies, or read by a data source when it plans
    Unsupported,  // this tool does not model it: an unsupported function, a module it cannot read, ...
    Error,        // Terraform itself would reject the expression
};
const char* unknown_cause_name(UnknownCause c);  // "input", "after-apply", "unsupported", "error"

// The address of the asset a value was read from ("aws_s3_bucket.replica"), shared: every value
// read from one asset names it, and a copy must not copy the text.
class AssetRef {
public:
    AssetRef() = default;
    AssetRef(std::string address);
    AssetRef(const char* address) : AssetRef(std::string(address)) {}

    bool empty() const { return !address_; }
    const std::string& str() const;
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    friend bool operator==(const AssetRef& a, std::string_view b) { return a.str() == b; }

private:
    std::shared_ptr<const std::string> address_;
};

// The static type family of a collection, as far as it is known: cty's `[1] == tolist([1])` is
// false (a tuple is not a list), `var.x == []` false for a list(string) variable. Known only where
// cty's type is certain (literals, for expressions, tolist/toset/tomap, variable type constraints);
// Unset elsewhere, where `==` compares the data alone. Read only by `==` and `!=`.
enum class Flavor : std::uint8_t { Unset, Tuple, List, Set, Object, Map };

// The precision Terraform gives a number (see core/number.hpp): 53 bits for a float64 (pow, log,
// and every number that did not come from Terraform's own text: YAML, plan JSON, counts), 64 for
// an integer from cty's SetInt, 512 for one read from text.
enum class NumberPrecision : std::uint8_t { Float64, Int64, Text };
unsigned precision_bits(NumberPrecision p);

// A number no double holds exactly, or one that needs its precision to print (core/number.cpp).
class BigNumber;

class Value;
using ValueList = std::vector<Value>;
using ValueMap = std::map<std::string, Value, std::less<>>;  // sorted: Terraform iterates keys in order

class Value {
public:
    enum class Kind : std::uint8_t { Null, Bool, Number, String, List, Object, Unknown };

    Value() = default;
    static Value null(Range r = {});
    static Value boolean(bool b, Range r = {});
    static Value number(double n, Range r = {}, NumberPrecision p = NumberPrecision::Float64);
    // `nearest` is the double closest to the big number, for code that reads doubles.
    static Value number(std::shared_ptr<const BigNumber> big, double nearest, Range r = {});
    static Value string(std::string s, Range r = {});
    static Value list(ValueList items, Range r = {});
    static Value object(ValueMap fields, Range r = {});
    // An object that has more attributes than it lists: a resource or data source instance (or one
    // of its nested blocks) lists its arguments, while its computed attributes are known only
    // after apply. A missing attribute of an open object is unknown, not an error.
    static Value open_object(ValueMap fields, Range r = {});
    static Value unknown(std::string reason, Range r = {}, UnknownCause cause = UnknownCause::Unsupported);

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::Null; }
    bool is_unknown() const { return kind_ == Kind::Unknown; }
    bool is_string() const { return kind_ == Kind::String; }
    bool is_number() const { return kind_ == Kind::Number; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    bool is_list() const { return kind_ == Kind::List; }
    bool is_object() const { return kind_ == Kind::Object; }
    bool is_open() const { return open_; }  // Object only: see open_object
    // True when the value or anything inside it is unknown.
    bool contains_unknown() const;

    bool as_bool() const { return bool_; }
    double as_number() const { return number_; }  // the nearest double when big() is set
    NumberPrecision number_precision() const { return static_cast<NumberPrecision>(precision_); }
    const BigNumber* big() const {  // Number only: the exact value, when not plain
        return kind_ == Kind::Number ? static_cast<const BigNumber*>(items_.get()) : nullptr;
    }
    const std::string& as_string() const { return text_; }        // String only
    const std::string& unknown_reason() const { return text_; }  // Unknown only
    UnknownCause unknown_cause() const { return cause_; }        // Unknown only
    // Unknown only: for a string rendered from a template whose unknown parts are all references,
    // the known text with each unknown part written as its own pattern or reason between \x1f marks
    // ("replica-\x1frandom_pet.this.id is known only after apply\x1f"). Two unknown strings with
    // the same pattern will be equal once known; nullptr when there is none.
    const std::string* pattern() const {
        return kind_ == Kind::Unknown ? static_cast<const std::string*>(items_.get()) : nullptr;
    }
    Value with_pattern(std::string pattern) const;  // Unknown only; other values are returned as they are
    Value without_pattern() const;
    Flavor flavor() const { return static_cast<Flavor>(flavor_); }
    // Whether the elements' own flavors are certain: false where something converted them in a way
    // the flavors do not follow (tomap unifies element types), so an element read out of this
    // value has none.
    bool elements_typed() const { return elements_typed_; }
    void set_flavor(Flavor f, bool elements_typed) {
        flavor_ = static_cast<std::uint8_t>(f) & 7u;
        elements_typed_ = elements_typed;
    }
    Value with_flavor(Flavor f, bool elements_typed) && {
        set_flavor(f, elements_typed);
        return std::move(*this);
    }
    // This value as an element read out of `parent`: it keeps its own flavor only where the
    // parent's elements are typed.
    Value element_of(const Value& parent) && {
        if (!parent.elements_typed()) set_flavor(Flavor::Unset, false);
        return std::move(*this);
    }
    const ValueList& items() const;   // List only; empty otherwise
    const ValueMap& fields() const;   // Object only; empty otherwise
    const Value* get(std::string_view key) const;  // Object field, or nullptr

    Range range;

private:
    // Beside `range`, in what would be its padding: values are many, keep them small.
    Kind kind_ = Kind::Null;
    UnknownCause cause_ = UnknownCause::Unsupported;
    bool open_ = false;
    // One byte for four: the Bool's value, a collection's flavor with elements_typed_, and a
    // plain number's precision.
    bool bool_ : 1 = false;
    std::uint8_t flavor_ : 3 = 0;
    bool elements_typed_ : 1 = false;
    std::uint8_t precision_ : 2 = 0;

public:
    Provenance provenance;
    // Address of the asset whose attribute this value is (`aws_s3_bucket.replica.arn` keeps
    // "aws_s3_bucket.replica"), so rules can follow a reference even when the value is computed.
    AssetRef ref_asset;

    // Same value, new range; keeps provenance and reference.
    Value at(Range r) const;
    Value with_provenance(Provenance p) const;

    static const char* kind_name(Kind k);
    // Terraform-like rendering for messages: "eu-west-1", 3, true, ["a", "b"], (unknown).
    std::string display() const;

private:
    double number_ = 0;
    std::string text_;
    // List: a ValueList; Object: a ValueMap; Number: a BigNumber or null; Unknown: its pattern or
    // null (one pointer for all: values are many, keep them small).
    std::shared_ptr<const void> items_;
};

// Structural equality of the data (ranges and provenance ignored); unknowns are never equal.
bool same_data(const Value& a, const Value& b);

// Terraform's `==` when parts may be unknown: the answer is known as soon as one known difference
// exists (null against a value, different kinds, key sets or lengths, two known leaves that
// differ); it is Unknown only when every known part is equal and some part is unknown.
enum class Equality : std::uint8_t { Equal, Different, Unknown };
// `unknown` receives the first unknown part met when the result is Unknown.
Equality compare(const Value& a, const Value& b, const Value** unknown = nullptr);

}  // namespace residency
