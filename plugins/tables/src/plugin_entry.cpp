// The one exported symbol of fincheck_tables.so.
#include "fincheck/plugin.hpp"
#include "tables_plugin.hpp"

FINCHECK_PLUGIN("tables", "1.0.0", "表内与表间勾稽关系（规则包 + 通用合计校验）",
                &fincheck::tables::create_tables_plugin)
