#include "page.hpp"

#include <cairo-pdf.h>

#include <stdexcept>
#include <string>

#include "text_flow.hpp"

namespace fincheck::gen::pdf {

PageWriter::PageWriter(const std::filesystem::path& path) : path_(path) {
    surface_ = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
    cr_ = cairo_create(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface_));
        cairo_destroy(cr_);
        cairo_surface_destroy(surface_);
        throw std::runtime_error("cannot write " + path.string() + ": " + why);
    }
    // The same report gives the same bytes: no clock in the file.
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE,
                                   "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "fincheck_gen_reports");
}

PageWriter::~PageWriter() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
}

void PageWriter::ensure_room(double height) {
    if (height > room() && y_ > kMargin) new_page();
}

void PageWriter::new_page() {
    draw_page_number();
    cairo_show_page(cr_);
    ++pages_;
    y_ = kMargin;
}

// Printed as 「- N -」 in the bottom margin, as the published reports do.
void PageWriter::draw_page_number() {
    const std::string text = "- " + std::to_string(pages_) + " -";
    PangoLayout* layout = make_layout(cr_, text, TextStyle{9, false, Align::centre, 0}, width());
    cairo_move_to(cr_, left(), kHeight - kBottomMargin / 2);
    pango_cairo_show_layout(cr_, layout);
    g_object_unref(layout);
}

void PageWriter::finish() {
    if (finished_) return;
    finished_ = true;
    draw_page_number();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot write " + path_.string() + ": " +
                                 cairo_status_to_string(cairo_surface_status(surface_)));
}

}  // namespace fincheck::gen::pdf
