package cn.sanbao.intake;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the bad-file corpus under src/test/resources/intake-bad/ (run its main once; the files are kept
 * in the repository). Every file is a monthly template for 2031-01 with three item columns.
 */
public final class IntakeBadFiles {

    static final String PERIOD = "2031-01";
    static final String HEADER_CSV = "单位代码 unit_code,单位名称 unit_name,国库库款余额（万元） cash_balance,"
            + "保工资累计支出（万元） paid_wage,编外人员人数（人） offstaff_headcount";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/intake-bad");
        Files.createDirectories(dir);
        csv(dir, "empty.csv", null);
        csv(dir, "only-headers.csv", "");
        csv(dir, "non-number.csv", "640422,西吉县,一千,800.25,120\n");
        csv(dir, "negative.csv", "640422,西吉县,1234.5,-800.25,120\n");
        csv(dir, "unknown-unit.csv", "649999,不存在县,1234.5,800.25,120\n");
        csv(dir, "duplicate-unit.csv", "640422,西吉县,1234.5,800.25,120\n640104,兴庆区,1,2,3\n640422,西吉县,1,2,3\n");
        csv(dir, "consolidated-unit.csv", "640400,固原市,1234.5,800.25,120\n");
        csv(dir, "huge-number.csv", "640422,西吉县,123456789012345678901,800.25,120\n");
        csv(dir, "wan-too-precise.csv", "640422,西吉县,1234.5000001,800.25,120\n");
        csv(dir, "person-fraction.csv", "640422,西吉县,1234.5,800.25,120.5\n");
        csv(dir, "date-in-csv.csv", "640422,西吉县,2031-01-31,800.25,120\n");
        write(dir, "unknown-item.csv", ("三保运行监测数据报送模板（月报）\n期间," + PERIOD + ",金额单位,万元\n"
                + HEADER_CSV.replace("cash_balance", "cash_balanse") + "\n640422,西吉县,1234.5,800.25,120\n").getBytes(StandardCharsets.UTF_8));
        write(dir, "unit-mixup.csv", ("三保运行监测数据报送模板（月报）\n期间," + PERIOD + ",金额单位,万元\n"
                + HEADER_CSV.replace("国库库款余额（万元）", "国库库款余额（元）") + "\n640422,西吉县,12345000,800.25,120\n").getBytes(StandardCharsets.UTF_8));
        write(dir, "annual-item.csv", ("三保运行监测数据报送模板（月报）\n期间," + PERIOD + ",金额单位,万元\n"
                + HEADER_CSV + ",可用财力（万元） fiscal_capacity\n640422,西吉县,1234.5,800.25,120,99999\n").getBytes(StandardCharsets.UTF_8));
        write(dir, "wrong-period.csv", ("三保运行监测数据报送模板（月报）\n期间,2031-02,金额单位,万元\n"
                + HEADER_CSV + "\n640422,西吉县,1234.5,800.25,120\n").getBytes(StandardCharsets.UTF_8));

        String good = "三保运行监测数据报送模板（月报）\r\n期间," + PERIOD + ",金额单位,万元\r\n" + HEADER_CSV
                + "\r\n640422,西吉县,1234.5,800.25,120\r\n";
        write(dir, "ok-gb18030.csv", good.getBytes(Charset.forName("GB18030")));
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(good.replace("1234.5", "1234.6").getBytes(StandardCharsets.UTF_8));
        write(dir, "ok-utf8-bom.csv", bom.toByteArray());

        xlsx(dir, "formula.xlsx", s -> s.getRow(3).getCell(2).setCellFormula("1000+234.5"));
        xlsx(dir, "merged.xlsx", s -> s.addMergedRegion(new CellRangeAddress(3, 4, 2, 2)));
        xlsx(dir, "date-as-number.xlsx", s -> {
            CellStyle date = s.getWorkbook().createCellStyle();
            date.setDataFormat(s.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            s.getRow(3).getCell(2).setCellValue(47149);
            s.getRow(3).getCell(2).setCellStyle(date);
        });
        xlsx(dir, "text-number.xlsx", s -> s.getRow(3).getCell(2).setCellValue("1234.5"));
        xlsx(dir, "wrong-type.xlsx", s -> s.getRow(3).getCell(3).setCellValue(true));
        xlsx(dir, "huge-number.xlsx", s -> s.getRow(3).getCell(2).setCellValue(1e25));
        write(dir, "empty.xlsx", new byte[0]);
        write(dir, "renamed.xlsx", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII));
        byte[] ole = new byte[1024];
        byte[] head = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(head, 0, ole, 0, head.length);
        write(dir, "old-xls.xlsx", ole);
        byte[] valid = workbook(s -> { });
        write(dir, "zip-bomb.xlsx", rewrite(valid, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("</worksheet>", " ".repeat(40 * 1024 * 1024) + "</worksheet>")));
        write(dir, "xxe.xlsx", rewrite(valid, "xl/worksheets/sheet1.xml", xml -> xml
                .replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>")
                .replace("<v>1234.5</v>", "<v>&xxe;</v>")));

        // payment detail (支付明细) workbooks, read by the streaming reader; 2058-01 belongs to PaymentTest
        write(dir, "payment-formula.xlsx", payments(s -> s.getRow(2).getCell(2).setCellFormula("1000+234.5")));
        write(dir, "payment-xxe.xlsx", rewrite(payments(s -> { }), "xl/worksheets/sheet1.xml", xml -> xml
                .replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>")
                .replace("<v>1234.5</v>", "<v>&xxe;</v>")));
    }

    /** A payment workbook for 2058-01: header and two payments; amounts are numbers (1234.5 in C2 and C3). */
    static byte[] payments(Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("支付明细");
            String[] headers = PaymentTest.HEADER.split(",");
            Row h = s.createRow(0);
            for (int c = 0; c < headers.length; c++) h.createCell(c).setCellValue(headers[c]);
            for (int r = 1; r <= 2; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("640422");
                row.createCell(1).setCellValue("2058-01-0" + r);
                row.createCell(2).setCellValue(1234.5);
                row.createCell(3).setCellValue("2010101");
                row.createCell(4).setCellValue("30101");
                row.createCell(5).setCellValue("P-1");
                row.createCell(6).setCellValue("县财政局");
            }
            change.accept(s);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void csv(Path dir, String name, String rows) throws IOException {
        String text = rows == null ? "" : "三保运行监测数据报送模板（月报）\n期间," + PERIOD + ",金额单位,万元\n" + HEADER_CSV + "\n" + rows;
        write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void xlsx(Path dir, String name, Consumer<Sheet> change) throws IOException {
        write(dir, name, workbook(change));
    }

    /** A valid filled template (640422 and 640104) changed by the given edit. */
    static byte[] workbook(Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(TemplateLayout.DATA_SHEET);
            s.createRow(0).createCell(0).setCellValue("三保运行监测数据报送模板（月报）");
            Row p = s.createRow(1);
            p.createCell(0).setCellValue("期间");
            p.createCell(1).setCellValue(PERIOD);
            p.createCell(2).setCellValue("金额单位");
            p.createCell(3).setCellValue("万元");
            Row h = s.createRow(2);
            String[] headers = HEADER_CSV.split(",");
            for (int c = 0; c < headers.length; c++) h.createCell(c).setCellValue(headers[c].replace(' ', '\n'));
            Object[][] rows = {{"640422", "西吉县", 1234.5, 800.25, 120}, {"640104", "兴庆区", 20000, 3000.5, 45}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(3 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                for (int c = 2; c < 5; c++) row.createCell(c).setCellValue(((Number) rows[r][c]).doubleValue());
            }
            change.accept(s);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(entry)) data = edit.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }
}
