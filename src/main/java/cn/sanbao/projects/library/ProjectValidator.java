package cn.sanbao.projects.library;

import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.Problems;

/**
 * Checks one project given as column → text (Excel row, form or JSON): unknown unit or list item,
 * negative or over-precise amount, malformed classification codes. Column names are the Excel headers.
 */
public final class ProjectValidator {

    public static final String CODE = "项目编码", NAME = "项目名称", UNIT = "单位编码", AGENCY = "预算单位",
            CATEGORY = "项目类别", TAG = "三保标识", ITEM = "清单项目", FUNCTION = "功能分类", ECONOMIC = "经济分类",
            AMOUNT = "金额（元）", YEAR = "年度", STATE = "状态";
    public static final java.util.List<String> COLUMNS = java.util.List.of(CODE, NAME, UNIT, AGENCY, CATEGORY, TAG, ITEM,
            FUNCTION, ECONOMIC, AMOUNT, YEAR, STATE);

    private final RegionTree regions;
    /** year → (item code → item in force), null when the list has no such item. */
    private final Function<Integer, Map<String, GuaranteeItem>> itemsOfYear;

    public ProjectValidator(RegionTree regions, Function<Integer, Map<String, GuaranteeItem>> itemsOfYear) {
        this.regions = regions;
        this.itemsOfYear = itemsOfYear;
    }

    /** Returns the project (id 0) or null with the problems recorded at {@code line}. */
    public Project check(Map<String, String> c, int line, Problems p) {
        boolean ok = true;
        String code = t(c, CODE);
        if (!code.matches("[A-Za-z0-9_\\-]{1,40}")) ok = bad(p, line, CODE, "项目编码不能为空，只能由字母、数字、下划线、连字符组成，不超过 40 位：“" + code + "”");
        String name = t(c, NAME);
        if (name.isEmpty() || name.length() > 200) ok = bad(p, line, NAME, "项目名称不能为空且不超过 200 个字符");
        String unit = t(c, UNIT);
        FiscalUnit u = regions.unit(unit).orElse(null);
        if (u == null) ok = bad(p, line, UNIT, "未知的单位编码“" + unit + "”");
        else if (u.isConsolidated()) ok = bad(p, line, UNIT, u.name() + "是汇总单位，项目应归属预算单位");
        String agency = t(c, AGENCY);
        if (agency.isEmpty() || agency.length() > 100) ok = bad(p, line, AGENCY, "预算单位不能为空且不超过 100 个字符");
        Category category = Category.parse(t(c, CATEGORY));
        if (category == null) ok = bad(p, line, CATEGORY, "未知的项目类别“" + t(c, CATEGORY) + "”，应为 人员类/运转类/特定目标类");
        SanbaoTag tag = SanbaoTag.parse(t(c, TAG));
        if (tag == null) ok = bad(p, line, TAG, "未知的三保标识“" + t(c, TAG) + "”，应为 " + SanbaoTag.choices());
        Integer year = null;
        try {
            year = Integer.parseInt(t(c, YEAR));
            if (year < 2000 || year > 2100) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            ok = bad(p, line, YEAR, "年度应为 2000 到 2100 的年份：“" + t(c, YEAR) + "”");
        }
        String item = t(c, ITEM);
        if (!item.isEmpty() && year != null && !itemsOfYear.apply(year).containsKey(item))
            ok = bad(p, line, ITEM, "保障清单（" + year + " 年）中没有项目“" + item + "”");
        if (!item.isEmpty() && tag == SanbaoTag.NONE) ok = bad(p, line, ITEM, "非三保项目不能对应保障清单项目");
        String function = t(c, FUNCTION);
        if (!function.matches("\\d{3}|\\d{5}|\\d{7}")) ok = bad(p, line, FUNCTION, "支出功能分类编码应为 3、5 或 7 位数字：“" + function + "”");
        String economic = t(c, ECONOMIC);
        if (!economic.matches("\\d{3}|\\d{5}")) ok = bad(p, line, ECONOMIC, "支出经济分类编码应为 3 或 5 位数字：“" + economic + "”");
        BigDecimal amount = null;
        try {
            amount = Decimals.parse(t(c, AMOUNT));
            if (amount.signum() < 0) ok = bad(p, line, AMOUNT, "金额不能为负数：" + t(c, AMOUNT));
            else if (amount.stripTrailingZeros().scale() > 2) ok = bad(p, line, AMOUNT, "金额最多两位小数：" + t(c, AMOUNT));
            else if (amount.precision() - amount.scale() > 18) ok = bad(p, line, AMOUNT, "金额过大：" + t(c, AMOUNT));
        } catch (Decimals.Invalid e) {
            ok = bad(p, line, AMOUNT, "金额" + e.getMessage());
        }
        String stateText = t(c, STATE);
        ProjectState state = stateText.isEmpty() ? ProjectState.RESERVE : ProjectState.parse(stateText);
        if (state == null) ok = bad(p, line, STATE, "未知的项目状态“" + stateText + "”，应为 储备/申报/审核/批复/执行/结项");
        if (!ok) return null;
        return new Project(0, year, code, name, unit, agency, category, tag, item.isEmpty() ? null : item, function,
                economic, amount.setScale(2), state);
    }

    private static boolean bad(Problems p, int line, String column, String reason) {
        p.add(line, column, reason);
        return false;
    }

    private static String t(Map<String, String> c, String col) {
        String v = c.get(col);
        return v == null ? "" : v.trim();
    }
}
