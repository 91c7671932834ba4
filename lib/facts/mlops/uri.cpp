#include "facts/mlops/uri.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "catalog/catalog.hpp"

namespace residency::mlops {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string_view> labels(std::string_view host) {
    std::vector<std::string_view> out;
    while (!host.empty()) {
        auto dot = host.find('.');
        out.push_back(host.substr(0, dot));
        if (dot == std::string_view::npos) break;
        host.remove_prefix(dot + 1);
    }
    return out;
}

std::optional<std::array<int, 4>> ipv4(std::string_view host) {
    std::array<int, 4> parts{};
    auto l = labels(host);
    if (l.size() != 4) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i) {
        auto [end, ec] = std::from_chars(l[i].data(), l[i].data() + l[i].size(), parts[i]);
        if (ec != std::errc() || end != l[i].data() + l[i].size() || parts[i] < 0 || parts[i] > 255) return std::nullopt;
    }
    return parts;
}

}  // namespace

Uri parse_uri(std::string_view text) {
    Uri u;
    std::string_view rest = text;
    auto colon = rest.find(':');
    // A scheme is letters, digits, + - . before "://" or ":/" ("mlflow-artifacts:/", "file:/x").
    if (colon != std::string_view::npos && colon > 1 &&
        std::all_of(rest.begin(), rest.begin() + static_cast<long>(colon), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        })) {
        u.scheme = lower(rest.substr(0, colon));
        rest.remove_prefix(colon + 1);
    }
    std::string_view authority;
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
        auto end = rest.find_first_of("/?#");
        authority = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    std::string_view userinfo;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        userinfo = authority.substr(0, at);
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    if (host.starts_with('[')) {
        host = host.substr(1, host.find(']') == std::string_view::npos ? std::string_view::npos : host.find(']') - 1);
    } else if (auto port = host.rfind(':'); port != std::string_view::npos) {
        host = host.substr(0, port);
    }
    u.host = lower(host);
    if (u.scheme == "s3" || u.scheme == "s3a" || u.scheme == "gs") {
        u.bucket = u.host;
        u.host.clear();
    } else if ((u.scheme == "wasbs" || u.scheme == "wasb" || u.scheme == "abfss" || u.scheme == "abfs") && !userinfo.empty()) {
        // <container>@<account>.blob.core.windows.net: the user part is the container, not a credential.
        u.bucket = std::string(userinfo);
        auto dot = u.host.find('.');
        u.account = u.host.substr(0, dot);
        userinfo = {};
    }
    // Messages print the URI without credentials.
    if (!userinfo.empty()) {
        std::string shown(text);
        auto at = shown.find(std::string(userinfo) + "@");
        if (at != std::string::npos) shown.erase(at, userinfo.size() + 1);
        u.shown = std::move(shown);
    } else {
        u.shown = std::string(text);
    }
    return u;
}

bool in_cluster_host(std::string_view host) {
    if (host.empty()) return false;
    if (host.find('.') == std::string_view::npos && host.find(':') == std::string_view::npos) return true;  // a service name
    for (std::string_view suffix : {".svc", ".svc.cluster.local", ".cluster.local", ".internal", ".localhost"})
        if (host.ends_with(suffix)) return true;
    if (host == "localhost" || host == "::1" || host == "host.docker.internal") return true;
    if (host.starts_with("fc") || host.starts_with("fd"))
        return host.find(':') != std::string_view::npos;  // IPv6 unique local addresses
    if (auto ip = ipv4(host)) {
        auto [a, b, c, d] = *ip;
        (void)c;
        (void)d;
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || (a == 0);
    }
    return false;
}

std::optional<HostRegion> region_in_host(std::string_view host) {
    auto l = labels(host);
    if (host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")) {
        for (std::string_view label : l) {
            if (label.starts_with("s3-")) label.remove_prefix(3);  // legacy s3-eu-west-1.amazonaws.com
            if (const auto* r = catalog::find_region("aws", label)) return HostRegion{"aws", std::string(r->code)};
        }
        return std::nullopt;
    }
    if (host.ends_with(".googleapis.com") && !l.empty() && l.front().ends_with("-aiplatform")) {
        std::string_view region = l.front().substr(0, l.front().size() - std::string_view("-aiplatform").size());
        if (const auto* r = catalog::find_region("google", region)) return HostRegion{"google", std::string(r->code)};
        return std::nullopt;
    }
    if (host.ends_with(".azuredatabricks.net") && l.size() == 3)
        if (const auto* r = catalog::find_region("azure", l.front())) return HostRegion{"azure", std::string(r->code)};
    return std::nullopt;
}

std::vector<std::string> shell_words(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < line.size()) word += line[++i];
            else word += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == '\\' && i + 1 < line.size()) {
            word += line[++i];
            in_word = true;
        } else if (std::isspace(static_cast<unsigned char>(c)) || c == ';' || c == '&' || c == '|') {
            if (in_word) words.push_back(std::move(word));
            word.clear();
            in_word = false;
            if (c == ';' || c == '&' || c == '|') words.emplace_back(1, c);  // ends a command
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(std::move(word));
    return words;
}

}  // namespace residency::mlops
