#include "fincheck/rulepacks/pack_parser.hpp"

#include <algorithm>
#include <charconv>

#include <pugixml.hpp>

#include "fincheck/data_file.hpp"
#include "fincheck/text/compact.hpp"

namespace fincheck::rulepacks {

std::string PackError::to_string() const {
    if (line == 0) return file + ": " + message;  // the file could not be read at all
    return file + ":" + std::to_string(line) + ": " + message;
}

namespace {

struct Failure {
    std::uint32_t line;
    std::string message;
};

using text::trim_ascii;

// Lists in attributes are separated by '|': keys may contain '/', '、' and spaces.
std::vector<std::string> split_list(std::string_view list) {
    const std::vector<std::string_view> items = text::split_list(list, '|');
    return {items.begin(), items.end()};
}

class Parser {
public:
    explicit Parser(const DataFile& file) : file_(file) {}

    // The file's root is <rulepack>: load_data_file checked it.
    Pack parse() {
        pugi::xml_node root = file_.root();
        Pack pack;
        pack.file = file_.name();
        pack.pos = pos(root);
        attributes(root, {"id", "version", "extends", "xmlns"});
        pack.id = required(root, "id");
        pack.version = required(root, "version");
        pack.extends = root.attribute("extends").value();
        check_id(root, pack.id);
        for (pugi::xml_node child : elements(root)) {
            std::string_view name = child.name();
            if (name == "title") {
                attributes(child, {"zh", "en"});
                pack.title_zh = child.attribute("zh").value();
                pack.title_en = child.attribute("en").value();
            } else if (name == "applies") {
                attributes(child, {});
                for (pugi::xml_node m : elements(child)) {
                    expect_name(m, "match");
                    attributes(m, {"region-prefix", "template"});
                    Match match{m.attribute("region-prefix").value(), m.attribute("template").value(), pos(m)};
                    if (match.region_prefix.empty() && match.template_name.empty())
                        fail(m, "<match> needs region-prefix or template (匹配条件为空)");
                    pack.applies.push_back(std::move(match));
                }
            } else if (name == "tolerance") {
                pack.tolerance = tolerance(child);
            } else if (name == "template") {
                attributes(child, {"ref"});
                no_children(child);
                pack.template_ref = required(child, "ref");
                pack.template_pos = pos(child);
            } else if (name == "tables") {
                attributes(child, {});
                for (pugi::xml_node t : elements(child)) pack.tables.push_back(table(t));
            } else if (name == "rule") {
                pack.rules.push_back(rule(child));
            } else if (name == "override") {
                attributes(child, {"rule", "severity"});
                Override o;
                o.pos = pos(child);
                o.rule = required(child, "rule");
                if (child.attribute("severity")) o.severity = severity(child, child.attribute("severity"));
                for (pugi::xml_node t : elements(child)) {
                    expect_name(t, "tolerance");
                    o.tolerance = tolerance(t);
                }
                if (!o.severity && o.tolerance.empty())
                    fail(child, "<override> changes nothing: give severity or <tolerance> (覆盖项为空)");
                pack.overrides.push_back(std::move(o));
            } else if (name == "disable") {
                attributes(child, {"rule"});
                no_children(child);
                pack.disabled.push_back(Disable{required(child, "rule"), pos(child)});
            } else {
                unexpected(child, root);
            }
        }
        if (!pack.template_ref.empty() && !pack.tables.empty())
            throw Failure{pack.template_pos.line,
                          "<template> and <tables> both declare the tables: give one (表声明重复)"};
        return pack;
    }

private:
    [[noreturn]] void fail(pugi::xml_node node, std::string message) const {
        throw Failure{line_of(node), std::move(message)};
    }

    SourcePos pos(pugi::xml_node node) const { return SourcePos{file_.name(), line_of(node)}; }
    std::uint32_t line_of(pugi::xml_node node) const { return file_.position_of(node).line; }

    // Child elements only; stray text between elements is an error, comments are not parsed.
    std::vector<pugi::xml_node> elements(pugi::xml_node node) const {
        std::vector<pugi::xml_node> out;
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() == pugi::node_element) out.push_back(child);
            else if (child.type() == pugi::node_pcdata && !trim_ascii(child.value()).empty())
                fail(child, "unexpected text inside <" + std::string(node.name()) + "> (此处不允许文本)");
        }
        return out;
    }

    void attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const {
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
            std::string_view name = a.name();
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                fail(node, "unknown attribute " + std::string(name) + " on <" + node.name() + "> (未知属性)");
        }
    }

    std::string required(pugi::xml_node node, const char* name) const {
        pugi::xml_attribute a = node.attribute(name);
        if (!a || trim_ascii(a.value()).empty())
            fail(node, "<" + std::string(node.name()) + "> lacks the required attribute " + name + " (缺少必需属性)");
        return std::string(trim_ascii(a.value()));
    }

    void expect_name(pugi::xml_node node, std::string_view name) const {
        if (node.name() != name) unexpected(node, node.parent());
    }

    [[noreturn]] void unexpected(pugi::xml_node node, pugi::xml_node parent) const {
        fail(node, "unexpected element <" + std::string(node.name()) + "> inside <" + parent.name() +
                       "> (此处不允许该元素)");
    }

    void no_children(pugi::xml_node node) const {
        if (!elements(node).empty()) fail(node, "<" + std::string(node.name()) + "> must be empty (应为空元素)");
    }

    void check_id(pugi::xml_node node, std::string_view id) const {
        for (char c : id)
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                fail(node, "id \"" + std::string(id) +
                               "\" must be lower-case kebab case: a-z, 0-9, '-' (标识只能用小写字母、数字和连字符)");
    }

    // The prefix decides which plugin runs the rule (arith: sums inside a table, xtab: the same
    // figure in two tables); a rule of neither family would load and never run.
    void check_family(pugi::xml_node node, std::string_view id) const {
        if (std::none_of(kRuleFamilyPrefixes.begin(), kRuleFamilyPrefixes.end(),
                         [&](std::string_view prefix) { return id.starts_with(prefix) && id.size() > prefix.size(); }))
            fail(node, "规则标识「" + std::string(id) +
                           "」须以 arith-（表内合计）或 xtab-（表间勾稽）开头，前缀决定由哪个插件运行该规则 / rule id \"" +
                           std::string(id) +
                           "\" must start with arith- (sums inside a table) or xtab- (the same figure in two tables): "
                           "the prefix decides which plugin runs the rule");
    }

    Severity severity(pugi::xml_node node, pugi::xml_attribute a) const {
        auto s = severity_from_string(a.value());
        if (!s) fail(node, "severity \"" + std::string(a.value()) + "\" is not error, warning or info (严重级别无效)");
        return *s;
    }

    Decimal decimal(pugi::xml_node node, pugi::xml_attribute a) const {
        auto d = Decimal::parse(trim_ascii(a.value()));
        if (!d || *d < Decimal{})
            fail(node, std::string(a.name()) + "=\"" + a.value() + "\" is not a non-negative decimal (不是有效的非负数值)");
        return *d;
    }

    ToleranceSpec tolerance(pugi::xml_node node) const {
        attributes(node, {"half-unit", "extra", "absolute"});
        no_children(node);
        ToleranceSpec t;
        t.pos = pos(node);
        if (auto a = node.attribute("half-unit")) t.half_unit = decimal(node, a);
        if (auto a = node.attribute("extra")) t.extra = decimal(node, a);
        if (auto a = node.attribute("absolute")) t.absolute = decimal(node, a);
        if (t.empty()) fail(node, "<tolerance> sets nothing (容差未设置)");
        return t;
    }

    TableDecl table(pugi::xml_node node) const {
        expect_name(node, "table");
        attributes(node, {"id", "title", "order"});
        TableDecl t;
        t.pos = pos(node);
        t.id = required(node, "id");
        t.title = node.attribute("title").value();
        if (auto a = node.attribute("order")) t.order = integer(node, a);
        for (pugi::xml_node c : elements(node)) {
            if (std::string_view(c.name()) != "row") expect_name(c, "column");
            attributes(c, {"key"});
            no_children(c);
            auto& keys = std::string_view(c.name()) == "row" ? t.rows : t.columns;
            std::string key = required(c, "key");
            if (std::find(keys.begin(), keys.end(), key) != keys.end())
                fail(c, "table " + t.id + " declares <" + c.name() + " key=\"" + key + "\"> twice (重复声明)");
            keys.push_back(std::move(key));
        }
        return t;
    }

    int integer(pugi::xml_node node, pugi::xml_attribute a) const {
        std::string_view text = trim_ascii(a.value());
        int value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || value < 0)
            fail(node, std::string(a.name()) + "=\"" + a.value() + "\" is not a non-negative integer (不是有效整数)");
        return value;
    }

    RuleDef rule(pugi::xml_node node) const {
        attributes(node, {"id", "severity", "category"});
        RuleDef r;
        r.pos = pos(node);
        r.id = required(node, "id");
        check_id(node, r.id);
        check_family(node, r.id);
        if (auto a = node.attribute("severity")) r.severity = severity(node, a);
        if (auto a = node.attribute("category")) r.category = a.value();
        for (pugi::xml_node child : elements(node)) {
            std::string_view name = child.name();
            if (name == "title") {
                attributes(child, {"zh", "en"});
                r.title_zh = child.attribute("zh").value();
                r.title_en = child.attribute("en").value();
            } else if (name == "when") {
                conditions(child, r.when);
            } else if (name == "check") {
                r.checks.push_back(check(child));
            } else if (name == "message") {
                attributes(child, {"zh", "en"});
                r.message_zh = required(child, "zh");
                r.message_en = required(child, "en");
            } else if (name == "tolerance") {
                r.tolerance = tolerance(child);
            } else {
                unexpected(child, node);
            }
        }
        if (r.checks.empty()) fail(node, "rule " + r.id + " has no <check> (规则没有校验项)");
        if (r.title_zh.empty() || r.title_en.empty())
            fail(node, "rule " + r.id + " needs <title zh=… en=…> (规则缺少标题)");
        return r;
    }

    Check check(pugi::xml_node node) const {
        attributes(node, {"op", "label-zh", "label-en"});
        Check c;
        c.pos = pos(node);
        std::string_view op = node.attribute("op") ? node.attribute("op").value() : "eq";
        if (op == "eq" || op == "=") c.op = Op::eq;
        else if (op == "le" || op == "<=") c.op = Op::le;
        else if (op == "ge" || op == ">=") c.op = Op::ge;
        else fail(node, "op \"" + std::string(op) + "\" is not eq, le or ge (比较运算符无效)");
        c.label_zh = node.attribute("label-zh").value();
        c.label_en = node.attribute("label-en").value();
        bool have_left = false, have_right = false;
        for (pugi::xml_node child : elements(node)) {
            std::string_view name = child.name();
            if (name == "each") {
                if (c.each) fail(child, "a <check> has at most one <each> (每个校验项至多一个 each)");
                c.each = each(child);
            } else if (name == "when") {
                conditions(child, c.when);
            } else if (name == "left") {
                attributes(child, {});
                c.left = terms(child);
                have_left = true;
            } else if (name == "right") {
                attributes(child, {});
                c.right = terms(child);
                have_right = true;
            } else {
                unexpected(child, node);
            }
        }
        if (!have_left || !have_right || c.left.empty() || c.right.empty())
            fail(node, "<check> needs a non-empty <left> and <right> (校验项缺少左式或右式)");
        return c;
    }

    Each each(pugi::xml_node node) const {
        attributes(node, {"var", "values", "codes", "length", "rows-of"});
        Each e;
        e.pos = pos(node);
        e.var = required(node, "var");
        int kinds = 0;
        if (auto a = node.attribute("values")) {
            ++kinds;
            e.kind = Each::Kind::values;
            e.values = split_list(a.value());
        }
        if (auto a = node.attribute("codes")) {
            ++kinds;
            e.kind = Each::Kind::code_prefixes;
            e.sources = sources(a.value());
            e.length = static_cast<std::size_t>(integer(node, node.attribute("length")));
            if (e.length == 0) fail(node, "<each codes=…> needs length=\"3\" or another code length (缺少编码长度)");
        }
        if (auto a = node.attribute("rows-of")) {
            ++kinds;
            e.kind = Each::Kind::rows;
            e.sources = sources(a.value());
        }
        if (kinds != 1) fail(node, "<each> needs exactly one of values, codes, rows-of (循环来源应唯一)");
        return e;
    }

    // "01:expenditure|03" → {01, expenditure}, {03, ""}
    static std::vector<Each::Source> sources(std::string_view text) {
        std::vector<Each::Source> out;
        for (const std::string& item : split_list(text)) {
            std::size_t colon = item.find(':');
            out.push_back(Each::Source{item.substr(0, colon),
                                       colon == std::string::npos ? std::string() : item.substr(colon + 1)});
        }
        return out;
    }

    RowRef row_ref(pugi::xml_node node, bool required_row) const {
        RowRef r;
        r.part = node.attribute("part").value();
        int given = 0;
        if (auto a = node.attribute("row")) { ++given; r.by = RowRef::By::key; r.value = a.value(); }
        if (auto a = node.attribute("line-no")) { ++given; r.by = RowRef::By::line_no; r.value = a.value(); }
        if (auto a = node.attribute("code")) { ++given; r.by = RowRef::By::code; r.value = a.value(); }
        if (auto a = node.attribute("label")) { ++given; r.by = RowRef::By::label; r.value = a.value(); }
        if (given > 1) fail(node, "name the row once: row, line-no, code or label (行只能用一种方式指定)");
        if (given == 0 && required_row)
            fail(node, "<" + std::string(node.name()) + "> needs row, line-no, code or label (缺少行)");
        return r;
    }

    ColumnRef column_ref(pugi::xml_node node, bool required_column) const {
        ColumnRef c;
        bool by_key = static_cast<bool>(node.attribute("column"));
        bool by_number = static_cast<bool>(node.attribute("column-number"));
        if (by_key && by_number) fail(node, "name the column once: column or column-number (列只能用一种方式指定)");
        if (by_key) c.key = node.attribute("column").value();
        if (by_number) {
            c.number = integer(node, node.attribute("column-number"));
            if (c.number == 0) fail(node, "column-number counts 栏次 from 1 (栏次从 1 开始)");
        }
        if (!by_key && !by_number && required_column)
            fail(node, "<" + std::string(node.name()) + "> needs column or column-number (缺少列)");
        return c;
    }

    void conditions(pugi::xml_node node, std::vector<Condition>& out) const {
        attributes(node, {});
        for (pugi::xml_node child : elements(node)) {
            Condition c;
            c.pos = pos(child);
            std::string_view name = child.name();
            if (name == "not-above")
                attributes(child, {"table", "row", "line-no", "code", "label", "part", "column", "column-number",
                                   "than-table", "than-row", "than-column"});
            else
                attributes(child, {"table", "row", "line-no", "code", "label", "part", "column", "column-number"});
            c.table = required(child, "table");
            if (name == "table-exists") c.kind = Condition::Kind::table_exists;
            else if (name == "table-has-values") c.kind = Condition::Kind::table_has_values;
            else if (name == "table-empty") c.kind = Condition::Kind::table_empty;
            else if (name == "row-present") { c.kind = Condition::Kind::row_present; c.row = row_ref(child, true); }
            else if (name == "nonempty") { c.kind = Condition::Kind::nonempty; c.row = row_ref(child, true); c.column = column_ref(child, true); }
            else if (name == "empty") { c.kind = Condition::Kind::empty; c.row = row_ref(child, true); c.column = column_ref(child, true); }
            else if (name == "not-above") {
                c.kind = Condition::Kind::not_above;
                c.row = row_ref(child, true);
                c.column = column_ref(child, true);
                c.than_table = required(child, "than-table");
                c.than_row.value = required(child, "than-row");
                c.than_column.key = required(child, "than-column");
            }
            else unexpected(child, node);
            out.push_back(std::move(c));
        }
    }

    std::vector<Term> terms(pugi::xml_node node) const {
        std::vector<Term> out;
        for (pugi::xml_node child : elements(node)) out.push_back(term(child));
        return out;
    }

    Term term(pugi::xml_node node) const {
        Term t;
        t.pos = pos(node);
        std::string_view name = node.name();
        if (auto a = node.attribute("sign")) {
            std::string_view s = a.value();
            if (s == "minus" || s == "-") t.sign = -1;
            else if (s != "plus" && s != "+") fail(node, "sign must be plus or minus (符号无效)");
        }
        if (auto a = node.attribute("missing")) {
            std::string_view m = a.value();
            if (m == "zero") t.missing_is_zero = true;
            else if (m != "skip") fail(node, "missing must be zero or skip (缺失处理方式无效)");
        }
        if (name == "cell") {
            attributes(node, {"table", "row", "line-no", "code", "label", "part", "column", "column-number", "sign", "missing"});
            t.kind = Term::Kind::cell;
            t.table = required(node, "table");
            t.row = row_ref(node, true);
            t.column = column_ref(node, true);
        } else if (name == "sum-codes") {
            attributes(node, {"table", "prefix", "length", "exclude", "part", "column", "column-number", "sign"});
            t.kind = Term::Kind::sum_codes;
            t.table = required(node, "table");
            t.code_prefix = node.attribute("prefix").value();
            t.code_length = required(node, "length");
            if (t.code_length != "leaf" && t.code_length.find('{') == std::string::npos)
                integer(node, node.attribute("length"));
            t.exclude_codes = split_list(node.attribute("exclude").value());
            t.part = node.attribute("part").value();
            t.column = column_ref(node, true);
        } else if (name == "sum-rows") {
            attributes(node, {"table", "rows", "from", "to", "part", "column", "column-number", "sign", "missing"});
            t.kind = Term::Kind::sum_rows;
            t.table = required(node, "table");
            t.part = node.attribute("part").value();
            for (const std::string& key : split_list(node.attribute("rows").value()))
                t.rows.push_back(RowRef{RowRef::By::key, key, t.part});
            if (node.attribute("from") || node.attribute("to")) {
                if (!t.rows.empty()) fail(node, "give rows or from/to, not both (行列表与行范围不能同时给出)");
                t.from = RowRef{RowRef::By::key, required(node, "from"), t.part};
                t.to = RowRef{RowRef::By::key, required(node, "to"), t.part};
            }
            if (t.rows.empty() && !t.from) fail(node, "<sum-rows> needs rows=\"a|b\" or from/to (缺少行)");
            t.column = column_ref(node, true);
        } else if (name == "sum-columns") {
            attributes(node, {"table", "row", "line-no", "code", "label", "part", "columns", "sign", "missing"});
            t.kind = Term::Kind::sum_columns;
            t.table = required(node, "table");
            t.row = row_ref(node, true);
            for (const std::string& key : split_list(required(node, "columns"))) t.columns.push_back(ColumnRef{key, 0});
        } else {
            unexpected(node, node.parent());
        }
        no_children(node);
        return t;
    }

    const DataFile& file_;
};

PackParseResult parse_loaded(const DataFileResult& loaded) {
    PackParseResult result;
    if (const auto& error = loaded.error) {
        // A pack error keeps the line only ("file:line: message"); 0 for an unreadable file.
        result.error = PackError{error->file, error->position ? error->position->line : 0, error->message};
        return result;
    }
    try {
        result.pack = Parser(*loaded.file).parse();
    } catch (const Failure& failure) {
        result.error = PackError{loaded.file->name(), failure.line, failure.message};
    }
    return result;
}

}  // namespace

PackParseResult parse_pack_buffer(std::string_view text, std::string_view name) {
    return parse_loaded(parse_data_file(text, name, "rulepack"));
}

PackParseResult parse_pack_file(const std::filesystem::path& file) {
    return parse_loaded(load_data_file(file, "rulepack"));
}

}  // namespace fincheck::rulepacks
