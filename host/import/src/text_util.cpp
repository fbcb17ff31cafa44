#include "text_util.hpp"

#include <array>
#include <cstdio>

#include "fincheck/number_text.hpp"
#include "fincheck/report.hpp"

namespace fincheck::import_detail {

std::string tidy_spaces(std::string_view text) {
    text = trim(text);
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    char32_t previous = 0;
    while (pos < text.size()) {
        std::size_t start = pos;
        char32_t cp = next_code_point(text, pos);
        if (is_space(cp)) {
            // Look past the run of spaces to decide whether it separates two CJK characters.
            std::size_t after = pos;
            char32_t next = 0;
            while (after < text.size()) {
                std::size_t probe = after;
                next = next_code_point(text, probe);
                if (!is_space(next)) break;
                after = probe;
            }
            pos = after;
            if (is_cjk(previous) && is_cjk(next)) continue;
            out.push_back(' ');
            previous = U' ';
            continue;
        }
        out.append(text.substr(start, pos - start));
        previous = cp;
    }
    return out;
}

std::string strip_bold(std::string_view text) {
    if (text.find("**") == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') { ++i; continue; }
        out.push_back(text[i]);
    }
    return out;
}

bool has_html(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '<') continue;
        char c = text[i + 1];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/') return true;
    }
    return false;
}

std::string strip_html(std::string_view text) {
    if (!has_html(text)) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char next = i + 1 < text.size() ? text[i + 1] : '\0';
        bool tag_start = text[i] == '<' && ((next >= 'a' && next <= 'z') ||
                                            (next >= 'A' && next <= 'Z') || next == '/');
        std::size_t close = tag_start ? text.find('>', i) : std::string_view::npos;
        if (close == std::string_view::npos) { out.push_back(text[i]); ++i; continue; }
        std::string_view tag = text.substr(i, close - i + 1);
        if (contains(tag, "checkbox")) {
            out += contains(tag, "checked") ? "☑" : "☐";
        } else if (starts_with(tag, "<li") || starts_with(tag, "</p") || starts_with(tag, "<br")) {
            // Block boundaries keep a separator so that list items do not run together.
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        }
        i = close + 1;
    }
    return tidy_spaces(out);
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}
bool contains(std::string_view text, std::string_view needle) {
    return text.find(needle) != std::string_view::npos;
}

namespace {

constexpr std::array<std::string_view, 10> kDigits = {"〇", "一", "二", "三", "四",
                                                       "五", "六", "七", "八", "九"};

std::optional<int> numeral_digit(std::string_view cp) {
    for (std::size_t i = 0; i < kDigits.size(); ++i)
        if (cp == kDigits[i]) return static_cast<int>(i);
    if (cp == "零") return 0;
    if (cp == "两") return 2;
    return std::nullopt;
}

}  // namespace

std::size_t chinese_numeral_prefix(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        next_code_point(text, next);
        std::string_view cp = text.substr(pos, next - pos);
        if (!numeral_digit(cp) && cp != "十" && cp != "百") break;
        pos = next;
    }
    return pos;
}

std::optional<int> parse_chinese_numeral(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int total = 0;
    int current = -1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next = pos;
        next_code_point(text, next);
        std::string_view cp = text.substr(pos, next - pos);
        pos = next;
        if (cp == "十") {
            total += (current < 0 ? 1 : current) * 10;
            current = -1;
        } else if (cp == "百") {
            total += (current < 0 ? 1 : current) * 100;
            current = -1;
        } else if (auto digit = numeral_digit(cp)) {
            current = *digit;
        } else {
            return std::nullopt;
        }
    }
    if (current >= 0) total += current;
    return total > 0 ? std::optional<int>(total) : std::nullopt;
}

std::size_t digit_prefix(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
    return n;
}

bool all_digits(std::string_view text) {
    return !text.empty() && digit_prefix(text) == text.size();
}

std::optional<Enumeration> match_part_heading(std::string_view line) {
    line = trim(line);
    if (!starts_with(line, "第")) return std::nullopt;
    std::string_view after = line.substr(std::string_view("第").size());
    std::size_t numeral = chinese_numeral_prefix(after);
    if (numeral == 0 || !starts_with(after.substr(numeral), "部分")) return std::nullopt;
    std::size_t marker_end = std::string_view("第").size() + numeral + std::string_view("部分").size();
    return Enumeration{1, line.substr(0, marker_end), trim(line.substr(marker_end))};
}

std::optional<Enumeration> match_enumeration(std::string_view line) {
    line = trim(line);
    // （一） / (一)
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                               {"(", ")"}, {"（", ")"}, {"(", "）"}}) {
        if (!starts_with(line, open)) continue;
        std::string_view inner = line.substr(open.size());
        std::size_t numeral = chinese_numeral_prefix(inner);
        if (numeral == 0 || !starts_with(inner.substr(numeral), close)) continue;
        std::size_t end = open.size() + numeral + close.size();
        return Enumeration{3, line.substr(0, end), trim(line.substr(end))};
    }
    // 一、
    if (std::size_t numeral = chinese_numeral_prefix(line); numeral > 0) {
        if (starts_with(line.substr(numeral), "、")) {
            std::size_t end = numeral + std::string_view("、").size();
            return Enumeration{2, line.substr(0, end), trim(line.substr(end))};
        }
        return std::nullopt;
    }
    // 1. / 1、 / 1．  — but not an amount such as 2.53
    if (std::size_t digits = digit_prefix(line); digits > 0 && digits <= 2) {
        std::string_view rest = line.substr(digits);
        for (std::string_view sep : {".", "、", "．"}) {
            if (!starts_with(rest, sep)) continue;
            std::string_view tail = rest.substr(sep.size());
            if (!tail.empty() && tail[0] >= '0' && tail[0] <= '9') return std::nullopt;
            std::size_t end = digits + sep.size();
            return Enumeration{4, line.substr(0, end), trim(line.substr(end))};
        }
    }
    return std::nullopt;
}

namespace {

// Reads digits (skipping spaces) starting at pos; returns the number and moves pos.
std::optional<int> read_int(std::string_view text, std::size_t& pos, std::size_t max_digits) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < max_digits) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    if (pos == start) return std::nullopt;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    return value;
}

bool eat(std::string_view text, std::size_t& pos, std::string_view word) {
    if (!starts_with(text.substr(pos), word)) return false;
    pos += word.size();
    return true;
}

}  // namespace

std::optional<std::string> find_iso_date(std::string_view text, std::size_t* end) {
    for (std::size_t start = 0; start < text.size(); ++start) {
        if (text[start] < '0' || text[start] > '9') continue;
        if (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') continue;
        std::size_t pos = start;
        auto year = read_int(text, pos, 4);
        if (!year || *year < 1900 || !eat(text, pos, "年")) continue;
        auto month = read_int(text, pos, 2);
        if (!month || *month < 1 || *month > 12 || !eat(text, pos, "月")) continue;
        auto day = read_int(text, pos, 2);
        if (!day || *day < 1 || *day > 31 || !eat(text, pos, "日")) continue;
        if (end) *end = pos;
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *year, *month, *day);
        return std::string(buffer);
    }
    return std::nullopt;
}

std::optional<int> find_fiscal_year(std::string_view text, std::size_t* begin, std::size_t* end) {
    for (std::size_t start = 0; start + 4 <= text.size(); ++start) {
        if (text[start] < '0' || text[start] > '9') continue;
        if (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9') continue;
        std::size_t pos = start;
        auto year = read_int(text, pos, 4);
        if (!year || *year < kFirstFiscalYear || *year > kLastFiscalYear || pos - start < 4) continue;
        if (!eat(text, pos, "年度")) continue;
        if (begin) *begin = start;
        if (end) *end = pos;
        return *year;
    }
    return std::nullopt;
}

std::string key_from_label(std::string_view label) {
    std::string_view text = trim(label);
    if (auto enumeration = match_enumeration(text)) text = enumeration->rest;
    std::string out;
    out.reserve(text.size());
    int depth = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t start = pos;
        char32_t cp = next_code_point(text, pos);
        if (cp == U'（' || cp == U'(') { ++depth; continue; }
        if ((cp == U'）' || cp == U')') && depth > 0) { --depth; continue; }
        if (depth > 0 || is_space(cp)) continue;
        out.append(text.substr(start, pos - start));
    }
    return out;
}

bool looks_like_code(std::string_view cell) {
    return cell.size() >= 3 && cell.size() <= 7 && all_digits(cell);
}

bool looks_like_amount(std::string_view cell) {
    if (cell.empty()) return false;
    auto parsed = parse_number(cell);
    if (!parsed) return false;
    std::string normalized = normalize_number_text(cell);
    return normalized.find('.') != std::string::npos || contains(cell, ",") || parsed->percent;
}

}  // namespace fincheck::import_detail
