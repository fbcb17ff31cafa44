#include "fincheck/finding.hpp"

namespace fincheck {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: break;
    }
    return "info";
}

std::optional<Severity> severity_from_string(std::string_view text) {
    if (text == "error") return Severity::error;
    if (text == "warning") return Severity::warning;
    if (text == "info") return Severity::info;
    return std::nullopt;
}

Location Location::at_cell(const Table& table, const Row& row, std::string_view column) {
    Location loc;
    loc.table = table.id;
    loc.row = row.key;
    loc.column = column;
    loc.line = row.line;
    return loc;
}

Location Location::at_row(const Table& table, const Row& row) {
    Location loc;
    loc.table = table.id;
    loc.row = row.key;
    loc.line = row.line;
    return loc;
}

Location Location::at_table(const Table& table) {
    Location loc;
    loc.table = table.id;
    loc.line = table.line;
    return loc;
}

Location Location::at_block(const Report& report, int block, std::uint32_t span_begin,
                            std::uint32_t span_end) {
    Location loc;
    loc.block = block;
    loc.span_begin = span_begin;
    loc.span_end = span_end;
    if (block >= 0 && static_cast<std::size_t>(block) < report.blocks.size()) {
        const Block& b = report.blocks[static_cast<std::size_t>(block)];
        loc.section = report.section_path(b.section);
        loc.line = b.line;
    }
    return loc;
}

Location Location::at_line(SourceLine line) {
    Location loc;
    loc.line = line;
    return loc;
}

FindingBuilder::FindingBuilder(std::string_view rule_id, std::string_view message_id) {
    finding_.rule_id = rule_id;
    finding_.message_id = message_id;
}

FindingBuilder& FindingBuilder::at(Location location) {
    finding_.location = std::move(location);
    return *this;
}
FindingBuilder& FindingBuilder::severity(Severity severity) {
    finding_.severity = severity;
    return *this;
}
FindingBuilder& FindingBuilder::arg(std::string_view name, std::string_view value) {
    finding_.args.emplace_back(std::string(name), std::string(value));
    return *this;
}
FindingBuilder& FindingBuilder::arg(std::string_view name, Decimal value, int min_decimals) {
    return arg(name, value.to_string(min_decimals));
}
FindingBuilder& FindingBuilder::expected(std::string_view text) {
    finding_.expected = text;
    return *this;
}
FindingBuilder& FindingBuilder::expected(Decimal value, int min_decimals) {
    return expected(value.to_string(min_decimals));
}
FindingBuilder& FindingBuilder::actual(std::string_view text) {
    finding_.actual = text;
    return *this;
}
FindingBuilder& FindingBuilder::actual(Decimal value, int min_decimals) {
    return actual(value.to_string(min_decimals));
}
FindingBuilder& FindingBuilder::difference(Decimal value) {
    finding_.difference = value;
    return *this;
}
FindingBuilder& FindingBuilder::tolerance(Decimal value) {
    finding_.tolerance = value;
    return *this;
}
FindingBuilder& FindingBuilder::evidence(std::string_view role, Location location,
                                         std::string_view raw, std::optional<Decimal> value) {
    finding_.evidence.push_back(Evidence{std::string(role), std::move(location), std::string(raw), value});
    return *this;
}
FindingBuilder& FindingBuilder::evidence_cell(std::string_view role, const Table& table,
                                              const Row& row, std::size_t column) {
    const Cell* cell = row.cell(column);
    std::string_view column_key = column < table.columns.size() ? table.columns[column].key : std::string_view{};
    Location loc = Location::at_cell(table, row, column_key);
    if (cell && cell->line) loc.line = cell->line;
    return evidence(role, std::move(loc), cell ? cell->raw : std::string_view{},
                    cell ? cell->value : std::nullopt);
}
Finding FindingBuilder::build() && { return std::move(finding_); }
Finding FindingBuilder::build() & { return finding_; }

std::string render_message(std::string_view message_template, const MessageArgs& args) {
    std::string out;
    out.reserve(message_template.size() + 32);
    std::size_t pos = 0;
    while (pos < message_template.size()) {
        std::size_t open = message_template.find('{', pos);
        if (open == std::string_view::npos) break;
        std::size_t close = message_template.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(message_template, pos, open - pos);
        std::string_view name = message_template.substr(open + 1, close - open - 1);
        const std::string* value = nullptr;
        for (const auto& [key, val] : args)
            if (key == name) { value = &val; break; }
        if (value) out += *value;
        else out.append(message_template, open, close - open + 1);
        pos = close + 1;
    }
    out.append(message_template, pos, std::string_view::npos);
    return out;
}

}  // namespace fincheck
