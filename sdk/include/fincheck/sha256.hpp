// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: the fingerprint a report records
// for the file it was imported from, so an audit can prove which bytes it read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fincheck {

// Incremental hashing for input that arrives in pieces (a file read in blocks).
//
// The blocks are compressed with the CPU's SHA extensions (x86-64 SHA-NI) when it has them,
// chosen once per process, and with portable C++ otherwise: a batch hashes every input and
// every audit file, and the portable rounds were a seventh of its time.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();

    // The portable implementation whatever the CPU, so that tests and benchmarks can compare
    // it with the hardware one on a machine that has SHA extensions. Same digests.
    static Sha256 portable();
    // True when Sha256() uses the CPU's SHA extensions on this machine.
    static bool hardware_accelerated();

private:
    // Compresses `count` consecutive 64-byte blocks into `state`.
    using CompressBlocks = void (*)(std::uint32_t* state, const std::uint8_t* blocks, std::size_t count);
    explicit Sha256(CompressBlocks compress);

    CompressBlocks compress_;
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace fincheck
