#include "phrase_data.hpp"

#include <sstream>

#include "fincheck/data_file.hpp"

namespace fincheck::structure {

void PhraseData::load_file(const std::filesystem::path& file) {
    DataFileResult loaded = load_data_file(file, "phrases");
    if (loaded.error) {
        problems.push_back(loaded.error->to_string());
        return;
    }
    for (pugi::xml_node group : loaded.file->root().children()) {
        const std::string_view name = group.name();
        const std::string template_name = group.attribute("template").as_string();
        if (name == "wrong-level") {
            WrongLevelGroup g;
            g.report_level = admin_level_from_string(group.attribute("report-level").as_string());
            g.template_name = template_name;
            g.phrases = child_texts(group, "phrase");
            g.allow_after = child_texts(group, "allow-after");
            if (g.report_level == AdminLevel::unknown) {
                const char* why = "<wrong-level> without a valid report-level (缺少有效的 report-level)";
                problems.push_back(loaded.file->error_at(group, why).to_string());
                continue;
            }
            wrong_level.push_back(std::move(g));
        } else if (name == "template-instruction") {
            instructions.push_back(read_phrase_group(group));
        } else if (name == "alternatives") {
            AlternativeGroup g;
            g.template_name = template_name;
            g.words = child_texts(group, "word");
            g.before = child_texts(group, "before");
            if (g.words.size() < 2) {
                const char* why = "<alternatives> needs at least two <word> (至少需要两个可选词)";
                problems.push_back(loaded.file->error_at(group, why).to_string());
                continue;
            }
            alternatives.push_back(std::move(g));
        } else if (name == "required-tables") {
            RequiredTables r;
            r.template_name = template_name;
            std::istringstream ids(group.text().get());
            for (std::string id; ids >> id;) r.ids.push_back(id);
            required_tables.push_back(std::move(r));
        } else if (group.type() == pugi::node_element) {
            // A misspelt group would otherwise be skipped and its phrases never matched.
            problems.push_back(loaded.file->error_at(group, "unknown element <" + std::string(name) +
                                                                "> (不认识的元素)").to_string());
        }
    }
}

PhraseData PhraseData::load(const std::vector<std::filesystem::path>& data_dirs) {
    PhraseData data;
    for (const std::filesystem::path& dir : data_dirs)
        for (const std::filesystem::path& file : data_files_in(dir / "structure")) data.load_file(file);
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
