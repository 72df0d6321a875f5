package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.ItemUnit;
import cn.sanbao.shared.Decimals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a filled template (either format) into a {@link Submission}. Cell-level rules live here: a
 * formula, a date, text or a merged cell where a number belongs is refused, never guessed at.
 * Formulas are refused rather than taking Excel's cached result: the cached value may be stale and
 * the user cannot see which one we would store.
 */
final class TemplateParser {

    private final DataItemRepository catalogue;

    TemplateParser(DataItemRepository catalogue) {
        this.catalogue = catalogue;
    }

    Submission parse(Grid g) {
        String file = g.fileName();
        List<Finding> problems = new ArrayList<>();
        if (g.rows().stream().allMatch(r -> r.stream().allMatch(Grid.Cell::isBlank))) {
            throw IntakeRejectedException.of(file, null, "文件为空");
        }
        for (String m : g.mergedRegions()) {
            problems.add(Finding.at(file, new Location(g.sheet(), 0, m), "含合并单元格 " + m + "，请取消合并后再上传"));
        }
        Period period = period(g, problems);
        AmountUnit unit = amountUnit(g, problems);
        Map<Integer, DataItem> columns = headers(g, unit, period, problems);
        List<Submission.UnitRow> rows = new ArrayList<>();
        for (int r = TemplateLayout.FIRST_DATA_ROW; r <= g.rows().size(); r++) {
            if (problems.size() >= IntakeRejectedException.MAX_LISTED) {
                problems.add(Finding.at(file, null, IntakeRejectedException.STOPPED));
                break;
            }
            boolean any = false;
            for (int c = 0; c < g.width(r); c++) if (!g.cell(r, c).isBlank() && c != 1) any = true;
            if (!any) continue;
            String code = unitCode(g, r, problems);
            List<Submission.Entry> entries = new ArrayList<>();
            for (int c = TemplateLayout.FIRST_ITEM_COL; c < g.width(r); c++) {
                Grid.Cell cell = g.cell(r, c);
                if (cell.isBlank()) continue;
                DataItem item = columns.get(c);
                if (item == null) {
                    if (!columns.containsKey(c)) problems.add(Finding.at(file, g.at(r, c), "该列没有可识别的数据项表头，但填写了数据"));
                    continue;
                }
                BigDecimal v = number(g, r, c, problems);
                if (v != null) entries.add(new Submission.Entry(g.at(r, c), item.code(), v));
            }
            if (code != null) rows.add(new Submission.UnitRow(g.at(r, 0), code, entries));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Finding.at(file, null, "文件只有表头，没有任何单位的数据行"));
        }
        return new Submission(file, period, g.at(TemplateLayout.PERIOD_ROW, 1), unit, rows, problems);
    }

    private static Period period(Grid g, List<Finding> problems) {
        Grid.Cell label = g.cell(TemplateLayout.PERIOD_ROW, 0);
        Grid.Cell value = g.cell(TemplateLayout.PERIOD_ROW, 1);
        Location at = g.at(TemplateLayout.PERIOD_ROW, 1);
        if (!TemplateLayout.PERIOD_LABEL.equals(label.text())) {
            problems.add(Finding.at(g.fileName(), g.at(TemplateLayout.PERIOD_ROW, 0),
                    "应为“期间”，实际为“" + label.text() + "”；请使用系统下载的模板，不要增删前三行"));
            return null;
        }
        if (value.kind() == Grid.Kind.DATE || value.kind() == Grid.Kind.NUMBER) {
            problems.add(Finding.at(g.fileName(), at, "期间被 Excel 识别成了日期或数字（" + value.text()
                    + "），请以文本填写，如 2021-03"));
            return null;
        }
        try {
            return Period.parse(value.text());
        } catch (IllegalArgumentException e) {
            problems.add(Finding.at(g.fileName(), at, e.getMessage()));
            return null;
        }
    }

    private static AmountUnit amountUnit(Grid g, List<Finding> problems) {
        Grid.Cell label = g.cell(TemplateLayout.PERIOD_ROW, 2);
        Grid.Cell value = g.cell(TemplateLayout.PERIOD_ROW, 3);
        AmountUnit unit = AmountUnit.parse(value.text());
        if (!TemplateLayout.UNIT_LABEL.equals(label.text()) || unit == null) {
            problems.add(Finding.at(g.fileName(), g.at(TemplateLayout.PERIOD_ROW, 3),
                    "金额单位应为“元”或“万元”，实际为“" + value.text() + "”"));
        }
        return unit;
    }

    /** Column → item; a column mapped to null had a header problem (already reported). */
    private Map<Integer, DataItem> headers(Grid g, AmountUnit unit, Period period, List<Finding> problems) {
        int r = TemplateLayout.HEADER_ROW;
        Map<Integer, DataItem> columns = new HashMap<>();
        if (!g.cell(r, 0).text().startsWith("单位代码")) {
            problems.add(Finding.at(g.fileName(), g.at(r, 0), "第 3 行应为表头，A 列为“单位代码”；请使用系统下载的模板"));
            return columns;
        }
        ItemSet set = period == null ? null : ItemSet.of(period);
        Map<String, Integer> seen = new HashMap<>();
        for (int c = TemplateLayout.FIRST_ITEM_COL; c < g.width(r); c++) {
            Grid.Cell cell = g.cell(r, c);
            if (cell.isBlank()) continue;
            columns.put(c, null);
            TemplateLayout.Header h = TemplateLayout.parseHeader(cell.text());
            DataItem item = h == null ? null : catalogue.item(h.code()).orElse(null);
            Location at = g.at(r, c);
            if (item == null) {
                problems.add(Finding.at(g.fileName(), at, "未知的数据项“" + cell.text().replace('\n', ' ')
                        + "”；表头应为“名称（单位）”换行后接数据项代码"));
                continue;
            }
            if (set != null && !set.includes(item)) {
                problems.add(Finding.at(g.fileName(), at, item.name() + "（" + item.code() + "）是" + item.frequency().label()
                        + "数据项，不属于" + set.label() + "模板"));
                continue;
            }
            if (seen.putIfAbsent(item.code(), c) != null) {
                problems.add(Finding.at(g.fileName(), at, "数据项 " + item.code() + " 的列重复出现"));
                continue;
            }
            if (unit != null && h.statedUnit() != null) {
                String expected = TemplateLayout.measure(item, unit);
                if (!expected.equals(h.statedUnit())) {
                    problems.add(Finding.at(g.fileName(), at, "表头单位“" + h.statedUnit() + "”与第 2 行声明的金额单位不符（应为“"
                            + expected + "”）；请按同一单位填报，避免元与万元混用"));
                    continue;
                }
            }
            columns.put(c, item);
        }
        return columns;
    }

    private static String unitCode(Grid g, int r, List<Finding> problems) {
        Grid.Cell cell = g.cell(r, 0);
        if (cell.isBlank()) {
            problems.add(Finding.at(g.fileName(), g.at(r, 0), "本行填写了数据，但缺少单位代码"));
            return null;
        }
        if (cell.kind() == Grid.Kind.NUMBER) return cell.number().stripTrailingZeros().toPlainString();
        if (cell.kind() != Grid.Kind.TEXT) {
            problems.add(Finding.at(g.fileName(), g.at(r, 0), "单位代码应为文本，实际为“" + cell.text() + "”"));
            return null;
        }
        return cell.text();
    }

    private static BigDecimal number(Grid g, int r, int c, List<Finding> problems) {
        Grid.Cell cell = g.cell(r, c);
        Location at = g.at(r, c);
        String reason = switch (cell.kind()) {
            case NUMBER -> null;
            case FORMULA -> "单元格含公式（" + cell.text() + "），系统不采用公式结果；请复制后“选择性粘贴为数值”再上传";
            case DATE -> "单元格是日期格式（显示为 " + cell.text() + "），不是数值；请把单元格格式改为“数值”";
            case BOOLEAN, ERROR, BLANK -> "不是数字：“" + cell.text() + "”";
            case TEXT -> textReason(g, cell.text());
        };
        if (reason != null) {
            problems.add(Finding.at(g.fileName(), at, reason));
            return null;
        }
        try {
            return cell.kind() == Grid.Kind.NUMBER && cell.number() != null ? Decimals.bounded(cell.number(), cell.text())
                    : Decimals.parse(cell.text());
        } catch (Decimals.Invalid e) {
            problems.add(Finding.at(g.fileName(), at, e.getMessage()));
            return null;
        }
    }

    /** CSV holds only text, so numbers are parsed there; in a workbook a text cell where a number belongs is refused. */
    private static String textReason(Grid g, String text) {
        try {
            Decimals.parse(text);
        } catch (Decimals.Invalid e) {
            return e.getMessage();
        }
        return g.excel() ? "数字以文本形式存储（“" + Decimals.quote(text) + "”），请把单元格格式改为“数值”后重新输入" : null;
    }

    static boolean isWholePersonCount(DataItem item, BigDecimal v) {
        return item.unit() != ItemUnit.PERSON || v.stripTrailingZeros().scale() <= 0;
    }
}
