// Writes indented XML straight into a string, byte for byte as pugixml's
// `save(…, "  ", format_indent, encoding_utf8)` writes the same tree, without building the
// tree first. The audit report and the batch records are written thousands of times a
// night; a DOM per file (one allocation per node and attribute, then a serialisation pass)
// cost more than the bytes themselves. Tests compare both writers on the same content.
//
// pugixml's escaping, reproduced exactly for every character XML 1.0 allows:
//   attribute values: & < " escaped, tab, LF and CR as &#09; &#10; &#13;, > and ' kept;
//   element text:     & < > escaped, quotes kept.
// Unlike pugixml, what XML 1.0 cannot carry at all is written as U+FFFD, one per byte: other
// C0 controls (pugixml wrote &#01;, which no parser accepts), NUL (pugixml cut the value
// there), bytes that are not UTF-8, surrogates and U+FFFE/U+FFFF. Messages and names come
// from untrusted reports and file systems; the document must parse whatever they hold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/utf8.hpp"

namespace fincheck::engine {

class XmlOut {
public:
    // `depth`: indentation level of the first element (two spaces per level).
    explicit XmlOut(std::string& out, int depth = 0) : out_(out), depth_(depth) {}

    void declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

    // "<name"; attributes follow until the first child or close().
    void open(std::string_view name) {
        close_start_tag();
        indent();
        out_ += '<';
        out_ += name;
        open_.push_back(name);
        start_pending_ = true;
    }

    void attribute(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        append_escaped(value, kAttribute);
        out_ += '"';
    }
    void attribute_if(std::string_view name, std::string_view value) {
        if (!value.empty()) attribute(name, value);
    }
    void attribute(std::string_view name, std::uint64_t value) {
        char digits[24];
        char* end = digits + sizeof digits;
        char* p = end;
        do {
            *--p = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value != 0);
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        out_.append(p, static_cast<std::size_t>(end - p));
        out_ += '"';
    }

    // The element's only content is text: "<name …>text</name>", also when text is empty
    // (pugixml keeps an empty text node, so it does not write "<name />").
    void text(std::string_view text) {
        out_ += '>';
        append_escaped(text, kText);
        out_ += "</";
        out_ += open_.back();
        out_ += ">\n";
        open_.pop_back();
        start_pending_ = false;
    }

    // Closes the innermost element: " />" when it has no child, else an indented end tag.
    void close() {
        if (start_pending_) {
            out_ += " />\n";
            start_pending_ = false;
        } else {
            --depth_;
            indent();
            out_ += "</";
            out_ += open_.back();
            out_ += ">\n";
        }
        open_.pop_back();
    }

    // "<name>text</name>" as a child of the current element.
    void text_element(std::string_view name, std::string_view content) {
        open(name);
        text(content);
    }

private:
    enum Context : std::uint8_t { kAttribute, kText };

    void close_start_tag() {
        if (!start_pending_) return;
        out_ += ">\n";
        start_pending_ = false;
        ++depth_;
    }

    void indent() { out_.append(static_cast<std::size_t>(depth_) * 2, ' '); }

    // ASCII that is not copied as is: markup characters and the C0 controls.
    static bool special(unsigned char c, Context context) {
        if (c >= 32) return c == '&' || c == '<' || (context == kAttribute ? c == '"' : c == '>');
        return context == kAttribute || (c != '\t' && c != '\n' && c != '\r');
    }

    void append_escaped(std::string_view value, Context context) {
        static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
        std::size_t run = 0;  // start of the bytes not yet copied
        std::size_t i = 0;
        while (i < value.size()) {
            const auto c = static_cast<unsigned char>(value[i]);
            if (c >= 0x80) {
                if (const std::size_t length = utf8::xml_char_length(value, i); length != 0) {
                    i += length;
                    continue;
                }
                out_.append(value.data() + run, i - run);
                out_ += kReplacement;
                run = ++i;
                continue;
            }
            if (!special(c, context)) {
                ++i;
                continue;
            }
            out_.append(value.data() + run, i - run);
            run = ++i;
            switch (c) {
                case '&': out_ += "&amp;"; break;
                case '<': out_ += "&lt;"; break;
                case '>': out_ += "&gt;"; break;
                case '"': out_ += "&quot;"; break;
                case '\t': out_ += "&#09;"; break;  // in attribute values only
                case '\n': out_ += "&#10;"; break;
                case '\r': out_ += "&#13;"; break;
                default: out_ += kReplacement;
            }
        }
        out_.append(value.data() + run, value.size() - run);
    }

    std::string& out_;
    int depth_;
    bool start_pending_ = false;
    std::vector<std::string_view> open_;  // names of the open elements (string literals or caller-owned)
};

}  // namespace fincheck::engine
