#include "fincheck/number_text.hpp"

#include <cstdint>

#include "fincheck/utf8.hpp"

namespace fincheck {

std::string normalize_number_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = utf8::next_code_point(text, pos);
        if (cp >= U'０' && cp <= U'９') { out.push_back(static_cast<char>('0' + (cp - U'０'))); continue; }
        switch (cp) {
            case U' ': case U'\t': case U'\u00A0': case U'\u3000': case U'\u2009': case U'\u202F':
            case U',': case U'，': case U'\'':
                continue;  // spaces and thousands separators carry no value
            case U'．': out.push_back('.'); continue;
            case U'－': case U'−': case U'—': out.push_back('-'); continue;
            case U'＋': out.push_back('+'); continue;
            case U'％': out.push_back('%'); continue;
            default: break;
        }
        if (cp < 0x80) out.push_back(static_cast<char>(cp));
        else out.push_back('?');  // any other non-ASCII character makes the text non-numeric
    }
    return out;
}

namespace {

// Optional sign, digits with at most one point among them, at least one digit.
bool is_decimal_syntax(std::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    bool digit = false, point = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.' && !point) point = true;
        else return false;
    }
    return digit;
}

}  // namespace

bool is_out_of_range_number(std::string_view text) {
    if (parse_number(text)) return false;
    std::string compact = normalize_number_text(text);
    std::string_view body = compact;
    if (!body.empty() && body.back() == '%') body.remove_suffix(1);
    return is_decimal_syntax(body);
}

std::optional<ParsedNumber> parse_number(std::string_view text) {
    // Most cells are already plain ASCII numbers ("592.29"); only text with spaces,
    // separators or full-width characters needs the normalizing copy.
    bool plain = true;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == '%')) {
            plain = false;
            break;
        }
    std::string compact;
    if (!plain) compact = normalize_number_text(text);
    ParsedNumber parsed;
    std::string_view body = plain ? text : std::string_view(compact);
    if (!body.empty() && body.back() == '%') {
        parsed.percent = true;
        body.remove_suffix(1);
    }
    if (body.empty() || body == "-" || body == "+") return std::nullopt;
    auto value = Decimal::parse(body);
    if (!value) return std::nullopt;
    parsed.value = *value;
    std::size_t point = body.find('.');
    parsed.decimals = point == std::string_view::npos ? 0 : static_cast<int>(body.size() - point - 1);
    return parsed;
}

}  // namespace fincheck
