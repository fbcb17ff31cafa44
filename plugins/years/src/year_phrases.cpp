#include "year_phrases.hpp"

#include "fincheck/data_file.hpp"

namespace fincheck::years {
namespace {

DataElementReaders readers_into(YearPhrases& data) {
    const auto into = [](std::vector<PhraseGroup>& list) {
        return [&list](pugi::xml_node node) -> std::optional<std::string> {
            list.push_back(read_phrase_group(node));
            return std::nullopt;
        };
    };
    return {{"own-figures", into(data.own_figures)},
            {"subjects", into(data.subjects)},
            {"activities", into(data.activities)}};
}

}  // namespace

void YearPhrases::load_file(const std::filesystem::path& file) {
    read_data_elements(file, "year-phrases", readers_into(*this), problems);
}

YearPhrases YearPhrases::load(const std::vector<std::filesystem::path>& data_dirs) {
    YearPhrases data;
    read_data_folder(data_dirs, "years", "year-phrases", readers_into(data), data.problems);
    return data;
}

}  // namespace fincheck::years
