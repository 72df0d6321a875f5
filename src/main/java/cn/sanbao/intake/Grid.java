package cn.sanbao.intake;

import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.util.List;

/** A sheet or CSV file read into cells, before any meaning is attached; rows are 1-based as users see them. */
public record Grid(String fileName, String sheet, boolean excel, List<List<Cell>> rows, List<String> mergedRegions) {

    public enum Kind { BLANK, NUMBER, TEXT, FORMULA, DATE, BOOLEAN, ERROR }

    /** One cell; number is set for NUMBER (and DATE: the serial), text holds what the user sees or the formula. */
    public record Cell(Kind kind, String text, BigDecimal number) {
        public static final Cell BLANK = new Cell(Kind.BLANK, "", null);

        public boolean isBlank() { return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank()); }
    }

    public Cell cell(int row, int col) {
        if (row < 1 || row > rows.size()) return Cell.BLANK;
        List<Cell> r = rows.get(row - 1);
        return col < r.size() ? r.get(col) : Cell.BLANK;
    }

    public int width(int row) { return row < 1 || row > rows.size() ? 0 : rows.get(row - 1).size(); }

    /** "C7" in a workbook, "第3列" in CSV (column 0-based here). */
    public Location at(int row, int col) {
        return excel ? new Location(sheet, row, CellReference.convertNumToColString(col) + row)
                : new Location(null, row, "第" + (col + 1) + "列");
    }
}
