package cn.sanbao.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The audit records of a search as an .xlsx workbook. */
final class AuditExcel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditExcel() {
    }

    static byte[] write(List<AuditEvent> events) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("审计日志");
            String[] head = {"序号", "时间", "操作人", "操作", "对象", "说明", "来源地址"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) h.createCell(i).setCellValue(head[i]);
            int r = 1;
            for (AuditEvent e : events) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.id());
                row.createCell(1).setCellValue(TIME.format(e.occurredAt()));
                row.createCell(2).setCellValue(e.actor());
                row.createCell(3).setCellValue(AuditActions.name(e.action()));
                row.createCell(4).setCellValue(e.target() == null ? "" : e.target());
                row.createCell(5).setCellValue(e.detail() == null ? "" : e.detail());
                row.createCell(6).setCellValue(e.remoteAddr() == null ? "" : e.remoteAddr());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
