// Graph storage and address index.
#include "core/graph.hpp"

namespace residency {

std::string_view class_name(AssetClass c) {
    switch (c) {
        case AssetClass::DataStore: return "data-store";
        case AssetClass::Compute: return "compute";
        case AssetClass::AiService: return "ai-service";
        case AssetClass::StateBackend: return "state-backend";
        case AssetClass::Key: return "key";
        case AssetClass::Network: return "network";
        case AssetClass::Global: return "global";
        case AssetClass::Other: return "other";
    }
    return "other";
}

AssetId Graph::add(Asset asset) {
    auto id = static_cast<AssetId>(assets.size());
    by_address_.emplace(asset.root + '\n' + asset.address, id);
    assets.push_back(std::move(asset));
    return id;
}

std::optional<AssetId> Graph::id_of(std::string_view root, std::string_view address) const {
    std::string key;
    key.reserve(root.size() + 1 + address.size());
    key.append(root).append(1, '\n').append(address);
    auto it = by_address_.find(key);
    if (it == by_address_.end()) return std::nullopt;
    return it->second;
}

const Asset* Graph::find(std::string_view root, std::string_view address) const {
    auto id = id_of(root, address);
    return id ? &assets[*id] : nullptr;
}

}  // namespace residency
