#include "table_requirements.hpp"

#include <algorithm>
#include <utility>

#include <pugixml.hpp>

namespace fincheck::structure {

std::string_view TableRequirements::national_title(std::string_view id) {
    const templates::Table* table = templates::TemplateSet::builtin().find("national")->table(id);
    return table ? std::string_view(table->title) : std::string_view();
}

TableRequirements TableRequirements::load(const std::vector<std::filesystem::path>& data_dirs,
                                          const PhraseData& fallback, const templates::TemplateSet& templates) {
    TableRequirements out;
    out.fallback_ = fallback;
    out.templates_ = templates;
    for (const auto& dir : data_dirs) {
        std::error_code ec;
        const auto folder = dir / "rulepacks";
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".xml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            pugi::xml_document doc;
            if (!doc.load_file(file.c_str())) continue;  // the arith and xtab plugins report bad packs
            const pugi::xml_node root = doc.child("rulepack");
            const std::string id = root.attribute("id").as_string();
            if (id.empty() || out.packs_.count(id) != 0) continue;  // first data dir wins
            Pack pack;
            pack.extends = root.attribute("extends").as_string();
            for (pugi::xml_node match : root.child("applies").children("match"))
                if (const char* t = match.attribute("template").as_string(); *t != '\0')
                    pack.match_templates.emplace_back(t);
            // <template ref>: the template's tables (the pack plugins reject an unknown ref).
            pack.template_ref = root.child("template").attribute("ref").as_string();
            if (const templates::Template* t = templates.find(pack.template_ref))
                for (const templates::Table& table : t->tables) pack.tables.push_back({table.id, table.title});
            for (pugi::xml_node table : root.child("tables").children("table")) {
                const std::string table_id = table.attribute("id").as_string();
                if (table_id.empty()) continue;
                if (!table.attribute("required").as_bool(true)) pack.not_required.push_back(table_id);
                else pack.tables.push_back({table_id, table.attribute("title").as_string()});
            }
            out.packs_.emplace(id, std::move(pack));
        }
    }
    return out;
}

void TableRequirements::collect(const std::string& pack_id, std::vector<RequiredTable>& out,
                                int depth) const {
    const auto it = packs_.find(pack_id);
    if (it == packs_.end() || depth > 8) return;
    const Pack& pack = it->second;
    if (!pack.extends.empty()) collect(pack.extends, out, depth + 1);
    for (const RequiredTable& table : pack.tables) {
        auto existing = std::find_if(out.begin(), out.end(),
                                     [&](const RequiredTable& t) { return t.id == table.id; });
        if (existing == out.end()) out.push_back(table);
        else if (!table.title.empty()) existing->title = table.title;
    }
    for (const std::string& id : pack.not_required)
        std::erase_if(out, [&](const RequiredTable& t) { return t.id == id; });
}

std::string TableRequirements::pack_for(std::string_view template_name) const {
    const std::string wanted = template_name.empty() ? "national" : std::string(template_name);
    std::string pack_id;
    if (packs_.count(wanted) != 0) pack_id = wanted;
    for (const auto& [id, pack] : packs_)
        if (pack_id.empty() && std::find(pack.match_templates.begin(), pack.match_templates.end(),
                                         wanted) != pack.match_templates.end())
            pack_id = id;
    return pack_id;
}

const templates::Template* TableRequirements::template_for(std::string_view template_name) const {
    std::string pack_id = pack_for(template_name);
    for (int depth = 0; depth <= 8 && packs_.count(pack_id) != 0; ++depth) {
        const Pack& pack = packs_.at(pack_id);
        if (!pack.template_ref.empty()) return templates_.find(pack.template_ref);
        pack_id = pack.extends;
    }
    if (const templates::Template* own = templates_.find(template_name)) return own;
    return templates_.find("national");
}

std::vector<RequiredTable> TableRequirements::for_template(std::string_view template_name) const {
    const std::string wanted = template_name.empty() ? "national" : std::string(template_name);
    const std::string pack_id = pack_for(template_name);
    std::vector<RequiredTable> out;
    if (!pack_id.empty()) collect(pack_id, out, 0);
    if (!out.empty()) return out;
    for (const std::string& id : fallback_.required_for(wanted))
        out.push_back({id, std::string(national_title(id))});
    return out;
}

}  // namespace fincheck::structure
