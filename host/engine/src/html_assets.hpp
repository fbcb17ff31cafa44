// The style sheet and script inlined into every review page (no file beside it, nothing fetched:
// the page works offline and as an e-mail attachment).
#pragma once

namespace fincheck::engine::html {

extern const char* const kReviewCss;
extern const char* const kReviewJs;

}  // namespace fincheck::engine::html
