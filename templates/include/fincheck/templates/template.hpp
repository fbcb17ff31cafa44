// The report templates as data (schemas/templates/*.xml, docs/table-model.md "Templates"): for
// each template its tables, how their titles and column headings are printed, the rows they
// declare and the code catalogues of their code columns. The importer, the rule packs
// (rulepacks/), the report generator and the tests read this one description.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fincheck/data_file.hpp"

namespace fincheck::templates {

// How the importer reads a table's printed grid.
enum class Layout : std::uint8_t {
    coded,            // one row per 类/款/项 code
    two_halves,       // 收入 and 支出 side by side, each half a section of the model (01, 04)
    economic_groups,  // economic codes in side-by-side groups with two 合计 lines (06)
    three_public,     // one row of 预算数 and 决算数 by category (09)
};

struct Column {
    std::string key;
    bool required = false;             // a table lacking it is damaged
    std::vector<std::string> printed;  // headings, spaces removed, that name this column
};

struct Section {
    std::string key;      // income, expenditure: the prefix of the half's row keys
    std::string heading;  // 收入, 支出: the group heading printed over the half
    // "functional-classes": the half prints a line for every functional class of the template's
    // catalogue, amounts or not (01 and 04 list 债务还本支出 … even when nothing was spent).
    std::string lines;
};

struct Table {
    std::string id;  // canonical id, "01" … "09" nationally
    std::string title;
    int order = 0;  // position in the template's printed order
    Layout layout = Layout::coded;
    std::string codes;  // functional, economic, or empty: the catalogue of its code column
    std::vector<Section> sections;
    std::vector<Column> columns;    // canonical order
    std::vector<std::string> rows;  // named row keys; codes are always allowed
    std::uint32_t line = 0;         // where the file declares it

    std::vector<std::string> column_keys() const;
    const Column* column(std::string_view key) const;
};

// A printed title (year and unit removed) names `table` when it contains, ends with or equals
// `text`. A template's matches are tried in order; the first that holds wins.
struct TitleMatch {
    enum class Kind : std::uint8_t { contains, ends_with, equals };
    std::string table;
    Kind kind = Kind::contains;
    std::string text;
    bool matches(std::string_view title_core) const;
};

// A name a code had in an earlier year's catalogue: used before fiscal year `before`.
struct FormerName {
    std::string name;
    int before = 0;
};

// An entry of a code catalogue: a 类 (3 digits), 款 (5) or 项 (7).
struct Code {
    std::string code;
    std::string name;  // the name of the current catalogue
    bool personnel = false;  // economic classes: 人员经费 (else 公用经费)
    std::vector<FormerName> former;
};

struct Template {
    std::string id;
    std::string extends;  // the parent's id; its tables and catalogues are inherited
    std::string unit;
    std::string title_zh, title_en;
    std::string file;  // the file it was read from (the parent's, for inherited parts)
    std::vector<TitleMatch> recognition;
    std::vector<Table> tables;     // resolved: the parent's with this template's changes
    std::vector<Code> functional;  // classes, then each class's 款 and 项, in catalogue order
    std::vector<Code> economic;    // in print order of table 06

    const Table* table(std::string_view table_id) const;
    std::optional<std::string_view> table_for_title(std::string_view title_core) const;
    // The functional classes (3-digit codes) in catalogue order.
    std::vector<const Code*> functional_classes() const;
    const Code* functional_code(std::string_view code) const;
    // The class whose name is `name` exactly, or, when no class has that name now, the class
    // that had it in an earlier catalogue (a report that prints 「医疗卫生与计划生育支出」 still
    // means class 210: structure-obsolete-class-name reports the name, the figures stay linked
    // to the class); null when none.
    const Code* functional_class_named(std::string_view name) const;
    const Code* economic_code(std::string_view code) const;
};

// A problem in a template file, located like every data file's: "file:line:column: message"
// (zh-CN / English).
using TemplateError = DataFileError;

class TemplateSet {
public:
    TemplateSet();

    // The templates of schemas/templates, compiled into the library, so that every program reads
    // the same ones without a data directory. Loading them cannot fail at run time: a build whose
    // files do not load stops in the template tests, and this throws std::logic_error.
    static const TemplateSet& builtin();

    // `base` plus the *.xml files of `folder` (in name order): a file may extend a template of
    // base or one loaded before it; an id already present is an error, not a replacement.
    static TemplateSet load(const TemplateSet& base, const std::filesystem::path& folder,
                            std::vector<TemplateError>& errors);
    // The built-in templates plus those of the templates/ folder of each data directory: how a
    // plugin finds a region's template the way it finds rule packs.
    static TemplateSet with_data_dirs(const std::vector<std::filesystem::path>& data_dirs,
                                      std::vector<TemplateError>& errors);
    // One file's text, on top of `base`. Errors are appended; on error nothing is added.
    void add(std::string_view text, std::string_view file_name, std::vector<TemplateError>& errors);

    const Template* find(std::string_view id) const;
    // What a reader that does not know yet which template a report follows accepts: every
    // template's title matches (a region's own before the ones it inherits), and per table id
    // the union of the columns (each inserted after the column it follows in its template, so
    // every template's order is kept), the intersection of the required ones, every printed
    // heading, and the union of the functional catalogues. Merged when a template is added, not
    // per call: the importers read every report of a batch against it.
    const Template& reading() const { return reading_; }
    const std::vector<Template>& all() const { return templates_; }

private:
    static Template merged(const std::vector<Template>& templates);
    // add() without the merge, for loading several files and merging once.
    bool append(std::string_view text, std::string_view file_name, std::vector<TemplateError>& errors);

    std::vector<Template> templates_;  // in load order: a parent before its children
    Template reading_;                 // merged(templates_)
};

}  // namespace fincheck::templates
