// Imports extracted report text and prints the report XML (or the error) with the import
// diagnostics on stderr. Used to inspect the importer and to regenerate the golden files:
//   build/bin/import_dump <report>.txt > <report>.xml
#include <iostream>

#include "fincheck/import.hpp"
#include "fincheck/report_xml.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: import_dump <report.txt>\n";
        return 2;
    }
    auto result = fincheck::import_text_file(argv[1]);
    if (!result) {
        std::cerr << result.error->to_string() << '\n';
        return 1;
    }
    for (const auto& finding : result.diagnostics) {
        std::string message;
        for (const auto& meta : fincheck::import_rule_metas())
            if (meta.id == finding.rule_id)
                if (const auto* spec = meta.message(finding.message_id))
                    message = fincheck::render_message(spec->zh, finding.args);
        std::cerr << finding.rule_id << " line " << finding.location.line << ": " << message << '\n';
    }
    std::cout << fincheck::write_report_xml(*result.report);
    return 0;
}
