// A small deterministic generator. std::uniform_*_distribution differ between standard
// libraries, so draws are done here to keep a seed's reports identical everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace fincheck::gen {

std::uint64_t splitmix64(std::uint64_t value);

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(splitmix64(seed)) {}

    std::uint64_t next();
    // Uniform in [low, high] (inclusive).
    std::int64_t between(std::int64_t low, std::int64_t high);
    // Uniform in [0, 1).
    double unit();
    bool chance(double probability) { return unit() < probability; }
    std::size_t index(std::size_t size) { return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(size) - 1)); }

    template <typename T>
    const T& pick(std::span<const T> items) { return items[index(items.size())]; }

private:
    std::uint64_t state_;
};

}  // namespace fincheck::gen
