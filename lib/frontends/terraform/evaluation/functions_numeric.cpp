// Terraform's numeric functions: abs ceil floor log max min parseint pow signum.
#include <cctype>
#include <cmath>

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

double num(const Call& c, std::size_t i) { return c.args[i].as_number(); }

Value fn_abs(Call& c) { return number::absolute(c.args[0], c.range); }
Value fn_ceil(Call& c) { return number::ceil(c.args[0], c.range); }
Value fn_floor(Call& c) { return number::floor(c.args[0], c.range); }
Value fn_log(Call& c) { return Value::number(std::log(num(c, 0)) / std::log(num(c, 1)), c.range); }
Value fn_pow(Call& c) { return Value::number(std::pow(num(c, 0), num(c, 1)), c.range); }
Value fn_signum(Call& c) {
    double n = num(c, 0);
    // cty reads the argument as an int.
    if (n != std::trunc(n) || std::fabs(n) > 9.2e18)
        return c.fail("Call to function \"signum\" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807");
    return Value::number(n > 0 ? 1 : n < 0 ? -1 : 0, c.range);
}

// As cty: the first of the largest (smallest) arguments, exactly as it was.
Value fn_max(Call& c) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < c.args.size(); ++i)
        if (number::order(c.args[i], c.args[best]) > 0) best = i;
    return c.args[best].at(c.range);
}
Value fn_min(Call& c) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < c.args.size(); ++i)
        if (number::order(c.args[i], c.args[best]) < 0) best = i;
    return c.args[best].at(c.range);
}

// Go's big.Int digits: case-insensitive up to base 36, then 'A'-'Z' are 36..61.
int digit_value(char ch, long long base) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'Z') return base <= 36 ? ch - 'A' + 10 : ch - 'A' + 36;
    return 99;
}

Value fn_parseint(Call& c) {
    const std::string& text = c.args[0].as_string();
    auto base = as_integer(c.args[1]);
    if (!base || *base < 2 || *base > 62)
        return c.invalid("base", "base must be a whole number between 2 and 62 inclusive");
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    bool ok = !s.empty();
    // GMP reads letters the other way round from Go above base 36: lower case are its 10..35.
    std::string digits;
    for (char ch : s) {
        int d = digit_value(ch, *base);
        if (d >= *base) {
            ok = false;
            break;
        }
        bool swap = *base > 36 && std::isalpha(static_cast<unsigned char>(ch));
        digits += swap ? static_cast<char>(ch ^ 0x20) : ch;
    }
    if (!ok)
        return c.invalid("number",
                         "cannot parse \"" + text + "\" as a base " + std::to_string(*base) + " integer");
    return number::integer(digits, static_cast<int>(*base), negative, c.range);
}

}  // namespace

std::vector<FunctionDef> numeric_functions() {
    const Param n{"num", Type::Number};
    return {
        {"abs", {n}, std::nullopt, Unknowns::Deep, fn_abs},
        {"ceil", {n}, std::nullopt, Unknowns::Deep, fn_ceil},
        {"floor", {n}, std::nullopt, Unknowns::Deep, fn_floor},
        {"log", {n, {"base", Type::Number}}, std::nullopt, Unknowns::Deep, fn_log},
        {"max", {{"numbers", Type::Number}}, Param{"numbers", Type::Number}, Unknowns::Deep, fn_max},
        {"min", {{"numbers", Type::Number}}, Param{"numbers", Type::Number}, Unknowns::Deep, fn_min},
        {"parseint", {{"number", Type::String}, {"base", Type::Number}}, std::nullopt, Unknowns::Deep, fn_parseint},
        {"pow", {n, {"power", Type::Number}}, std::nullopt, Unknowns::Deep, fn_pow},
        {"signum", {n}, std::nullopt, Unknowns::Deep, fn_signum},
    };
}

}  // namespace residency::hcl::detail
