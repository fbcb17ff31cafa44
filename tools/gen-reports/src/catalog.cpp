#include "catalog.hpp"

#include <array>
#include <vector>

#include "fincheck/templates/template.hpp"

namespace fincheck::gen {
namespace {

// The classification codes are the national template's catalogues (schemas/templates).
const templates::Template& national() { return *templates::TemplateSet::builtin().find("national"); }

std::vector<CodeName> code_names(const std::vector<templates::Code>& codes, std::size_t length) {
    std::vector<CodeName> out;
    for (const templates::Code& c : codes)
        if (length == 0 || c.code.size() == length) out.push_back({c.code, c.name});
    return out;
}

constexpr std::array<Region, 10> kRegions{{
    {"湖北省武汉市汉阳区", "武汉市汉阳区", "中共武汉市汉阳区委", AdminLevel::district},
    {"湖北省武汉市江岸区", "武汉市江岸区", "中共武汉市江岸区委", AdminLevel::district},
    {"江苏省南京市鼓楼区", "南京市鼓楼区", "中共南京市鼓楼区委", AdminLevel::district},
    {"浙江省杭州市西湖区", "杭州市西湖区", "中共杭州市西湖区委", AdminLevel::district},
    {"四川省成都市武侯区", "成都市武侯区", "中共成都市武侯区委", AdminLevel::district},
    {"广东省广州市天河区", "广州市天河区", "中共广州市天河区委", AdminLevel::district},
    {"湖南省长沙县", "长沙县", "中共长沙县委", AdminLevel::district},
    {"湖北省武汉市", "武汉市", "中共武汉市委", AdminLevel::city},
    {"江苏省苏州市", "苏州市", "中共苏州市委", AdminLevel::city},
    {"湖北省", "湖北省", "中共湖北省委", AdminLevel::province},
}};

constexpr std::array<std::string_view, 3> kCommon{"2080505", "2101101", "2210201"};

constexpr std::array<std::string_view, 3> kPartyOrg{"2013101", "2013102", "2013150"};
constexpr std::array<std::string_view, 3> kPartyDept{"2013201", "2013202", "2130599"};
constexpr std::array<std::string_view, 3> kPropaganda{"2013301", "2013302", "2070109"};
constexpr std::array<std::string_view, 3> kFinance{"2010601", "2010602", "2010699"};
constexpr std::array<std::string_view, 4> kCongress{"2010101", "2010102", "2010108", "2010150"};
constexpr std::array<std::string_view, 3> kDiscipline{"2011101", "2011102", "2011104"};
constexpr std::array<std::string_view, 4> kEducation{"2050201", "2050202", "2050203", "2010302"};
constexpr std::array<std::string_view, 2> kCulture{"2070101", "2070109"};
constexpr std::array<std::string_view, 3> kCivil{"2080201", "2080208", "2080501"};
constexpr std::array<std::string_view, 3> kHealth{"2100101", "2100408", "2101102"};
constexpr std::array<std::string_view, 2> kUrban{"2120101", "2120104"};
constexpr std::array<std::string_view, 3> kAgriculture{"2130101", "2130104", "2130599"};
constexpr std::array<std::string_view, 2> kEmergency{"2240101", "2240106"};
constexpr std::array<std::string_view, 2> kTransport{"2140101", "2140104"};
constexpr std::array<std::string_view, 2> kScience{"2060101", "2060203"};
constexpr std::array<std::string_view, 2> kLandFund{"2120801", "2120803"};
constexpr std::array<std::string_view, 1> kLottery{"2296002"};
constexpr std::array<std::string_view, 0> kNoFund{};

constexpr std::array<Archetype, 15> kArchetypes{{
    {"直属机关工作委员会", true, kPartyOrg, kNoFund, "指导机关党的建设、思想建设和组织建设"},
    {"组织部", true, kPartyDept, kNoFund, "负责干部队伍建设和基层党组织建设"},
    {"宣传部", true, kPropaganda, kNoFund, "负责理论武装、新闻宣传和精神文明建设"},
    {"财政局", false, kFinance, kNoFund, "负责财政收支管理、预算编制和财政监督"},
    {"人大常委会办公室", false, kCongress, kNoFund, "保障人大及其常委会依法履职"},
    {"纪律检查委员会", true, kDiscipline, kNoFund, "负责党风廉政建设和反腐败工作"},
    {"教育局", false, kEducation, kNoFund, "负责学前教育和义务教育的统筹管理"},
    {"文化和旅游局", false, kCulture, kNoFund, "负责公共文化服务和旅游市场管理"},
    {"民政局", false, kCivil, kLottery, "负责社会救助、社区治理和养老服务"},
    {"卫生健康局", false, kHealth, kNoFund, "负责公共卫生和基本医疗服务管理"},
    {"城市管理执法局", false, kUrban, kLandFund, "负责市容环境管理和城管综合执法"},
    {"农业农村局", false, kAgriculture, kNoFund, "负责农业农村发展和乡村振兴"},
    {"应急管理局", false, kEmergency, kNoFund, "负责安全生产监管和应急救援"},
    {"交通运输局", false, kTransport, kNoFund, "负责公路建设养护和运输管理"},
    {"科学技术局", false, kScience, kNoFund, "负责科技创新和科研项目管理"},
}};

constexpr std::array<std::string_view, 10> kDutyPhrases{
    "贯彻落实党中央、国务院和上级党委、政府的决策部署，研究拟订本领域发展规划和政策措施并组织实施",
    "指导和监督本系统各单位落实主体责任，推进依法行政和政务公开，做好信息化建设和数据管理工作",
    "负责本部门预算编制与执行、国有资产管理和内部审计，配合有关部门做好绩效评价工作",
    "组织开展调查研究，提出改进工作的意见建议，协调解决跨部门、跨领域的重大问题",
    "负责本系统干部队伍建设和人才培养，指导基层单位加强党风廉政建设和作风建设",
    "承担安全生产、应急处置和信访维稳相关工作，维护社会和谐稳定",
    "开展法律法规宣传教育，推进诚信体系建设，优化营商环境",
    "统筹推进重点项目建设，做好项目储备、论证、实施和验收工作",
    "承担上级交办的其他任务，完成年度目标责任考核确定的各项工作",
    "加强与驻区单位、街道社区的联系协作，推动共建共治共享",
};

constexpr std::array<std::string_view, 12> kWorkPhrases{
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届三中全会精神",
    "聚焦年度目标任务，细化分解责任清单，按月调度、按季通报，推动各项工作落地见效",
    "持续深化作风建设，严格落实中央八项规定及其实施细则精神，厉行节约、反对浪费",
    "加强预算绩效管理，做到事前评估、事中监控、事后评价全过程覆盖，提高财政资金使用效益",
    "扎实推进基层治理，组织党员干部下沉社区开展志愿服务，解决群众急难愁盼问题",
    "强化风险防控，完善内部控制制度，开展经济责任审计和专项检查，问题整改率达到规定要求",
    "推进数字化改革，建设业务协同平台，实现数据共享和业务流程线上办理",
    "加强干部教育培训，组织专题读书班和业务培训，提升干部队伍履职能力",
    "围绕中心工作开展调查研究，形成调研报告并转化为政策措施",
    "落实过紧日子要求，压减一般性支出，严控“三公”经费，保障重点支出",
    "健全协同联动机制，与相关部门建立联席会议制度，形成工作合力",
    "做好政务公开和新闻宣传，及时回应社会关切，提升工作透明度",
};

constexpr std::array<std::string_view, 6> kReasons{
    "主要原因是人员变动导致人员经费相应变化",
    "主要原因是按照过紧日子要求压减一般性支出",
    "主要原因是新增专项工作任务，项目支出相应增加",
    "主要原因是部分项目完成后不再安排预算",
    "主要原因是落实工资调整政策，人员经费有所增加",
    "主要原因是上年一次性项目支出本年未再发生",
};

constexpr std::array<std::string_view, 10> kProjects{
    "党建工作经费", "专项业务经费", "信息化建设运维经费", "乡村振兴帮扶经费", "宣传教育经费",
    "课题调研经费", "安全生产专项经费", "办公用房维修经费", "培训及会议经费", "社区治理专项经费",
};

constexpr std::array<CodeName, 14> kGlossary{{
    {"一般公共预算财政拨款收入", "指{level}财政一般公共预算当年拨付的资金。"},
    {"政府性基金预算财政拨款收入", "指{level}财政政府性基金预算当年拨付的资金。"},
    {"国有资本经营预算财政拨款收入", "指{level}财政国有资本经营预算当年拨付的资金。"},
    {"上级补助收入", "指从主管部门和上级单位取得的非财政补助收入。"},
    {"事业收入", "指事业单位开展专业业务活动及其辅助活动取得的收入。"},
    {"经营收入", "指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。"},
    {"其他收入", "指单位取得的除上述收入以外的各项收入。"},
    {"使用非财政拨款结余", "指事业单位使用以前年度积累的非财政拨款结余弥补当年收支差额的金额。"},
    {"年初结转和结余", "指单位以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。"},
    {"结余分配", "指事业单位按照会计制度规定缴纳的企业所得税、提取的专用结余以及转入非财政拨款结余的金额等。"},
    {"年末结转和结余", "指单位按有关规定结转到下年或以后年度继续使用的资金，或项目已完成等产生的结余资金。"},
    {"基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"},
    {"项目支出", "指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。"},
    {"机关运行经费", "指为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公费、印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。"},
}};

}  // namespace

std::span<const CodeName> functional_classes() {
    static const std::vector<CodeName> classes = code_names(national().functional, 3);
    return classes;
}

std::string_view functional_name(std::string_view code) {
    const templates::Code* entry = national().functional_code(code);
    return entry ? std::string_view(entry->name) : std::string_view("其他支出");
}

std::span<const CodeName> economic_codes() {
    static const std::vector<CodeName> codes = code_names(national().economic, 0);
    return codes;
}

bool is_personnel_code(std::string_view code) {
    const templates::Code* group = national().economic_code(code.substr(0, 3));
    return group && group->personnel;
}

std::span<const Region> regions() { return kRegions; }
std::span<const Archetype> archetypes() { return kArchetypes; }
std::span<const std::string_view> common_codes() { return kCommon; }
std::span<const std::string_view> duty_phrases() { return kDutyPhrases; }
std::span<const std::string_view> work_phrases() { return kWorkPhrases; }
std::span<const std::string_view> reason_phrases() { return kReasons; }
std::span<const std::string_view> project_names() { return kProjects; }
std::span<const CodeName> glossary() { return kGlossary; }

}  // namespace fincheck::gen
