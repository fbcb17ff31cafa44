// Lexicon loading and lookup: data directories, regional extension, phrase matching.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lexicon.hpp"
#include "text.hpp"

namespace fincheck::narrative {
namespace {

namespace fs = std::filesystem;

Lexicon national() {
    Lexicon lexicon;
    auto error = load_lexicon_file(std::string(NARRATIVE_LEXICON_DIR) + "/national.xml", lexicon);
    EXPECT_FALSE(error.has_value()) << error.value_or("");
    return lexicon;
}

const Concept* find(const Lexicon& lexicon, const char* phrase) {
    return lexicon.find(normalize_phrase(to_u32(phrase)));
}

TEST(Lexicon, LongestSynonymWins) {
    Lexicon lexicon = national();
    ASSERT_NE(find(lexicon, "2024年度财政拨款收、支总计"), nullptr);
    EXPECT_EQ(find(lexicon, "2024年度财政拨款收、支总计")->id, "财政拨款收支总计");
    EXPECT_EQ(find(lexicon, "上海市普陀区财政局2024年度收入支出总计")->id, "收支总计");
    EXPECT_EQ(find(lexicon, "一般公共预算财政拨款基本支出")->id, "一般公共预算财政拨款基本支出");
}

// A fund name (or 非) right before a concept's name makes it another concept: the shorter
// one must not be read out of it, while a longer concept the lexicon knows still wins.
TEST(Lexicon, ConceptQualifiedByAFundIsNotTheUnqualifiedOne) {
    Lexicon lexicon = national();
    // The fund lines are concepts of their own (bound to 01/04/07/08), never 财政拨款收入.
    ASSERT_NE(find(lexicon, "2022年度政府性基金预算财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "2022年度政府性基金预算财政拨款收入")->id, "政府性基金预算财政拨款收入");
    ASSERT_NE(find(lexicon, "国有资本经营预算财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "国有资本经营预算财政拨款收入")->id, "国有资本经营预算财政拨款收入");
    EXPECT_EQ(find(lexicon, "政府性基金预算财政拨款基本支出"), nullptr);
    EXPECT_EQ(find(lexicon, "非财政拨款收入"), nullptr);
    ASSERT_NE(find(lexicon, "2022年度一般公共预算财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "2022年度一般公共预算财政拨款收入")->id, "一般公共预算财政拨款收入");
    ASSERT_NE(find(lexicon, "2022年度财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "2022年度财政拨款收入")->id, "财政拨款收入");
    ASSERT_NE(find(lexicon, "其中：基本支出"), nullptr);
    EXPECT_EQ(find(lexicon, "其中：基本支出")->id, "基本支出");
    // The same without the synonym index (a concept added by hand since the last reindex).
    Concept extra;
    extra.id = "无关概念";
    extra.synonyms.push_back(U"无关概念");
    lexicon.concepts.push_back(std::move(extra));
    EXPECT_EQ(find(lexicon, "2022年度政府性基金预算财政拨款收入")->id, "政府性基金预算财政拨款收入");
    EXPECT_EQ(find(lexicon, "非财政拨款收入"), nullptr);
    ASSERT_NE(find(lexicon, "2022年度财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "2022年度财政拨款收入")->id, "财政拨款收入");
}

TEST(Lexicon, ClassNamesMatchWithTheirMarkers) {
    Lexicon lexicon = national();
    ASSERT_NE(find(lexicon, "卫生健康支出（类）支出"), nullptr);
    EXPECT_EQ(find(lexicon, "卫生健康支出（类）支出")->code, "210");
    EXPECT_EQ(find(lexicon, "1. 一般公共服务（类）支出")->code, "201");
}

TEST(Lexicon, PhraseNamingTwoConceptsIsAmbiguous) {
    Lexicon lexicon = national();
    EXPECT_EQ(find(lexicon, "卫生健康支出、农林水支出项目、住房保障支出项目三项全年预算数"), nullptr);
}

TEST(Lexicon, SectionHeadingSelectsItsContextInOrder) {
    Lexicon lexicon = national();
    auto context = [&](const char* heading) {
        const ContextRule* rule = lexicon.context_of(normalize_phrase(to_u32(heading)));
        return rule == nullptr ? std::string() : rule->id;
    };
    EXPECT_EQ(context("五、一般公共预算财政拨款支出决算情况说明"), "gpb");
    EXPECT_EQ(context("四、财政拨款收入支出决算总体情况说明"), "fiscal");
    EXPECT_EQ(context("一、收入支出决算总体情况说明"), "overall");
    EXPECT_EQ(context("三、支出决算情况说明"), "expenditure");
    EXPECT_EQ(context("十二、国有资产占用情况"), "");
}

TEST(Lexicon, ContextBindingsReplaceGeneralOnesAndBudgetRoleIsSeparate) {
    Lexicon lexicon = national();
    const Concept* basic = lexicon.by_id("基本支出");
    ASSERT_NE(basic, nullptr);
    auto in_gpb = lexicon.bindings(*basic, "gpb", Role::level);
    ASSERT_EQ(in_gpb.size(), 1u);
    EXPECT_EQ(in_gpb[0].terms[0].table, "05");
    auto elsewhere = lexicon.bindings(*basic, "expenditure", Role::level);
    ASSERT_EQ(elsewhere.size(), 1u);
    EXPECT_EQ(elsewhere[0].terms[0].table, "03");
    EXPECT_TRUE(lexicon.bindings(*basic, "gpb", Role::budget).empty());
    const Concept* sangong = lexicon.by_id("三公经费");
    ASSERT_NE(sangong, nullptr);
    EXPECT_EQ(lexicon.bindings(*sangong, "", Role::budget).at(0).terms[0].column, "预算数/合计");
}

TEST(Lexicon, RegionalFileExtendsTheNationalOne) {
    fs::path dir = fs::temp_directory_path() / "narrative-lexicon-test";
    fs::create_directories(dir / "lexicons");
    fs::copy_file(std::string(NARRATIVE_LEXICON_DIR) + "/national.xml", dir / "lexicons" / "national.xml",
                  fs::copy_options::overwrite_existing);
    std::ofstream(dir / "lexicons" / "zz-region.xml")
        << "<lexicon name=\"region\"><concept id=\"公用经费\"><synonym>日常公用支出</synonym></concept>"
           "<concept id=\"示例专项\"><bind table=\"other-1\" row=\"1\" column=\"金额\"/></concept></lexicon>";
    std::vector<std::string> errors;
    Lexicon lexicon = load_lexicons({dir}, {}, errors);
    EXPECT_TRUE(errors.empty());
    ASSERT_NE(find(lexicon, "本年日常公用支出"), nullptr);
    EXPECT_EQ(find(lexicon, "本年日常公用支出")->id, "公用经费");
    EXPECT_FALSE(lexicon.bindings(*lexicon.by_id("公用经费"), "", Role::level).empty());
    EXPECT_NE(lexicon.by_id("示例专项"), nullptr);
    fs::remove_all(dir);
}

// The fund names are lexicon data: a region adds its own, and the national ones stay.
TEST(Lexicon, RegionalFundQualifierMakesAnotherConcept) {
    Lexicon lexicon = national();
    ASSERT_NE(find(lexicon, "社会保险基金预算财政拨款收入"), nullptr);
    EXPECT_FALSE(lexicon.partitions.empty());
    auto error = load_lexicon_buffer(
        "<lexicon name=\"region\"><fund-qualifiers><fund>社会保险基金预算</fund><link>资金</link></fund-qualifiers></lexicon>",
        "region.xml", lexicon);
    ASSERT_FALSE(error.has_value()) << *error;
    EXPECT_EQ(find(lexicon, "社会保险基金预算财政拨款收入"), nullptr);
    EXPECT_EQ(find(lexicon, "政府性基金预算财政拨款收入")->id, "政府性基金预算财政拨款收入");
    ASSERT_NE(find(lexicon, "2022年度财政拨款收入"), nullptr);
    EXPECT_EQ(lexicon.fund_links.front(), U"财政拨款");  // longest link tried first
    EXPECT_TRUE(load_lexicon_buffer("<lexicon name=\"bad\"><fund-qualifiers><fund/></fund-qualifiers></lexicon>",
                                    "bad.xml", lexicon)
                    .has_value());
}

// find() uses an index of synonyms built by merge(); a concept added by hand afterwards is
// still found (the lexicon notices the index is stale and scans).
TEST(Lexicon, FindsAConceptAddedWithoutReindexing) {
    Lexicon lexicon = national();
    Concept extra;
    extra.id = "示例手工概念";
    extra.synonyms.push_back(normalize_phrase(to_u32("示例手工概念")));
    lexicon.concepts.push_back(extra);
    ASSERT_NE(find(lexicon, "本年示例手工概念支出"), nullptr);
    EXPECT_EQ(find(lexicon, "本年示例手工概念支出")->id, "示例手工概念");
    lexicon.reindex();
    ASSERT_NE(find(lexicon, "本年示例手工概念支出"), nullptr);
    EXPECT_EQ(find(lexicon, "本年示例手工概念支出")->id, "示例手工概念");
    EXPECT_EQ(find(lexicon, "卫生健康支出、农林水支出项目、住房保障支出项目三项全年预算数"), nullptr);
}

TEST(Lexicon, ReportsMalformedFilesInsteadOfThrowing) {
    Lexicon lexicon;
    auto error = load_lexicon_buffer("<lexicon><concept/></lexicon>", "bad.xml", lexicon);
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->find("bad.xml"), std::string::npos);
    EXPECT_TRUE(load_lexicon_buffer("<lexicon", "broken.xml", lexicon).has_value());
}

TEST(Lexicon, MalformedXmlIsReportedWithFileLineAndColumn) {
    Lexicon lexicon;
    auto error = load_lexicon_buffer("<lexicon>\n  <concept id=\"x\">\n  </lexicon>\n", "region.xml", lexicon);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->rfind("region.xml:3:", 0), 0u) << *error;
}

}  // namespace
}  // namespace fincheck::narrative
