#include "fincheck/report.hpp"

#include <deque>
#include <mutex>
#include <utility>

namespace fincheck {

std::string_view to_string(AdminLevel level) {
    switch (level) {
        case AdminLevel::national: return "national";
        case AdminLevel::province: return "province";
        case AdminLevel::city: return "city";
        case AdminLevel::district: return "district";
        case AdminLevel::unknown: break;
    }
    return "unknown";
}

std::string_view name_zh(AdminLevel level) {
    switch (level) {
        case AdminLevel::national: return "中央";
        case AdminLevel::province: return "省级";
        case AdminLevel::city: return "市级";
        case AdminLevel::district: return "区县级";
        case AdminLevel::unknown: break;
    }
    return "未知";
}

AdminLevel admin_level_from_string(std::string_view text) {
    if (text == "national") return AdminLevel::national;
    if (text == "province") return AdminLevel::province;
    if (text == "city") return AdminLevel::city;
    if (text == "district") return AdminLevel::district;
    return AdminLevel::unknown;
}

std::string_view to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::list_item: return "list-item";
        case BlockKind::caption: return "caption";
        case BlockKind::note: return "note";
        case BlockKind::paragraph: break;
    }
    return "paragraph";
}

std::string_view to_string(RowLevel level) {
    switch (level) {
        case RowLevel::total: return "total";
        case RowLevel::subtotal: return "subtotal";
        case RowLevel::class_: return "class";
        case RowLevel::item: return "item";
        case RowLevel::subitem: return "subitem";
        case RowLevel::none: break;
    }
    return "none";
}

// ---- Table ---------------------------------------------------------------------------

std::optional<std::size_t> Table::column_index(std::string_view key) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].key == key) return i;
    return std::nullopt;
}

std::optional<std::size_t> Table::column_by_number(int number) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].number == number) return i;
    return std::nullopt;
}

const Row* Table::row_by_key(std::string_view key) const {
    for (const Row& row : rows)
        if (row.key == key) return &row;
    return nullptr;
}

const Row* Table::row_by_code(std::string_view wanted) const {
    for (const Row& row : rows)
        if (!row.code.empty() && row.code == wanted) return &row;
    return nullptr;
}

const Row* Table::row_by_label(std::string_view label, std::string_view part) const {
    for (const Row& row : rows)
        if (row.label == label && (part.empty() || row.part == part)) return &row;
    return nullptr;
}

std::vector<const Row*> Table::rows_with_code_prefix(std::string_view prefix,
                                                     std::size_t code_length) const {
    std::vector<const Row*> out;
    for (const Row& row : rows) {
        if (row.code.size() < prefix.size() || row.code.substr(0, prefix.size()) != prefix) continue;
        if (code_length != 0 && row.code.size() != code_length) continue;
        out.push_back(&row);
    }
    return out;
}

std::optional<Decimal> Table::value(const Row& row, std::string_view column_key) const {
    auto column = column_index(column_key);
    if (!column) return std::nullopt;
    const Cell* cell = row.cell(*column);
    return cell ? cell->value : std::nullopt;
}

bool Table::empty_of_values() const {
    for (const Row& row : rows)
        for (const Cell& cell : row.cells)
            if (cell.value && !cell.value->is_zero()) return false;
    return true;
}

// ---- Report --------------------------------------------------------------------------

struct Report::Storage {
    // A deque never moves its elements, so views into owned strings stay valid.
    std::deque<std::string> strings;
    std::vector<std::shared_ptr<const void>> buffers;
    std::mutex derived_mutex;
    std::vector<std::pair<const void*, std::shared_ptr<const void>>> derived;
};

Report::Report() : storage_(std::make_unique<Storage>()) {}
Report::Report(Report&&) noexcept = default;
Report& Report::operator=(Report&&) noexcept = default;
Report::~Report() = default;

const Table* Report::table(std::string_view id) const {
    for (const Table& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

std::string Report::section_path(int section) const {
    std::vector<int> chain;
    for (int s = section; s >= 0 && static_cast<std::size_t>(s) < sections.size(); s = sections[static_cast<std::size_t>(s)].parent)
        chain.push_back(s);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Section& sec = sections[static_cast<std::size_t>(*it)];
        if (!out.empty()) out += " / ";
        out += sec.number;
        if (!sec.number.empty() && !sec.heading.empty()) out += ' ';
        out += sec.heading;
    }
    return out;
}

std::string_view Report::own(std::string_view text) {
    return storage_->strings.emplace_back(text);
}

void Report::keep_alive(std::shared_ptr<const void> storage) {
    storage_->buffers.push_back(std::move(storage));
}

std::shared_ptr<const void> Report::find_derived(const void* tag) const {
    std::lock_guard lock(storage_->derived_mutex);
    for (const auto& [key, value] : storage_->derived)
        if (key == tag) return value;
    return nullptr;
}

std::shared_ptr<const void> Report::store_derived(const void* tag,
                                                  std::shared_ptr<const void> value) const {
    std::lock_guard lock(storage_->derived_mutex);
    for (const auto& [key, existing] : storage_->derived)
        if (key == tag) return existing;
    storage_->derived.emplace_back(tag, value);
    return value;
}

}  // namespace fincheck
