#include "html_anchors.hpp"

#include <algorithm>

#include "fincheck/utf8.hpp"

namespace fincheck::engine::html {

Anchors::Anchors(const Report& report) : report_(report) {
    for (std::size_t s = 0; s < report.sections.size(); ++s)
        section_paths_.push_back(report.section_path(static_cast<int>(s)));
    for (const Block& block : report.blocks) {
        cuts_.push_back({0});
        lengths_.push_back(static_cast<std::uint32_t>(utf8::code_point_count(block.text)));
    }
    // What a location with nothing but a line points at. emplace keeps the first element of a
    // line, and the order below puts the larger element first (a row before its cells).
    auto at = [&](SourceLine line, std::string id) {
        if (line > 0) by_line_.emplace(line, std::move(id));
    };
    at(report.meta.title_line, kTitleId);
    for (std::size_t i = 0; i < report.toc.size(); ++i) at(report.toc[i].line, toc_id(i));
    for (std::size_t s = 0; s < report.sections.size(); ++s)
        at(report.sections[s].line, section_id(s));
    for (std::size_t b = 0; b < report.blocks.size(); ++b) at(report.blocks[b].line, block_id(b));
    for (std::size_t t = 0; t < report.tables.size(); ++t) {
        at(report.tables[t].line, table_id(t));
        for (std::size_t r = 0; r < report.tables[t].rows.size(); ++r)
            at(report.tables[t].rows[r].line, row_id(t, r));
    }
    for (std::size_t a = 0; a < report.attachments.size(); ++a) {
        at(report.attachments[a].line, attachment_id(a));
        for (std::size_t f = 0; f < report.attachments[a].fields.size(); ++f)
            at(report.attachments[a].fields[f].line, field_id(a, f));
    }
}

void Anchors::prepare(const Location& location) {
    if (!location.table.empty() && resolve_table(location).empty()) {
        Location part;
        part.table = location.table;
        part.row = location.row;
        part.column = location.column;
        absent_.push_back(std::move(part));
        return;
    }
    if (location.block < 0 || static_cast<std::size_t>(location.block) >= cuts_.size()) return;
    const auto b = static_cast<std::size_t>(location.block);
    const std::uint32_t end = std::min(location.span_end, lengths_[b]);
    if (location.span_begin >= end) return;
    std::vector<std::uint32_t>& cuts = cuts_[b];
    for (const std::uint32_t at : {location.span_begin, end})
        if (at < lengths_[b] && !std::binary_search(cuts.begin(), cuts.end(), at))
            cuts.insert(std::upper_bound(cuts.begin(), cuts.end(), at), at);
}

std::vector<std::string> Anchors::absent(const Location& location) const {
    for (std::size_t k = 0; k < absent_.size(); ++k)
        if (absent_[k].table == location.table && absent_[k].row == location.row &&
            absent_[k].column == location.column)
            return {absent_id(k)};
    return {};
}

std::vector<std::string> Anchors::resolve_table(const Location& location) const {
    const Table* table = report_.table(location.table);
    if (!table) {
        return absent(location);
    }
    const auto t = static_cast<std::size_t>(table - report_.tables.data());
    const Row* row = location.row.empty() ? nullptr : table->row_by_key(location.row);
    const std::optional<std::size_t> column =
        location.column.empty() ? std::nullopt : table->column_index(location.column);
    if (row) {
        const auto r = static_cast<std::size_t>(row - table->rows.data());
        if (column) return {cell_id(t, r, *column)};
        return {row_id(t, r)};
    }
    if (column && location.row.empty()) return {column_id(t, *column)};
    if (location.row.empty() && location.column.empty()) return {table_id(t)};
    // An attachment's form prints labelled fields above its table; rules name them as columns.
    if (location.row.empty() && table->attachment >= 0 &&
        static_cast<std::size_t>(table->attachment) < report_.attachments.size()) {
        const auto a = static_cast<std::size_t>(table->attachment);
        const std::vector<Field>& fields = report_.attachments[a].fields;
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (fields[f].name == location.column) return {field_id(a, f)};
    }
    return absent(location);
}

std::vector<std::string> Anchors::resolve(const Location& location) const {
    if (!location.table.empty())
        if (std::vector<std::string> ids = resolve_table(location); !ids.empty()) return ids;
    if (location.block >= 0 && static_cast<std::size_t>(location.block) < cuts_.size()) {
        const auto b = static_cast<std::size_t>(location.block);
        const std::uint32_t end = std::min(location.span_end, lengths_[b]);
        if (location.span_begin >= end) return {block_id(b)};
        std::vector<std::string> ids;
        for (const std::uint32_t begin : cuts_[b])
            if (begin >= location.span_begin && begin < end) ids.push_back(span_id(b, begin));
        if (ids.empty()) ids.push_back(block_id(b));  // a span prepare() never saw
        return ids;
    }
    if (!location.section.empty()) {
        std::optional<std::size_t> found;
        for (std::size_t s = 0; s < section_paths_.size(); ++s) {
            if (section_paths_[s] != location.section) continue;
            if (!found || report_.sections[s].line == location.line) found = s;
            if (report_.sections[s].line == location.line) break;
        }
        if (found) return {section_id(*found)};
    }
    if (location.line > 0) {
        // The element printed on that line, else the last one before it.
        auto it = by_line_.upper_bound(location.line);
        if (it != by_line_.begin()) return {std::prev(it)->second};
    }
    return {kTitleId};
}

}  // namespace fincheck::engine::html
