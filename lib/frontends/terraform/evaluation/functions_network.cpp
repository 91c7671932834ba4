// Terraform's CIDR functions for IPv4 and IPv6: cidrhost cidrnetmask cidrsubnet cidrsubnets.
#include <cstdio>

#include "frontends/terraform/evaluation/functions_internal.hpp"

namespace residency::hcl::detail {
namespace {

using U128 = unsigned __int128;

struct Network {
    U128 address = 0;  // already masked to the prefix
    int bits = 32;     // 32 or 128
    int prefix = 0;
};

U128 host_mask(int bits, int prefix) {
    int host_bits = bits - prefix;
    return host_bits >= 128 ? ~U128(0) : (U128(1) << host_bits) - 1;
}

std::optional<U128> parse_ipv4(std::string_view s) {
    U128 out = 0;
    for (int part = 0; part < 4; ++part) {
        std::size_t end = part < 3 ? s.find('.') : s.size();
        if (end == std::string_view::npos || end == 0 || end > 3) return std::nullopt;
        unsigned v = 0;
        for (char ch : s.substr(0, end)) {
            if (ch < '0' || ch > '9') return std::nullopt;
            v = v * 10 + static_cast<unsigned>(ch - '0');
        }
        if (v > 255) return std::nullopt;
        out = (out << 8) | v;
        s.remove_prefix(part < 3 ? end + 1 : end);
    }
    return out;
}

std::optional<U128> parse_ipv6(std::string_view s) {
    std::vector<unsigned> head, tail;
    bool compressed = false;
    auto gap = s.find("::");
    auto parse_groups = [](std::string_view part, std::vector<unsigned>& out) {
        if (part.empty()) return true;
        while (true) {
            std::size_t end = part.find(':');
            std::string_view g = part.substr(0, end);
            if (g.find('.') != std::string_view::npos && end == std::string_view::npos) {
                auto v4 = parse_ipv4(g);
                if (!v4) return false;
                out.push_back(static_cast<unsigned>(*v4 >> 16));
                out.push_back(static_cast<unsigned>(*v4 & 0xFFFF));
                return true;
            }
            if (g.empty() || g.size() > 4) return false;
            unsigned v = 0;
            for (char ch : g) {
                int d = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0'
                        : (ch >= 'a' && ch <= 'f')                   ? ch - 'a' + 10
                        : (ch >= 'A' && ch <= 'F')                   ? ch - 'A' + 10
                                                                     : -1;
                if (d < 0) return false;
                v = v * 16 + static_cast<unsigned>(d);
            }
            out.push_back(v);
            if (end == std::string_view::npos) return true;
            part.remove_prefix(end + 1);
        }
    };
    if (gap != std::string_view::npos) {
        compressed = true;
        if (!parse_groups(s.substr(0, gap), head) || !parse_groups(s.substr(gap + 2), tail)) return std::nullopt;
    } else if (!parse_groups(s, head)) {
        return std::nullopt;
    }
    std::size_t total = head.size() + tail.size();
    if (compressed ? total > 7 : total != 8) return std::nullopt;
    head.resize(8 - tail.size(), 0);
    head.insert(head.end(), tail.begin(), tail.end());
    U128 out = 0;
    for (unsigned g : head) out = (out << 16) | g;
    return out;
}

std::optional<Network> parse_cidr(std::string_view s) {
    auto slash = s.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    Network n;
    std::string_view addr = s.substr(0, slash), len = s.substr(slash + 1);
    std::optional<U128> ip;
    if (addr.find(':') != std::string_view::npos) {
        n.bits = 128;
        ip = parse_ipv6(addr);
    } else {
        ip = parse_ipv4(addr);
    }
    auto prefix = parse_number(len);
    if (!ip || !prefix || *prefix < 0 || *prefix > n.bits || *prefix != static_cast<int>(*prefix) || len.empty() ||
        len.size() > 3 || !std::isdigit(static_cast<unsigned char>(len[0])))
        return std::nullopt;
    n.prefix = static_cast<int>(*prefix);
    n.address = *ip & ~host_mask(n.bits, n.prefix);
    if (n.bits == 32) n.address &= 0xFFFFFFFFu;
    return n;
}

std::string format_ip(U128 ip, int bits) {
    char buf[64];
    if (bits == 32) {
        auto v = static_cast<unsigned>(ip);
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255);
        return buf;
    }
    unsigned groups[8];
    for (int i = 7; i >= 0; --i, ip >>= 16) groups[i] = static_cast<unsigned>(ip & 0xFFFF);
    // RFC 5952: the longest run (of at least two) of zero groups becomes "::", the first on a tie.
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && groups[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j == i ? i + 1 : j;
    }
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            out += "::";
            i += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        std::snprintf(buf, sizeof buf, "%x", groups[i]);
        out += buf;
    }
    return out;
}

std::string format_cidr(U128 ip, int bits, int prefix) { return format_ip(ip, bits) + "/" + std::to_string(prefix); }

std::optional<Network> prefix_arg(Call& c, Value& error) {
    auto n = parse_cidr(c.args[0].as_string());
    if (!n) error = c.invalid("prefix", "invalid CIDR expression: invalid CIDR address: " + c.args[0].as_string());
    return n;
}

Value fn_cidrhost(Call& c) {
    Value error;
    auto net = prefix_arg(c, error);
    if (!net) return error;
    auto host = as_integer(c.args[1]);
    if (!host) return c.invalid("hostnum", "value must be a whole number");
    int host_bits = net->bits - net->prefix;
    U128 max = host_mask(net->bits, net->prefix);
    U128 magnitude = *host < 0 ? U128(-(*host + 1)) : U128(*host);  // -1 is the last host
    if (host_bits < 64 && magnitude > max)
        return c.fail("Call to function \"cidrhost\" failed: prefix of " + std::to_string(net->prefix) +
                      " bits cannot accommodate a host numbered " + std::to_string(*host));
    U128 offset = *host < 0 ? max - magnitude : magnitude;
    return Value::string(format_ip(net->address | offset, net->bits), c.range);
}

Value fn_cidrnetmask(Call& c) {
    Value error;
    auto net = prefix_arg(c, error);
    if (!net) return error;
    if (net->bits != 32) return c.fail("Call to function \"cidrnetmask\" failed: IPv6 addresses cannot have a netmask: " +
                                       c.args[0].as_string());
    return Value::string(format_ip(~host_mask(32, net->prefix) & 0xFFFFFFFFu, 32), c.range);
}

Value fn_cidrsubnet(Call& c) {
    Value error;
    auto net = prefix_arg(c, error);
    if (!net) return error;
    auto newbits = as_integer(c.args[1]);
    auto netnum = as_integer(c.args[2]);
    if (!newbits || *newbits < 0) return c.invalid("newbits", "value must be a non-negative whole number");
    if (!netnum || *netnum < 0) return c.invalid("netnum", "value must be a non-negative whole number");
    if (net->prefix + *newbits > net->bits)
        return c.fail("Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of " +
                      std::to_string(net->prefix) + " by " + std::to_string(*newbits));
    int length = net->prefix + static_cast<int>(*newbits);
    if (*newbits < 63 && static_cast<U128>(*netnum) >> *newbits)
        return c.fail("Call to function \"cidrsubnet\" failed: prefix extension of " + std::to_string(*newbits) +
                      " does not accommodate a subnet numbered " + std::to_string(*netnum));
    int shift = net->bits - length;
    U128 subnet = net->address | (shift >= 128 ? 0 : static_cast<U128>(*netnum) << shift);
    return Value::string(format_cidr(subnet, net->bits, length), c.range);
}

// Consecutive subnets, each aligned to its own size, as Terraform's cidrsubnets allocates them.
Value fn_cidrsubnets(Call& c) {
    Value error;
    auto net = prefix_arg(c, error);
    if (!net) return error;
    U128 span_last = host_mask(net->bits, net->prefix);  // offsets within the network
    U128 next = 0;
    bool exhausted = false;
    ValueList out;
    for (std::size_t i = 1; i < c.args.size(); ++i) {
        auto newbits = as_integer(c.args[i]);
        if (!newbits || *newbits < 1) return c.invalid("newbits", "must extend prefix by at least one bit");
        long long length = net->prefix + *newbits;
        if (length > net->bits)
            return c.fail("Call to function \"cidrsubnets\" failed: would extend prefix to " + std::to_string(length) +
                          " bits, which is too long for an " + (net->bits == 32 ? "IPv4" : "IPv6") + " address");
        U128 size_mask = host_mask(net->bits, static_cast<int>(length));
        U128 start = (next + size_mask) & ~size_mask;
        bool overflow = exhausted || start < next || start > span_last || size_mask > span_last - start;
        if (overflow)
            return c.fail("Call to function \"cidrsubnets\" failed: not enough remaining address space for a subnet "
                          "with a prefix of " + std::to_string(length) + " bits after " +
                          (out.empty() ? format_cidr(net->address, net->bits, net->prefix) : out.back().as_string()));
        out.push_back(Value::string(format_cidr(net->address | start, net->bits, static_cast<int>(length)), c.range));
        U128 end = start + size_mask;
        exhausted = end == span_last;
        next = end + 1;
    }
    return Value::list(std::move(out), c.range);
}

}  // namespace

std::vector<FunctionDef> network_functions() {
    const Param p{"prefix", Type::String};
    return {
        {"cidrhost", {p, {"hostnum", Type::Number}}, std::nullopt, Unknowns::Deep, fn_cidrhost},
        {"cidrnetmask", {p}, std::nullopt, Unknowns::Deep, fn_cidrnetmask},
        {"cidrsubnet", {p, {"newbits", Type::Number}, {"netnum", Type::Number}}, std::nullopt, Unknowns::Deep,
         fn_cidrsubnet},
        {"cidrsubnets", {p}, Param{"newbits", Type::Number}, Unknowns::Deep, fn_cidrsubnets},
    };
}

}  // namespace residency::hcl::detail
