// Text set with pango: one font family for the whole document (a CJK sans face), wrapped to
// a width, and paragraphs that flow over page breaks line by line.
#pragma once

#include <pango/pangocairo.h>

#include <string_view>

#include "page.hpp"

namespace fincheck::gen::pdf {

enum class Align { left, centre, right };

struct TextStyle {
    double size = 10.5;  // points
    bool bold = false;
    Align align = Align::left;
    double first_indent = 0;  // points, the first line of a paragraph
    // Baseline distance as a share of the font's own line height (Noto Sans CJK's is 1.45
    // em); 0 keeps the font's. Table cells are set tighter, as published tables are.
    double line_spacing = 0;
};

// A pango layout of `text` wrapped to `width`; the caller owns it (g_object_unref).
PangoLayout* make_layout(cairo_t* cr, std::string_view text, const TextStyle& style, double width);
double layout_height(PangoLayout* layout);
int layout_lines(PangoLayout* layout);

// Draws a paragraph at the cursor, breaking onto new pages between lines; then leaves
// `space_after` points.
void flow_paragraph(PageWriter& page, std::string_view text, const TextStyle& style,
                    double space_after);

}  // namespace fincheck::gen::pdf
