#include "fincheck/rulepacks/pack_explanation.hpp"

#include <filesystem>

namespace fincheck::rulepacks {

namespace {

// The file name only: an audit header must not vary with the folder the packs sit in.
std::string place(const SourcePos& pos) {
    if (pos.file.empty()) return {};
    return std::filesystem::path(pos.file).filename().string() + ":" + std::to_string(pos.line);
}

ExplainedSource from_pack(const SourcePos& pos) { return {"pack", place(pos)}; }

std::string named(const Pack& pack) { return pack.id + " (" + place(pack.pos) + ")"; }

ExplainedNote why_chosen(const PackChoice& choice, const Report& report, std::string_view forced) {
    switch (choice.why) {
        case PackChoice::Why::none: break;
        case PackChoice::Why::forced:
            return {"规则包 " + named(*choice.pack->pack) + " 由插件设置 pack=" + std::string(forced) + " 指定",
                    "pack " + named(*choice.pack->pack) + " is forced by the plugin setting pack=" + std::string(forced)};
        case PackChoice::Why::fallback:
            return {"没有规则包的 <applies> 与本报告相符，使用兜底根规则包 " + named(*choice.pack->pack),
                    "no pack's <applies> matches this report, so the fallback root pack " + named(*choice.pack->pack) +
                        " applies"};
        case PackChoice::Why::matched: {
            const Match& m = *choice.match;
            std::string zh = "规则包 " + named(*choice.pack->pack) + " 的 <match>（" + place(m.pos) + "）与本报告相符：";
            std::string en = "pack " + named(*choice.pack->pack) + " is selected by its <match> (" + place(m.pos) + "): ";
            if (!m.region_prefix.empty()) {
                const bool by_region = report.meta.region.substr(0, m.region_prefix.size()) == m.region_prefix;
                const std::string field_zh = by_region ? "地区" : "部门";
                const std::string field_en = by_region ? "region" : "department";
                const std::string value(by_region ? report.meta.region : report.meta.department);
                zh += field_zh + "「" + value + "」以 region-prefix「" + m.region_prefix + "」开头";
                en += "the " + field_en + " " + value + " starts with region-prefix " + m.region_prefix;
            }
            if (!m.template_name.empty()) {
                const bool both = !m.region_prefix.empty();
                zh += std::string(both ? "，且" : "") + "模板为 " + m.template_name;
                en += std::string(both ? " and " : "") + "the template is " + m.template_name;
            }
            return {zh, en};
        }
    }
    return {"没有选用任何规则包（未找到兜底规则包），规则包中的规则在本报告上不运行",
            "no pack applies (there is no fallback pack), so no pack rule runs on this report"};
}

ExplainedRule explain_rule(const std::string& id, const ResolvedPack* pack) {
    ExplainedRule out;
    out.rule_id = id;
    if (!pack) {
        out.runs = false;
        out.disabled_by = {"no-pack", ""};
        return out;
    }
    if (auto it = pack->rules.find(id); it != pack->rules.end()) {
        const EffectiveRule& rule = it->second;
        out.severity = rule.severity;
        out.severity_source = from_pack(rule.severity_from);
        if (rule.tolerance.half_unit) out.half_unit = rule.tolerance.half_unit;
        if (rule.tolerance.extra) out.extra = rule.tolerance.extra;
        if (rule.tolerance.absolute) out.absolute = rule.tolerance.absolute;
        out.half_unit_source = from_pack(rule.tolerance_from.half_unit);
        out.extra_source = from_pack(rule.tolerance_from.extra);
        out.absolute_source = from_pack(rule.tolerance_from.absolute);
        return out;
    }
    out.runs = false;
    if (auto it = pack->disabled.find(id); it != pack->disabled.end()) out.disabled_by = from_pack(it->second);
    else out.disabled_by = {"not-in-pack", place(pack->pack->pos)};  // defined only by packs not chosen
    return out;
}

}  // namespace

ReportExplanation explain_packs(const PackLibrary& library, const Report& report, std::string_view forced,
                                std::string_view rule_prefix) {
    ReportExplanation out;
    const PackChoice choice = library.choose(report, forced);
    out.notes.push_back(why_chosen(choice, report, forced));
    if (choice.pack && choice.pack->chain.size() > 1) {
        std::string chain;
        for (const Pack* p : choice.pack->chain) chain += (chain.empty() ? "" : " → ") + named(*p);
        out.notes.push_back({"继承链：" + chain, "extends: " + chain});
    }
    for (const std::string& id : library.rule_ids())
        if (id.starts_with(rule_prefix)) out.rules.push_back(explain_rule(id, choice.pack));
    return out;
}

}  // namespace fincheck::rulepacks
