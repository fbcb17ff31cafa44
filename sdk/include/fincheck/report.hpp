// The loaded report as plugins see it: an immutable tree of plain structs.
//
// The Report owns every byte it points to; all text fields are string_views into that
// storage (the parsed XML buffer, or strings interned with Report::own()). A rule receives
// `const Report&` and passes `const Table*` / `const Row*` around freely: nothing is copied
// on the hot path, and nothing of the XML library leaks into the SDK.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/decimal.hpp"

namespace fincheck {

namespace text {
class ReportText;
}

// 1-based line in the source document the report was imported from (the extracted text,
// or the XML itself when it was written by hand). 0 means unknown.
using SourceLine = std::uint32_t;

enum class AdminLevel : std::uint8_t { unknown, national, province, city, district };

std::string_view to_string(AdminLevel level);
AdminLevel admin_level_from_string(std::string_view text);
// Since SDK 1.5: the level as a Chinese report or auditor names it (中央, 省级, 市级, 区县级; 未知).
std::string_view name_zh(AdminLevel level);

// The fiscal years a report can have (schemas/report.xsd, fiscalYearType): a year outside them
// is not a year of a final-accounts report, whoever wrote it.
inline constexpr int kFirstFiscalYear = 1949;
inline constexpr int kLastFiscalYear = 2200;

struct Metadata {
    std::string_view department;        // 中共武汉市汉阳区委直属机关工作委员会
    AdminLevel level = AdminLevel::unknown;
    std::string_view region;            // free text: 湖北省武汉市汉阳区, 上海市普陀区
    std::string_view template_name;     // "national", "shanghai", …: selects region rule packs
    int fiscal_year = 0;                // Y, from the title 「2024年度…部门决算」
    std::string_view title;             // the report title as printed
    std::string_view amount_unit;       // default unit of the tables: 万元 or 元
    std::string_view publication_date;  // ISO 8601 (2025-10-15) when known
    std::string_view source_file;       // file name the report was imported from
    std::string_view source_sha256;     // hex SHA-256 of that file
    SourceLine title_line = 0;
};

// ---- document structure --------------------------------------------------------------

enum class BlockKind : std::uint8_t { paragraph, list_item, caption, note };

std::string_view to_string(BlockKind kind);

struct Section {
    std::string_view number;   // 第一部分, 一、, （一）, 1.
    std::string_view heading;  // the heading text without its number
    int level = 0;             // 1 = 第N部分, 2 = 一、, 3 = （一）, 4 = 1.
    int parent = -1;           // index into Report::sections, -1 for a top-level section
    SourceLine line = 0;
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string_view text;  // the whole paragraph, lines joined
    int section = -1;       // index into Report::sections
    int attachment = -1;    // index into Report::attachments when inside one
    SourceLine line = 0;    // line of its first character
};

struct TocEntry {
    std::string_view text;  // as printed, number included: 一、收入支出决算总表
    int level = 0;
    SourceLine line = 0;
};

// ---- tables --------------------------------------------------------------------------

struct Cell {
    std::string_view raw;          // text as printed (after whitespace trimming)
    std::optional<Decimal> value;  // normalized number; nullopt for blank or non-numeric text
    SourceLine line = 0;
    bool blank() const { return raw.empty(); }
};

struct Column {
    std::string_view key;                      // canonical name: 本年收入合计, 基本支出, 预算数.合计
    std::vector<std::string_view> header;      // header path as printed, outermost first
    int number = 0;                            // 栏次 when printed, else 0
    std::string_view part;                     // "income" / "expenditure" for split tables, else empty
};

enum class RowLevel : std::uint8_t { none, total, subtotal, class_, item, subitem };
// class_ = 类 (3-digit functional / 3-digit economic code), item = 款 (5 digits),
// subitem = 项 (7 digits). total = 合计/总计 rows, subtotal = other 小计 rows.

std::string_view to_string(RowLevel level);

struct Row {
    std::string_view key;       // stable id within the table: code, 行次, or label
    std::string_view code;      // 科目编码 without spaces (2013101), empty when none
    std::string_view label;     // 科目名称 / 项目 as printed
    std::string_view line_no;   // 行次 when printed
    std::string_view part;      // "income" / "expenditure" for split tables, else empty
    RowLevel level = RowLevel::none;
    std::vector<Cell> cells;    // one per Table::columns, in the same order
    SourceLine line = 0;

    const Cell* cell(std::size_t column) const {
        return column < cells.size() ? &cells[column] : nullptr;
    }
};

enum class TableKind : std::uint8_t { standard, attachment_form, other };

struct Table {
    std::string_view id;          // "01" … "09" for the nine standard tables, else e.g. "att-2-1"
    TableKind kind = TableKind::other;
    std::string_view title;       // 2024年度收入支出决算总表
    std::string_view code;        // 公开01表 when printed
    std::string_view department;  // 部门： line printed above the table
    std::string_view unit;        // 万元 / 元
    std::string_view note;        // 注： and 说明： text below the table
    std::vector<Column> columns;
    std::vector<Row> rows;
    int section = -1;
    int attachment = -1;
    SourceLine line = 0;

    // Lookups scan: tables have tens of rows, and a scan beats building an index per report.
    std::optional<std::size_t> column_index(std::string_view key) const;
    std::optional<std::size_t> column_by_number(int number) const;
    const Row* row_by_key(std::string_view key) const;
    const Row* row_by_code(std::string_view code) const;
    const Row* row_by_label(std::string_view label, std::string_view part = {}) const;
    // Rows whose code starts with `prefix` and has exactly `code_length` digits (0 = any).
    std::vector<const Row*> rows_with_code_prefix(std::string_view prefix, std::size_t code_length = 0) const;
    // The value at (row, column), nullopt when the row, column or number is missing.
    std::optional<Decimal> value(const Row& row, std::string_view column_key) const;
    // True when no row carries a number (an empty 07/08 table printed with a note).
    bool empty_of_values() const;
};

// ---- attachments ---------------------------------------------------------------------

struct Field {
    std::string_view name;         // 预算数 (A), 执行数 (B), 执行率, 年初目标值, 项目名称 …
    std::string_view raw;
    std::optional<Decimal> value;  // the number in raw, with its unit stripped
    std::string_view unit;         // 万元, %, 人 … when printed with the number
    SourceLine line = 0;
};

struct Attachment {
    std::string_view label;      // 附件2-1
    std::string_view title;      // 2024年度…项目绩效自评表
    std::string_view fill_date;  // 填报日期 as ISO date when printed
    std::vector<Field> fields;   // the labelled fields of its form
    std::vector<int> tables;     // indices into Report::tables
    SourceLine line = 0;
};

// ---- the report ----------------------------------------------------------------------

class Report {
public:
    Report();
    Report(Report&&) noexcept;
    Report& operator=(Report&&) noexcept;
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;
    ~Report();

    Metadata meta;
    std::vector<TocEntry> toc;
    std::vector<Section> sections;
    std::vector<Block> blocks;
    std::vector<Table> tables;
    std::vector<Attachment> attachments;

    const Table* table(std::string_view id) const;
    // Heading path of a section: 第三部分 情况说明 / 五、… / （二）…
    std::string section_path(int section) const;

    // Copies `text` into storage owned by this report and returns a view of the copy.
    std::string_view own(std::string_view text);
    // Keeps an arbitrary object (a parsed XML buffer) alive as long as the report.
    void keep_alive(std::shared_ptr<const void> storage);

    // The report's text layer (fincheck/text/report_text.hpp): its paragraphs compacted and
    // their numbers read, once for every plugin. The host builds it before the rules run;
    // in a host that does not (ABI < 1.2) the first call builds it. Thread-safe. (SDK 1.4)
    const text::ReportText& text() const;

    // An analysis derived from this report that several rules share (the claims extracted
    // from the prose, an index of rows by code): computed by the first rule that asks,
    // reused by the others, freed with the report. Thread-safe; `tag` is the address of any
    // object of the plugin that names the analysis. Rules stay stateless: the state lives
    // with the report, not with the rule.
    template <class T, class Make>
    const T& derived(const void* tag, Make&& make) const {
        std::shared_ptr<const void> found = find_derived(tag);
        if (!found) found = store_derived(tag, std::make_shared<const T>(make()));
        return *static_cast<const T*>(found.get());
    }

private:
    std::shared_ptr<const void> find_derived(const void* tag) const;
    // Stores `value` unless another thread stored one first; returns the one kept.
    std::shared_ptr<const void> store_derived(const void* tag, std::shared_ptr<const void> value) const;

    struct Storage;
    std::unique_ptr<Storage> storage_;
};

}  // namespace fincheck
