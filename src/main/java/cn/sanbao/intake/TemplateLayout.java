package cn.sanbao.intake;

import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.ItemUnit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed layout shared by the xlsx and CSV templates: row 1 title, row 2 期间 / 金额单位, row 3 the
 * column headers ("名称（单位）" + line break + item code), data from row 4, one row per budget unit.
 */
final class TemplateLayout {

    static final String DATA_SHEET = "数据";
    static final String HELP_SHEET = "说明";
    static final int PERIOD_ROW = 2;
    static final int HEADER_ROW = 3;
    static final int FIRST_DATA_ROW = 4;
    static final int FIRST_ITEM_COL = 2;
    static final String PERIOD_LABEL = "期间";
    static final String UNIT_LABEL = "金额单位";
    static final String UNIT_CODE_HEADER = "单位代码\nunit_code";
    static final String UNIT_NAME_HEADER = "单位名称\nunit_name";

    /*
     * A template has a known shape: three heading rows, one row per budget unit (a province has at most a
     * few thousand) and one column per data item (a few dozen). Anything far beyond is not a template and is
     * refused while reading, before it can cost memory or time.
     */
    static final int MAX_ROWS = 5_000;
    static final int MAX_COLUMNS = 200;
    static final int MAX_CELL_CHARS = 1_000;

    private static final Pattern HEADER = Pattern.compile("(?s)^(.*?)(?:[（(]([^）)]*)[）)])?\\s+([A-Za-z][A-Za-z0-9_]*)$");

    private TemplateLayout() {
    }

    static String title(ItemSet set) { return "三保运行监测数据报送模板（" + set.label() + "）"; }

    static String header(DataItem item, AmountUnit unit) {
        return item.name() + "（" + measure(item, unit) + "）\n" + item.code();
    }

    static String measure(DataItem item, AmountUnit unit) {
        return item.unit() == ItemUnit.YUAN ? unit.label() : item.unit().label();
    }

    /** A parsed column header: item code and the unit of measure it states (null when not stated). */
    record Header(String code, String statedUnit) {
    }

    /** Null when the text is not of the form "名称（单位）␤code" (a space instead of the line break is accepted). */
    static Header parseHeader(String text) {
        Matcher m = HEADER.matcher(text.trim());
        if (!m.matches()) return null;
        return new Header(m.group(3), m.group(2) == null ? null : m.group(2).trim());
    }
}
