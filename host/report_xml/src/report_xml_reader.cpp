// Report XML → Report. The document is parsed in place with pugixml, every string_view of
// the Report points into that one buffer, and the DOM is dropped as soon as the flat model
// is built: a loaded report costs its file size plus the vectors, not a DOM.
//
// Errors are values: the loader never throws for bad input. Internally a failure unwinds
// with a private exception (only on the error path) and comes back as a LoadError whose
// line and column are those of the original input (report_xml_source.hpp: line ends and the
// few lines the parse rewrites are recorded, instead of keeping a copy of the whole input).
#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "fincheck/number_text.hpp"
#include "fincheck/report_xml.hpp"
#include "fincheck/utf8.hpp"
#include "report_xml_names.hpp"
#include "report_xml_source.hpp"

namespace fincheck {

std::string LoadError::to_string() const {
    std::string out = file;
    out += ':';
    out += std::to_string(line);
    out += ':';
    out += std::to_string(column);
    out += ": ";
    out += message;
    return out;
}

namespace {

using namespace report_xml;

// How deep <section> elements may nest (docs/report-format.md, "Limits").
constexpr int kMaxSectionDepth = 64;

struct Failure {
    std::size_t offset;
    std::string message;
};

[[noreturn]] void fail_at(std::size_t offset, std::string message) {
    throw Failure{offset, std::move(message)};
}

[[noreturn]] void fail_character(const unsigned char* p, std::size_t i) {
    if (p[i] < 0x20) {
        char code[8];
        std::snprintf(code, sizeof code, "%02X", p[i]);
        fail_at(i, std::string("control character U+00") + code + " is not allowed in XML (XML 中不允许控制字符)");
    }
    fail_at(i, "invalid UTF-8 byte sequence; report XML must be UTF-8 (不是有效的 UTF-8 编码)");
}

[[noreturn]] void fail_reference(std::string_view text, std::size_t at) {
    const std::size_t line_end = std::min(text.find('\n', at), text.size());
    const CharacterReference reference = read_character_reference(text, at, line_end);
    const std::string spelled(text.substr(at, reference.length));
    switch (reference.status) {
        case CharacterReference::Status::forbidden: {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(reference.code));
            fail_at(at, "character reference " + spelled + " names " + code +
                            ", which XML 1.0 does not allow (字符引用指向 XML 不允许的字符)");
        }
        case CharacterReference::Status::beyond_unicode:
            fail_at(at, "character reference " + spelled +
                            " is beyond U+10FFFF, the last Unicode character (字符引用超出 Unicode 范围)");
        default:
            fail_at(at, "malformed character reference; write &#NNNN; or &#xHHHH; with a lower-case x, "
                        "or &amp; for a literal & (字符引用格式错误)");
    }
}

// False when parse_number(text) is certainly nullopt, decided without its normalizing copy:
// most cells without a value attribute are words (绩效基本型, 全面完成). parse_number keeps
// digits, point, signs and percent, drops spaces, tabs, commas and apostrophes, and maps a
// few non-ASCII characters, all of which start with C2, E2, E3 or EF (full-width digits and
// signs, ideographic and no-break spaces, minus and dashes); any other byte survives the
// normalization as a character that Decimal::parse rejects.
bool may_be_number(std::string_view text) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            if (c >= 0xC0 && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) return false;
        } else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == '%' || c == ' ' ||
                     c == '\t' || c == ',' || c == '\'')) {
            return false;
        }
    }
    return true;
}

// An element or attribute name from the DOM, compared with literals without measuring it
// first: the loader tests every name against a chain of literals, and a mismatch almost
// always shows at the first byte. A literal never holds a NUL, so the comparison stops at
// the name's terminator at the latest.
class Name {
public:
    explicit Name(const char* text) : text_(text) {}
    bool operator==(std::string_view literal) const {
        for (std::size_t i = 0; i < literal.size(); ++i)
            if (text_[i] != literal[i]) return false;
        return text_[literal.size()] == '\0';
    }
    bool empty() const { return text_[0] == '\0'; }
    std::string str() const { return text_; }

private:
    const char* text_;
};

// An attribute while the loader walks the attributes of an element. pugixml tests a handle
// for null out of line (the library cannot be inlined); the name does it for free — a null
// attribute's name is "" and a real one's never is — and the loader reads it anyway.
class Attribute {
public:
    explicit Attribute(pugi::xml_attribute first) : handle_(first), name_(first.name()) {}
    explicit operator bool() const { return name_[0] != '\0'; }
    void next() {
        handle_ = handle_.next_attribute();
        name_ = handle_.name();
    }
    const char* name() const { return name_; }
    const char* value() const { return handle_.value(); }
    operator pugi::xml_attribute() const { return handle_; }  // for the value and error helpers

private:
    pugi::xml_attribute handle_;
    const char* name_;
};

std::string_view view(const char* text) { return std::string_view(text); }

std::string quoted(std::string_view text) {
    std::string out = "\"";
    out.append(utf8::prefix_at_boundary(text, 80));  // never half a character: the message is written as XML
    if (text.size() > 80) out += "…";
    out += '"';
    return out;
}

class Loader {
public:
    Loader(const SourceText& source, const char* base, std::size_t size) : source_(source), base_(base), size_(size) {}

    Report load(const pugi::xml_document& doc) {
        pugi::xml_node root = doc.document_element();
        if (Name(root.name()) != "report")
            fail(root, "root element is <" + std::string(root.name()) +
                           ">, expected <report> (根元素应为 report)");
        bool have_version = false;
        for (Attribute a(root.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "format-version") {
                have_version = true;
                if (view(a.value()) != kFormatVersion)
                    fail_attribute(root, a, "unsupported format-version " + quoted(a.value()) +
                                                "; this fincheck reads version 1 (不支持的格式版本)");
            } else {
                unknown_attribute(root, a);
            }
        }
        if (!have_version) missing_attribute(root, "format-version");

        // metadata, toc, body: each optional, at most once, in this order (as in the schema).
        int stage = 0;
        for (pugi::xml_node child = first_child_element(root); child; child = child.next_sibling()) {
            const Name name = element_name(child, root);
            if (name.empty()) continue;
            int position = name == "metadata" ? 1 : name == "toc" ? 2 : name == "body" ? 3 : 0;
            if (position == 0) unexpected_element(child, root);
            if (position <= stage)
                fail(child, "<" + name.str() +
                                "> is repeated or out of order; the order is <metadata>, <toc>, "
                                "<body> (元素重复或顺序错误)");
            stage = position;
            if (position == 1) read_metadata(child);
            else if (position == 2) read_toc(child);
            else read_content(child, -1, -1, 0);
        }
        return std::move(report_);
    }

private:
    // ---- error helpers -----------------------------------------------------------------

    std::size_t offset_of(pugi::xml_node node) const {
        std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return 0;
        // offset_debug() points at the name; the error is clearer at the '<'.
        auto at = static_cast<std::size_t>(offset);
        return (node.type() == pugi::node_element && at > 0) ? at - 1 : at;
    }

    [[noreturn]] void fail(pugi::xml_node node, std::string message) const {
        fail_at(offset_of(node), std::move(message));
    }

    // Finds the attribute in the original text of the start tag, so the column points at
    // the attribute itself rather than at its element.
    std::size_t offset_of(pugi::xml_node node, pugi::xml_attribute attribute) const {
        std::size_t start = offset_of(node);
        std::string_view wanted = attribute.name();
        if (attribute.value() >= base_ && attribute.value() < base_ + size_) {
            // In-place parsing leaves the value where it was; step back to its name.
            std::size_t value_at = static_cast<std::size_t>(attribute.value() - base_);
            if (value_at >= start) {
                std::string tag = source_.original(start, value_at + wanted.size());
                std::size_t name_at = tag.rfind(wanted, value_at - start);
                if (name_at != std::string::npos) return start + name_at;
            }
        }
        return start;
    }

    [[noreturn]] void fail_attribute(pugi::xml_node node, pugi::xml_attribute attribute,
                                     std::string message) const {
        fail_at(offset_of(node, attribute), std::move(message));
    }

    [[noreturn]] void unknown_attribute(pugi::xml_node node, pugi::xml_attribute attribute) const {
        fail_attribute(node, attribute,
                       "unknown attribute " + std::string(attribute.name()) + " on <" +
                           node.name() + "> (未知属性)");
    }

    // page="N" and bbox="x0 y0 x1 y1" beside line="…": where a report imported from a PDF printed
    // the element (fincheck import report.pdf). Checked, then left to tools that show pages; the
    // rules work on source lines. Anything else is an unknown attribute.
    void provenance_attribute(pugi::xml_node node, pugi::xml_attribute attribute) const {
        const std::string_view name = attribute.name();
        const std::string_view value = attribute.value();
        if (name == "page") {
            std::uint32_t page = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), page);
            if (ec != std::errc() || end != value.data() + value.size() || page == 0)
                fail_attribute(node, attribute, "page must be a page number from 1 (页码须为正整数)");
            return;
        }
        if (name == "bbox") {
            int numbers = 0;
            for (std::size_t pos = 0; pos < value.size();) {
                while (pos < value.size() && value[pos] == ' ') ++pos;
                if (pos == value.size()) break;
                double number = 0;
                const auto [end, ec] = std::from_chars(value.data() + pos, value.data() + value.size(), number);
                if (ec != std::errc()) numbers = -100;
                pos = ec != std::errc() ? value.size() : static_cast<std::size_t>(end - value.data());
                ++numbers;
            }
            if (numbers != 4)
                fail_attribute(node, attribute, "bbox must be four numbers: x0 y0 x1 y1 (bbox 须为四个数)");
            return;
        }
        unknown_attribute(node, attribute);
    }

    [[noreturn]] void missing_attribute(pugi::xml_node node, std::string_view name) const {
        fail(node, "<" + std::string(node.name()) + "> lacks the required attribute " +
                       std::string(name) + " (缺少必需属性)");
    }

    [[noreturn]] void unexpected_element(pugi::xml_node node, pugi::xml_node parent) const {
        fail(node, "unexpected element <" + std::string(node.name()) + "> inside <" +
                       parent.name() + "> (此处不允许该元素)");
    }

    void once(pugi::xml_node node, bool& seen) const {
        if (seen) fail(node, "<" + std::string(node.name()) + "> appears twice (元素重复)");
        seen = true;
    }

    // The element name of a child, rejecting stray text between elements. Empty for a
    // whitespace-only text node, which callers skip. Only elements have a name (the parse
    // keeps no comment, processing instruction, declaration or doctype), so the common case
    // costs one call into pugixml; a nameless node is text, checked for being blank.
    Name element_name(pugi::xml_node child, pugi::xml_node parent) const {
        const char* name = child.name();
        if (name[0] != '\0') return Name(name);
        if (child.type() == pugi::node_pcdata && blank(child.value())) return Name("");
        fail(child, "unexpected text " + quoted(child.value()) + " inside <" + parent.name() +
                        "> (此处不允许文本)");
    }

    static bool blank(const char* text) {
        for (; *text != '\0'; ++text)
            if (*text != ' ' && *text != '\t' && *text != '\r' && *text != '\n') return false;
        return true;
    }

    // The first child of an element that holds only elements. parse_embed_pcdata stores the
    // text before an element's first child in the element itself rather than in a text node
    // of its own: that text is checked here as element_name() checks text between children
    // (blank indentation is skipped, anything else is an error at the same position).
    pugi::xml_node first_child_element(pugi::xml_node node) const {
        const char* text = node.value();
        if (text[0] != '\0' && !blank(text))
            fail_at(offset_in_buffer(text), "unexpected text " + quoted(text) + " inside <" + node.name() +
                                                "> (此处不允许文本)");
        return node.first_child();
    }

    std::size_t offset_in_buffer(const char* text) const {
        return text >= base_ && text < base_ + size_ ? static_cast<std::size_t>(text - base_) : 0;
    }

    // ---- value helpers -----------------------------------------------------------------

    template <typename Int>
    Int integer(pugi::xml_node node, pugi::xml_attribute a, Int min_value, Int max_value) const {
        // Nearly every integer is a line or a column: a few digits, read without measuring
        // the text first. Nine digits cannot overflow any Int used here; anything else, and
        // every error, takes the general path below.
        const char* digits = a.value();
        std::uint32_t small = 0;
        std::size_t count = 0;
        for (; count < 9 && digits[count] >= '0' && digits[count] <= '9'; ++count)
            small = small * 10 + static_cast<std::uint32_t>(digits[count] - '0');
        if (count > 0 && digits[count] == '\0') {
            const auto fast = static_cast<Int>(small);
            if (fast >= min_value && fast <= max_value) return fast;
        }
        std::string_view text = digits;
        Int value{};
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
            value < min_value || value > max_value)
            fail_attribute(node, a, std::string(a.name()) + "=" + quoted(text) +
                                        " is not an integer in " + std::to_string(min_value) +
                                        "…" + std::to_string(max_value) + " (不是有效整数)");
        return value;
    }

    SourceLine line(pugi::xml_node node, pugi::xml_attribute a) const {
        return integer<SourceLine>(node, a, 0, UINT32_MAX);
    }

    // value="" says "not a number" explicitly; a missing value attribute is inferred from the
    // text so that hand-written fixtures can write <c col="0">403.00</c>.
    std::optional<Decimal> decimal(pugi::xml_node node, pugi::xml_attribute a) const {
        std::string_view text = a.value();
        if (text.empty()) return std::nullopt;
        auto value = Decimal::parse(text);
        if (!value) {
            if (is_out_of_range_number(text)) fail_attribute(node, a, "value=" + quoted(text) + out_of_range_reason());
            fail_attribute(node, a, "value=" + quoted(text) +
                                        " is not a decimal number; write digits with an optional "
                                        "sign and point, e.g. 1234.50 (不是有效数值)");
        }
        return value;
    }

    static std::string out_of_range_reason() {
        return " is beyond the range of amounts, ±9223372036854.775807 (金额超出可表示范围)";
    }

    // An amount too large for Decimal is an error, not a word: taken for text, it would
    // silently drop out of every sum.
    std::optional<Decimal> inferred_value(pugi::xml_node node, std::string_view raw) const {
        if (raw.empty() || !may_be_number(raw)) return std::nullopt;
        auto parsed = parse_number(raw);
        if (!parsed) {
            if (is_out_of_range_number(raw)) fail(node, "<" + std::string(node.name()) + "> " + quoted(raw) + out_of_range_reason());
            return std::nullopt;
        }
        return parsed->value;
    }

    // ISO 8601 calendar date, full or reduced precision: 2025, 2025-03, 2025-03-01.
    void check_date(pugi::xml_node node, pugi::xml_attribute a) const {
        std::string_view t = a.value();
        auto digits = [&](std::size_t from, std::size_t count) {
            for (std::size_t i = from; i < from + count; ++i)
                if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
            return true;
        };
        auto number = [&](std::size_t from) { return (t[from] - '0') * 10 + (t[from + 1] - '0'); };
        bool ok = digits(0, 4) && (t.size() == 4 || t.size() == 7 || t.size() == 10);
        if (ok && t.size() >= 7) ok = t[4] == '-' && digits(5, 2) && number(5) >= 1 && number(5) <= 12;
        if (ok && t.size() == 10) ok = t[7] == '-' && digits(8, 2) && number(8) >= 1 && number(8) <= 31;
        if (!ok)
            fail_attribute(node, a, std::string(a.name()) + "=" + quoted(t) +
                                        " is not an ISO date such as 2025-03-01 (日期格式应为 YYYY-MM-DD)");
    }

    // The text content of a leaf element. parse_embed_pcdata keeps the leading text in the
    // element itself, so the common case (text only, no CDATA) is a view into the buffer with
    // no text node to visit; text split by a CDATA section is joined into storage owned by
    // the report.
    std::string_view text_of(pugi::xml_node node) {
        const char* embedded = node.value();
        pugi::xml_node first = node.first_child();
        if (!first) return view(embedded);  // the common case: text only
        only_text(node, first);
        pugi::xml_node second = first.next_sibling();
        if (embedded[0] == '\0' && !second) return view(first.value());  // a lone CDATA section
        std::string joined = embedded;
        joined += first.value();
        for (pugi::xml_node child = second; child; child = child.next_sibling()) {
            only_text(node, child);
            joined += child.value();
        }
        return report_.own(joined);
    }

    void only_text(pugi::xml_node node, pugi::xml_node child) const {
        const pugi::xml_node_type type = child.type();
        if (type != pugi::node_pcdata && type != pugi::node_cdata)
            fail(child, "<" + std::string(node.name()) + "> holds only text, not <" + child.name() +
                            "> (只能包含文本)");
    }

    void no_children(pugi::xml_node node) const {
        if (const char* text = node.value(); text[0] != '\0')  // text kept in the element itself
            fail_at(offset_in_buffer(text), "<" + std::string(node.name()) + "> must be empty (应为空元素)");
        if (pugi::xml_node child = node.first_child())
            fail(child, "<" + std::string(node.name()) + "> must be empty (应为空元素)");
    }

    // ---- elements ----------------------------------------------------------------------

    void read_metadata(pugi::xml_node node) {
        Metadata& m = report_.meta;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "department") m.department = a.value();
            else if (name == "level") {
                auto level = admin_level_from_name(a.value());
                if (!level)
                    fail_attribute(node, a, "level=" + quoted(a.value()) +
                                                " is not one of national, province, city, district "
                                                "(行政级别无效)");
                m.level = *level;
            } else if (name == "region") m.region = a.value();
            else if (name == "template") m.template_name = a.value();
            else if (name == "fiscal-year") {
                std::string_view t = a.value();
                int year = 0;
                auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), year);
                if (t.size() != 4 || ec != std::errc{} || end != t.data() + t.size() || year < 1949 ||
                    year > 2200)
                    fail_attribute(node, a, "fiscal-year=" + quoted(t) +
                                                " is not a year such as 2024 (决算年度无效)");
                m.fiscal_year = year;
            } else if (name == "amount-unit") m.amount_unit = a.value();
            else if (name == "publication-date") {
                check_date(node, a);
                m.publication_date = a.value();
            } else unknown_attribute(node, a);
        }
        bool have_title = false, have_source = false;
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name name = element_name(child, node);
            if (name.empty()) continue;
            if (name == "title") {
                once(child, have_title);
                for (Attribute a(child.first_attribute()); a; a.next()) {
                    if (Name(a.name()) == "line") m.title_line = line(child, a);
                    else provenance_attribute(child, a);
                }
                m.title = text_of(child);
            } else if (name == "source") {
                once(child, have_source);
                for (Attribute a(child.first_attribute()); a; a.next()) {
                    const Name attr(a.name());
                    if (attr == "file") m.source_file = a.value();
                    else if (attr == "sha256") {
                        std::string_view hex = a.value();
                        bool ok = hex.size() == 64 &&
                                  std::all_of(hex.begin(), hex.end(), [](char c) {
                                      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                                             (c >= 'A' && c <= 'F');
                                  });
                        if (!ok)
                            fail_attribute(child, a, "sha256=" + quoted(hex) +
                                                         " is not 64 hexadecimal digits (SHA-256 无效)");
                        m.source_sha256 = hex;
                    } else unknown_attribute(child, a);
                }
                no_children(child);
            } else {
                unexpected_element(child, node);
            }
        }
    }

    void read_toc(pugi::xml_node node) {
        for (Attribute a(node.first_attribute()); a; a.next())
            unknown_attribute(node, a);
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name element = element_name(child, node);
            if (element.empty()) continue;
            if (element != "entry") unexpected_element(child, node);
            TocEntry& entry = report_.toc.emplace_back();
            for (Attribute a(child.first_attribute()); a; a.next()) {
                const Name name(a.name());
                if (name == "level") entry.level = integer<int>(child, a, 0, 99);
                else if (name == "line") entry.line = line(child, a);
                else provenance_attribute(child, a);
            }
            entry.text = text_of(child);
        }
    }

    // Children of <body>, <section> and <attachment>: blocks, tables, and (outside an
    // attachment) sections and attachments, in document order.
    void read_content(pugi::xml_node node, int section, int attachment, int depth) {
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name name = element_name(child, node);
            if (name.empty()) continue;
            if (auto kind = block_kind_from_element(name)) {
                read_block(child, *kind, section, attachment);
            } else if (name == "table") {
                read_table(child, section, attachment);
            } else if (name == "section" && attachment < 0) {
                read_section(child, section, depth + 1);
            } else if (name == "attachment" && attachment < 0) {
                read_attachment(child, section, depth);
            } else if (name == "field" && attachment >= 0) {
                read_field(child, attachment);
            } else {
                unexpected_element(child, node);
            }
        }
    }

    void read_section(pugi::xml_node node, int parent, int depth) {
        // The walk recurses once per level of sections (nothing else nests): the limit keeps
        // a hostile file from exhausting the stack, far above any real report's four or five.
        if (depth > kMaxSectionDepth)
            fail(node, "<section> nested more than " + std::to_string(kMaxSectionDepth) +
                           " levels deep (章节嵌套层数超过上限)");
        int index = static_cast<int>(report_.sections.size());
        Section& s = report_.sections.emplace_back();
        s.parent = parent;
        s.level = depth;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "number") s.number = a.value();
            else if (name == "heading") s.heading = a.value();
            else if (name == "level") s.level = integer<int>(node, a, 0, 99);
            else if (name == "line") s.line = line(node, a);
            else provenance_attribute(node, a);
        }
        // `s` may dangle once nested sections grow the vector: nothing below touches it.
        read_content(node, index, -1, depth);
    }

    void read_block(pugi::xml_node node, BlockKind kind, int section, int attachment) {
        Block& b = report_.blocks.emplace_back();
        b.kind = kind;
        b.section = section;
        b.attachment = attachment;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            if (Name(a.name()) == "line") b.line = line(node, a);
            else provenance_attribute(node, a);
        }
        b.text = text_of(node);
    }

    void read_attachment(pugi::xml_node node, int section, int depth) {
        int index = static_cast<int>(report_.attachments.size());
        Attachment& att = report_.attachments.emplace_back();
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "label") att.label = a.value();
            else if (name == "title") att.title = a.value();
            else if (name == "fill-date") {
                check_date(node, a);
                att.fill_date = a.value();
            } else if (name == "line") att.line = line(node, a);
            else provenance_attribute(node, a);
        }
        read_content(node, section, index, depth);
    }

    void read_field(pugi::xml_node node, int attachment) {
        Field f;
        std::optional<pugi::xml_attribute> value_attribute;
        bool have_name = false;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "name") {
                have_name = true;
                f.name = a.value();
            } else if (name == "value") value_attribute = a;
            else if (name == "unit") f.unit = a.value();
            else if (name == "line") f.line = line(node, a);
            else provenance_attribute(node, a);
        }
        if (!have_name) missing_attribute(node, "name");
        f.raw = text_of(node);
        f.value = value_attribute ? decimal(node, *value_attribute) : inferred_value(node, f.raw);
        report_.attachments[static_cast<std::size_t>(attachment)].fields.push_back(f);
    }

    void read_table(pugi::xml_node node, int section, int attachment) {
        int index = static_cast<int>(report_.tables.size());
        Table& t = report_.tables.emplace_back();
        t.section = section;
        t.attachment = attachment;
        bool have_id = false, have_kind = false;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "id") {
                have_id = true;
                t.id = a.value();
            } else if (name == "kind") {
                auto kind = table_kind_from_name(a.value());
                if (!kind)
                    fail_attribute(node, a, "kind=" + quoted(a.value()) +
                                                " is not one of standard, attachment-form, other "
                                                "(表格类型无效)");
                t.kind = *kind;
                have_kind = true;
            } else if (name == "title") t.title = a.value();
            else if (name == "code") t.code = a.value();
            else if (name == "department") t.department = a.value();
            else if (name == "unit") t.unit = a.value();
            else if (name == "note") t.note = a.value();
            else if (name == "line") t.line = line(node, a);
            else provenance_attribute(node, a);
        }
        if (!have_id) missing_attribute(node, "id");
        if (!have_kind) t.kind = implied_table_kind(t.id);
        if (attachment >= 0) report_.attachments[static_cast<std::size_t>(attachment)].tables.push_back(index);

        // The rows in one allocation: the children of <table> (rows, its <columns>, blank text)
        // bound the number of rows, and counting them is cheaper than growing the vector.
        std::size_t children = 0;
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) ++children;
        t.rows.reserve(children);

        bool have_columns = false;
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name name = element_name(child, node);
            if (name.empty()) continue;
            if (name == "columns") {
                if (!t.rows.empty()) fail(child, "<columns> must come before the first <row> (列定义应在行之前)");
                once(child, have_columns);
                read_columns(child, t);
            } else if (name == "row") {
                read_row(child, t);
            } else {
                unexpected_element(child, node);
            }
        }
    }

    void read_columns(pugi::xml_node node, Table& t) {
        for (Attribute a(node.first_attribute()); a; a.next())
            unknown_attribute(node, a);
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name element = element_name(child, node);
            if (element.empty()) continue;
            if (element != "column") unexpected_element(child, node);
            Column& c = t.columns.emplace_back();
            bool have_key = false;
            for (Attribute a(child.first_attribute()); a; a.next()) {
                const Name name(a.name());
                if (name == "key") {
                    have_key = true;
                    c.key = a.value();
                } else if (name == "number") c.number = integer<int>(child, a, 0, 9999);
                else if (name == "part") c.part = a.value();
                else unknown_attribute(child, a);
            }
            if (!have_key) missing_attribute(child, "key");
            for (pugi::xml_node h = first_child_element(child); h; h = h.next_sibling()) {
                const Name header = element_name(h, child);
                if (header.empty()) continue;
                if (header != "h") unexpected_element(h, child);
                for (Attribute a(h.first_attribute()); a; a.next())
                    unknown_attribute(h, a);
                c.header.push_back(text_of(h));
            }
        }
    }

    void read_row(pugi::xml_node node, Table& t) {
        Row& r = t.rows.emplace_back();
        bool have_key = false;
        for (Attribute a(node.first_attribute()); a; a.next()) {
            const Name name(a.name());
            if (name == "key") {
                have_key = true;
                r.key = a.value();
            } else if (name == "code") r.code = a.value();
            else if (name == "label") r.label = a.value();
            else if (name == "line-no") r.line_no = a.value();
            else if (name == "part") r.part = a.value();
            else if (name == "level") {
                auto level = row_level_from_name(a.value());
                if (!level)
                    fail_attribute(node, a, "level=" + quoted(a.value()) +
                                                " is not one of total, subtotal, class, item, "
                                                "subitem, none (行级次无效)");
                r.level = *level;
            } else if (name == "line") r.line = line(node, a);
            else provenance_attribute(node, a);
        }
        if (!have_key) r.key = implied_row_key(r.code, r.label);

        r.cells.resize(t.columns.size());
        for (Cell& cell : r.cells) cell.line = r.line;
        seen_.assign(t.columns.size(), false);
        for (pugi::xml_node child = first_child_element(node); child; child = child.next_sibling()) {
            const Name element = element_name(child, node);
            if (element.empty()) continue;
            if (element != "c") unexpected_element(child, node);
            std::optional<pugi::xml_attribute> col_attribute, value_attribute;  // no out-of-line constructor
            SourceLine cell_line = r.line;
            for (Attribute a(child.first_attribute()); a; a.next()) {
                const Name name(a.name());
                if (name == "col") col_attribute = a;
                else if (name == "value") value_attribute = a;
                else if (name == "line") cell_line = line(child, a);
                else provenance_attribute(child, a);
            }
            if (!col_attribute) missing_attribute(child, "col");
            if (t.columns.empty())
                fail(child, "cell in a table without <columns> (表格缺少列定义)");
            auto col = integer<std::size_t>(child, *col_attribute, 0, t.columns.size() - 1);
            if (seen_[col])
                fail_attribute(child, *col_attribute,
                               "column " + std::to_string(col) + " appears twice in this row (单元格重复)");
            seen_[col] = true;
            Cell& cell = r.cells[col];
            cell.line = cell_line;
            cell.raw = text_of(child);
            cell.value = value_attribute ? decimal(child, *value_attribute) : inferred_value(child, cell.raw);
        }
    }

    const SourceText& source_;
    const char* base_;
    std::size_t size_;
    Report report_;
    std::vector<bool> seen_;
};

// What a loaded report keeps alive: the parsed buffer its string_views point into.
struct ParsedBuffer {
    std::string bytes;
};

LoadError make_error(std::string_view name, const SourceText& source, std::size_t offset, std::string message) {
    LoadError error;
    error.file = std::string(name);
    auto [line, column] = source.line_column(offset);
    error.line = line;
    error.column = column;
    error.message = std::move(message);
    return error;
}

// pugixml's defaults, less the work that cannot change this document: entity and character
// references are decoded only when it holds a '&', CR line ends converted only when it holds
// a CR (the scan knows both). parse_embed_pcdata keeps the text of an element in the element
// rather than in a child node of its own: a DOM node fewer for every cell, paragraph and
// header, and fewer calls into pugixml to read it (the Loader expects this layout).
unsigned int parse_options(const SourceText& source) {
    unsigned int options = pugi::parse_cdata | pugi::parse_wconv_attribute | pugi::parse_ws_pcdata_single |
                           pugi::parse_embed_pcdata;
    if (source.has_references()) options |= pugi::parse_escapes;
    if (source.has_carriage_returns()) options |= pugi::parse_eol;
    return options;
}

LoadResult load_owned(std::string bytes, std::string_view name) {
    LoadResult result;
    // pugixml parses the caller's bytes in place and the Report points into them; what the
    // error messages need of the original is kept by `source` (see report_xml_source.hpp).
    std::shared_ptr<ParsedBuffer> parsed;
    SourceText source;
    try {
        parsed = std::make_shared<ParsedBuffer>();
        parsed->bytes = std::move(bytes);
        char* buffer = parsed->bytes.data();
        const std::size_t size = parsed->bytes.size();
        if (std::size_t bad = source.scan(parsed->bytes); bad != SourceText::npos)
            fail_character(reinterpret_cast<const unsigned char*>(buffer), bad);
        if (std::size_t bad = source.save_rewritable_lines(); bad != SourceText::npos)
            fail_reference(parsed->bytes, bad);
        {
            pugi::xml_document doc;
            pugi::xml_parse_result parse =
                doc.load_buffer_inplace(buffer, size, parse_options(source), pugi::encoding_utf8);
            if (!parse) {
                std::string message = parse.description();
                if (parse.status == pugi::status_no_document_element)
                    message = "no root element: the document is empty or holds no <report> (文档为空)";
                else
                    message = "malformed XML: " + message + " (XML 格式错误)";
                auto offset = parse.offset < 0 ? std::size_t{0} : static_cast<std::size_t>(parse.offset);
                fail_at(offset, std::move(message));
            }
            Loader loader(source, buffer, size);
            result.report = loader.load(doc);
        }  // the DOM goes here; the Report keeps only the buffer
        result.report->keep_alive(std::move(parsed));
    } catch (const Failure& failure) {
        result.report.reset();
        result.error = make_error(name, source, failure.offset, failure.message);
    } catch (const std::bad_alloc&) {
        result.report.reset();
        result.error = make_error(name, source, 0, "out of memory while loading (内存不足)");
    }
    return result;
}

}  // namespace

LoadResult load_report_xml(const std::filesystem::path& file) {
    std::string name = file.string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.error = LoadError{name, 0, 0, "cannot open the file (无法打开文件)"};
        return result;
    }
    std::string bytes;
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
    }
    if (size < 0 || (size > 0 && in.gcount() != size)) {
        LoadResult result;
        result.error = LoadError{name, 0, 0, "cannot read the file (无法读取文件)"};
        return result;
    }
    return load_owned(std::move(bytes), name);
}

LoadResult load_report_xml_buffer(std::string buffer, std::string_view name) {
    return load_owned(std::move(buffer), name);
}

}  // namespace fincheck
