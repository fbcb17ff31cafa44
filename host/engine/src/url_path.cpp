#include "fincheck/engine/url_path.hpp"

namespace fincheck::engine {

std::string url_path_escaped(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string relative_link(const std::filesystem::path& dir, const std::filesystem::path& target) {
    return std::filesystem::absolute(target)
        .lexically_normal()
        .lexically_relative(std::filesystem::absolute(dir).lexically_normal())
        .generic_string();
}

}  // namespace fincheck::engine
