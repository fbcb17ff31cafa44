#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "fincheck/templates/template.hpp"
#include "template_loader.hpp"

namespace fincheck::templates {

std::vector<std::string> Table::column_keys() const {
    std::vector<std::string> keys;
    for (const Column& c : columns) keys.push_back(c.key);
    return keys;
}

const Column* Table::column(std::string_view key) const {
    for (const Column& c : columns)
        if (c.key == key) return &c;
    return nullptr;
}

bool TitleMatch::matches(std::string_view core) const {
    switch (kind) {
        case Kind::contains:
            return core.find(text) != std::string_view::npos;
        case Kind::ends_with:
            return core.ends_with(text);
        case Kind::equals:
            return core == text;
    }
    return false;
}

const Table* Template::table(std::string_view table_id) const {
    for (const Table& t : tables)
        if (t.id == table_id) return &t;
    return nullptr;
}

std::optional<std::string_view> Template::table_for_title(std::string_view core) const {
    for (const TitleMatch& m : recognition)
        if (m.matches(core)) return std::string_view(m.table);
    return std::nullopt;
}

std::vector<const Code*> Template::functional_classes() const {
    std::vector<const Code*> out;
    for (const Code& c : functional)
        if (c.code.size() == 3) out.push_back(&c);
    return out;
}

namespace {
const Code* find_code(const std::vector<Code>& codes, std::string_view code) {
    for (const Code& c : codes)
        if (c.code == code) return &c;
    return nullptr;
}
}  // namespace

const Code* Template::functional_code(std::string_view code) const {
    return find_code(functional, code);
}
const Code* Template::economic_code(std::string_view code) const {
    return find_code(economic, code);
}

const Code* Template::functional_class_named(std::string_view name) const {
    for (const Code& c : functional)
        if (c.code.size() == 3 && c.name == name) return &c;
    for (const Code& c : functional)
        if (c.code.size() == 3)
            for (const FormerName& former : c.former)
                if (former.name == name) return &c;
    return nullptr;
}

TemplateSet::TemplateSet() : reading_(merged(templates_)) {}

const TemplateSet& TemplateSet::builtin() {
    static const TemplateSet set = [] {
        TemplateSet s;
        std::vector<TemplateError> errors;
        for (const auto& file : detail::builtin_files()) s.append(file.text, file.name, errors);
        s.reading_ = merged(s.templates_);
        if (!errors.empty())
            throw std::logic_error("built-in template: " + errors.front().to_string());
        return s;
    }();
    return set;
}

bool TemplateSet::append(std::string_view text, std::string_view file_name, std::vector<TemplateError>& errors) {
    auto t = detail::read_template(text, file_name, *this, errors);
    if (t) templates_.push_back(std::move(*t));
    return t.has_value();
}

void TemplateSet::add(std::string_view text, std::string_view file_name,
                      std::vector<TemplateError>& errors) {
    if (append(text, file_name, errors)) reading_ = merged(templates_);
}

TemplateSet TemplateSet::load(const TemplateSet& base, const std::filesystem::path& folder,
                              std::vector<TemplateError>& errors) {
    TemplateSet set = base;
    for (const auto& file : data_files_in(folder)) {
        std::string text, why;
        if (!read_whole_file(file, text, why)) {
            errors.push_back(TemplateError{file.filename().string(), std::nullopt, why});
            continue;
        }
        set.append(text, file.filename().string(), errors);
    }
    if (set.templates_.size() != base.templates_.size()) set.reading_ = merged(set.templates_);
    return set;
}

TemplateSet TemplateSet::with_data_dirs(const std::vector<std::filesystem::path>& data_dirs,
                                        std::vector<TemplateError>& errors) {
    TemplateSet set = builtin();
    for (const auto& dir : data_dirs) set = load(set, dir / "templates", errors);
    return set;
}

const Template* TemplateSet::find(std::string_view id) const {
    for (const Template& t : templates_)
        if (t.id == id) return &t;
    return nullptr;
}

Template TemplateSet::merged(const std::vector<Template>& templates) {
    Template reading;
    reading.id = "*";
    // Children after parents in load order, so from the back a region's own wording comes first.
    for (auto t = templates.rbegin(); t != templates.rend(); ++t)
        for (const TitleMatch& m : t->recognition)
            if (std::none_of(reading.recognition.begin(), reading.recognition.end(),
                             [&](const TitleMatch& x) {
                                 return x.table == m.table && x.kind == m.kind && x.text == m.text;
                             }))
                reading.recognition.push_back(m);
    // Codes already taken, by catalogue: the catalogues hold hundreds of codes each, and a
    // lookup in the growing vector for every one made the merge quadratic.
    std::unordered_set<std::string> functional, economic;
    for (const Template& t : templates) {
        if (reading.unit.empty()) reading.unit = t.unit;
        for (const Code& c : t.functional)
            if (functional.insert(c.code).second) reading.functional.push_back(c);
        for (const Code& c : t.economic)
            if (economic.insert(c.code).second) reading.economic.push_back(c);
        for (const Table& table : t.tables) {
            auto it = std::find_if(reading.tables.begin(), reading.tables.end(),
                                   [&](const Table& x) { return x.id == table.id; });
            if (it == reading.tables.end()) {
                reading.tables.push_back(table);
                continue;
            }
            std::vector<Column>& into = it->columns;
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const Column& column = table.columns[i];
                auto known = std::find_if(into.begin(), into.end(),
                                          [&](const Column& c) { return c.key == column.key; });
                if (known != into.end()) {
                    known->required = known->required && column.required;
                    for (const auto& printed : column.printed)
                        if (std::find(known->printed.begin(), known->printed.end(), printed) ==
                            known->printed.end())
                            known->printed.push_back(printed);
                    continue;
                }
                Column added = column;
                added.required = false;  // another template has this table without it
                into.insert(detail::insertion_point(into, table.columns, i), std::move(added));
            }
            for (const auto& row : table.rows)
                if (std::find(it->rows.begin(), it->rows.end(), row) == it->rows.end())
                    it->rows.push_back(row);
        }
    }
    return reading;
}

}  // namespace fincheck::templates
