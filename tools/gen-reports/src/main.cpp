// fincheck_gen_reports: writes N synthetic report XML files (and, with --inject-errors,
// the ground truth of the errors planted in each) for benchmarks and tests.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "fincheck/gen/generator.hpp"
#include "fincheck/gen/pdf_report.hpp"
#include "fincheck/report_xml.hpp"

namespace fs = std::filesystem;

namespace {

// Written under a temporary name and renamed, so a killed run never leaves half a report.
bool write_file(const fs::path& path, const std::string& bytes) {
    fs::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    return !ec;
}

std::string file_name(const std::string& prefix, std::uint64_t index, std::size_t width) {
    std::string number = std::to_string(index + 1);
    if (number.size() < width) number.insert(0, width - number.size(), '0');
    return prefix + "-" + number;
}

// --render: an existing report XML (the bundled example) drawn as <name>.pdf beside it.
int render_existing(const fs::path& xml) {
    fincheck::LoadResult loaded = fincheck::load_report_xml(xml);
    if (!loaded) {
        std::cerr << "fincheck_gen_reports: " << loaded.error->to_string() << '\n';
        return 2;
    }
    fs::path pdf = xml;
    pdf.replace_extension(".pdf");
    fs::path temporary = pdf;
    temporary += ".tmp";
    try {
        fincheck::gen::write_report_pdf(*loaded.report, temporary);
    } catch (const std::exception& e) {
        std::cerr << "fincheck_gen_reports: " << e.what() << '\n';
        return 2;
    }
    std::error_code ec;
    fs::rename(temporary, pdf, ec);
    if (ec) {
        std::cerr << "fincheck_gen_reports: cannot write " << pdf << ": " << ec.message() << '\n';
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes synthetic 部门决算 report XML files, consistent by construction / 生成合成部门决算报告"};
    std::uint64_t count = 10;
    fs::path out_dir;
    fincheck::gen::GeneratorOptions options;
    std::string prefix = "report";
    unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
    bool truth = false;
    bool pdf = false;
    app.add_option("-n,--count", count, "number of reports / 报告数量")->check(CLI::PositiveNumber);
    app.add_option("-o,--out", out_dir, "output directory / 输出目录");
    fs::path render;
    app.add_option("--render", render,
                   "draw this report XML as a PDF beside it (<name>.pdf) and generate nothing / 将已有报告 XML 绘制为 PDF")
        ->check(CLI::ExistingFile);
    app.add_option("--seed", options.seed, "seed: the same seed gives the same reports / 随机种子");
    app.add_option("--inject-errors", options.error_rate,
                   "probability of each error kind per report; writes <name>.truth.xml / 注入错误概率")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--year", options.fiscal_year, "fiscal year (default: drawn per report) / 决算年度");
    app.add_option("--prefix", prefix, "file name prefix / 文件名前缀");
    app.add_option("-j,--jobs", jobs, "generator threads / 线程数")->check(CLI::PositiveNumber);
    app.add_flag("--truth", truth, "write the truth file even when no errors are injected / 总是写出真值文件");
    app.add_flag("--pdf", pdf, "also draw each report as <name>.pdf (the XML stays the truth) / 同时输出 PDF");
    CLI11_PARSE(app, argc, argv);
    truth = truth || options.error_rate > 0.0;
    if (!render.empty()) return render_existing(render);
    if (out_dir.empty()) {
        std::cerr << "fincheck_gen_reports: 需要 --out 输出目录 / --out is required\n";
        return 2;
    }

    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
        std::cerr << "fincheck_gen_reports: cannot create " << out_dir << ": " << ec.message() << '\n';
        return 2;
    }
    const std::size_t width = std::max<std::size_t>(6, std::to_string(count).size());
    std::atomic<std::uint64_t> next{0};
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (std::uint64_t i = next++; i < count && !failed; i = next++) {
            const fincheck::gen::GeneratedReport generated = fincheck::gen::generate_report(options, i);
            const std::string name = file_name(prefix, i, width);
            if (!write_file(out_dir / (name + ".xml"), fincheck::write_report_xml(generated.report)) ||
                (truth && !write_file(out_dir / (name + ".truth.xml"),
                                      fincheck::gen::write_truth_xml(generated, name + ".xml")))) {
                std::cerr << "fincheck_gen_reports: cannot write " << (out_dir / name) << '\n';
                failed = true;
            }
            if (pdf && !failed) {
                try {
                    const fs::path final_path = out_dir / (name + ".pdf");
                    fs::path temporary = final_path;
                    temporary += ".tmp";
                    fincheck::gen::write_report_pdf(generated.report, temporary);
                    fs::rename(temporary, final_path);
                } catch (const std::exception& e) {
                    std::cerr << "fincheck_gen_reports: " << e.what() << '\n';
                    failed = true;
                }
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    return failed ? 1 : 0;
}
