// The earlier run that --baseline names, indexed once before the workers start, so that each
// report finds its own audit there wherever its file lives now and whatever it is called:
//   1. an audit of the same input bytes (the SHA-256 in its header), else
//   2. the one audit of the same department and fiscal year, when exactly one has them, else
//   3. the audit of the same file name (the output name, as before fingerprints).
// Findings are then compared by fingerprint (record.hpp, diff_findings). docs/batch.md.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fincheck::batch {

// What identifies a report across runs, from its audit's header.
struct ReportIdentity {
    std::string sha256;  // of the input bytes
    std::string department;
    int fiscal_year = 0;
};

// The <input> and <report> of an audit file; nullopt when it is not an audit report.
std::optional<ReportIdentity> read_audit_identity(std::string_view audit_xml);

struct BaselineMatch {
    std::filesystem::path audit;  // the audit file
    std::string name;             // its name in the baseline directory
    std::string matched_by;       // sha256, department-year or output
};

class BaselineIndex {
public:
    // Reads the header of every *.audit.xml in `dir`. Throws std::runtime_error naming the
    // directory or the file (zh-CN / en) when `dir` is missing or unreadable, holds no audit
    // file, or an audit file is not one: a baseline that cannot be honoured is never "every
    // finding is new".
    static BaselineIndex load(const std::filesystem::path& dir);

    std::optional<BaselineMatch> find(const ReportIdentity& report, const std::string& output) const;
    std::size_t size() const { return names_.size(); }

private:
    std::filesystem::path dir_;
    std::vector<std::string> names_;  // sorted audit file names
    std::vector<std::string> sha256_;  // of each audit's input
    std::map<std::string, std::size_t> by_sha256_;  // first in name order
    std::map<std::pair<std::string, int>, std::vector<std::size_t>> by_department_year_;
    std::map<std::string, std::size_t> by_name_;
};

}  // namespace fincheck::batch
