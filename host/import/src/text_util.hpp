// Small text helpers for extracted report text: UTF-8 stepping, trimming that knows the
// full-width space, Chinese numerals, headings' enumeration markers, dates. No std::regex:
// the importer runs on every report and these are called per line and per cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fincheck/text/chars.hpp"
#include "fincheck/text/compact.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::import_detail {

// Decodes the code point at text[pos] and advances pos; malformed bytes yield U+FFFD.
using utf8::next_code_point;
using utf8::code_point_count;

// Character classes, trimming and space removal are the text layer's (fincheck/text/*.hpp),
// which the plugins read the same report text with.
inline bool is_space(char32_t cp) { return text::is_line_space(cp); }  // not tab: a cell separator
using text::is_cjk;
using text::is_cjk_ideograph;
using text::trim;
// Removes every space: header cells wrap inside a cell (「本年收 入合计」).
inline std::string compact(std::string_view utf8) { return text::remove_spaces(utf8); }
// Collapses runs of spaces to one and drops spaces between two CJK characters, which are
// line-wrap artefacts (「年度财政 资金总额」 → 「年度财政资金总额」), keeping 「预算数 (A)」.
std::string tidy_spaces(std::string_view text);
// Removes Markdown bold markers (**) that the extraction puts around headings.
std::string strip_bold(std::string_view text);
// Removes HTML fragments left in cells (<p>, <ol …>, <li>) and maps checkboxes to ☑ / ☐.
std::string strip_html(std::string_view text);
bool has_html(std::string_view text);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);
bool contains(std::string_view text, std::string_view needle);

// 一 … 九十九 → 1 … 99; nullopt for anything else.
std::optional<int> parse_chinese_numeral(std::string_view text);
// Length in bytes of a leading run of Chinese numeral characters.
std::size_t chinese_numeral_prefix(std::string_view text);
std::size_t digit_prefix(std::string_view text);
bool all_digits(std::string_view text);

// An enumeration marker at the start of a line: 「一、」「（一）」「(一)」「1.」「1、」「1．」.
struct Enumeration {
    int level = 0;            // 2 = 一、, 3 = （一）, 4 = 1.
    std::string_view marker;  // as printed
    std::string_view rest;    // text after the marker, trimmed
};
std::optional<Enumeration> match_enumeration(std::string_view line);
// 「第三部分 …」 → marker 第三部分, rest; level 1.
std::optional<Enumeration> match_part_heading(std::string_view line);

// 「2025年3月28日」 / 「2025 年 10 月 15 日」 anywhere in text → 2025-03-28.
std::optional<std::string> find_iso_date(std::string_view text, std::size_t* end = nullptr);
// The fiscal year in 「2024年度」 / 「2024 年度」: the first such occurrence of a year that a
// report can have (kFirstFiscalYear…kLastFiscalYear), so that the imported report loads again.
std::optional<int> find_fiscal_year(std::string_view text, std::size_t* begin = nullptr,
                                    std::size_t* end = nullptr);

// Drops a leading enumeration marker and every parenthesised qualifier, and all spaces:
// 「一、使用非财政拨款结余（含专用结余）」 → 「使用非财政拨款结余」. Used for row keys.
std::string key_from_label(std::string_view label);

// A code in a code column: 3 to 7 ASCII digits.
bool looks_like_code(std::string_view cell);
// A cell that holds an amount with a decimal point or thousands separator (not a code).
bool looks_like_amount(std::string_view cell);

}  // namespace fincheck::import_detail
