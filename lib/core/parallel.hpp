// Independent work items spread over threads. Callers write each item's result into its own slot
// and merge the slots in item order afterwards, so output never depends on scheduling.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace residency {

// Threads for `items` pieces of work: `jobs` when given, else one per core (at most 8), never more
// than there are items.
inline unsigned worker_count(unsigned jobs, std::size_t items) {
    unsigned threads = jobs ? jobs : std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 8);
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, items)));
}

// Calls work(i) once for every i in [0, count); the calling thread takes a share.
template <class Work>
void parallel_for(std::size_t count, unsigned jobs, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto drain = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) work(i);
    };
    unsigned threads = worker_count(jobs, count);
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(drain);
    drain();
    for (auto& t : pool) t.join();
}

}  // namespace residency
