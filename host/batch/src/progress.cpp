#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace fincheck::batch {

Progress::Progress(std::size_t total, ProgressStyle style) : total_(total), style_(style) {
    if (style_ == ProgressStyle::automatic) style_ = ::isatty(STDERR_FILENO) ? ProgressStyle::bar : ProgressStyle::lines;
}

void Progress::update(std::size_t done, std::size_t failed) {
    if (style_ == ProgressStyle::none) return;
    const auto now = Clock::now();
    const auto interval = style_ == ProgressStyle::bar ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
    if (now - last_ < interval) return;
    last_ = now;
    draw(done, failed, false);
}

void Progress::finish(std::size_t done, std::size_t failed) {
    if (style_ == ProgressStyle::none) return;
    draw(done, failed, true);
}

void Progress::draw(std::size_t done, std::size_t failed, bool final) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
    if (style_ == ProgressStyle::bar) {
        constexpr int kWidth = 30;
        const int filled = total_ ? static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total_)) : kWidth;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kWidth - filled), ' ');
        std::fprintf(stderr, "\r[%s] %zu/%zu  %.1f/s  ETA %.0fs  失败/failed %zu%s", bar.c_str(), done, total_, rate, eta,
                     failed, final ? "\n" : "");
    } else {
        std::fprintf(stderr, "batch: %zu/%zu done, %.1f reports/s, ETA %.0f s, %zu failed%s\n", done, total_, rate, eta,
                     failed, final ? " (finished)" : "");
    }
    std::fflush(stderr);
}

}  // namespace fincheck::batch
