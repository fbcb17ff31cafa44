#include "report_diff.hpp"

#include <cstdlib>

#include <pugixml.hpp>

namespace fincheck::test {
namespace {

std::string str(std::string_view text) { return std::string(text); }

void compare_cells(const Table& a, const Row& ra, const Table& b, const Row& rb, std::vector<std::string>& out) {
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
        auto other = b.column_index(a.columns[c].key);
        if (!other) continue;
        const Cell* ca = ra.cell(c);
        const Cell* cb = rb.cell(*other);
        std::string va = ca ? str(ca->raw) : "";
        std::string vb = cb ? str(cb->raw) : "";
        bool equal = ca && cb && ca->value && cb->value ? *ca->value == *cb->value : va == vb;
        if (!equal)
            out.push_back(str(a.id) + "/" + str(ra.key) + "/" + str(a.columns[c].key) + ": text '" + va + "', pdf '" + vb + "'");
    }
}

void compare_table(const Table& a, const Table& b, std::vector<std::string>& out) {
    std::string id = str(a.id);
    if (a.unit != b.unit) out.push_back(id + ": unit text '" + str(a.unit) + "', pdf '" + str(b.unit) + "'");
    for (const Column& column : a.columns)
        if (!b.column_index(column.key)) out.push_back(id + ": column " + str(column.key) + " missing in pdf");
    for (const Column& column : b.columns)
        if (!a.column_index(column.key)) out.push_back(id + ": column " + str(column.key) + " only in pdf");
    for (const Row& row : a.rows) {
        const Row* other = b.row_by_key(row.key);
        if (!other || other->part != row.part) {
            out.push_back(id + ": row " + str(row.key) + " missing in pdf");
            continue;
        }
        if (other->code != row.code) out.push_back(id + "/" + str(row.key) + ": code text " + str(row.code) + ", pdf " + str(other->code));
        if (other->label != row.label)
            out.push_back(id + "/" + str(row.key) + ": label text '" + str(row.label) + "', pdf '" + str(other->label) + "'");
        compare_cells(a, row, b, *other, out);
    }
    for (const Row& row : b.rows)
        if (!a.row_by_key(row.key)) out.push_back(id + ": row " + str(row.key) + " only in pdf");
}

}  // namespace

std::optional<std::multiset<std::string>> check_finding_keys(const std::filesystem::path& cli,
                                                            const std::filesystem::path& report,
                                                            const std::filesystem::path& audit,
                                                            const std::function<bool(std::string_view)>& keep) {
    const std::string command = "env -u FINCHECK_PLUGIN_PATH \"" + cli.string() + "\" check \"" + report.string() +
                                "\" --format xml --fail-on none > \"" + audit.string() + "\"";
    pugi::xml_document document;
    if (std::system(command.c_str()) != 0 || !document.load_file(audit.c_str())) return std::nullopt;
    std::multiset<std::string> keys;
    for (pugi::xpath_node node : document.select_nodes("//finding")) {
        pugi::xml_node location = node.node().child("location");
        const std::string table = location.attribute("table").value();
        if (keep && !keep(table)) continue;
        keys.insert(std::string(node.node().attribute("rule").value()) + " " + table + "/" +
                    location.attribute("row").value() + "/" + location.attribute("column").value());
    }
    return keys;
}

std::vector<std::string> table_differences(const Report& text, const Report& pdf) {
    std::vector<std::string> out;
    for (const Table& table : text.tables) {
        const Table* other = pdf.table(table.id);
        if (!other) {
            out.push_back(str(table.id) + ": missing in pdf");
            continue;
        }
        compare_table(table, *other, out);
    }
    for (const Table& table : pdf.tables)
        if (!text.table(table.id)) out.push_back(str(table.id) + ": only in pdf");
    return out;
}

}  // namespace fincheck::test
