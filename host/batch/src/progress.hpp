// Progress on stderr: a redrawn bar (done/total, rate, ETA) on a terminal, a plain log line
// every few seconds otherwise, so that logs of unattended runs stay readable.
#pragma once

#include <chrono>
#include <cstddef>

#include "fincheck/batch/runner.hpp"

namespace fincheck::batch {

class Progress {
public:
    Progress(std::size_t total, ProgressStyle style);
    void update(std::size_t done, std::size_t failed);
    void finish(std::size_t done, std::size_t failed);

private:
    void draw(std::size_t done, std::size_t failed, bool final);
    using Clock = std::chrono::steady_clock;
    std::size_t total_;
    ProgressStyle style_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_ = start_;
};

}  // namespace fincheck::batch
