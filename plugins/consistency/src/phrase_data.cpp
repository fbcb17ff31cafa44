#include "phrase_data.hpp"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

#include "fincheck/text_position.hpp"

namespace fincheck::consistency {
namespace {

std::vector<std::string> texts_of(const pugi::xml_node& node, const char* child) {
    std::vector<std::string> out;
    for (pugi::xml_node item : node.children(child)) {
        std::string text = item.text().get();
        if (!text.empty()) out.push_back(std::move(text));
    }
    return out;
}

}  // namespace

void PhraseData::load_file(const std::filesystem::path& file) {
    std::string text, error;
    if (!read_whole_file(file, text, error)) {
        problems.push_back(std::move(error));
        return;
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size());
    if (!result) {
        problems.push_back(located_error(file.string(), text, static_cast<std::size_t>(result.offset),
                                         result.description()));
        return;
    }
    const pugi::xml_node root = doc.child("phrases");
    if (!root) {
        problems.push_back(file.string() + ": root element is not <phrases>");
        return;
    }
    for (pugi::xml_node group : root.children()) {
        const std::string_view name = group.name();
        const std::string template_name = group.attribute("template").as_string();
        if (name == "wrong-level") {
            WrongLevelGroup g;
            g.report_level = admin_level_from_string(group.attribute("report-level").as_string());
            g.template_name = template_name;
            g.phrases = texts_of(group, "phrase");
            g.allow_after = texts_of(group, "allow-after");
            if (g.report_level == AdminLevel::unknown) {
                problems.push_back(file.string() + ": <wrong-level> without a valid report-level");
                continue;
            }
            wrong_level.push_back(std::move(g));
        } else if (name == "template-instruction") {
            instructions.push_back({template_name, texts_of(group, "phrase")});
        } else if (name == "required-tables") {
            RequiredTables r;
            r.template_name = template_name;
            std::istringstream ids(group.text().get());
            for (std::string id; ids >> id;) r.ids.push_back(id);
            required_tables.push_back(std::move(r));
        }
    }
}

PhraseData PhraseData::load(const std::vector<std::filesystem::path>& data_dirs) {
    PhraseData data;
    for (const std::filesystem::path& dir : data_dirs) {
        const std::filesystem::path folder = dir / "consistency";
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".xml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) data.load_file(file);
    }
    return data;
}

bool PhraseData::applies(std::string_view group_template, std::string_view report_template) {
    return group_template.empty() || group_template == report_template;
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

}  // namespace fincheck::consistency
