package cn.sanbao.projects.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.kernel.Pillar;

/**
 * The demo project library: per unit one project for each demand line, funded 1% above demand, plus one
 * 非三保 project, with a few deliberate problems so the budget review has something to find:
 * 西吉县 funds 义务教育公用经费 at 90% (hard gap); 海原县 has a 三保 project without list item; 泾源县 has a
 * 人员类 wage-coded project tagged 保运转; 同心县 books 居民医保补助 under a functional code the item does not
 * allow; 原州区 has no project for 残疾人两项补贴.
 */
@org.springframework.modulith.NamedInterface("demo")
public final class DemoProjects {

    public static final String UNDERFUNDED_UNIT = "640422", UNDERFUNDED_ITEM = "L01";
    public static final String UNTAGGED_UNIT = "640522";
    public static final String MISTAGGED_UNIT = "640424";
    public static final String WRONG_FUNCTION_UNIT = "640324", WRONG_FUNCTION_ITEM = "L03";
    public static final String UNFUNDED_UNIT = "640402", UNFUNDED_ITEM = "L09";

    private static final BigDecimal MARGIN = new BigDecimal("1.01");
    private static final Map<String, String> AGENCIES = Map.of("L01", "教育局", "L02", "教育局", "L03", "医疗保障局",
            "L04", "人力资源和社会保障局", "L05", "民政局", "L06", "民政局", "L07", "民政局", "L08", "卫生健康委员会",
            "L09", "残疾人联合会", "O03", "农业农村局");

    private DemoProjects() {
    }

    public static List<Project> generate(int year, Map<String, List<DemandLine>> linesByUnit, Map<String, GuaranteeItem> items) {
        List<Project> projects = new ArrayList<>();
        linesByUnit.forEach((unit, lines) -> {
            for (DemandLine l : lines) {
                if (unit.equals(UNFUNDED_UNIT) && l.itemCode().equals(UNFUNDED_ITEM)) continue;
                GuaranteeItem item = items.get(l.itemCode());
                BigDecimal factor = unit.equals(UNDERFUNDED_UNIT) && l.itemCode().equals(UNDERFUNDED_ITEM) ? new BigDecimal("0.90") : MARGIN;
                String function = unit.equals(WRONG_FUNCTION_UNIT) && l.itemCode().equals(WRONG_FUNCTION_ITEM)
                        ? "2130599" : functionCode(l.itemCode(), item);
                projects.add(new Project(0, year, code(unit, year, l.itemCode()), item.name() + "（" + year + "）", unit,
                        AGENCIES.getOrDefault(l.itemCode(), "财政局（汇总各预算单位）"), category(l.pillar()),
                        SanbaoTag.of(l.pillar()), l.itemCode(), function, economic(l.itemCode(), l.pillar()),
                        l.amount().multiply(factor).setScale(0, RoundingMode.HALF_UP).setScale(2), ProjectState.APPROVED));
            }
            projects.add(new Project(0, year, code(unit, year, "X01"), "农村人居环境整治（" + year + "）", unit, "住房和城乡建设局",
                    Category.SPECIFIC, SanbaoTag.NONE, null, "2120501", "31005", new BigDecimal("8000000.00"), ProjectState.APPROVED));
            if (DIRECT_FUND_UNITS.test(unit))
                projects.add(new Project(0, year, code(unit, year, DIRECT_FUND_SUFFIX), "衔接推进乡村振兴补助资金（直达资金，" + year + "）", unit,
                        "农业农村局", Category.SPECIFIC, SanbaoTag.NONE, null, "2130504", "31005", new BigDecimal("6000000.00"),
                        ProjectState.APPROVED));
        });
        projects.add(new Project(0, year, code(UNTAGGED_UNIT, year, "X02"), "乡村公益性岗位补贴（" + year + "）", UNTAGGED_UNIT,
                "人力资源和社会保障局", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, null, "2080799", "30305",
                new BigDecimal("3600000.00"), ProjectState.APPROVED));
        projects.add(new Project(0, year, code(MISTAGGED_UNIT, year, "X03"), "编外聘用人员工资（" + year + "）", MISTAGGED_UNIT,
                "县直各行政事业单位", Category.PERSONNEL, SanbaoTag.OPERATION, null, "2010301", "30102",
                new BigDecimal("5400000.00"), ProjectState.APPROVED));
        return projects;
    }

    /** The former 西海固 counties (固原, 吴忠 and 中卫 mountain counties) receive 直达资金 for rural revitalisation. */
    public static final java.util.function.Predicate<String> DIRECT_FUND_UNITS =
            u -> u.startsWith("6404") || u.startsWith("6405") || u.equals("640323") || u.equals("640324");
    public static final String DIRECT_FUND_SUFFIX = "X04";

    public static String code(String unit, int year, String suffix) {
        return unit + "-" + year + "-" + suffix;
    }

    /**
     * The 2021 政府收支分类 subject (项, 7 digits) each list item is booked under; every code is in
     * reference/function-codes-2021.csv and within the item's allowed prefixes.
     */
    public static final Map<String, String> FUNCTION_CODES = Map.ofEntries(
            Map.entry("W01", "2010301"), Map.entry("W02", "2010301"), Map.entry("W03", "2010301"), Map.entry("W04", "2050101"),
            Map.entry("W05", "2080505"), Map.entry("W06", "2080506"), Map.entry("W07", "2101101"), Map.entry("W08", "2210201"),
            Map.entry("O01", "2010301"), Map.entry("O02", "2050101"), Map.entry("O03", "2130705"), Map.entry("O04", "2080501"),
            Map.entry("O05", "2010301"),
            Map.entry("L01", "2050202"), Map.entry("L02", "2050203"), Map.entry("L03", "2101202"), Map.entry("L04", "2082602"),
            Map.entry("L05", "2081901"), Map.entry("L06", "2081902"), Map.entry("L07", "2082102"), Map.entry("L08", "2100408"),
            Map.entry("L09", "2081107"), Map.entry("L10", "2089901"));

    /** The item's designated subject; an item not in the demo table takes its first prefix as given. */
    private static String functionCode(String itemCode, GuaranteeItem item) {
        return FUNCTION_CODES.getOrDefault(itemCode, item.functionPrefixes().get(0));
    }

    private static Category category(Pillar p) {
        return switch (p) {
            case WAGE -> Category.PERSONNEL;
            case OPERATION -> Category.RUNNING;
            case LIVELIHOOD -> Category.SPECIFIC;
            case OTHER_RIGID -> throw new IllegalArgumentException("演示项目只属于三保：" + p);
        };
    }

    /** 301xx 工资福利支出 for wages, 302xx 商品和服务支出 for running costs, mostly 303xx 对个人和家庭的补助 for livelihood. */
    private static String economic(String itemCode, Pillar p) {
        return switch (p) {
            case WAGE -> switch (itemCode) {
                case "W01" -> "30101";
                case "W02" -> "30102";
                case "W03" -> "30103";
                case "W04" -> "30107";
                case "W05" -> "30108";
                case "W06" -> "30109";
                case "W07" -> "30110";
                case "W08" -> "30113";
                default -> "30199";
            };
            case OPERATION -> itemCode.equals("O03") ? "39999" : "30299";
            // school running costs are goods and services; fund subsidies are transfers; the rest go to people
            case LIVELIHOOD -> switch (itemCode) {
                case "L01", "L08" -> "30299";
                case "L03", "L04" -> "39999";
                default -> "30305";
            };
            case OTHER_RIGID -> throw new IllegalArgumentException("演示项目只属于三保：" + p);
        };
    }
}
