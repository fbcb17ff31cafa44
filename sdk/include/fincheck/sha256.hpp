// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: the fingerprint a report records
// for the file it was imported from, so an audit can prove which bytes it read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fincheck {

// Incremental hashing for input that arrives in pieces (a file read in blocks).
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // Finishes the hash; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();

private:
    void compress(const std::uint8_t* block);
    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

// 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace fincheck
