#include "fincheck/engine/html_text.hpp"

#include "fincheck/utf8.hpp"

namespace fincheck::engine {

void append_html_escaped(std::string& out, std::string_view text) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    out.reserve(out.size() + text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            if (const std::size_t length = utf8::xml_char_length(text, i); length != 0) {
                out.append(text.data() + i, length);
                i += length;
            } else {
                out += kReplacement;
                ++i;
            }
            continue;
        }
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            case '\t':
            case '\n':
            case '\r':
                out += static_cast<char>(c);
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                    out += kReplacement;
                else
                    out += static_cast<char>(c);
        }
        ++i;
    }
}

std::string html_escaped(std::string_view text) {
    std::string out;
    append_html_escaped(out, text);
    return out;
}

}  // namespace fincheck::engine
