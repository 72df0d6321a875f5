package cn.sanbao.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;

/** The audit records of a search as an .xlsx workbook (streamed, so a long search needs little memory). */
final class AuditExcel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditExcel() {
    }

    static byte[] write(List<AuditEvent> events) {
        Table.Builder t = Table.builder("审计日志").column("序号", Table.Kind.INTEGER).text("时间").text("操作人").text("操作")
                .text("对象").text("说明").text("来源地址");
        for (AuditEvent e : events)
            t.row(e.id(), TIME.format(e.occurredAt()), e.actor(), AuditActions.name(e.action()), e.target(), e.detail(), e.remoteAddr());
        return ExcelTables.write(t.build());
    }
}
