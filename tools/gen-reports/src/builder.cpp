#include "builder.hpp"

#include <array>

namespace fincheck::gen {

std::string chinese_number(int n) {
    static constexpr std::array<std::string_view, 10> kDigits{"零", "一", "二", "三", "四",
                                                              "五", "六", "七", "八", "九"};
    if (n <= 0) return std::string(kDigits[0]);
    if (n < 10) return std::string(kDigits[static_cast<std::size_t>(n)]);
    std::string out;
    if (n >= 20) out += kDigits[static_cast<std::size_t>(n / 10)];
    out += "十";
    if (n % 10 != 0) out += kDigits[static_cast<std::size_t>(n % 10)];
    return out;
}

std::string amount_text(Yuan amount) { return wan(amount).to_string(2); }

std::string percent_text(Decimal value) { return value.rounded(2).to_string(2); }

std::string share_text(Yuan part, Yuan whole) {
    const auto share = Decimal::percent(wan(part), wan(whole));
    return share ? percent_text(*share) : std::string("0.00");
}

std::string change_text(Yuan now, Yuan prior) {
    const Decimal difference = wan(now) - wan(prior);
    if (difference.is_zero()) return "持平";
    const bool up = difference > Decimal{};
    const auto rate = Decimal::percent(difference.abs(), wan(prior));
    std::string out = up ? "增加" : "减少";
    out += difference.abs().to_string(2) + "万元";
    if (rate) out += std::string(up ? "，增长" : "，下降") + percent_text(*rate) + "%";
    return out;
}

int ReportBuilder::section(std::string_view number, std::string_view heading, int level) {
    Section s;
    s.number = own(number);
    s.heading = own(heading);
    s.level = level;
    s.parent = level > 1 ? parents_[level - 1] : -1;
    s.line = next_line(2);
    report_.sections.push_back(s);
    section_ = static_cast<int>(report_.sections.size()) - 1;
    parents_[level] = section_;
    for (int deeper = level + 1; deeper < 5; ++deeper) parents_[deeper] = section_;
    return section_;
}

int ReportBuilder::block(std::string_view text, BlockKind kind) {
    Block b;
    b.kind = kind;
    b.text = own(text);
    b.section = section_;
    b.attachment = attachment_;
    b.line = next_line(2);
    report_.blocks.push_back(b);
    return static_cast<int>(report_.blocks.size()) - 1;
}

Table& ReportBuilder::table(std::string_view id, TableKind kind, std::string_view title) {
    Table& t = report_.tables.emplace_back();
    t.id = own(id);
    t.kind = kind;
    t.title = own(title);
    t.section = section_;
    t.attachment = attachment_;
    t.line = next_line(4);
    return t;
}

namespace {

std::size_t path_separator(std::string_view header) {
    int depth = 0;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header.substr(i).starts_with("（") || header[i] == '(') ++depth;
        else if ((header.substr(i).starts_with("）") || header[i] == ')') && depth > 0) --depth;
        else if (header[i] == '/' && depth == 0) return i;
    }
    return std::string_view::npos;
}

}  // namespace

void ReportBuilder::column(Table& table, std::string_view key, std::string_view header, int number,
                           std::string_view part) {
    Column c;
    c.key = own(key);
    // A two-level header path (预算数 / 合计) is written with a slash in its key; a slash inside
    // brackets is the heading's own text (执行率（B/A）).
    const std::size_t slash = path_separator(header);
    if (slash == std::string_view::npos) {
        c.header.push_back(own(header));
    } else {
        c.header.push_back(own(header.substr(0, slash)));
        c.header.push_back(own(header.substr(slash + 1)));
    }
    c.number = number;
    c.part = part.empty() ? std::string_view{} : own(part);
    table.columns.push_back(std::move(c));
}

Row& ReportBuilder::row(Table& table, std::string_view key, std::string_view label, RowLevel level,
                        std::string_view code, std::string_view part) {
    Row& r = table.rows.emplace_back();
    r.key = own(key);
    r.label = own(label);
    r.code = code.empty() ? std::string_view{} : own(code);
    r.part = part.empty() ? std::string_view{} : own(part);
    r.level = level;
    r.line = next_line();
    r.cells.reserve(table.columns.size());
    return r;
}

void ReportBuilder::amount(Table& table, std::optional<Yuan> value) {
    Row& r = table.rows.back();
    Cell c;
    c.line = r.line;
    if (value && *value != 0) {
        const Decimal printed = wan(*value);
        c.raw = own(printed.to_string(2));
        c.value = printed;
    }
    r.cells.push_back(c);
}

void ReportBuilder::zero_or_amount(Table& table, Yuan value) {
    Row& r = table.rows.back();
    Cell c;
    c.line = r.line;
    const Decimal printed = wan(value);
    c.raw = own(printed.to_string(2));
    c.value = printed;
    r.cells.push_back(c);
}

void ReportBuilder::text(Table& table, std::string_view raw) {
    Row& r = table.rows.back();
    Cell c;
    c.line = r.line;
    c.raw = own(raw);
    r.cells.push_back(c);
}

void ReportBuilder::decimal(Table& table, Decimal value, std::string_view suffix) {
    Row& r = table.rows.back();
    Cell c;
    c.line = r.line;
    c.raw = own(value.to_string(2) + std::string(suffix));
    c.value = value;
    r.cells.push_back(c);
}

}  // namespace fincheck::gen
