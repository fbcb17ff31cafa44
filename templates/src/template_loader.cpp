// Reads one template file into a resolved Template. Fail closed: anything the file says that
// the model cannot hold (an unknown element or attribute, a duplicate, a code that does not
// belong to its class, a parent that is not loaded) is an error naming the file, line and
// column; schemas/templates/template.xsd describes the same form for editors and xmllint.
#include "template_loader.hpp"

#include <algorithm>
#include <charconv>

#include "fincheck/templates/template.hpp"

namespace fincheck::templates::detail {

namespace {

struct Failure {
    pugi::xml_node node;
    std::string message;
};

[[noreturn]] void fail(pugi::xml_node node, std::string message) {
    throw Failure{node, std::move(message)};
}

std::vector<pugi::xml_node> elements(pugi::xml_node node) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element)
            out.push_back(child);
        else if (child.type() == pugi::node_pcdata && !std::string_view(child.value()).empty() &&
                 std::string_view(child.value()).find_first_not_of(" \t\r\n") !=
                     std::string_view::npos)
            fail(child, std::string("<") + node.name() + "> 中不应有文本 / <" + node.name() +
                            "> holds no text: " + child.value());
    }
    return out;
}

void attributes(pugi::xml_node node, std::initializer_list<std::string_view> allowed) {
    for (pugi::xml_attribute a : node.attributes())
        if (std::find(allowed.begin(), allowed.end(), std::string_view(a.name())) == allowed.end())
            fail(node, std::string("<") + node.name() + "> 不支持属性 " + a.name() + " / <" +
                           node.name() + "> has no attribute " + a.name());
}

void expect(pugi::xml_node node, std::string_view name) {
    if (node.name() != name)
        fail(node, "此处应为 <" + std::string(name) + ">，实为 <" + node.name() + "> / expected <" +
                       std::string(name) + ">, found <" + node.name() + ">");
}

std::string required(pugi::xml_node node, const char* name) {
    std::string value = node.attribute(name).value();
    if (value.empty())
        fail(node, std::string("<") + node.name() + "> 缺少属性 " + name + " / <" + node.name() +
                       "> needs the attribute " + name);
    return value;
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split_bars(std::string_view text) {
    std::vector<std::string> out;
    while (true) {
        std::size_t bar = text.find('|');
        std::string_view item = text.substr(0, bar);
        if (!item.empty()) out.emplace_back(item);
        if (bar == std::string_view::npos) break;
        text.remove_prefix(bar + 1);
    }
    return out;
}

bool boolean(pugi::xml_node node, const char* name) {
    std::string_view value = node.attribute(name).value();
    if (value.empty() || value == "false" || value == "0") return false;
    if (value == "true" || value == "1") return true;
    fail(node, std::string(name) + "=\"" + std::string(value) + "\" 应为 true 或 false / " + name +
                   " must be true or false");
}

void check_id(pugi::xml_node node, const std::string& id, const char* what) {
    bool ok = !id.empty() && id.front() != '-' && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!ok)
        fail(node, std::string(what) + "「" + id + "」应由小写字母、数字和连字符组成 / " + what +
                       " \"" + id + "\" must be lower-case letters, digits and hyphens");
}

Layout layout_of(pugi::xml_node node, std::string_view text) {
    if (text == "coded") return Layout::coded;
    if (text == "two-halves") return Layout::two_halves;
    if (text == "economic-groups") return Layout::economic_groups;
    if (text == "three-public") return Layout::three_public;
    fail(node, "layout=\"" + std::string(text) +
                   "\" 不是已知的版式 / is not a layout: coded, two-halves, "
                   "economic-groups or three-public");
}

void merge_column(std::vector<Column>& into, const std::vector<Column>& from, std::size_t index) {
    const Column& column = from[index];
    auto it = std::find_if(into.begin(), into.end(),
                           [&](const Column& c) { return c.key == column.key; });
    if (it != into.end())
        *it = column;
    else
        into.insert(insertion_point(into, from, index), column);
}

class Loader {
public:
    Loader(const DataFile& file, const TemplateSet& loaded) : file_(file), loaded_(loaded) {}

    Template read() {
        pugi::xml_node root = file_.root();
        attributes(root, {"id", "extends", "unit"});
        Template t;
        t.id = required(root, "id");
        check_id(root, t.id, "模板标识 / template id");
        if (loaded_.find(t.id))
            fail(root, "模板「" + t.id + "」已经载入 / template " + t.id + " is already loaded");
        t.extends = root.attribute("extends").value();
        t.unit = required(root, "unit");
        t.file = file_.name();
        if (!t.extends.empty()) {
            const Template* parent = loaded_.find(t.extends);
            if (!parent)
                fail(root, "extends=\"" + t.extends +
                               "\" 指向未载入的模板 / extends a template that is not loaded: " +
                               t.extends);
            t.recognition = parent->recognition;
            t.tables = parent->tables;
            t.functional = parent->functional;
            t.economic = parent->economic;
        }
        std::vector<TitleMatch> own_matches;
        std::vector<pugi::xml_node> match_nodes;
        bool titled = false;
        for (pugi::xml_node child : elements(root)) {
            std::string_view name = child.name();
            if (name == "title") {
                attributes(child, {"zh", "en"});
                elements(child);
                t.title_zh = required(child, "zh");
                t.title_en = required(child, "en");
                titled = true;
            } else if (name == "recognition") {
                attributes(child, {});
                for (pugi::xml_node m : elements(child)) {
                    own_matches.push_back(title_match(m));
                    match_nodes.push_back(m);
                }
            } else if (name == "tables") {
                attributes(child, {});
                std::vector<std::string> seen;
                for (pugi::xml_node node : elements(child)) table(node, t, seen);
            } else if (name == "functional-codes") {
                attributes(child, {});
                t.functional = codes(child, false);
            } else if (name == "economic-codes") {
                attributes(child, {});
                t.economic = codes(child, true);
            } else {
                fail(child, "<template> 中不应有 <" + std::string(name) +
                                "> / <template> has no element <" + std::string(name) + ">");
            }
        }
        if (!titled) fail(root, "<template> 缺少 <title> / <template> needs a <title>");
        for (std::size_t i = 0; i < own_matches.size(); ++i)
            if (!t.table(own_matches[i].table))
                fail(match_nodes[i], "<title table=\"" + own_matches[i].table +
                                         "\"> 指向模板未声明的表 / names a table "
                                         "the template does not declare");
        // A template's own matches come first: a region's wording is tried before the national one.
        own_matches.insert(own_matches.end(), t.recognition.begin(), t.recognition.end());
        t.recognition = std::move(own_matches);
        return t;
    }

private:
    TitleMatch title_match(pugi::xml_node node) const {
        expect(node, "title");
        attributes(node, {"table", "contains", "ends-with", "equals"});
        elements(node);
        TitleMatch m;
        m.table = required(node, "table");
        int given = 0;
        for (auto [name, kind] : {std::pair{"contains", TitleMatch::Kind::contains},
                                  std::pair{"ends-with", TitleMatch::Kind::ends_with},
                                  std::pair{"equals", TitleMatch::Kind::equals}})
            if (node.attribute(name)) {
                ++given;
                m.kind = kind;
                m.text = node.attribute(name).value();
            }
        if (given != 1 || m.text.empty())
            fail(node,
                 "<title> 需要 contains、ends-with、equals 之一且非空 / <title> needs exactly one "
                 "non-empty "
                 "contains, ends-with or equals");
        return m;
    }

    void table(pugi::xml_node node, Template& t, std::vector<std::string>& seen) const {
        expect(node, "table");
        attributes(node, {"id", "order", "title", "layout", "codes"});
        std::string id = required(node, "id");
        if (id.size() != 2 || !all_digits(id))
            fail(node,
                 "表标识「" + id + "」应为两位数字 / table id \"" + id + "\" must be two digits");
        if (std::find(seen.begin(), seen.end(), id) != seen.end())
            fail(node, "表 " + id + " 重复声明 / table " + id + " is declared twice");
        seen.push_back(id);
        auto existing = std::find_if(t.tables.begin(), t.tables.end(),
                                     [&](const Table& x) { return x.id == id; });
        bool inherited = existing != t.tables.end();
        Table fresh;
        Table& table = inherited ? *existing : fresh;
        table.id = id;
        table.line = file_.position_of(node).line;
        if (auto a = node.attribute("title")) table.title = a.value();
        if (auto a = node.attribute("order")) {
            std::string_view text = a.value();
            int value = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc{} || end != text.data() + text.size() || value <= 0)
                fail(node,
                     "order=\"" + std::string(text) + "\" 不是正整数 / is not a positive integer");
            table.order = value;
        }
        if (auto a = node.attribute("layout"))
            table.layout = layout_of(node, a.value());
        else if (!inherited)
            fail(node, "新表 " + id + " 缺少 layout / the new table " + id + " needs a layout");
        if (auto a = node.attribute("codes")) {
            table.codes = a.value();
            if (table.codes != "functional" && table.codes != "economic")
                fail(node, "codes=\"" + table.codes +
                               "\" 应为 functional 或 economic / must be functional or economic");
        }
        if (table.title.empty())
            fail(node, "表 " + id + " 缺少 title / table " + id + " needs a title");

        std::vector<Section> sections;
        std::vector<Column> columns;
        for (pugi::xml_node child : elements(node)) {
            std::string_view name = child.name();
            elements(child);
            if (name == "section") {
                attributes(child, {"key", "heading", "lines"});
                Section section{required(child, "key"), required(child, "heading"), child.attribute("lines").value()};
                if (!section.lines.empty() && section.lines != "functional-classes")
                    fail(child, "lines=\"" + section.lines + "\" 应为 functional-classes / must be functional-classes");
                sections.push_back(std::move(section));
            } else if (name == "column") {
                attributes(child, {"key", "required", "printed"});
                Column column{required(child, "key"), boolean(child, "required"),
                              split_bars(child.attribute("printed").value())};
                for (const Column& c : columns)
                    if (c.key == column.key)
                        fail(child, "表 " + id + " 的列「" + column.key + "」重复 / table " + id +
                                        " declares column " + column.key + " twice");
                columns.push_back(std::move(column));
            } else if (name == "row") {
                attributes(child, {"key"});
                std::string key = required(child, "key");
                if (std::find(table.rows.begin(), table.rows.end(), key) != table.rows.end()) {
                    if (!inherited)
                        fail(child, "表 " + id + " 的行「" + key + "」重复 / table " + id +
                                        " declares row " + key + " twice");
                    continue;
                }
                table.rows.push_back(std::move(key));
            } else {
                fail(child, "<table> 中不应有 <" + std::string(name) +
                                "> / <table> has no element <" + std::string(name) + ">");
            }
        }
        if (!sections.empty()) table.sections = std::move(sections);
        for (std::size_t i = 0; i < columns.size(); ++i) merge_column(table.columns, columns, i);
        if (table.layout == Layout::two_halves && table.sections.size() != 2)
            fail(node, "两栏表 " + id + " 需要两个 <section>（收入、支出）/ the two-halves table " +
                           id + " needs two <section>s");
        if (!inherited) t.tables.push_back(std::move(fresh));
    }

    FormerName former_name(pugi::xml_node node) const {
        attributes(node, {"name", "before"});
        elements(node);
        FormerName former{required(node, "name"), 0};
        std::string_view text = node.attribute("before").value();
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), former.before);
        if (ec != std::errc{} || end != text.data() + text.size() || former.before < 1900)
            fail(node, "before=\"" + std::string(text) + "\" 应为年度 / must be a year");
        return former;
    }

    std::vector<Code> codes(pugi::xml_node node, bool economic) const {
        std::vector<Code> out;
        auto add = [&](pugi::xml_node n, const char* tag, std::size_t length,
                       std::string_view parent) {
            expect(n, tag);
            attributes(n, economic && length == 3
                              ? std::initializer_list<std::string_view>{"code", "name", "group"}
                              : std::initializer_list<std::string_view>{"code", "name"});
            Code code{required(n, "code"), required(n, "name"), false, {}};
            if (code.code.size() != length || !all_digits(code.code) ||
                !code.code.starts_with(parent))
                fail(n, "编码「" + code.code + "」应为以「" + std::string(parent) + "」开头的 " +
                            std::to_string(length) + " 位数字 / code " + code.code + " must be " +
                            std::to_string(length) + " digits starting with " +
                            std::string(parent));
            if (std::any_of(out.begin(), out.end(),
                            [&](const Code& c) { return c.code == code.code; }))
                fail(n, "编码「" + code.code + "」重复 / code " + code.code + " is listed twice");
            if (auto group = n.attribute("group")) {
                if (std::string_view(group.value()) != "personnel")
                    fail(n, "group=\"" + std::string(group.value()) +
                                "\" 应为 personnel / must be personnel");
                code.personnel = true;
            }
            out.push_back(std::move(code));
            return out.back().code;
        };
        for (pugi::xml_node cls : elements(node)) {
            std::string class_code = add(cls, "class", 3, "");
            for (pugi::xml_node former : cls.children("former")) out.back().former.push_back(former_name(former));
            for (pugi::xml_node section : elements(cls)) {
                if (std::string_view(section.name()) == "former") continue;
                std::string section_code = add(section, "section", 5, class_code);
                for (pugi::xml_node item : elements(section)) add(item, "item", 7, section_code);
            }
        }
        return out;
    }

    const DataFile& file_;
    const TemplateSet& loaded_;
};

}  // namespace

std::vector<Column>::iterator insertion_point(std::vector<Column>& into,
                                              const std::vector<Column>& from, std::size_t index) {
    for (std::size_t before = index; before-- > 0;) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const Column& c) { return c.key == from[before].key; });
        if (it != into.end()) return it + 1;
    }
    return into.begin();
}

std::optional<Template> read_template(std::string_view text, std::string_view file_name,
                                      const TemplateSet& loaded,
                                      std::vector<TemplateError>& errors) {
    DataFileResult parsed = parse_data_file(text, file_name, "template");
    if (parsed.error) {
        errors.push_back(std::move(*parsed.error));
        return std::nullopt;
    }
    try {
        return Loader(*parsed.file, loaded).read();
    } catch (const Failure& failure) {
        errors.push_back(parsed.file->error_at(failure.node, failure.message));
        return std::nullopt;
    }
}

}  // namespace fincheck::templates::detail
