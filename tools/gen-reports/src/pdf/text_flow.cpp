#include "text_flow.hpp"

namespace fincheck::gen::pdf {
namespace {

// Noto Sans CJK SC (fonts-noto-cjk) first, WenQuanYi Micro Hei when only that is installed.
constexpr const char* kFamily = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

PangoAlignment pango_alignment(Align align) {
    switch (align) {
        case Align::centre:
            return PANGO_ALIGN_CENTER;
        case Align::right:
            return PANGO_ALIGN_RIGHT;
        case Align::left:
            break;
    }
    return PANGO_ALIGN_LEFT;
}

}  // namespace

PangoLayout* make_layout(cairo_t* cr, std::string_view text, const TextStyle& style, double width) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string(kFamily);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, pango_alignment(style.align));
    if (style.line_spacing > 0)
        pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
    pango_layout_set_indent(layout, static_cast<int>(style.first_indent * PANGO_SCALE));
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    return layout;
}

double layout_height(PangoLayout* layout) {
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
}

int layout_lines(PangoLayout* layout) {
    return pango_layout_get_line_count(layout);
}

void flow_paragraph(PageWriter& page, std::string_view text, const TextStyle& style,
                    double space_after) {
    cairo_t* cr = page.cr();
    PangoLayout* layout = make_layout(cr, text, style, page.width());
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    // Lines are drawn one by one so a paragraph continues on the next page mid-way.
    double shift = 0;  // layout y of the first line drawn on the current page
    bool first_on_page = true;
    do {
        int top = 0;
        int bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        const double line_top = static_cast<double>(top) / PANGO_SCALE;
        const double line_height = static_cast<double>(bottom - top) / PANGO_SCALE;
        if (first_on_page) shift = line_top - page.y();
        if (line_top - shift + line_height > page.y() + page.room()) {
            page.new_page();
            shift = line_top - page.y();
        }
        first_on_page = false;
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const int baseline = pango_layout_iter_get_baseline(iter);
        cairo_move_to(cr, page.left() + static_cast<double>(logical.x) / PANGO_SCALE,
                      static_cast<double>(baseline) / PANGO_SCALE - shift);
        pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
    } while (pango_layout_iter_next_line(iter));
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    // The cursor goes below the last line drawn.
    const double end = static_cast<double>(bottom) / PANGO_SCALE - shift;
    page.advance(end - page.y() + space_after);
}

}  // namespace fincheck::gen::pdf
