package cn.sanbao.intake;

/** One reason an import was refused, at its location. */
public record Finding(String file, String sheet, int row, String column, String reason) {

    public static Finding at(String file, Location at, String reason) {
        return at == null ? new Finding(file, null, 0, null, reason)
                : new Finding(file, at.sheet(), at.row(), at.column(), reason);
    }

    public String text() {
        String where = new Location(sheet, row, column).text();
        return (file == null ? "" : file + " ") + (where.isEmpty() ? "" : where) + "：" + reason;
    }
}
