#include "year_phrases.hpp"

#include "fincheck/data_file.hpp"

namespace fincheck::years {

void YearPhrases::load_file(const std::filesystem::path& file) {
    DataFileResult loaded = load_data_file(file, "year-phrases");
    if (loaded.error) {
        problems.push_back(loaded.error->to_string());
        return;
    }
    for (pugi::xml_node node : loaded.file->root().children()) {
        const std::string_view name = node.name();
        if (name == "own-figures") own_figures.push_back(read_phrase_group(node));
        else if (name == "subjects") subjects.push_back(read_phrase_group(node));
        else if (name == "activities") activities.push_back(read_phrase_group(node));
        else if (node.type() == pugi::node_element)
            problems.push_back(
                loaded.file->error_at(node, "unknown element <" + std::string(name) + "> (不认识的元素)")
                    .to_string());
    }
}

YearPhrases YearPhrases::load(const std::vector<std::filesystem::path>& data_dirs) {
    YearPhrases data;
    for (const std::filesystem::path& dir : data_dirs)
        for (const std::filesystem::path& file : data_files_in(dir / "years")) data.load_file(file);
    return data;
}

}  // namespace fincheck::years
