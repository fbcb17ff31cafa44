#include "baseline.hpp"

#include <algorithm>
#include <stdexcept>

#include <pugixml.hpp>

#include "file_bytes.hpp"

namespace fincheck::batch {
namespace fs = std::filesystem;

namespace {

// The header comes first in an audit file; its <input> and <report> are read from this much.
constexpr std::size_t kHeaderBytes = 64 * 1024;

// The element `<name …/>` that starts at the first "<name " of `xml`, empty when absent.
std::string_view empty_element(std::string_view xml, std::string_view name) {
    const std::size_t begin = xml.find("<" + std::string(name) + " ");
    if (begin == std::string_view::npos) return {};
    const std::size_t end = xml.find("/>", begin);
    if (end == std::string_view::npos) return {};
    return xml.substr(begin, end + 2 - begin);
}

[[noreturn]] void refuse(const std::string& zh, const std::string& en, const fs::path& where) {
    throw std::runtime_error("基线" + zh + " / the baseline " + en + ": " + where.string());
}

}  // namespace

std::optional<ReportIdentity> read_audit_identity(std::string_view audit_xml) {
    const std::string_view head = audit_xml.substr(0, std::min(audit_xml.size(), kHeaderBytes));
    if (head.find("<audit-report") == std::string_view::npos) return std::nullopt;
    const std::string_view input = empty_element(head, "input");
    if (input.empty()) return std::nullopt;
    // Both elements are attribute-only; parsed on their own, their entities decoded.
    const std::string fragment = "<h>" + std::string(input) + std::string(empty_element(head, "report")) + "</h>";
    pugi::xml_document doc;
    if (!doc.load_buffer(fragment.data(), fragment.size())) return std::nullopt;
    const pugi::xml_node h = doc.child("h");
    ReportIdentity identity;
    identity.sha256 = h.child("input").attribute("sha256").as_string();
    identity.department = h.child("report").attribute("department").as_string();
    identity.fiscal_year = h.child("report").attribute("fiscal-year").as_int(0);
    return identity;
}

BaselineIndex BaselineIndex::load(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) refuse("目录不存在或不是目录", "directory does not exist or is not a directory", dir);
    BaselineIndex index;
    index.dir_ = dir;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with('.') && name.ends_with(".audit.xml") && it->is_regular_file(ec)) index.names_.push_back(name);
    }
    if (ec) refuse("目录无法读取（" + ec.message() + "）", "directory cannot be read (" + ec.message() + ")", dir);
    if (index.names_.empty())
        refuse("目录中没有审计文件（*.audit.xml）", "directory holds no audit file (*.audit.xml)", dir);
    std::sort(index.names_.begin(), index.names_.end());

    std::string bytes;
    for (std::size_t i = 0; i < index.names_.size(); ++i) {
        const fs::path file = dir / index.names_[i];
        if (!read_file_into(file, bytes)) refuse("审计文件无法读取", "audit file cannot be read", file);
        const std::optional<ReportIdentity> identity = read_audit_identity(bytes);
        if (!identity) refuse("文件不是审计报告", "file is not an audit report", file);
        index.sha256_.push_back(identity->sha256);
        if (!identity->sha256.empty()) index.by_sha256_.emplace(identity->sha256, i);
        if (!identity->department.empty() && identity->fiscal_year > 0)
            index.by_department_year_[{identity->department, identity->fiscal_year}].push_back(i);
        index.by_name_.emplace(index.names_[i], i);
    }
    return index;
}

std::optional<BaselineMatch> BaselineIndex::find(const ReportIdentity& report, const std::string& output) const {
    auto match = [&](std::size_t i, const char* how) {
        return BaselineMatch{dir_ / names_[i], names_[i], how};
    };
    const auto same_name = by_name_.find(output);
    if (!report.sha256.empty()) {
        // The same bytes audited under several names: the one of the same name first.
        if (same_name != by_name_.end() && sha256_[same_name->second] == report.sha256)
            return match(same_name->second, "sha256");
        if (auto it = by_sha256_.find(report.sha256); it != by_sha256_.end()) return match(it->second, "sha256");
    }
    if (auto it = by_department_year_.find({report.department, report.fiscal_year});
        it != by_department_year_.end() && it->second.size() == 1)
        return match(it->second.front(), "department-year");
    if (same_name != by_name_.end()) return match(same_name->second, "output");
    return std::nullopt;
}

}  // namespace fincheck::batch
