#include "fincheck/data_file.hpp"

#include <algorithm>
#include <system_error>

#include "fincheck/nearest_name.hpp"
#include "read_file.hpp"

namespace fincheck {

std::string DataFileError::to_string() const {
    std::string out = file;
    if (position) {
        out += ':';
        out += std::to_string(position->line);
        out += ':';
        out += std::to_string(position->column);
    }
    out += ": ";
    out += message;
    return out;
}

TextPosition DataFile::position_of(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return text_position(text_, offset < 0 ? 0 : static_cast<std::size_t>(offset));
}

DataFileError DataFile::error_at(pugi::xml_node node, std::string message) const {
    return DataFileError{name_, position_of(node), std::move(message)};
}

DataFileResult parse_data_file(std::string_view text, std::string_view name,
                               std::string_view root_element) {
    DataFileResult result;
    std::string utf8_text;
    if (auto error = xml_text_as_utf8(text, name, utf8_text)) {
        result.error = std::move(error);
        return result;
    }
    text = utf8_text;
    DataFile file(name, text);
    // Positions are counted in the converted text; pugixml must not convert a second time.
    const pugi::xml_parse_result parsed = file.document_.load_buffer(
        file.text_.data(), file.text_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        result.error = DataFileError{
            std::string(name), text_position(file.text_, static_cast<std::size_t>(parsed.offset)),
            std::string("malformed XML: ") + parsed.description() + " (XML 格式错误)"};
        return result;
    }
    const pugi::xml_node root = file.root();
    if (root.name() != root_element) {
        const std::string expected(root_element);
        result.error = file.error_at(root, "root element is <" + std::string(root.name()) +
                                               ">, expected <" + expected + "> (根元素应为 " +
                                               expected + ")");
        return result;
    }
    result.file.emplace(std::move(file));
    return result;
}

DataFileResult load_data_file(const std::filesystem::path& file, std::string_view root_element) {
    std::string text;
    if (const char* why = detail::read_file_bytes(file, text)) {
        DataFileResult result;
        result.error = DataFileError{file.string(), std::nullopt, why};
        return result;
    }
    return parse_data_file(text, file.string(), root_element);
}

std::vector<std::filesystem::path> data_files_in(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> child_texts(pugi::xml_node node, const char* child) {
    std::vector<std::string> out;
    for (pugi::xml_node item : node.children(child)) {
        std::string text = item.text().get();
        if (!text.empty()) out.push_back(std::move(text));
    }
    return out;
}

void read_data_elements(const std::filesystem::path& file, std::string_view root_element,
                        const DataElementReaders& readers, std::vector<std::string>& problems) {
    DataFileResult loaded = load_data_file(file, root_element);
    if (loaded.error) {
        problems.push_back(loaded.error->to_string());
        return;
    }
    for (pugi::xml_node element : loaded.file->root().children()) {
        if (element.type() != pugi::node_element) continue;
        const auto reader = readers.find(std::string_view(element.name()));
        if (reader == readers.end()) {
            std::vector<std::string> known;
            for (const auto& entry : readers) known.push_back(entry.first);
            problems.push_back(loaded.file
                                   ->error_at(element, "unknown element <" + std::string(element.name()) +
                                                           "> (不认识的元素)" + did_you_mean(element.name(), known))
                                   .to_string());
            continue;
        }
        if (std::optional<std::string> problem = reader->second(element))
            problems.push_back(loaded.file->error_at(element, std::move(*problem)).to_string());
    }
}

void read_data_folder(const std::vector<std::filesystem::path>& data_dirs, std::string_view folder,
                      std::string_view root_element, const DataElementReaders& readers,
                      std::vector<std::string>& problems) {
    for (const std::filesystem::path& dir : data_dirs)
        for (const std::filesystem::path& file : data_files_in(dir / folder))
            read_data_elements(file, root_element, readers, problems);
}

}  // namespace fincheck
