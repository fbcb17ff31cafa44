// A4 pages of a cairo PDF surface: the writing cursor, page breaks and the page number
// printed in every footer.
#pragma once

#include <cairo.h>

#include <filesystem>

namespace fincheck::gen::pdf {

class PageWriter {
public:
    explicit PageWriter(const std::filesystem::path& path);
    ~PageWriter();
    PageWriter(const PageWriter&) = delete;
    PageWriter& operator=(const PageWriter&) = delete;

    cairo_t* cr() const { return cr_; }
    double left() const { return kMargin; }
    double width() const { return kWidth - 2 * kMargin; }
    double y() const { return y_; }
    void advance(double height) { y_ += height; }
    double room() const { return kHeight - kBottomMargin - y_; }
    // Starts a new page unless `height` still fits on this one.
    void ensure_room(double height);
    void new_page();
    int pages() const { return pages_; }
    // Ends the last page and writes the file; throws when cairo reports an error.
    void finish();

    static constexpr double kWidth = 595.28;  // A4 in points
    static constexpr double kHeight = 841.89;
    static constexpr double kMargin = 56.0;
    static constexpr double kBottomMargin = 72.0;

private:
    void draw_page_number();

    std::filesystem::path path_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    double y_ = kMargin;
    int pages_ = 1;
    bool finished_ = false;
};

}  // namespace fincheck::gen::pdf
