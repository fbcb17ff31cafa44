// Where on the review page a finding's location is: the element ids the page gives the parts
// of the report, and the resolution of a Location to them. Kept apart from the page's markup
// so that what is marked and how it is drawn are decided in one place each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fincheck/finding.hpp"
#include "fincheck/report.hpp"

namespace fincheck::engine::html {

inline std::string table_id(std::size_t t) {
    return "t" + std::to_string(t);
}
inline std::string column_id(std::size_t t, std::size_t c) {
    return table_id(t) + "h" + std::to_string(c);
}
inline std::string row_id(std::size_t t, std::size_t r) {
    return table_id(t) + "r" + std::to_string(r);
}
inline std::string cell_id(std::size_t t, std::size_t r, std::size_t c) {
    return row_id(t, r) + "c" + std::to_string(c);
}
inline std::string section_id(std::size_t s) {
    return "s" + std::to_string(s);
}
inline std::string block_id(std::size_t b) {
    return "b" + std::to_string(b);
}
// A piece of a block's text that starts at code point `begin`.
inline std::string span_id(std::size_t b, std::uint32_t begin) {
    return block_id(b) + "-" + std::to_string(begin);
}
inline std::string toc_id(std::size_t i) {
    return "toc" + std::to_string(i);
}
inline std::string attachment_id(std::size_t a) {
    return "a" + std::to_string(a);
}
inline std::string field_id(std::size_t a, std::size_t f) {
    return attachment_id(a) + "f" + std::to_string(f);
}
inline std::string absent_id(std::size_t k) {
    return "x" + std::to_string(k);
}
inline constexpr const char* kTitleId = "doc-title";

class Anchors {
public:
    explicit Anchors(const Report& report);

    // Cuts the text of the location's block at its span, so that the span is whole pieces, and
    // notes a table, row or column the report does not have (a missing table is a finding), so
    // that the page can show it as absent. Called for every location (findings and evidence)
    // before the first resolve().
    void prepare(const Location& location);

    // The elements `location` points at, most specific first: a cell, a column header (or the
    // field of that name in the table's attachment), a row, a table, or the entry for a table
    // part the report lacks; the pieces of a span, a block; a section heading; else the element
    // printed on its source line, else the title. Never empty.
    std::vector<std::string> resolve(const Location& location) const;

    // Where the pieces of block `b` start, in code points, ascending; the first is 0.
    const std::vector<std::uint32_t>& cuts(std::size_t b) const { return cuts_[b]; }
    std::uint32_t length(std::size_t b) const { return lengths_[b]; }
    const std::string& section_path(std::size_t s) const { return section_paths_[s]; }
    // The table parts that locations name and the report lacks, in order of first mention.
    const std::vector<Location>& absent_parts() const { return absent_; }

private:
    std::vector<std::string> resolve_table(const Location& location) const;
    std::vector<std::string> absent(const Location& location) const;  // its entry, or none yet

    const Report& report_;
    std::vector<std::string> section_paths_;
    std::vector<std::vector<std::uint32_t>> cuts_;  // per block
    std::vector<std::uint32_t> lengths_;            // per block, in code points
    std::map<SourceLine, std::string> by_line_;     // the first element printed on each line
    std::vector<Location> absent_;                  // table, row and column only
};

}  // namespace fincheck::engine::html
