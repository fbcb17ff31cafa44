// The definition the reader's fast character checks are tested against, one byte at a time:
// a report is UTF-8 made of XML 1.0 characters (an optional byte-order mark first).
#pragma once

#include <cstddef>
#include <string_view>

#include "fincheck/utf8.hpp"

namespace fincheck::testing_reference {

// Offset of the first byte that does not belong to a UTF-8 encoded XML character, or npos.
inline std::size_t first_bad_xml_character(std::string_view text) {
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
            ++i;
            continue;
        }
        const std::size_t length = utf8::well_formed_length(text, i);
        if (length == 0) return i;
        if (length == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            static_cast<unsigned char>(text[i + 2]) >= 0xBE)
            return i;  // U+FFFE, U+FFFF
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace fincheck::testing_reference
