// SHA-256 against the FIPS 180-2 / NIST CAVS examples, for both compression functions: the
// one Sha256() picks on this CPU (SHA extensions when present) and the portable one, which
// must agree on every length and every way of splitting the input.
#include "fincheck/sha256.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using fincheck::Sha256;
using fincheck::sha256_hex;

std::string hex(const std::array<std::uint8_t, 32>& digest) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t byte : digest) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0F];
    }
    return out;
}

std::string portable_hex(std::string_view bytes) {
    Sha256 hash = Sha256::portable();
    hash.update(bytes);
    return hex(hash.finish());
}

std::string pseudo_random_bytes(std::size_t size, std::uint32_t seed) {
    std::string bytes(size, '\0');
    for (char& c : bytes) {
        seed = seed * 1664525u + 1013904223u;
        c = static_cast<char>(seed >> 24);
    }
    return bytes;
}

// Each FIPS example is checked with the default and with the portable implementation.
void expect_digest(std::string_view bytes, std::string_view expected) {
    EXPECT_EQ(sha256_hex(bytes), expected) << "default implementation, " << bytes.size() << " bytes";
    EXPECT_EQ(portable_hex(bytes), expected) << "portable implementation, " << bytes.size() << " bytes";
}

TEST(Sha256, HashesTheEmptyString) {
    expect_digest("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, HashesAbcOneBlockExample) {
    expect_digest("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, HashesTheTwoBlock448BitExample) {
    expect_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, HashesThe896BitExample) {
    expect_digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
                  "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, HashesOneMillionLetterA) {
    expect_digest(std::string(1'000'000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingBoundariesAt55And56And64Bytes) {
    // 55 bytes is the longest message whose length fits in its own last block; 56 needs
    // an extra block; 64 fills a block exactly.
    expect_digest(std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    expect_digest(std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    expect_digest(std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, DefaultAndPortableAgreeOnEveryLengthUpTo200Bytes) {
    const std::string bytes = pseudo_random_bytes(200, 7);
    for (std::size_t length = 0; length <= bytes.size(); ++length) {
        std::string_view prefix = std::string_view(bytes).substr(0, length);
        ASSERT_EQ(sha256_hex(prefix), portable_hex(prefix)) << length << " bytes";
    }
}

TEST(Sha256, DefaultAndPortableAgreeOnLargeRandomBuffers) {
    // Many blocks in one call, and lengths that leave every kind of tail.
    for (std::size_t size : {std::size_t{4096}, std::size_t{65'535}, std::size_t{100'003}, std::size_t{1'048'641}}) {
        const std::string bytes = pseudo_random_bytes(size, static_cast<std::uint32_t>(size));
        EXPECT_EQ(sha256_hex(bytes), portable_hex(bytes)) << size << " bytes";
    }
}

TEST(Sha256, IncrementalUpdatesEqualOneShot) {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += static_cast<char>('a' + i % 26);
    Sha256 pieces;
    for (std::size_t at = 0; at < text.size(); at += 37) pieces.update(std::string_view(text).substr(at, 37));
    EXPECT_EQ(hex(pieces.finish()), sha256_hex(text));
}

TEST(Sha256, IncrementalUpdatesInOddPiecesEqualOneShotForBothImplementations) {
    // Piece sizes that straddle the 64-byte block in every way: a buffered tail completed by
    // the next piece, whole blocks after a tail, empty pieces.
    const std::string bytes = pseudo_random_bytes(20'000, 11);
    const std::vector<std::size_t> sizes = {1, 3, 0, 5, 63, 65, 127, 129, 7, 200, 1, 1000, 64, 13};
    const std::string expected = portable_hex(bytes);
    for (bool portable : {false, true}) {
        Sha256 hash = portable ? Sha256::portable() : Sha256();
        std::size_t at = 0;
        for (std::size_t i = 0; at < bytes.size(); ++i) {
            std::size_t take = std::min(sizes[i % sizes.size()], bytes.size() - at);
            hash.update(std::string_view(bytes).substr(at, take));
            at += take;
        }
        EXPECT_EQ(hex(hash.finish()), expected) << (portable ? "portable" : "default");
    }
}

TEST(Sha256, UsesTheShaExtensionsExactlyWhenTheCpuHasThem) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    __builtin_cpu_init();
    const bool cpu_has_them = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
#elif defined(__x86_64__)
    const bool cpu_has_them = Sha256::hardware_accelerated();  // clang: no "sha" feature name to ask
#else
    const bool cpu_has_them = false;
#endif
    EXPECT_EQ(Sha256::hardware_accelerated(), cpu_has_them);
}

}  // namespace
