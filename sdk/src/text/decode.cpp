#include "fincheck/text/decode.hpp"

namespace fincheck::text {

std::u32string decode(std::string_view utf8) {
    std::u32string out(utf8.size(), U'\0');
    char32_t* write = out.data();
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t n = utf8.size();
    for (std::size_t i = 0; i < n;) *write++ = next_code_point(bytes, n, i);
    out.resize(static_cast<std::size_t>(write - out.data()));
    return out;
}

std::string encode(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size() * 3);
    for (char32_t c : code_points) utf8::append(out, c);
    return out;
}

}  // namespace fincheck::text
