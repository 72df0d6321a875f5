package cn.sanbao.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.sanbao.monitoring.UnitRanking;

/** A period's ranking as an .xlsx workbook: scores as numbers so they can be sorted and summed in Excel. */
final class RankingExcel {

    private RankingExcel() {
    }

    static byte[] write(String periodLabel, List<UnitRanking> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("排名");
            sheet.createRow(0).createCell(0).setCellValue(periodLabel + " 三保运行监测排名");
            String[] head = {"序号", "单位代码", "单位", "所属市", "类型", "总分", "等级", "上期等级", "较上期", "一票否决", "数据缺失"};
            Row h = sheet.createRow(1);
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            int n = 0;
            for (UnitRanking r : rows) {
                Row row = sheet.createRow(2 + n);
                row.createCell(0).setCellValue(++n);
                row.createCell(1).setCellValue(r.unitCode());
                row.createCell(2).setCellValue(r.unitName());
                row.createCell(3).setCellValue(r.cityName());
                row.createCell(4).setCellValue(r.unitKind());
                if (r.total() != null) row.createCell(5).setCellValue(r.total().doubleValue());
                row.createCell(6).setCellValue(r.gradeName());
                row.createCell(7).setCellValue(r.previousGradeName() == null ? "" : r.previousGradeName());
                if (r.totalChange() != null) row.createCell(8).setCellValue(r.totalChange().doubleValue());
                row.createCell(9).setCellValue(r.overrides() == null ? "" : r.overrides());
                row.createCell(10).setCellValue(r.missing() == null ? "" : r.missing());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
