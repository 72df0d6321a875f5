package cn.sanbao.reports.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import cn.sanbao.reports.Report;
import cn.sanbao.shared.table.ExcelTables;

/** Excel: a first sheet "报告说明" (title, source, text), then one sheet per table with numeric cells. */
@Component
public class ExcelReportWriter {

    public static final String INFO_SHEET = "报告说明";

    public byte[] write(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet info = wb.createSheet(INFO_SHEET);
            int row = 0;
            info.createRow(row++).createCell(0).setCellValue(r.title());
            info.createRow(row++).createCell(0).setCellValue(r.sourceLine());
            info.createRow(row++).createCell(0).setCellValue("生成时间：" + r.generatedAt().toString().replace('T', ' '));
            for (Report.Section s : r.sections()) {
                row++;
                info.createRow(row++).createCell(0).setCellValue(s.heading());
                for (String p : s.paragraphs()) info.createRow(row++).createCell(0).setCellValue(p);
            }
            info.setColumnWidth(0, 120 * 256);
            ExcelTables.addSheets(wb, r.tables());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
