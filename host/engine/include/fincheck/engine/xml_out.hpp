// Writes indented XML straight into a string, byte for byte as pugixml's
// `save(…, "  ", format_indent, encoding_utf8)` writes the same tree, without building the
// tree first. The audit report and the batch records are written thousands of times a
// night; a DOM per file (one allocation per node and attribute, then a serialisation pass)
// cost more than the bytes themselves. Tests compare both writers on the same content.
//
// pugixml's escaping, reproduced exactly:
//   attribute values: & < " and bytes 1–31 escaped (&#NN; with two digits), > and ' kept;
//   element text:     & < > and bytes 1–31 except \t \n \r escaped, quotes kept;
//   a NUL byte ends the value (pugixml stores C strings); bytes ≥ 0x80 are copied as is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

    static bool special(unsigned char c, Context context) {
        if (c >= 32) return c == '&' || c == '<' || (context == kAttribute ? c == '"' : c == '>');
        return context == kAttribute || (c != '\t' && c != '\n' && c != '\r');
    }

    void append_escaped(std::string_view value, Context context) {
        std::size_t run = 0;  // start of the bytes not yet copied
        for (std::size_t i = 0; i < value.size(); ++i) {
            const auto c = static_cast<unsigned char>(value[i]);
            if (!special(c, context)) continue;
            out_.append(value.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case 0: return;  // end of the C string pugixml would have stored
                case '&': out_ += "&amp;"; break;
                case '<': out_ += "&lt;"; break;
                case '>': out_ += "&gt;"; break;
                case '"': out_ += "&quot;"; break;
                default: {
                    const char entity[] = {'&', '#', static_cast<char>('0' + c / 10), static_cast<char>('0' + c % 10), ';'};
                    out_.append(entity, sizeof entity);
                }
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
