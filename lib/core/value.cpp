// Value construction, access and display.
#include "core/value.hpp"
#include "core/number.hpp"

#include <cmath>
#include <cstdio>

namespace residency {

AssetRef::AssetRef(std::string address)
    : address_(address.empty() ? nullptr : std::make_shared<const std::string>(std::move(address))) {}

const std::string& AssetRef::str() const {
    static const std::string none;
    return address_ ? *address_ : none;
}

Provenance prepend(std::string label, Range range, Provenance tail) {
    return std::make_shared<const ProvenanceStep>(ProvenanceStep{std::move(label), range, std::move(tail)});
}

std::vector<const ProvenanceStep*> steps(const Provenance& chain) {
    std::vector<const ProvenanceStep*> out;
    for (const ProvenanceStep* s = chain.get(); s; s = s->next.get()) out.push_back(s);
    return out;
}

Value Value::null(Range r) {
    Value v;
    v.range = r;
    return v;
}
Value Value::boolean(bool b, Range r) {
    Value v;
    v.kind_ = Kind::Bool;
    v.bool_ = b;
    v.range = r;
    return v;
}
unsigned precision_bits(NumberPrecision p) {
    switch (p) {
        case NumberPrecision::Float64: return 53;
        case NumberPrecision::Int64: return 64;
        case NumberPrecision::Text: return 512;
    }
    return 53;
}

Value Value::number(double n, Range r, NumberPrecision p) {
    Value v;
    v.kind_ = Kind::Number;
    v.number_ = n;
    v.precision_ = static_cast<std::uint8_t>(p) & 3u;
    v.range = r;
    return v;
}
Value Value::number(std::shared_ptr<const BigNumber> big, double nearest, Range r) {
    Value v;
    v.kind_ = Kind::Number;
    v.number_ = nearest;
    v.items_ = std::move(big);
    v.range = r;
    return v;
}
Value Value::string(std::string s, Range r) {
    Value v;
    v.kind_ = Kind::String;
    v.text_ = std::move(s);
    v.range = r;
    return v;
}
Value Value::list(ValueList items, Range r) {
    Value v;
    v.kind_ = Kind::List;
    v.items_ = std::make_shared<const ValueList>(std::move(items));
    v.range = r;
    return v;
}
Value Value::object(ValueMap fields, Range r) {
    Value v;
    v.kind_ = Kind::Object;
    v.items_ = std::make_shared<const ValueMap>(std::move(fields));
    v.range = r;
    return v;
}
Value Value::open_object(ValueMap fields, Range r) {
    Value v = object(std::move(fields), r);
    v.open_ = true;
    return v;
}
Value Value::unknown(std::string reason, Range r, UnknownCause cause) {
    Value v;
    v.kind_ = Kind::Unknown;
    v.cause_ = cause;
    v.text_ = std::move(reason);
    v.range = r;
    return v;
}

const char* unknown_cause_name(UnknownCause c) {
    switch (c) {
        case UnknownCause::Input: return "input";
        case UnknownCause::AfterApply: return "after-apply";
        case UnknownCause::Unsupported: return "unsupported";
        case UnknownCause::Error: return "error";
    }
    return "?";
}

const ValueList& Value::items() const {
    static const ValueList empty;
    return kind_ == Kind::List && items_ ? *static_cast<const ValueList*>(items_.get()) : empty;
}
const ValueMap& Value::fields() const {
    static const ValueMap empty;
    return kind_ == Kind::Object && items_ ? *static_cast<const ValueMap*>(items_.get()) : empty;
}
const Value* Value::get(std::string_view key) const {
    if (kind_ != Kind::Object || !items_) return nullptr;
    const auto& map = *static_cast<const ValueMap*>(items_.get());
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

bool Value::contains_unknown() const {
    switch (kind_) {
        case Kind::Unknown: return true;
        case Kind::List:
            for (const auto& v : items())
                if (v.contains_unknown()) return true;
            return false;
        case Kind::Object:
            for (const auto& [k, v] : fields())
                if (v.contains_unknown()) return true;
            return false;
        default: return false;
    }
}

Value Value::at(Range r) const {
    Value v = *this;
    v.range = r;
    return v;
}
Value Value::with_pattern(std::string pattern) const {
    if (kind_ != Kind::Unknown) return *this;
    Value v = *this;
    v.items_ = std::make_shared<const std::string>(std::move(pattern));
    return v;
}

Value Value::without_pattern() const {
    if (kind_ != Kind::Unknown) return *this;
    Value v = *this;
    v.items_.reset();
    return v;
}

Value Value::with_provenance(Provenance p) const {
    Value v = *this;
    v.provenance = std::move(p);
    return v;
}

const char* Value::kind_name(Kind k) {
    switch (k) {
        case Kind::Null: return "null";
        case Kind::Bool: return "bool";
        case Kind::Number: return "number";
        case Kind::String: return "string";
        case Kind::List: return "list";
        case Kind::Object: return "object";
        case Kind::Unknown: return "unknown";
    }
    return "?";
}

static std::string format_number(double n) {
    if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
        return buf;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", n);
    return buf;
}

std::string Value::display() const {
    switch (kind_) {
        case Kind::Null: return "null";
        case Kind::Bool: return bool_ ? "true" : "false";
        case Kind::Number: return big() ? number::text(*this) : format_number(number_);
        case Kind::String: return "\"" + text_ + "\"";
        case Kind::Unknown: return "(unknown)";
        case Kind::List: {
            std::string out = "[";
            bool first = true;
            for (const auto& v : items()) {
                if (!first) out += ", ";
                first = false;
                out += v.display();
            }
            return out + "]";
        }
        case Kind::Object: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, v] : fields()) {
                if (!first) out += ", ";
                first = false;
                out += k + " = " + v.display();
            }
            return out + "}";
        }
    }
    return "";
}

bool same_data(const Value& a, const Value& b) {
    if (a.kind() != b.kind() || a.is_unknown()) return false;
    switch (a.kind()) {
        case Value::Kind::Null: return true;
        case Value::Kind::Bool: return a.as_bool() == b.as_bool();
        case Value::Kind::Number: return number::equal(a, b);
        case Value::Kind::String: return a.as_string() == b.as_string();
        case Value::Kind::List: {
            const auto &x = a.items(), &y = b.items();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!same_data(x[i], y[i])) return false;
            return true;
        }
        case Value::Kind::Object: {
            const auto &x = a.fields(), &y = b.fields();
            if (x.size() != y.size()) return false;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j)
                if (i->first != j->first || !same_data(i->second, j->second)) return false;
            return true;
        }
        default: return false;
    }
}

namespace {

// Walks both values; stops at the first known difference and remembers the first unknown part.
struct Comparer {
    const Value* unknown = nullptr;
    bool undecided = false;  // an unknown part, or an open object whose other attributes are not known

    bool differ(const Value& a, const Value& b) {
        if (a.is_unknown() || b.is_unknown()) {
            if (!unknown) unknown = a.is_unknown() ? &a : &b;
            undecided = true;
            return false;
        }
        if (a.kind() != b.kind()) return true;  // null against a value, or different kinds
        switch (a.kind()) {
            case Value::Kind::Null: return false;
            case Value::Kind::Bool: return a.as_bool() != b.as_bool();
            case Value::Kind::Number: return !number::equal(a, b);
            case Value::Kind::String: return a.as_string() != b.as_string();
            case Value::Kind::List: {
                const auto &x = a.items(), &y = b.items();
                if (x.size() != y.size()) return true;
                for (std::size_t i = 0; i < x.size(); ++i)
                    if (differ(x[i], y[i])) return true;
                return false;
            }
            case Value::Kind::Object: return objects_differ(a, b);
            case Value::Kind::Unknown: return false;
        }
        return false;
    }

    // An attribute only one side lists: a difference, unless the other side is open and may have
    // it among the attributes it does not list.
    bool objects_differ(const Value& a, const Value& b) {
        const auto &x = a.fields(), &y = b.fields();
        if (!a.is_open() && !b.is_open() && x.size() != y.size()) return true;
        auto i = x.begin(), j = y.begin();
        while (i != x.end() || j != y.end()) {
            int order = i == x.end() ? 1 : j == y.end() ? -1 : i->first.compare(j->first);
            if (order < 0) {  // only in a
                if (!b.is_open()) return true;
                undecided = true;
                ++i;
            } else if (order > 0) {  // only in b
                if (!a.is_open()) return true;
                undecided = true;
                ++j;
            } else {
                if (differ(i->second, j->second)) return true;
                ++i, ++j;
            }
        }
        if (a.is_open() || b.is_open()) undecided = true;
        return false;
    }
};

}  // namespace

Equality compare(const Value& a, const Value& b, const Value** unknown) {
    Comparer c;
    if (c.differ(a, b)) return Equality::Different;
    if (unknown) *unknown = c.unknown;
    return c.undecided ? Equality::Unknown : Equality::Equal;
}

}  // namespace residency

namespace residency {
// A scan holds millions of values: a member that grows this needs a reason.
static_assert(sizeof(void*) != 8 || sizeof(Value) <= 104, "Value grew");
}  // namespace residency
