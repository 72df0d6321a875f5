package cn.sanbao.decision.allocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One or two weightings' allocations as .xlsx, amounts in 元; with two, a difference column. */
final class AllocationExcel {

    private AllocationExcel() {
    }

    static byte[] write(String title, Weighting a, FactorAllocator.Result ra, Weighting b, FactorAllocator.Result rb,
                        Map<String, String> names) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("转移支付分配");
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row h = sheet.createRow(1);
            int c = 0;
            h.createCell(c++).setCellValue("单位代码");
            h.createCell(c++).setCellValue("单位");
            h.createCell(c++).setCellValue("补齐三保预算缺口（元）");
            for (Factor f : a.weights().keySet()) h.createCell(c++).setCellValue(f.label() + "因素（元，" + a.label() + "）");
            h.createCell(c++).setCellValue(a.label() + " 分配额（元）");
            if (rb != null) {
                h.createCell(c++).setCellValue(b.label() + " 分配额（元）");
                h.createCell(c).setCellValue("差额（元）");
            }
            int r = 2;
            for (int i = 0; i < ra.lines().size(); i++) {
                FactorAllocator.Line l = ra.lines().get(i);
                Row row = sheet.createRow(r++);
                c = 0;
                row.createCell(c++).setCellValue(l.unitCode());
                row.createCell(c++).setCellValue(names.getOrDefault(l.unitCode(), l.unitCode()));
                row.createCell(c++).setCellValue(l.gapCovered().doubleValue());
                for (Factor f : a.weights().keySet()) row.createCell(c++).setCellValue(l.contributions().get(f).doubleValue());
                row.createCell(c++).setCellValue(l.amount().doubleValue());
                if (rb != null) {
                    FactorAllocator.Line other = rb.lines().get(i);
                    row.createCell(c++).setCellValue(other.amount().doubleValue());
                    row.createCell(c).setCellValue(other.amount().subtract(l.amount()).doubleValue());
                }
            }
            Row total = sheet.createRow(r);
            total.createCell(1).setCellValue("合计");
            total.createCell(2 + a.weights().size() + 1).setCellValue(ra.total().doubleValue());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
