// The row lookups the pack evaluator repeats for every check and every loop value, answered
// from an index built once per report (Report::derived) and shared by all pack rules: rows of
// the standard tables by key and by code. A pack names the same few dozen rows again and
// again across its ~30 rules. (Tables and columns, a dozen or two, are found faster by the
// scans of Report::table and Table::column_index than by hashing.) The index holds the
// report's shape only, never its figures, so it stays right when a cell's value changes.
//
// Every answer is the one the scan would give: the first row in printed order that matches.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "fincheck/report.hpp"

namespace fincheck::rulepacks {

class ReportIndex {
public:
    explicit ReportIndex(const Report& report);

    // The index of `report`, built by the first rule that asks.
    static const ReportIndex& of(const Report& report);

    // The first row of `table` whose key is `key` (and whose part is `part` when `part` is
    // not empty); `table` must belong to the indexed report.
    const Row* row_by_key(const Table& table, std::string_view key, std::string_view part) const;
    // The same for a non-empty code; nullptr for an empty one.
    const Row* row_by_code(const Table& table, std::string_view code, std::string_view part) const;
    // True when no other row of `table` (of part `part`, when not empty) has a longer code
    // that starts with `row`'s code: the row is not a subtotal of printed sub-codes.
    bool is_leaf(const Table& table, const Row& row, std::string_view part) const;

private:
    // Names (keys, codes, ids) by hash, open addressing with linear probing. Names are added
    // in printed order, so equal names lie along their probe path in printed order too and
    // the first one found is the first printed.
    class NameTable {
    public:
        void build(const std::vector<std::string_view>& names);
        // Calls accept(index) for each position whose name is `text`, in printed order,
        // until it returns true; returns that index, or -1.
        template <class Accept>
        std::int64_t find(std::string_view text, Accept&& accept) const;

    private:
        struct Slot {
            std::uint64_t hash = 0;
            std::string_view text;
            std::uint32_t index = 0;
            bool used = false;
        };
        std::vector<Slot> slots_;  // size a power of two, at most half full
    };
    struct TableIndex {
        NameTable keys;
        NameTable codes;  // non-empty codes only
        bool indexed = false;  // keys and codes built (standard tables)
    };
    const TableIndex& of(const Table& table) const;
    const Row* first_in_part(const Table& table, const NameTable& names, std::string_view text,
                             std::string_view part) const;

    const Report* report_ = nullptr;
    std::vector<TableIndex> per_table_;
};

}  // namespace fincheck::rulepacks
