#include "logging.hpp"

#include <iostream>
#include <memory>
#include <vector>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace fincheck::cli {
namespace {

spdlog::level::level_enum to_spdlog(LogLevel level) {
    switch (level) {
        case LogLevel::trace: return spdlog::level::trace;
        case LogLevel::debug: return spdlog::level::debug;
        case LogLevel::info: return spdlog::level::info;
        case LogLevel::warn: return spdlog::level::warn;
        case LogLevel::error: break;
    }
    return spdlog::level::err;
}

class SpdLog final : public Log {
public:
    void write(LogLevel level, std::string_view message) const override {
        // The _mt sinks make this safe from many audit threads at once.
        spdlog::default_logger_raw()->log(to_spdlog(level), "{}", message);
    }
};

}  // namespace

bool setup_logging(int verbosity, const std::string& log_file) {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(verbosity >= 2 ? spdlog::level::debug
                       : verbosity == 1 ? spdlog::level::info
                                        : spdlog::level::warn);
    console->set_pattern("fincheck: %^%l%$: %v");
    std::vector<spdlog::sink_ptr> sinks{console};
    if (!log_file.empty()) {
        try {
            auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_file, true);
            file->set_level(spdlog::level::debug);
            file->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
            sinks.push_back(file);
        } catch (const spdlog::spdlog_ex& e) {
            std::cerr << "fincheck: 无法打开日志文件 / cannot open the log file " << log_file << ": " << e.what()
                      << "\n";
            return false;
        }
    }
    auto logger = std::make_shared<spdlog::logger>("fincheck", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    return true;
}

const Log& host_log() {
    static const SpdLog log;
    return log;
}

}  // namespace fincheck::cli
