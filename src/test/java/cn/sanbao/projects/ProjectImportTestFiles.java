package cn.sanbao.projects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.projects.library.ProjectValidator;

/** Builds project workbooks for import tests. */
final class ProjectImportTestFiles {

    private ProjectImportTestFiles() {
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("项目库");
            Row h = s.createRow(0);
            for (int i = 0; i < ProjectValidator.COLUMNS.size(); i++) h.createCell(i).setCellValue(ProjectValidator.COLUMNS.get(i));
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    // amounts as numeric cells, as a user typing into Excel would produce
                    if (c == 9 && v.matches("-?\\d+(\\.\\d+)?")) row.createCell(c).setCellValue(Double.parseDouble(v));
                    else row.createCell(c).setCellValue(v);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Any sheet: header row then rows; cells that look numeric are written as numbers. */
    static byte[] sheet(List<String> header, List<List<String>> rows) throws IOException {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("口径");
            Row h = s.createRow(0);
            for (int i = 0; i < header.size(); i++) h.createCell(i).setCellValue(header.get(i));
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v.matches("-?\\d+(\\.\\d+)?")) row.createCell(c).setCellValue(Double.parseDouble(v));
                    else row.createCell(c).setCellValue(v);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Same workbook with the 年度 column set to another year. */
    static byte[] rewriteYear(byte[] xlsx, String year) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            int col = ProjectValidator.COLUMNS.indexOf(ProjectValidator.YEAR);
            for (int r = cn.sanbao.shared.table.ExcelTables.FIRST_DATA_ROW; r <= s.getLastRowNum(); r++) s.getRow(r).getCell(col).setCellValue(year);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
