// Names shared by the report XML reader and writer (schemas/report.xsd), kept in one place
// so that the two can never disagree on an element or an enum spelling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "fincheck/report.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::report_xml {

inline constexpr std::string_view kFormatVersion = "1";

inline std::string_view block_element(BlockKind kind) {
    switch (kind) {
        case BlockKind::list_item: return "li";
        case BlockKind::caption: return "caption";
        case BlockKind::note: return "note";
        case BlockKind::paragraph: break;
    }
    return "p";
}

// `Text` is anything comparable with a string literal: a string_view, or the reader's
// unmeasured DOM name.
template <class Text>
std::optional<BlockKind> block_kind_from_element(const Text& name) {
    if (name == "p") return BlockKind::paragraph;
    if (name == "li") return BlockKind::list_item;
    if (name == "caption") return BlockKind::caption;
    if (name == "note") return BlockKind::note;
    return std::nullopt;
}

inline std::string_view table_kind_name(TableKind kind) {
    switch (kind) {
        case TableKind::standard: return "standard";
        case TableKind::attachment_form: return "attachment-form";
        case TableKind::other: break;
    }
    return "other";
}

inline std::optional<TableKind> table_kind_from_name(std::string_view name) {
    if (name == "standard") return TableKind::standard;
    if (name == "attachment-form") return TableKind::attachment_form;
    if (name == "other") return TableKind::other;
    return std::nullopt;
}

// The kind a table has when its element carries no kind attribute: the nine standard
// tables are "01"…"09", attachment forms "att-…". Hand-written fixtures rely on this.
inline TableKind implied_table_kind(std::string_view id) {
    if (id.size() == 2 && id[0] == '0' && id[1] >= '1' && id[1] <= '9') return TableKind::standard;
    if (id.substr(0, 4) == "att-") return TableKind::attachment_form;
    return TableKind::other;
}

inline std::optional<RowLevel> row_level_from_name(std::string_view name) {
    if (name == "none") return RowLevel::none;
    if (name == "total") return RowLevel::total;
    if (name == "subtotal") return RowLevel::subtotal;
    if (name == "class") return RowLevel::class_;
    if (name == "item") return RowLevel::item;
    if (name == "subitem") return RowLevel::subitem;
    return std::nullopt;
}

inline std::optional<AdminLevel> admin_level_from_name(std::string_view name) {
    if (name == "national") return AdminLevel::national;
    if (name == "province") return AdminLevel::province;
    if (name == "city") return AdminLevel::city;
    if (name == "district") return AdminLevel::district;
    if (name == "unknown") return AdminLevel::unknown;
    return std::nullopt;
}

// The key a row has when its element carries no key attribute.
inline std::string_view implied_row_key(std::string_view code, std::string_view label) {
    return code.empty() ? label : code;
}

// Length of the well-formed UTF-8 sequence at p (at most `available` bytes) that is also an
// XML 1.0 Char, or 0 when the bytes are not one (utf8::xml_char_length).
inline std::size_t xml_char_length(const unsigned char* p, std::size_t available) {
    return utf8::xml_char_length(std::string_view(reinterpret_cast<const char*>(p), available), 0);
}

}  // namespace fincheck::report_xml
