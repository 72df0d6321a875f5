package cn.sanbao.intake;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Hostile uploads generated in memory (nothing big is committed): oversized sheets, many parts, huge shared
 * strings, entity declarations in every kind of part, wrong encodings, absurd numbers and texts. Templates are
 * monthly templates in the shape of {@link IntakeBadFiles}; the period is a parameter so that accepted files
 * do not collide.
 */
final class HostileFiles {

    private HostileFiles() {
    }

    /** A CSV template for the period with the given data rows (after the three heading rows). */
    static String csv(String period, String rows) {
        return "三保运行监测数据报送模板（月报）\n期间," + period + ",金额单位,万元\n" + IntakeBadFiles.HEADER_CSV + "\n" + rows;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static byte[] withBom(byte[] bom, String text, Charset cs) {
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    static byte[] utf16le(String text) { return withBom(new byte[]{(byte) 0xFF, (byte) 0xFE}, text, StandardCharsets.UTF_16LE); }

    static byte[] utf16be(String text) { return withBom(new byte[]{(byte) 0xFE, (byte) 0xFF}, text, StandardCharsets.UTF_16BE); }

    /** A valid template workbook for the period, then each named part edited as text. */
    static byte[] xlsx(String period, String part, UnaryOperator<String> edit) {
        try {
            byte[] valid = IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue(period));
            return IntakeBadFiles.rewrite(valid, part, edit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of inline-string cells appended to the data sheet: r from first, count rows, cols cells each. */
    static String rows(int first, int count, int cols) {
        StringBuilder sb = new StringBuilder(count * cols * 30);
        for (int r = first; r < first + count; r++) {
            sb.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < cols; c++) sb.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
            sb.append("</row>");
        }
        return sb.toString();
    }

    /** Text that does not compress well (so POI's zip-bomb ratio is not what refuses it). */
    static String varied(int length) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append((char) ('一' + random.nextInt(2000)));
        return sb.toString();
    }

    /** Many distinct shared strings, as a real workbook with many different names has. */
    static String manyStrings(int count) {
        StringBuilder sb = new StringBuilder(count * 30);
        for (int i = 0; i < count; i++) sb.append("<si><t>").append(varied(3)).append(Integer.toHexString(i * 7919)).append("</t></si>");
        return sb.toString();
    }

    static UnaryOperator<String> beforeSheetDataEnd(String xml) {
        return s -> s.replace("</sheetData>", xml + "</sheetData>");
    }

    static UnaryOperator<String> doctype(String root) {
        return s -> s.replaceFirst("\\?>", "?><!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">"
                + "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>");
    }

    /** A workbook with the template sheet first and many empty sheets after it. */
    static byte[] manySheets(String period, int sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                IntakeBadFiles.workbook(s -> s.getRow(1).getCell(1).setCellValue(period)))); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < sheets; i++) wb.createSheet("表" + i).createRow(0).createCell(0).setCellValue(i);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template workbook with one cell changed (row and column 0-based). */
    static byte[] cell(String period, int row, int col, java.util.function.Consumer<org.apache.poi.ss.usermodel.Cell> set) {
        try {
            return IntakeBadFiles.workbook(s -> {
                s.getRow(1).getCell(1).setCellValue(period);
                Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
                set.accept(r.getCell(col) == null ? r.createCell(col) : r.getCell(col));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with many more rows, each failing (unknown unit and a formula): more than 200 problems. */
    static byte[] manyErrors(String period) {
        try {
            return IntakeBadFiles.workbook(s -> {
                s.getRow(1).getCell(1).setCellValue(period);
                for (int r = 5; r < 1500; r++) {
                    Row row = s.createRow(r);
                    row.createCell(0).setCellValue("X" + r);
                    row.createCell(2).setCellFormula("1+" + r);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
