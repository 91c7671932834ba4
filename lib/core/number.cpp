// Terraform's big.Float arithmetic and printing over plain doubles and MPFR numbers.
#include "core/number.hpp"

#include <gmp.h>
#include <mpfr.h>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>

namespace residency {

// MPFR rounds to nearest even, as Go's big.Float does by default; Go's exponent range is wider
// than any configuration reaches, and so is MPFR's default.
class BigNumber {
public:
    explicit BigNumber(mpfr_prec_t bits) { mpfr_init2(v, bits); }
    ~BigNumber() { mpfr_clear(v); }
    BigNumber(const BigNumber&) = delete;
    BigNumber& operator=(const BigNumber&) = delete;
    mpfr_t v;
};

namespace number {
namespace {

constexpr double kTwo53 = 9007199254740992.0;
constexpr mpfr_prec_t kTextBits = 512;
// Past 2^±2^20 (about 10^±315,000) a number is an infinity or a zero here, where Terraform keeps it:
// printing 1e300000000 would take a gigabyte, and a hostile configuration must not make a scan
// hang. No real configuration comes near.
constexpr mpfr_exp_t kMaxExponent = mpfr_exp_t{1} << 20;
// format("%.1000000000f", x) would be as large; longer precisions are cut to this.
constexpr long kMaxDigits = 100000;

// A whole double below 2^53 prints the same at every precision.
bool small_whole(double d) { return std::fabs(d) < kTwo53 && d == std::trunc(d); }

mpfr_prec_t bits_of(const Value& v) {
    if (const BigNumber* b = v.big()) return mpfr_get_prec(b->v);
    return precision_bits(v.number_precision());
}

// A number's exact value as MPFR reads it: the big number itself, or the double copied exactly.
class View {
public:
    explicit View(const Value& v) {
        if (const BigNumber* b = v.big()) {
            ptr_ = b->v;
        } else {
            mpfr_init2(own_, 53);
            mpfr_set_d(own_, v.as_number(), MPFR_RNDN);
            owned_ = true;
            ptr_ = own_;
        }
    }
    ~View() {
        if (owned_) mpfr_clear(own_);
    }
    View(const View&) = delete;
    View& operator=(const View&) = delete;
    mpfr_srcptr get() const { return ptr_; }

private:
    mpfr_t own_;
    mpfr_srcptr ptr_ = nullptr;
    bool owned_ = false;
};

std::optional<NumberPrecision> precision_named(mpfr_prec_t bits) {
    if (bits == 53) return NumberPrecision::Float64;
    if (bits == 64) return NumberPrecision::Int64;
    if (bits == kTextBits) return NumberPrecision::Text;
    return std::nullopt;
}

// The result as a Value: a plain double when one holds it exactly and its precision has a name.
Value make(std::shared_ptr<BigNumber> big, Range r) {
    if (mpfr_regular_p(big->v) && mpfr_get_exp(big->v) > kMaxExponent)
        mpfr_set_inf(big->v, mpfr_signbit(big->v) ? -1 : 1);
    if (mpfr_regular_p(big->v) && mpfr_get_exp(big->v) < -kMaxExponent)
        mpfr_set_zero(big->v, mpfr_signbit(big->v) ? -1 : 1);
    double d = mpfr_get_d(big->v, MPFR_RNDN);
    if (mpfr_inf_p(big->v)) return Value::number(d, r);
    auto named = precision_named(mpfr_get_prec(big->v));
    bool exact = mpfr_cmp_d(big->v, d) == 0 && (d == 0 || std::fabs(d) >= DBL_MIN);
    if (named && exact) return Value::number(d, r, *named);
    return Value::number(std::shared_ptr<const BigNumber>(std::move(big)), d, r);
}

std::shared_ptr<BigNumber> fresh(mpfr_prec_t bits) { return std::make_shared<BigNumber>(bits); }

NumberPrecision wider(const Value& a, const Value& b) {
    return std::max(a.number_precision(), b.number_precision());
}
bool plain(const Value& a, const Value& b) { return !a.big() && !b.big(); }
bool finite_normal(double d) { return std::isfinite(d) && (d == 0 || std::fabs(d) >= DBL_MIN); }

// Go's decimal: digits without leading or trailing zeros; the value is 0.digits × 10^exp.
struct Decimal {
    std::string mant;
    long exp = 0;
    char at(long i) const { return i >= 0 && i < static_cast<long>(mant.size()) ? mant[i] : '0'; }
};

// An integer's digits in `base` (negative: upper-case letters), with its sign.
std::string text_of(const mpz_t z, int base) {
    int abs_base = base < 0 ? -base : base;
    std::string digits(mpz_sizeinbase(z, abs_base) + 2, '\0');
    mpz_get_str(digits.data(), base, z);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
    return digits;
}

// The exact decimal of m × 2^shift (m ≥ 0), as Go's decimal.init.
Decimal decimal_of(const mpz_t m_in, long shift) {
    Decimal d;
    if (mpz_sgn(m_in) == 0) return d;
    mpz_t m;
    mpz_init_set(m, m_in);
    if (shift < 0) {
        long ntz = static_cast<long>(mpz_scan1(m, 0));
        long s = std::min(-shift, ntz);
        mpz_fdiv_q_2exp(m, m, static_cast<mp_bitcnt_t>(s));
        shift += s;
    }
    if (shift > 0) {
        mpz_mul_2exp(m, m, static_cast<mp_bitcnt_t>(shift));
        shift = 0;
    }
    long k = -shift;  // m / 2^k = m × 5^k / 10^k
    if (k > 0) {
        mpz_t five;
        mpz_init(five);
        mpz_ui_pow_ui(five, 5, static_cast<unsigned long>(k));
        mpz_mul(m, m, five);
        mpz_clear(five);
    }
    std::string digits = text_of(m, 10);
    mpz_clear(m);
    d.exp = static_cast<long>(digits.size()) - k;
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    d.mant = std::move(digits);
    return d;
}

void trim(Decimal& d) {
    while (!d.mant.empty() && d.mant.back() == '0') d.mant.pop_back();
    if (d.mant.empty()) d.exp = 0;
}
void round_down(Decimal& d, long n) {
    if (n < 0 || n >= static_cast<long>(d.mant.size())) return;
    d.mant.resize(static_cast<std::size_t>(n));
    trim(d);
}
void round_up(Decimal& d, long n) {
    if (n < 0 || n >= static_cast<long>(d.mant.size())) return;
    while (n > 0 && d.mant[n - 1] >= '9') --n;
    if (n == 0) {
        d.mant = "1";
        ++d.exp;
        return;
    }
    ++d.mant[n - 1];
    d.mant.resize(static_cast<std::size_t>(n));
}
void round_nearest(Decimal& d, long n) {
    if (n < 0 || n >= static_cast<long>(d.mant.size())) return;
    bool up;
    if (d.mant[n] == '5' && n + 1 == static_cast<long>(d.mant.size()))
        up = n > 0 && ((d.mant[n - 1] - '0') & 1) != 0;  // exactly halfway: to even
    else
        up = d.mant[n] >= '5';
    if (up)
        round_up(d, n);
    else
        round_down(d, n);
}

// A finite number as m × 2^exp with m > 0, its sign, and its precision.
struct Binary {
    mpz_t m;
    long exp = 0;
    bool negative = false;
    mpfr_prec_t bits = 53;
    Binary() { mpz_init(m); }
    ~Binary() { mpz_clear(m); }
    Binary(const Binary&) = delete;
    Binary& operator=(const Binary&) = delete;
};

void binary_of(const Value& n, Binary& out) {
    out.bits = bits_of(n);
    View v(n);
    out.negative = mpfr_signbit(v.get());
    if (mpfr_zero_p(v.get())) return;
    out.exp = static_cast<long>(mpfr_get_z_2exp(out.m, v.get()));
    mpz_abs(out.m, out.m);
}

// Go's roundShortest: the fewest digits that read back to the same value at its precision.
void round_shortest(Decimal& d, const Binary& x) {
    if (d.mant.empty()) return;
    mpz_t mant, tmp;
    mpz_init_set(mant, x.m);
    mpz_init(tmp);
    long exp = x.exp;
    long s = static_cast<long>(mpz_sizeinbase(mant, 2)) - static_cast<long>(x.bits + 1);
    if (s < 0)
        mpz_mul_2exp(mant, mant, static_cast<mp_bitcnt_t>(-s));
    else if (s > 0)
        mpz_fdiv_q_2exp(mant, mant, static_cast<mp_bitcnt_t>(s));
    exp += s;
    mpz_sub_ui(tmp, mant, 1);
    Decimal lower = decimal_of(tmp, exp);
    mpz_add_ui(tmp, mant, 1);
    Decimal upper = decimal_of(tmp, exp);
    bool inclusive = mpz_tstbit(mant, 1) == 0;
    mpz_clear(mant);
    mpz_clear(tmp);
    for (long i = 0; i < static_cast<long>(d.mant.size()); ++i) {
        char m = d.mant[i];
        char l = lower.at(i);
        char u = upper.at(i);
        bool okdown = l != m || (inclusive && i + 1 == static_cast<long>(lower.mant.size()));
        bool okup = m != u && (inclusive || m + 1 < u || i + 1 < static_cast<long>(upper.mant.size()));
        if (okdown && okup) return round_nearest(d, i + 1);
        if (okdown) return round_down(d, i + 1);
        if (okup) return round_up(d, i + 1);
    }
}

void fmt_f(std::string& out, long prec, const Decimal& d) {
    if (d.exp > 0) {
        long m = std::min(static_cast<long>(d.mant.size()), d.exp);
        out.append(d.mant, 0, static_cast<std::size_t>(m));
        out.append(static_cast<std::size_t>(d.exp - m), '0');
    } else {
        out += '0';
    }
    if (prec > 0) {
        out += '.';
        for (long i = 0; i < prec; ++i) out += d.at(d.exp + i);
    }
}

void fmt_e(std::string& out, char verb, long prec, const Decimal& d) {
    out += d.mant.empty() ? '0' : d.mant[0];
    if (prec > 0) {
        out += '.';
        long i = 1;
        long m = std::min(static_cast<long>(d.mant.size()), prec + 1);
        if (i < m) {
            out.append(d.mant, static_cast<std::size_t>(i), static_cast<std::size_t>(m - i));
            i = m;
        }
        for (; i <= prec; ++i) out += '0';
    }
    out += verb;
    long exp = d.mant.empty() ? 0 : d.exp - 1;
    out += exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    if (exp < 10) out += '0';
    out += std::to_string(exp);
}

}  // namespace

std::string_view literal_text(std::string_view text) {
    int significant = 0;
    bool leading = true;
    for (char c : text) {
        if (c == 'e' || c == 'E') break;
        if (c < '0' || c > '9') continue;
        if (leading && c == '0') continue;
        leading = false;
        ++significant;
    }
    if (significant > 15) return text;
    // Past a double's range (1e400, 1e-400) the double says nothing either.
    double d = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), d);
    return res.ec == std::errc() ? std::string_view() : text;
}

Value parse(std::string_view text, Range r) {
    std::string s(text);
    if (!s.empty() && s[0] == '+') s.erase(0, 1);
    auto big = fresh(kTextBits);
    // The callers checked the grammar; were MPFR to refuse it anyway, the double is the best left.
    if (mpfr_set_str(big->v, s.c_str(), 10, MPFR_RNDN) != 0)
        return Value::number(std::strtod(s.c_str(), nullptr), r, NumberPrecision::Text);
    return make(std::move(big), r);
}

Value literal(double value, std::string_view text, Range r) {
    if (text.empty() && small_whole(value)) return Value::number(value, r, NumberPrecision::Text);
    if (!text.empty() || !std::isfinite(value)) return parse(text, r);
    // Up to 15 significant digits, the shortest digits of the double are the literal's number.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value);
    return parse(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)), r);
}

Value integer(std::string_view digits, int base, bool negative, Range r) {
    mpz_t z;
    mpz_init(z);
    std::string s(digits);
    mpz_set_str(z, s.c_str(), base);
    if (negative) mpz_neg(z, z);
    mpfr_prec_t bits = std::max<mpfr_prec_t>(64, static_cast<mpfr_prec_t>(mpz_sizeinbase(z, 2)));
    auto big = fresh(bits);
    mpfr_set_z(big->v, z, MPFR_RNDN);
    mpz_clear(z);
    Value v = make(std::move(big), r);
    // A plain double here is exact, and prints the same at 64 bits as at any wider precision.
    if (!v.big()) return Value::number(v.as_number(), r, NumberPrecision::Int64);
    return v;
}

std::optional<Value> add(const Value& a, const Value& b, Range r) {
    if (plain(a, b)) {
        double x = a.as_number(), y = b.as_number();
        double s = x + y;
        if (std::isnan(s)) return std::nullopt;
        if (std::isinf(x) || std::isinf(y)) return Value::number(s, r);
        if (finite_normal(s)) {
            double bb = s - x;
            bool exact = (x - (s - bb)) + (y - bb) == 0;
            NumberPrecision p = wider(a, b);
            if (exact || p == NumberPrecision::Float64) return Value::number(s, r, p);
        }
    }
    View x(a), y(b);
    if (mpfr_inf_p(x.get()) && mpfr_inf_p(y.get()) && mpfr_signbit(x.get()) != mpfr_signbit(y.get()))
        return std::nullopt;
    auto big = fresh(std::max(bits_of(a), bits_of(b)));
    mpfr_add(big->v, x.get(), y.get(), MPFR_RNDN);
    return make(std::move(big), r);
}

std::optional<Value> subtract(const Value& a, const Value& b, Range r) { return add(a, negate(b, b.range), r); }

std::optional<Value> multiply(const Value& a, const Value& b, Range r) {
    if (plain(a, b)) {
        double x = a.as_number(), y = b.as_number();
        double p = x * y;
        if (std::isnan(p)) return std::nullopt;
        if (std::isinf(x) || std::isinf(y)) return Value::number(p, r);
        bool exact = finite_normal(p) && (p != 0 || x == 0 || y == 0) && std::fma(x, y, -p) == 0;
        if (exact) return Value::number(p, r, wider(a, b));
    }
    View x(a), y(b);
    if ((mpfr_inf_p(x.get()) && mpfr_zero_p(y.get())) || (mpfr_zero_p(x.get()) && mpfr_inf_p(y.get())))
        return std::nullopt;
    // As cty: the product at 512 bits, then the operands' precision or the product's own, if larger.
    auto big = fresh(kTextBits);
    mpfr_mul(big->v, x.get(), y.get(), MPFR_RNDN);
    mpfr_prec_t bits = std::max(bits_of(a), bits_of(b));
    if (mpfr_regular_p(big->v)) bits = std::max(bits, mpfr_min_prec(big->v));
    mpfr_prec_round(big->v, bits, MPFR_RNDN);
    return make(std::move(big), r);
}

std::optional<Value> divide(const Value& a, const Value& b, Range r) {
    if (plain(a, b)) {
        double x = a.as_number(), y = b.as_number();
        double q = x / y;
        if (std::isnan(q)) return std::nullopt;
        if (std::isinf(x) || y == 0 || std::isinf(y)) return Value::number(q, r);
        if (finite_normal(q)) {
            NumberPrecision p = wider(a, b);
            if (p == NumberPrecision::Float64 || std::fma(q, y, -x) == 0) return Value::number(q, r, p);
        }
    }
    View x(a), y(b);
    if ((mpfr_zero_p(x.get()) && mpfr_zero_p(y.get())) || (mpfr_inf_p(x.get()) && mpfr_inf_p(y.get())))
        return std::nullopt;
    auto big = fresh(std::max(bits_of(a), bits_of(b)));
    mpfr_div(big->v, x.get(), y.get(), MPFR_RNDN);
    return make(std::move(big), r);
}

std::optional<Value> modulo(const Value& a, const Value& b, Range r) {
    // Small whole numbers, by far the most common (`count.index % 3`), never touch MPFR.
    if (plain(a, b)) {
        double p = a.as_number(), q = b.as_number();
        if (q != 0 && std::fabs(p) < 2147483648.0 && std::fabs(q) < 2147483648.0 && p == std::trunc(p) &&
            q == std::trunc(q))
            return Value::number(std::fmod(p, q), r, a.number_precision());
    }
    View x(a), y(b);
    if (mpfr_inf_p(x.get()) || mpfr_inf_p(y.get())) return multiply(a, b, r);
    if (mpfr_zero_p(y.get())) return a.at(r);
    // cty: the truncated quotient, rounded to a's precision, times b, subtracted from a, each step
    // rounded to a's precision.
    mpfr_prec_t bits = bits_of(a);
    mpfr_t rat, work;
    mpfr_init2(rat, std::max(bits, bits_of(b)));
    mpfr_div(rat, x.get(), y.get(), MPFR_RNDN);
    mpz_t whole;
    mpz_init(whole);
    if (mpfr_number_p(rat)) mpfr_get_z(whole, rat, MPFR_RNDZ);
    mpfr_init2(work, bits);
    mpfr_set_z(work, whole, MPFR_RNDN);
    mpfr_mul(work, y.get(), work, MPFR_RNDN);
    auto big = fresh(bits);
    mpfr_sub(big->v, x.get(), work, MPFR_RNDN);
    mpfr_clears(rat, work, static_cast<mpfr_ptr>(nullptr));
    mpz_clear(whole);
    return make(std::move(big), r);
}

Value negate(const Value& a, Range r) {
    if (!a.big()) return Value::number(-a.as_number(), r, a.number_precision());
    auto big = fresh(bits_of(a));
    mpfr_neg(big->v, a.big()->v, MPFR_RNDN);
    return make(std::move(big), r);
}

Value absolute(const Value& a, Range r) {
    if (!a.big()) return Value::number(std::fabs(a.as_number()), r, a.number_precision());
    auto big = fresh(bits_of(a));
    mpfr_abs(big->v, a.big()->v, MPFR_RNDN);
    return make(std::move(big), r);
}

// Go's big.Int has no negative zero: ceil(-0.5) is 0.
Value floor(const Value& a, Range r) {
    if (!a.big()) return Value::number(std::floor(a.as_number()) + 0.0, r, a.number_precision());
    auto big = fresh(bits_of(a));
    mpfr_floor(big->v, a.big()->v);
    if (mpfr_zero_p(big->v)) mpfr_set_zero(big->v, 1);
    return make(std::move(big), r);
}

Value ceil(const Value& a, Range r) {
    if (!a.big()) return Value::number(std::ceil(a.as_number()) + 0.0, r, a.number_precision());
    auto big = fresh(bits_of(a));
    mpfr_ceil(big->v, a.big()->v);
    if (mpfr_zero_p(big->v)) mpfr_set_zero(big->v, 1);
    return make(std::move(big), r);
}

int order(const Value& a, const Value& b) {
    if (plain(a, b)) {
        double x = a.as_number(), y = b.as_number();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    View x(a), y(b);
    int c = mpfr_cmp(x.get(), y.get());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool prints_exactly_only(const Value& n) {
    if (n.big()) return true;
    double d = n.as_number();
    return std::isfinite(d) && !small_whole(d);
}

std::string go_format(const Value& n, char verb, int precision) {
    std::string out;
    View v(n);
    if (mpfr_signbit(v.get())) out += '-';
    if (mpfr_inf_p(v.get())) return out + (out.empty() ? "+Inf" : "Inf");
    Binary x;
    binary_of(n, x);
    Decimal d = decimal_of(x.m, x.exp);
    char lower = static_cast<char>(verb | 0x20);
    long prec = std::min<long>(precision, kMaxDigits);
    bool shortest = precision < 0;
    if (shortest) {
        round_shortest(d, x);
        long digits = static_cast<long>(d.mant.size());
        prec = lower == 'e' ? digits - 1 : lower == 'f' ? std::max(digits - d.exp, 0L) : digits;
    } else if (lower == 'e') {
        round_nearest(d, 1 + prec);
    } else if (lower == 'f') {
        round_nearest(d, d.exp + prec);
    } else {
        if (prec == 0) prec = 1;
        round_nearest(d, prec);
    }
    if (lower == 'e') {
        fmt_e(out, verb, prec, d);
    } else if (lower == 'f') {
        fmt_f(out, prec, d);
    } else {
        long digits = static_cast<long>(d.mant.size());
        long eprec = prec;
        if (eprec > digits && digits >= d.exp) eprec = digits;
        if (shortest) eprec = 6;
        long exp = d.exp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > digits) prec = digits;
            fmt_e(out, verb == 'G' ? 'E' : 'e', prec - 1, d);
        } else {
            if (prec > d.exp) prec = digits;
            fmt_f(out, std::max(prec - d.exp, 0L), d);
        }
    }
    return out;
}

std::string text(const Value& n) {
    if (!prints_exactly_only(n)) {
        char buf[400];
        auto res = std::to_chars(buf, buf + sizeof buf, n.as_number(), std::chars_format::fixed);
        if (res.ec == std::errc()) return std::string(buf, res.ptr);
    }
    return go_format(n, 'f', -1);
}

std::optional<std::string> whole_digits(const Value& n, int base, bool upper) {
    View v(n);
    if (!mpfr_integer_p(v.get())) return std::nullopt;
    mpz_t z;
    mpz_init(z);
    mpfr_get_z(z, v.get(), MPFR_RNDZ);
    std::string digits = text_of(z, upper ? -base : base);
    mpz_clear(z);
    return digits;
}

}  // namespace number
}  // namespace residency
