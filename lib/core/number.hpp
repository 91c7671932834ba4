// Terraform's numbers, as cty keeps them: Go big.Float values, each an exact binary fraction with
// its own precision. A number read from text (a literal, tonumber, jsondecode, a tfvars value) has
// 512 bits, rounded to nearest even; a float64 function's result (pow, log) has 53; parseint's has
// its integer's. Arithmetic rounds to the larger precision of its operands, and a number prints as
// the shortest decimal that reads back to the same value at its own precision: `0.1 * 3` is 0.3,
// `1 / 3` has 155 digits, and 12345678901234567890 stays whole.
//
// Most numbers are small integers a double holds exactly, with any precision: they stay plain
// doubles (`Value::number`). Only a value no double holds, or whose precision changes how it
// prints, carries a `BigNumber` (MPFR), so a scan pays for exactness only where it shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.hpp"

namespace residency::number {

// cty.ParseNumberVal: `text` is in HCL's decimal grammar (the caller checked it: digits with an
// optional sign, fraction and exponent).
Value parse(std::string_view text, Range r = {});
// An HCL number literal: `value` as read, `text` only when it has more significant digits than a
// double keeps (see literal_text).
Value literal(double value, std::string_view text, Range r);
// The literal's text when `value` alone would not give back its number (more than 15 significant
// digits), else empty: the syntax tree keeps only those.
std::string_view literal_text(std::string_view text);
// cty's SetInt: a whole number at the precision of its digits (at least 64 bits).
Value integer(std::string_view digits, int base, bool negative, Range r);

// nullopt where Go's big.Float panics with ErrNaN: infinity minus infinity, zero times infinity,
// 0/0 and inf/inf.
std::optional<Value> add(const Value& a, const Value& b, Range r);
std::optional<Value> subtract(const Value& a, const Value& b, Range r);
std::optional<Value> multiply(const Value& a, const Value& b, Range r);
std::optional<Value> divide(const Value& a, const Value& b, Range r);
// cty's Modulo: the remainder of the truncated quotient; x % 0 is x.
std::optional<Value> modulo(const Value& a, const Value& b, Range r);
Value negate(const Value& a, Range r);
Value absolute(const Value& a, Range r);
Value floor(const Value& a, Range r);
Value ceil(const Value& a, Range r);

// -1, 0 or 1, exactly (numbers only; no NaN exists).
int order(const Value& a, const Value& b);
inline bool equal(const Value& a, const Value& b) { return order(a, b) == 0; }

// Whether printing needs more than the double: the value is a BigNumber, or a plain double whose
// precision is not 53 bits and that is not a whole number below 2^53.
bool prints_exactly_only(const Value& n);
// big.Float.Text('f', -1): what tostring, templates and jsonencode print.
std::string text(const Value& n);
// big.Float.Append(verb, precision) for verb 'e', 'E', 'f', 'g' or 'G' (precision -1: shortest),
// sign included: format()'s float verbs.
std::string go_format(const Value& n, char verb, int precision);
// The digits of a whole number in `base` ("-12", "ff"); nullopt when it is not whole (format's
// integer verbs).
std::optional<std::string> whole_digits(const Value& n, int base = 10, bool upper = false);

}  // namespace residency::number
