// The narrative plugin's entry point: loads the lexicons from the data directories (and any
// lexicon given as a rule pack) and hands the host its rules, one per file of rules/.
#include <fstream>
#include <stdexcept>

#include "fincheck/plugin.hpp"
#include "fincheck/rule_file.hpp"
#include "make_rules.hpp"

namespace fincheck::narrative {
namespace {

// A rule-pack file whose root element is <lexicon> extends the lexicon.
bool is_lexicon_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string head(512, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("<lexicon") != std::string::npos;
}

std::unique_ptr<Plugin> create_narrative_plugin(const PluginEnvironment& environment) {
    std::vector<std::filesystem::path> extra;
    for (const auto& pack : environment.rule_packs) {
        if (is_lexicon_file(pack)) extra.push_back(pack);
    }
    std::vector<std::string> errors;
    auto lexicon = std::make_shared<Lexicon>(load_lexicons(environment.data_dirs, extra, errors));
    // Fail closed: a lexicon file that cannot be read would silently narrow what the rules
    // recognise. Every problem is named at once.
    if (!errors.empty()) {
        std::string all = "narrative: 词库无效 / lexicon rejected:";
        for (const auto& error : errors) all += "\n" + error;
        throw std::runtime_error(all);
    }
    if (lexicon->concepts.empty())
        throw std::runtime_error("narrative: no lexicon found under <data dir>/lexicons (national.xml)");
    return std::make_unique<RuleListPlugin>(make_rules(lexicon));
}

}  // namespace
}  // namespace fincheck::narrative

FINCHECK_PLUGIN("narrative", "1.0.0", "正文数字与决算表核对 Narrative claims against the tables",
                &fincheck::narrative::create_narrative_plugin)
