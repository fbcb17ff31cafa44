#include "fincheck/rulepacks/report_index.hpp"

#include <cstring>

namespace fincheck::rulepacks {

namespace {

// Its address names the analysis in Report::derived.
constexpr char kIndexTag = 0;

std::uint64_t load8(const char* p) {
    std::uint64_t v = 0;
    std::memcpy(&v, p, 8);
    return v;
}

std::uint64_t load_short(const char* p, std::size_t n) {  // n < 8
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | static_cast<unsigned char>(p[i]);
    return v;
}

std::uint64_t mix(std::uint64_t h) {
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 33);
}

// A hash of the length and of the first, middle and last eight bytes: keys of one table
// share prefixes (income/…) and suffixes (…收入), rarely all three and the length. Equal
// hashes are confirmed by comparing the text, so a collision costs time, never a result.
std::uint64_t name_hash(std::string_view s) {
    const std::size_t n = s.size();
    std::uint64_t h = mix(n + 0x9E3779B97F4A7C15ull);
    if (n < 8) return mix(h ^ load_short(s.data(), n));
    h = mix(h ^ load8(s.data()));
    h = mix(h ^ load8(s.data() + (n - 8) / 2));
    return mix(h ^ load8(s.data() + n - 8));
}

}  // namespace

void ReportIndex::NameTable::build(const std::vector<std::string_view>& names) {
    std::size_t size = 4;
    while (size < names.size() * 2) size *= 2;
    slots_.assign(size, Slot{});
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::uint64_t hash = name_hash(names[i]);
        std::size_t at = hash & (size - 1);
        while (slots_[at].used) at = (at + 1) & (size - 1);
        slots_[at] = Slot{hash, names[i], static_cast<std::uint32_t>(i), true};
    }
}

template <class Accept>
std::int64_t ReportIndex::NameTable::find(std::string_view text, Accept&& accept) const {
    if (slots_.empty()) return -1;
    const std::uint64_t hash = name_hash(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask; slots_[at].used; at = (at + 1) & mask) {
        const Slot& slot = slots_[at];
        if (slot.hash == hash && slot.text == text && accept(slot.index)) return slot.index;
    }
    return -1;
}

ReportIndex::ReportIndex(const Report& report) : report_(&report) {
    std::vector<std::string_view> names;
    per_table_.resize(report.tables.size());
    for (std::size_t t = 0; t < report.tables.size(); ++t) {
        const Table& table = report.tables[t];
        TableIndex& index = per_table_[t];
        names.clear();
        for (const Row& row : table.rows) names.push_back(row.key);
        // Rows by name only for the standard tables, which the packs name row by row;
        // other tables are scanned (see first_in_part).
        if (table.kind != TableKind::standard) continue;
        index.indexed = true;
        index.keys.build(names);
        // Empty codes never match (row_by_code refuses them), so they may sit in the table
        // under an empty name.
        names.clear();
        for (const Row& row : table.rows) names.push_back(row.code);
        index.codes.build(names);
    }
}

const ReportIndex& ReportIndex::of(const Report& report) {
    return report.derived<ReportIndex>(&kIndexTag, [&] { return ReportIndex(report); });
}

const ReportIndex::TableIndex& ReportIndex::of(const Table& table) const {
    return per_table_[static_cast<std::size_t>(&table - report_->tables.data())];
}


const Row* ReportIndex::first_in_part(const Table& table, const NameTable& names, std::string_view text,
                                      std::string_view part) const {
    const std::int64_t at =
        names.find(text, [&](std::uint32_t r) { return part.empty() || table.rows[r].part == part; });
    return at < 0 ? nullptr : &table.rows[static_cast<std::size_t>(at)];
}

const Row* ReportIndex::row_by_key(const Table& table, std::string_view key, std::string_view part) const {
    const TableIndex& index = of(table);
    if (index.indexed) return first_in_part(table, index.keys, key, part);
    for (const Row& row : table.rows)
        if ((part.empty() || row.part == part) && row.key == key) return &row;
    return nullptr;
}

const Row* ReportIndex::row_by_code(const Table& table, std::string_view code, std::string_view part) const {
    if (code.empty()) return nullptr;
    const TableIndex& index = of(table);
    if (index.indexed) return first_in_part(table, index.codes, code, part);
    for (const Row& row : table.rows)
        if ((part.empty() || row.part == part) && row.code == code) return &row;
    return nullptr;
}

bool ReportIndex::is_leaf(const Table& table, const Row& row, std::string_view part) const {
    for (const Row& other : table.rows) {
        if (&other == &row || (!part.empty() && other.part != part)) continue;
        if (other.code.size() > row.code.size() && other.code.starts_with(row.code)) return false;
    }
    return true;
}

}  // namespace fincheck::rulepacks
