#include "phrase_data.hpp"

#include <sstream>

#include "fincheck/data_file.hpp"

namespace fincheck::structure {

namespace {

DataElementReaders readers_into(PhraseData& data) {
    return {
        {"wrong-level",
         [&data](pugi::xml_node group) -> std::optional<std::string> {
             WrongLevelGroup g;
             g.report_level = admin_level_from_string(group.attribute("report-level").as_string());
             if (g.report_level == AdminLevel::unknown)
                 return "<wrong-level> without a valid report-level (缺少有效的 report-level)";
             g.template_name = group.attribute("template").as_string();
             g.phrases = child_texts(group, "phrase");
             g.allow_after = child_texts(group, "allow-after");
             data.wrong_level.push_back(std::move(g));
             return std::nullopt;
         }},
        {"template-instruction",
         [&data](pugi::xml_node group) -> std::optional<std::string> {
             data.instructions.push_back(read_phrase_group(group));
             return std::nullopt;
         }},
        {"alternatives",
         [&data](pugi::xml_node group) -> std::optional<std::string> {
             AlternativeGroup g;
             g.template_name = group.attribute("template").as_string();
             g.words = child_texts(group, "word");
             g.before = child_texts(group, "before");
             if (g.words.size() < 2) return "<alternatives> needs at least two <word> (至少需要两个可选词)";
             data.alternatives.push_back(std::move(g));
             return std::nullopt;
         }},
        {"required-tables",
         [&data](pugi::xml_node group) -> std::optional<std::string> {
             RequiredTables r;
             r.template_name = group.attribute("template").as_string();
             std::istringstream ids(group.text().get());
             for (std::string id; ids >> id;) r.ids.push_back(id);
             data.required_tables.push_back(std::move(r));
             return std::nullopt;
         }},
    };
}

}  // namespace

void PhraseData::load_file(const std::filesystem::path& file) {
    read_data_elements(file, "phrases", readers_into(*this), problems);
}

PhraseData PhraseData::load(const std::vector<std::filesystem::path>& data_dirs) {
    PhraseData data;
    read_data_folder(data_dirs, "structure", "phrases", readers_into(data), data.problems);
    return data;
}

std::vector<std::string> PhraseData::required_for(std::string_view template_name) const {
    const std::string_view wanted = template_name.empty() ? std::string_view("national") : template_name;
    // The last declaration wins, so a region file loaded later overrides the default.
    for (auto it = required_tables.rbegin(); it != required_tables.rend(); ++it)
        if (it->template_name == wanted) return it->ids;
    for (auto it = required_tables.rbegin(); it != required_tables.rend(); ++it)
        if (it->template_name == "national") return it->ids;
    return {"01", "02", "03", "04", "05", "06", "07", "08", "09"};
}

}  // namespace fincheck::structure
