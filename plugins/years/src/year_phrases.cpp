#include "year_phrases.hpp"

#include <algorithm>

#include <pugixml.hpp>

#include "fincheck/text_position.hpp"

namespace fincheck::years {
namespace {

PhraseGroup read_group(const pugi::xml_node& node) {
    PhraseGroup group;
    group.template_name = node.attribute("template").as_string();
    for (pugi::xml_node item : node.children("phrase")) {
        std::string text = item.text().get();
        if (!text.empty()) group.phrases.push_back(std::move(text));
    }
    return group;
}

}  // namespace

void YearPhrases::load_file(const std::filesystem::path& file) {
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
    const pugi::xml_node root = doc.child("year-phrases");
    if (!root) {
        problems.push_back(file.string() + ": root element is not <year-phrases>");
        return;
    }
    for (pugi::xml_node node : root.children()) {
        const std::string_view name = node.name();
        if (name == "own-figures") own_figures.push_back(read_group(node));
        else if (name == "subjects") subjects.push_back(read_group(node));
        else if (name == "activities") activities.push_back(read_group(node));
        else if (node.type() == pugi::node_element)
            problems.push_back(file.string() + ": unknown element <" + std::string(name) + ">");
    }
}

YearPhrases YearPhrases::load(const std::vector<std::filesystem::path>& data_dirs) {
    YearPhrases data;
    for (const std::filesystem::path& dir : data_dirs) {
        const std::filesystem::path folder = dir / "years";
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

}  // namespace fincheck::years
