package cn.sanbao.intake;

/**
 * Where a value came from: sheet (xlsx only), row (1-based, 0 = none) and column ("C7" in a workbook,
 * "第3列" in CSV, a JSON path such as "$.units[0].values.cash_balance" for the push API).
 */
public record Location(String sheet, int row, String column) {

    public static Location json(String path) { return new Location(null, 0, path); }

    public String text() {
        StringBuilder sb = new StringBuilder();
        if (sheet != null) sb.append("工作表“").append(sheet).append("” ");
        if (row > 0) sb.append("第").append(row).append("行 ");
        if (column != null) sb.append(column);
        return sb.toString().trim();
    }
}
