// Behaviour of the helpers the structure rules rest on.
#include <gtest/gtest.h>

#include "empty_table.hpp"
#include "fincheck/testing.hpp"
#include "fincheck/utf8.hpp"
#include "org_name.hpp"
#include "structure_rules.hpp"
#include "text_scan.hpp"
#include "text_util.hpp"

namespace fincheck::structure {
namespace {

TEST(Ordinals, ReadsEveryHeadingStyle) {
    EXPECT_EQ(leading_ordinal(compact("第三部分 情况说明"))->value, 3);
    EXPECT_EQ(leading_ordinal(compact("十三、预算绩效"))->value, 13);
    EXPECT_EQ(leading_ordinal(compact("（十一）结余分配"))->style, OrdinalStyle::paren_chinese);
    EXPECT_EQ(leading_ordinal(compact("(四)绩效"))->value, 4);
    EXPECT_EQ(leading_ordinal(compact("2. 卫生健康"))->value, 2);
    EXPECT_EQ(leading_ordinal(compact("11、住房保障"))->value, 11);
}

TEST(Ordinals, AmountsAndYearsAreNotOrdinals) {
    EXPECT_FALSE(leading_ordinal(compact("592.29万元")));
    EXPECT_FALSE(leading_ordinal(compact("2024年度")));
    EXPECT_FALSE(leading_ordinal(compact("1栏各行")));
    EXPECT_FALSE(leading_ordinal(compact("一般公共服务")));
}

TEST(OrgNames, AcceptsAbbreviationsThatKeepTheRegionChain) {
    const std::u32string department = compact("中共武汉市汉阳区委直属机关工作委员会");
    EXPECT_EQ(compare_org_names(compact("中共汉阳区委直属机关工委"), department), OrgMatch::same);
    EXPECT_EQ(compare_org_names(compact("中共武汉市汉阳区委直属机关工作委员会本级"), department), OrgMatch::same);
    EXPECT_EQ(compare_org_names(compact("上海普陀区财政局"), compact("上海市普陀区财政局")), OrgMatch::same);
}

TEST(OrgNames, FlagsHigherLevelOtherRegionAndOtherBody) {
    const std::u32string department = compact("中共武汉市汉阳区委直属机关工作委员会");
    EXPECT_EQ(compare_org_names(compact("中共武汉市委直属机关工委"), department), OrgMatch::higher_level);
    EXPECT_EQ(compare_org_names(compact("中共武汉市江岸区委直属机关工委"), department), OrgMatch::other_region);
    EXPECT_EQ(compare_org_names(compact("上海市普陀区税务局"), compact("上海市普陀区财政局")), OrgMatch::other_body);
}

TEST(OrgNames, CommonWordsEndingInRegionSuffixesAreNotRegions) {
    const OrgName name = parse_org_name(compact("上海市普陀区社区服务中心"));
    ASSERT_EQ(name.regions.size(), 2u);
    EXPECT_EQ(encode_utf8(name.body), "社区服务中心");
}

TEST(Placeholders, FindsMarksButNotNumeralsOrWords) {
    EXPECT_EQ(find_placeholder_marks("上海市普陀区XX局").size(), 1u);
    EXPECT_EQ(find_placeholder_marks("××单位").size(), 1u);
    EXPECT_TRUE(find_placeholder_marks("二〇〇八年").empty());
    EXPECT_TRUE(find_placeholder_marks("XXL型").empty());
    EXPECT_TRUE(find_placeholder_marks("单个X").empty());
}

// All instruction phrases are looked for in one pass over each text: the earliest wins, and
// at one position the phrase listed first; groups of another template do not apply.
TEST(Placeholders, ReportsTheEarliestInstructionAndTheFirstListedAtOnePosition) {
    PhraseData data;
    data.instructions.push_back({"", {"情况填写", "请根据实际", "请根据"}});
    data.instructions.push_back({"shanghai", {"本表"}});
    const auto rule = testing_data::structure_rule("structure-placeholder-text", data);
    auto marks_in = [&](const std::string& text) {
        Report report;
        report.meta.template_name = "national";
        report.blocks.push_back(Block{BlockKind::paragraph, report.own(text), -1, -1, 1});
        std::vector<std::string> marks;
        for (const Finding& finding : testing::run_rule(*rule, report)) marks.push_back(finding.actual);
        return marks;
    };
    EXPECT_EQ(marks_in("本表请根据实际情况填写。"), std::vector<std::string>{"请根据实际"});
    EXPECT_EQ(marks_in("本表请根据本部门情况填写。"), std::vector<std::string>{"请根据"});
    EXPECT_EQ(marks_in("上海市普陀区XX局请根据实际情况填写。"), std::vector<std::string>{"XX"});
    EXPECT_TRUE(marks_in("本表无数据。").empty());
}

// Malformed UTF-8 (only reports built in memory can hold it: the loader rejects it) is read
// the way fincheck/utf8.hpp reads it: each stray byte is one U+FFFD, which neither vanishes
// nor joins the characters on its two sides.
TEST(MalformedText, AStrayByteReadsAsOneReplacementCharacter) {
    EXPECT_EQ(compact("一\x80、收入"), std::u32string(U"一\uFFFD、收入"));
    EXPECT_FALSE(leading_ordinal(compact("一\x80、收入")));
    EXPECT_TRUE(compact_equals("单位 名称", "单位名称"));
    EXPECT_FALSE(compact_equals("单位\x80名称", "单位名称"));
}

TEST(MalformedText, PlaceholderMarksBesideAStrayByteAreFoundAndAStrayByteSplitsARun) {
    const auto marks = find_placeholder_marks("XX\x80局");
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks.front().begin, 0u);
    EXPECT_EQ(marks.front().end, 2u);
    EXPECT_TRUE(find_placeholder_marks("X\x80X局").empty());
    EXPECT_EQ(find_placeholder_marks("\xE5\x8FXX").size(), 1u);  // a truncated sequence, then marks
}

// One pass over a text finds the phrases of both rules and the first placeholder mark.
TEST(TextScan, FindsInstructionAndWrongLevelPhrasesAndTheFirstMarkInOnePass) {
    PhraseData data;
    data.instructions.push_back({"", {"请填写", "请"}});
    WrongLevelGroup group;
    group.report_level = AdminLevel::district;
    group.phrases = {"市级财政"};
    data.wrong_level.push_back(group);
    const TextScanner scanner(data);
    std::vector<PhraseHit> hits;
    std::optional<Span> first_mark;
    const std::string text = "××单位请填写市级财政资金，再由市级财政下达。";
    scanner.scan_text(text, hits, first_mark);
    ASSERT_TRUE(first_mark);
    EXPECT_EQ(first_mark->begin, 0u);
    std::vector<std::pair<std::string, std::uint32_t>> found;
    for (const PhraseHit& hit : hits) found.emplace_back(scanner.phrases()[hit.phrase].text, hit.begin);
    const std::uint32_t at = static_cast<std::uint32_t>(text.find("请填写"));
    const std::uint32_t level_1 = static_cast<std::uint32_t>(text.find("市级财政"));
    const std::uint32_t level_2 = static_cast<std::uint32_t>(text.rfind("市级财政"));
    const std::vector<std::pair<std::string, std::uint32_t>> expected = {
        {"请填写", at}, {"请", at}, {"市级财政", level_1}, {"市级财政", level_2}};
    EXPECT_EQ(found, expected);

    hits.clear();
    first_mark.reset();
    scanner.scan_text("本单位按市本级预算执行。", hits, first_mark);
    EXPECT_TRUE(hits.empty());
    EXPECT_FALSE(first_mark);
}

// What scan_text must find, worked out the slow way: every character decoded, every phrase
// compared at every character boundary, the marks by find_placeholder_marks.
void scan_slowly(const TextScanner& scanner, std::string_view text, std::vector<PhraseHit>& hits,
                 std::optional<Span>& first_mark) {
    if (text.empty()) return;
    const auto& phrases = scanner.phrases();
    for (std::uint32_t i = 0; i < phrases.size(); ++i)
        if (phrases[i].text.empty()) hits.push_back({i, 0});
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t begin = pos;
        utf8::next_code_point(text, pos);
        for (std::uint32_t i = 0; i < phrases.size(); ++i)
            if (!phrases[i].text.empty() && text.substr(begin).starts_with(phrases[i].text))
                hits.push_back({i, static_cast<std::uint32_t>(begin)});
    }
    const std::vector<Span> marks = find_placeholder_marks(text);
    if (!marks.empty()) first_mark = marks.front();
}

// The scan steps over characters that start nothing several bytes at a time; on any bytes it
// must find what the character-by-character reading finds, including the character before a
// run of marks (二〇〇八 is a year, 某〇〇 a placeholder) and text that ends mid-character.
TEST(TextScan, SteppingOverCharactersFindsWhatReadingEachCharacterFinds) {
    PhraseData data;
    data.instructions.push_back({"", {"请填写", "某某"}});
    WrongLevelGroup group;
    group.report_level = AdminLevel::district;
    group.phrases = {"市级财政", "Xa"};
    data.wrong_level.push_back(group);
    const TextScanner scanner(data);
    const std::vector<std::string> texts = {
        "二〇〇八年度本单位收支情况说明，资金来源为市级财政拨款。",
        "单位名称：某某〇〇局，填报人：XX，电话：××××",
        "截至2024年底共有车辆3×4台，型号AXXB。",
        "本部门\xE5\x8F〇〇单位",                   // a truncated sequence before marks
        "\x80\x80XX\xC3\x97\xC3\x97局",              // stray bytes, two-byte marks
        "收入合计\xF0\x9F\x98\x80〇〇说明",        // a four-byte character before marks
        "\xE0\x81\x98\xE0\x81\x98 overlong X",      // overlong forms decode to X
        "请填写",                                    // a phrase that is the whole text
        "基本支出主要用于保障机构正常运转市级财",  // ends inside a phrase
        "项目支出\xE5\xB8",                          // ends mid-character
        "XaXa请填写请填写〇",
    };
    for (const std::string& text : texts) {
        std::vector<PhraseHit> hits, expected_hits;
        std::optional<Span> mark, expected_mark;
        scanner.scan_text(text, hits, mark);
        scan_slowly(scanner, text, expected_hits, expected_mark);
        ASSERT_EQ(hits.size(), expected_hits.size()) << text;
        for (std::size_t i = 0; i < hits.size(); ++i) {
            EXPECT_EQ(hits[i].phrase, expected_hits[i].phrase) << text;
            EXPECT_EQ(hits[i].begin, expected_hits[i].begin) << text;
        }
        ASSERT_EQ(mark.has_value(), expected_mark.has_value()) << text;
        if (mark) {
            EXPECT_EQ(mark->begin, expected_mark->begin) << text;
            EXPECT_EQ(mark->end, expected_mark->end) << text;
        }
    }
}

TEST(Ordinals, OnlyTextsWhoseFirstKeptCharacterCanStartOneAreCandidates) {
    for (std::string_view text : {"第三部分 情况说明", " （一）收入", "(1)经费", "十、其他", "２．卫生", "\xE3\x80\x80" "3、住房"})
        EXPECT_TRUE(may_start_ordinal(text)) << text;
    for (std::string_view text : {"", "  ", "本部门收入", "“三公”经费", "X1."}) {
        EXPECT_FALSE(may_start_ordinal(text)) << text;
        EXPECT_FALSE(leading_ordinal(compact(text))) << text;  // never rules out a real ordinal
    }
}

TEST(Headings, TheLengthBoundDecidesLikeTheFullSimilarity) {
    const std::vector<std::u32string> texts = {U"", U"收入支出决算总表", U"收入决算表", U"支出决算表", U"收入支出决算总表说明",
                                               U"财政拨款收入支出决算总表", U"其他重要事项的情况说明"};
    for (const auto& a : texts)
        for (const auto& b : texts)
            for (double threshold : {0.6, 0.8, 1.0})
                EXPECT_EQ(similar_at_least(a, b, threshold), similarity(a, b) >= threshold);
}

TEST(EmptyTables, RecognisesExplanations) {
    EXPECT_TRUE(explains_empty_table("注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"));
    EXPECT_TRUE(explains_empty_table("说明：本部门没有国有资本经营预算财政拨款收入。"));
    EXPECT_FALSE(explains_empty_table("注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"));
}

TEST(Headings, ComparableTextIgnoresYearsSpacesAndPunctuation) {
    EXPECT_EQ(comparable_heading("上海市普陀区财政局 2024 年度部门决算"),
              comparable_heading("上海市普陀区财政局2023年度部门决算"));
    EXPECT_GE(similarity(comparable_heading("其他重要事项说明"), comparable_heading("其他重要事项的情况说明")), 0.6);
    EXPECT_LT(similarity(comparable_heading("其他需要说明的情况"), comparable_heading("2024年重点工作完成情况")), 0.6);
}

}  // namespace
}  // namespace fincheck::structure
