// Reading a plugin data file (a lexicon, a phrase list, a rule pack): the one way every plugin
// turns an XML file a person edits into a pugixml document. The file is read, parsed and its
// root element checked; whatever is wrong comes back as a value that names the file, the line
// and the column (text_position.hpp), never as an exception, so a plugin can log it and go on.
//
// Positions are counted in UTF-8, so a file is first turned into UTF-8 (xml_text_as_utf8,
// since SDK 1.2): a UTF-8 byte-order mark is dropped, UTF-16 (with a BOM, or recognisable from
// "<?") and an encoding the XML declaration names (GB18030, GBK …) are converted with iconv,
// and undeclared bytes that are not UTF-8 are an error naming the line and the encoding
// problem. The document is kept with its converted text, so a plugin that finds a problem in
// an element later can still say where that element is (DataFile::error_at).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "fincheck/text_position.hpp"

namespace fincheck {

struct DataFileError {
    std::string file;
    std::optional<TextPosition> position;  // none when the file could not be read at all
    std::string message;                   // what is wrong, zh-CN and English
    // "file:line:column: message", or "file: message" without a position.
    std::string to_string() const;
};

struct DataFileResult;

// A parsed data file whose root element is the expected one.
class DataFile {
public:
    const std::string& name() const { return name_; }
    const std::string& text() const { return text_; }
    pugi::xml_node root() const { return document_.document_element(); }
    // Where a node of this document is: an element's name, a text's first character (what
    // pugixml's offset_debug points at); 1:1 for a node pugixml has no offset for.
    TextPosition position_of(pugi::xml_node node) const;
    // A problem a plugin finds in `node`, located like a parse error.
    DataFileError error_at(pugi::xml_node node, std::string message) const;

private:
    friend DataFileResult parse_data_file(std::string_view, std::string_view,
                                          std::string_view);
    DataFile(std::string_view name, std::string_view text) : name_(name), text_(text) {}

    std::string name_;
    std::string text_;
    pugi::xml_document document_;
};

// Exactly one of the two is set.
struct DataFileResult {
    std::optional<DataFile> file;
    std::optional<DataFileError> error;
};

// Reads `file` and parses it; its root element must be <root_element>.
DataFileResult load_data_file(const std::filesystem::path& file, std::string_view root_element);
// The same for text already in memory; `name` stands for the file in errors.
DataFileResult parse_data_file(std::string_view text, std::string_view name,
                               std::string_view root_element);

// The bytes of an XML file as UTF-8, as described above; an empty file is an error too.
// Used by load_data_file and parse_data_file, and by the host for fincheck.xml.
std::optional<DataFileError> xml_text_as_utf8(std::string_view bytes, std::string_view name, std::string& out);

// The *.xml files directly in `folder`, sorted by name; none when it is not a directory.
std::vector<std::filesystem::path> data_files_in(const std::filesystem::path& folder);

// The texts of `node`'s <child> elements, in order, empty ones left out.
std::vector<std::string> child_texts(pugi::xml_node node, const char* child);

// Since SDK 1.5: the walk every plugin's data loader makes. Each element under the root goes to
// the reader its name selects, which returns a problem with that element or nothing; an element
// no reader names is a problem too (a misspelt group would otherwise be skipped and its phrases
// never matched), with the nearest known name offered. Problems, and a file that cannot be read
// at all, are appended to `problems` as "file:line:column: message".
using DataElementReader = std::function<std::optional<std::string>(pugi::xml_node element)>;
using DataElementReaders = std::map<std::string, DataElementReader, std::less<>>;
void read_data_elements(const std::filesystem::path& file, std::string_view root_element,
                        const DataElementReaders& readers, std::vector<std::string>& problems);
// The same for every *.xml in `<dir>/<folder>` of each of `data_dirs`, in name order per dir.
void read_data_folder(const std::vector<std::filesystem::path>& data_dirs, std::string_view folder,
                      std::string_view root_element, const DataElementReaders& readers,
                      std::vector<std::string>& problems);

}  // namespace fincheck
