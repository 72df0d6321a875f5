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
import cn.sanbao.projects.list.Pillar;

/**
 * The demo project library: per unit one project for each demand line, funded 1% above demand, plus one
 * 非三保 project, with a few deliberate problems so the budget review has something to find:
 * 西吉县 funds 义务教育公用经费 at 90% (hard gap); 海原县 has a 三保 project without list item; 泾源县 has a
 * 人员类 wage-coded project tagged 保运转; 同心县 books 居民医保补助 under a functional code the item does not
 * allow; 原州区 has no project for 残疾人两项补贴.
 */
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
                        ? "2130599" : seven(item.functionPrefixes().get(0));
                projects.add(new Project(0, year, code(unit, year, l.itemCode()), item.name() + "（" + year + "）", unit,
                        AGENCIES.getOrDefault(l.itemCode(), "财政局（汇总各预算单位）"), category(l.pillar()),
                        SanbaoTag.of(l.pillar()), l.itemCode(), function, economic(l.itemCode(), l.pillar()),
                        l.amount().multiply(factor).setScale(0, RoundingMode.HALF_UP).setScale(2), ProjectState.APPROVED));
            }
            projects.add(new Project(0, year, code(unit, year, "X01"), "农村人居环境整治（" + year + "）", unit, "住房和城乡建设局",
                    Category.SPECIFIC, SanbaoTag.NONE, null, "2120501", "31005", new BigDecimal("8000000.00"), ProjectState.APPROVED));
        });
        projects.add(new Project(0, year, code(UNTAGGED_UNIT, year, "X02"), "乡村公益性岗位补贴（" + year + "）", UNTAGGED_UNIT,
                "人力资源和社会保障局", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, null, "2080799", "30305",
                new BigDecimal("3600000.00"), ProjectState.APPROVED));
        projects.add(new Project(0, year, code(MISTAGGED_UNIT, year, "X03"), "编外聘用人员工资（" + year + "）", MISTAGGED_UNIT,
                "县直各行政事业单位", Category.PERSONNEL, SanbaoTag.OPERATION, null, "2010301", "30102",
                new BigDecimal("5400000.00"), ProjectState.APPROVED));
        return projects;
    }

    static String code(String unit, int year, String suffix) {
        return unit + "-" + year + "-" + suffix;
    }

    private static String seven(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < 7) s.append(s.length() == 3 ? "01" : "01");
        return s.substring(0, 7);
    }

    private static Category category(Pillar p) {
        return switch (p) {
            case WAGE -> Category.PERSONNEL;
            case OPERATION -> Category.RUNNING;
            case LIVELIHOOD -> Category.SPECIFIC;
        };
    }

    /** 301xx 工资福利支出 for wages, 302xx 商品和服务支出 for running costs, 303xx 对个人和家庭的补助 for livelihood. */
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
            case LIVELIHOOD -> "30305";
        };
    }
}
