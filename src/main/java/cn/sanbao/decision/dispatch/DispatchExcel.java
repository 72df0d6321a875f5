package cn.sanbao.decision.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A dispatch plan as .xlsx: amounts in 元 as numbers (2 places) so Excel sums match the plan to the cent. */
final class DispatchExcel {

    private DispatchExcel() {
    }

    static byte[] write(DispatchPlan plan, Map<String, String> unitNames) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("调度方案");
            sheet.createRow(0).createCell(0).setCellValue(plan.label() + " " + plan.statusName() + "，资金池 "
                    + plan.pool().toPlainString() + " 元，区级留存 " + plan.floor().toPlainString() + " 元，" + plan.arrivalMonth() + " 到账");
            String[] head = {"单位代码", "单位", "库款缺口（元）", "调度上限（元）", "建议金额（元）", "调度金额（元）", "说明"};
            Row h = sheet.createRow(1);
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            int r = 2;
            for (DispatchPlan.Line l : plan.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.unitCode());
                row.createCell(1).setCellValue(unitNames.getOrDefault(l.unitCode(), l.unitCode()));
                row.createCell(2).setCellValue(l.shortfall().doubleValue());
                row.createCell(3).setCellValue(l.cap().doubleValue());
                row.createCell(4).setCellValue(l.proposed().doubleValue());
                row.createCell(5).setCellValue(l.amount().doubleValue());
                row.createCell(6).setCellValue(l.explanation() + (l.adjusted() ? "；分析员已调整" : ""));
            }
            Row total = sheet.createRow(r);
            total.createCell(1).setCellValue("合计");
            total.createCell(5).setCellValue(plan.total().doubleValue());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
