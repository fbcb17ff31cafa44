// The one exported symbol of fincheck_arith.so.
#include "arith_plugin.hpp"
#include "fincheck/plugin.hpp"

FINCHECK_PLUGIN("arith", "1.0.0",
                "表内合计（规则包 arith-* + 通用合计校验）Sums inside a table (the packs' arith-* rules + generic sums)",
                &fincheck::arith::create_arith_plugin)
