// Text from outside (file names, loader messages, plugin messages) made fit for the XML the
// batch writes. XML 1.0 takes only valid UTF-8 without C0 control characters (tab, newline
// and carriage return aside): not even as character references. File names on Linux are
// any bytes but '/' and NUL, and a message cut by byte count may end inside a character.
#pragma once

#include <string>
#include <string_view>

namespace fincheck::batch {

// Valid UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), without C0
// controls other than tab, newline and carriage return, and without U+FFFE / U+FFFF.
bool is_xml_text(std::string_view text);

// Reversible form for identities (input keys): every byte of an invalid or forbidden
// sequence, and '%' itself, as %XX. Only used when !is_xml_text(text).
std::string percent_escaped(std::string_view text);
// The bytes back; nullopt-free: malformed escapes are kept as they are.
std::string percent_unescaped(std::string_view text);

// Readable form for messages: every byte of an invalid or forbidden sequence as "\xNN".
// Text that is already XML text is returned unchanged.
std::string xml_readable(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` that ends on a character boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace fincheck::batch
