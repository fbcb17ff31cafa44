#include <sstream>

#include <pugixml.hpp>

#include "fincheck/gen/generator.hpp"

namespace fincheck::gen {

std::string write_truth_xml(const GeneratedReport& generated, std::string_view report_file) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("truth");
    root.append_attribute("report") = std::string(report_file).c_str();
    root.append_attribute("errors") = static_cast<unsigned>(generated.truth.size());
    for (const InjectedError& e : generated.truth) {
        pugi::xml_node node = root.append_child("error");
        node.append_attribute("kind") = std::string(to_string(e.kind)).c_str();
        node.append_attribute("family") = std::string(family_of(e.kind)).c_str();
        if (!e.table.empty()) node.append_attribute("table") = e.table.c_str();
        if (!e.row.empty()) node.append_attribute("row") = e.row.c_str();
        if (!e.column.empty()) node.append_attribute("column") = e.column.c_str();
        if (e.block >= 0) node.append_attribute("block") = e.block;
        node.append_attribute("expected") = e.expected.c_str();
        node.append_attribute("actual") = e.actual.c_str();
        node.text().set(e.note.c_str());
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace fincheck::gen
