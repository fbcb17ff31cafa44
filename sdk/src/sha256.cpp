// A plain FIPS 180-4 SHA-256: small enough to own, and it keeps OpenSSL out of the SDK.
// Two compression functions: portable C++, and on x86-64 the SHA extensions (SHA-NI), which
// run the rounds in hardware at several times the speed. The choice is made once per process.
#include "fincheck/sha256.hpp"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#if defined(__clang__)
#include <cpuid.h>
#endif
#endif

namespace fincheck {
namespace {

alignas(16) constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// ---- portable ------------------------------------------------------------------------

void compress_portable(std::uint32_t* state, const std::uint8_t* blocks, std::size_t count) {
    for (; count > 0; --count, blocks += 64) {
        std::array<std::uint32_t, 64> w;
        for (std::size_t i = 0; i < 16; ++i)
            w[i] = (std::uint32_t{blocks[4 * i]} << 24) | (std::uint32_t{blocks[4 * i + 1]} << 16) |
                   (std::uint32_t{blocks[4 * i + 2]} << 8) | std::uint32_t{blocks[4 * i + 3]};
        for (std::size_t i = 16; i < 64; ++i) {
            std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (std::size_t i = 0; i < 64; ++i) {
            std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            std::uint32_t choose = (e & f) ^ (~e & g);
            std::uint32_t t1 = h + s1 + choose + kRound[i] + w[i];
            std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            std::uint32_t t2 = s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

// ---- x86-64 SHA extensions -----------------------------------------------------------
//
// SHA256RNDS2 does two rounds on the working variables split across two registers, one
// holding A, B, E, F and the other C, D, G, H (highest lane first), with the two round inputs
// W[t] + K[t] in the low lanes of a third. After it, the register that held ABEF holds the
// new CDGH, so the two registers swap roles every call. SHA256MSG1 and SHA256MSG2 compute
// the message schedule four words at a time: W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16].
// Only this function is compiled for the extensions; the rest of the library keeps the
// baseline flags, and the function is called only when the CPU reports them.
#if defined(__x86_64__)

__attribute__((target("sha,sse4.1"))) void compress_sha_ni(std::uint32_t* state, const std::uint8_t* blocks,
                                                            std::size_t count) {
    // Reverses the bytes of each 32-bit lane: message words are big-endian.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

    // state[0..3] = A B C D and state[4..7] = E F G H, lane 0 first; rearranged into
    // abef = (A, B, E, F) and cdgh = (C, D, G, H), highest lane first.
    __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state));
    __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(state + 4));
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);      // lanes 3..0: C D A B
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);      // lanes 3..0: E F G H
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);     // lanes 3..0: A B E F
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);  // lanes 3..0: C D G H

    for (; count > 0; --count, blocks += 64) {
        const __m128i abef_before = abef;
        const __m128i cdgh_before = cdgh;
        // w[g % 4] holds W[4g .. 4g+3], lane 0 first.
        __m128i w[4];
#pragma GCC unroll 16
        for (int g = 0; g < 16; ++g) {
            __m128i& words = w[g & 3];
            if (g < 4) {
                words = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(blocks + 16 * g)),
                                         byte_swap);
            } else {
                // W[t-16] + σ0(W[t-15]) for the four words, then + W[t-7], then + σ1(W[t-2]).
                __m128i partial = _mm_sha256msg1_epu32(words, w[(g + 1) & 3]);
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
                words = _mm_sha256msg2_epu32(partial, w[(g + 3) & 3]);
            }
            __m128i inputs =
                _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i*>(kRound.data() + 4 * g)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, inputs);  // rounds 4g, 4g+1: cdgh is the new ABEF
            inputs = _mm_shuffle_epi32(inputs, 0x0E);           // the upper two inputs, moved down
            abef = _mm_sha256rnds2_epu32(abef, cdgh, inputs);  // rounds 4g+2, 4g+3: abef is ABEF again
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    // Back to A B C D / E F G H, lane 0 first.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);  // lanes 3..0: F E B A
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);  // lanes 3..0: D C H G
    dcba = _mm_blend_epi16(feba, dchg, 0xF0);      // lanes 3..0: D C B A
    hgfe = _mm_alignr_epi8(dchg, feba, 8);         // lanes 3..0: H G F E
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), dcba);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state + 4), hgfe);
}

bool cpu_has_sha_ni() {
#if defined(__clang__)
    // clang's __builtin_cpu_supports does not know "sha": CPUID leaf 7, EBX bit 29; SSE4.1 is
    // leaf 1, ECX bit 19.
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 19))) return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    return (ebx & (1u << 29)) != 0;
#else
    __builtin_cpu_init();
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
#endif
}

#endif  // __x86_64__

using CompressBlocks = void (*)(std::uint32_t*, const std::uint8_t*, std::size_t);

// Decided once: a function-local static is initialised thread-safely on first use.
CompressBlocks fastest_compress() {
    static const CompressBlocks chosen = [] {
#if defined(__x86_64__)
        if (cpu_has_sha_ni()) return &compress_sha_ni;
#endif
        return &compress_portable;
    }();
    return chosen;
}

}  // namespace

Sha256::Sha256() : Sha256(fastest_compress()) {}

Sha256::Sha256(CompressBlocks compress)
    : compress_(compress),
      state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

Sha256 Sha256::portable() { return Sha256(&compress_portable); }

bool Sha256::hardware_accelerated() { return fastest_compress() != &compress_portable; }

void Sha256::update(std::string_view bytes) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t n = bytes.size();
    total_bytes_ += n;
    if (buffered_ > 0) {
        std::size_t take = std::min(n, 64 - buffered_);
        std::memcpy(buffer_.data() + buffered_, p, take);
        buffered_ += take;
        p += take;
        n -= take;
        if (buffered_ < 64) return;
        compress_(state_.data(), buffer_.data(), 1);
        buffered_ = 0;
    }
    if (n >= 64) {
        std::size_t whole = n / 64;
        compress_(state_.data(), p, whole);
        p += 64 * whole;
        n -= 64 * whole;
    }
    if (n > 0) std::memcpy(buffer_.data(), p, n);
    buffered_ = n;
}

std::array<std::uint8_t, 32> Sha256::finish() {
    std::uint64_t bit_length = total_bytes_ * 8;
    // Padding: a single 1 bit, zeros up to 56 mod 64, then the length in bits, big-endian.
    std::array<std::uint8_t, 72> pad{};
    pad[0] = 0x80;
    std::size_t pad_length = (buffered_ < 56 ? 56 : 120) - buffered_;
    for (std::size_t i = 0; i < 8; ++i)
        pad[pad_length + i] = static_cast<std::uint8_t>(bit_length >> (56 - 8 * i));
    update(std::string_view(reinterpret_cast<const char*>(pad.data()), pad_length + 8));
    std::array<std::uint8_t, 32> digest;
    for (std::size_t i = 0; i < 8; ++i)
        for (std::size_t j = 0; j < 4; ++j)
            digest[4 * i + j] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * j));
    return digest;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (std::uint8_t byte : hash.finish()) {
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0F];
    }
    return out;
}

}  // namespace fincheck
