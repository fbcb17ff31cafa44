#include "fincheck/text/numbers.hpp"

#include "fincheck/text/chars.hpp"
#include "fincheck/utf8.hpp"

namespace fincheck::text {

NumberDigits read_number(const CompactView& view, std::size_t begin) {
    const std::u32string_view t = view.text;
    const std::size_t n = t.size();
    NumberDigits out;
    std::size_t j = begin;
    while (j < n) {
        if (is_ascii_digit(t[j])) {
            if (j > begin && view.space_before[j] && is_ascii_digit(t[j - 1])) break;  // 「2 3」 are two numbers
            out.digits.push_back(static_cast<char>(t[j]));
            ++j;
        } else if (t[j] == U',' && j + 3 < n && is_ascii_digit(t[j + 1]) && is_ascii_digit(t[j + 2]) &&
                   is_ascii_digit(t[j + 3]) && (j + 4 >= n || !is_ascii_digit(t[j + 4]))) {
            ++j;  // thousands separator: 2,940.05
        } else {
            break;
        }
    }
    if (j + 1 < n && t[j] == U'.' && is_ascii_digit(t[j + 1])) {
        out.digits.push_back('.');
        ++j;
        const std::size_t first = j;
        while (j < n && is_ascii_digit(t[j]) && !(j > first && view.space_before[j])) {
            out.digits.push_back(static_cast<char>(t[j]));
            ++j;
            ++out.decimals;
        }
    }
    out.end = j;
    return out;
}

std::string_view to_string(AmountUnit unit) {
    switch (unit) {
        case AmountUnit::yuan: return "元";
        case AmountUnit::wan_yuan: return "万元";
        case AmountUnit::yi_yuan: return "亿元";
        case AmountUnit::none: break;
    }
    return "";
}

namespace {

bool is_minus(char32_t c) { return c == U'-' || c == U'－' || c == U'−'; }

AmountUnit unit_at(std::u32string_view rest) {
    if (rest.starts_with(U"亿元")) return AmountUnit::yi_yuan;
    if (rest.starts_with(U"万元")) return AmountUnit::wan_yuan;
    if (rest.starts_with(U"元")) return AmountUnit::yuan;
    return AmountUnit::none;
}

}  // namespace

std::vector<TextNumber> find_numbers(const CompactView& view) {
    const std::u32string_view t = view.text;
    std::vector<TextNumber> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_ascii_digit(t[i]) || (i > 0 && (is_ascii_digit(t[i - 1]) || t[i - 1] == U'.'))) continue;
        const NumberDigits digits = read_number(view, i);
        const auto value = Decimal::parse(digits.digits);
        if (!value) {
            i = digits.end - 1;
            continue;
        }
        TextNumber number;
        std::size_t first = i;
        // A minus right before the digits, unless it joins two numbers (2021-2023).
        if (i > 0 && is_minus(t[i - 1]) && (i < 2 || !is_ascii_digit(t[i - 2]))) {
            number.negative = true;
            first = i - 1;
        }
        number.value = number.negative ? -*value : *value;
        number.decimals = digits.decimals;
        const std::u32string_view rest = t.substr(digits.end);
        number.percent = rest.starts_with(U"%");
        if (!number.percent) number.unit = unit_at(rest);
        number.begin = view.offset[first];
        number.end = view.offset[digits.end - 1] + 1;
        out.push_back(number);
        i = digits.end - 1;
    }
    return out;
}

std::vector<TextNumber> find_numbers(std::string_view utf8) {
    const CompactText compacted = compact(utf8);
    std::vector<TextNumber> numbers = find_numbers(compacted.view());
    // Code-point offsets to byte offsets, in one walk: the numbers are in reading order.
    std::size_t byte = 0;
    std::uint32_t code_point = 0;
    auto advance_to = [&](std::uint32_t target) {
        for (; code_point < target && byte < utf8.size(); ++code_point) utf8::next_code_point(utf8, byte);
        return byte;
    };
    for (TextNumber& number : numbers) {
        number.byte_begin = advance_to(number.begin);
        number.byte_end = advance_to(number.end);
    }
    return numbers;
}

}  // namespace fincheck::text
