// Does a piece of text compare two periods? A year other than the fiscal year is legitimate
// in 「与2023年度相比」, 「比2023年增加」, 「较上年」, 「同比」, 「上年（2023年）」, but not in
// 「2023年度部门决算表（比例）」: 比例, 比率, 比重 and 占比 hold the character 比 without comparing
// anything, and 与 joins two nouns (「收入与支出」) unless a period follows it.
#pragma once

#include <string_view>

namespace fincheck::years {

// True when `text` holds a comparison phrase: 相比, 对比, 比较, 同比, 环比, 对照, 变动, 增减,
// 上年, 去年, 上一年, 同期; 较 (not 较为); 比 or 与 followed by a period (a year, 上年, 去年,
// 上一年, 同期, 年初, 预算).
bool has_comparison_phrase(std::string_view text);

// has_comparison_phrase, or a change stated by a verb (增加, 减少, 增长, 下降, 持平, 增幅, 降幅):
// in prose, 「2023年度决算数656.23万元，2024年度减少…」 reads the other year as the base.
bool states_change(std::string_view text);

}  // namespace fincheck::years
