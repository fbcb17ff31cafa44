#include "words.hpp"

#include <pugixml.hpp>

#include <algorithm>

namespace fincheck::pdf_detail {

void Box::extend(const Box& other) {
    x0 = std::min(x0, other.x0);
    y0 = std::min(y0, other.y0);
    x1 = std::max(x1, other.x1);
    y1 = std::max(y1, other.y1);
}

bool Word::ascii() const {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string Line::text() const {
    std::string out;
    for (const Cell& cell : cells) {
        if (!out.empty()) out += ' ';
        out += cell.text;
    }
    return out;
}

std::optional<std::vector<Page>> read_word_boxes(const std::string& xhtml) {
    pugi::xml_document document;
    if (!document.load_buffer(xhtml.data(), xhtml.size(), pugi::parse_default, pugi::encoding_utf8)) return std::nullopt;
    pugi::xml_node doc = document.child("html").child("body").child("doc");
    if (!doc) return std::nullopt;
    std::vector<Page> pages;
    for (pugi::xml_node page_node : doc.children("page")) {
        Page page;
        page.number = static_cast<int>(pages.size()) + 1;
        page.width = page_node.attribute("width").as_double();
        page.height = page_node.attribute("height").as_double();
        for (pugi::xml_node flow : page_node.children("flow"))
            for (pugi::xml_node block : flow.children("block"))
                for (pugi::xml_node line : block.children("line"))
                    for (pugi::xml_node node : line.children("word")) {
                        Word word;
                        word.box = {node.attribute("xMin").as_double(), node.attribute("yMin").as_double(),
                                    node.attribute("xMax").as_double(), node.attribute("yMax").as_double()};
                        word.text = node.child_value();
                        if (!word.text.empty()) page.words.push_back(std::move(word));
                    }
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace fincheck::pdf_detail
