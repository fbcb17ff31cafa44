#include "furniture.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace fincheck::pdf_detail {
namespace {

bool in_margin(const Line& line, const Page& page) {
    double band = 0.10 * page.height;
    return line.box.y1 < band || line.box.y0 > page.height - band;
}

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

bool is_page_number(const std::string& raw) {
    std::string text = without_spaces(raw);
    auto strip = [&](std::string_view prefix, std::string_view suffix) {
        if (text.rfind(prefix, 0) == 0 && text.size() >= prefix.size() + suffix.size() &&
            text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0)
            text = text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
    };
    strip("-", "-");
    strip("—", "—");
    strip("第", "页");
    if (auto slash = text.find('/'); slash != std::string::npos) text = text.substr(0, slash);
    return !text.empty() && text.size() <= 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void remove_furniture(std::vector<std::vector<Line>>& pages, const std::vector<Page>& geometry) {
    std::map<std::string, int> repeats;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (const Line& line : pages[p])
            if (in_margin(line, geometry[p])) ++repeats[without_spaces(line.text())];
    for (std::size_t p = 0; p < pages.size(); ++p) {
        auto& lines = pages[p];
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [&](const Line& line) {
                                       if (!in_margin(line, geometry[p])) return false;
                                       std::string text = line.text();
                                       return is_page_number(text) || repeats[without_spaces(text)] >= 3;
                                   }),
                    lines.end());
    }
}

}  // namespace fincheck::pdf_detail
