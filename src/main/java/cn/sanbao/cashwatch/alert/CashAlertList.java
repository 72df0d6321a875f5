package cn.sanbao.cashwatch.alert;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import cn.sanbao.kernel.Money;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;
import cn.sanbao.shared.table.Table;
import cn.sanbao.shared.table.Table.Kind;

/** The 库款预警记录 list: alerts with their messages and delivery status, within the signed-in user's units. */
@Service
class CashAlertList {

    /** An export holds at most this many lines (a year of daily alerts for every unit and recipient is far less). */
    static final int EXPORT_LIMIT = 20_000;
    /** The longest range one may ask for: the watch keeps daily series, not decades. */
    static final int MAX_DAYS = 3_660;

    /** One line as shown: every code with its Chinese label. */
    record Row(LocalDate day, String unitCode, String unitName, java.math.BigDecimal balanceWan, java.math.BigDecimal level,
               int daysBelow, String kind,
               String escalatedTo, String recipient, String channel, String status, String reason) {
    }

    private final CashAlertRepository alerts;
    private final Notifications notifications;
    private final RegionTree regions;
    private final UnitScope scope;

    CashAlertList(CashAlertRepository alerts, Notifications notifications, RegionTree regions, UnitScope scope) {
        this.alerts = alerts;
        this.notifications = notifications;
        this.regions = regions;
        this.scope = scope;
    }

    /** Budget units the user may see, for the filter. */
    List<FiscalUnit> units() {
        return regions.budgetUnits().stream().filter(u -> scope.visible().test(u.code())).toList();
    }

    Page<Row> page(LocalDate from, LocalDate to, String unit, PageRequest request) {
        List<String> units = scoped(from, to, unit);
        List<CashAlertRepository.Line> lines = alerts.lines(from, to, units, request.offset(), request.size());
        return Page.of(rows(lines), request, alerts.count(from, to, units));
    }

    Table table(LocalDate from, LocalDate to, String unit) {
        List<Row> rows = rows(alerts.lines(from, to, scoped(from, to, unit), 0, EXPORT_LIMIT));
        Table.Builder t = Table.builder("库款预警记录").text("日期").text("单位").column("日终余额（万元）", Kind.WAN)
                .column("库款保障水平（个月）", Kind.DECIMAL).column("连续天数", Kind.INTEGER).text("类型").text("升级至").text("接收人").text("渠道")
                .text("发送状态").text("原因");
        for (Row r : rows)
            t.row(r.day().toString(), r.unitName(), r.balanceWan(), r.level(), r.daysBelow(), r.kind(), r.escalatedTo(), r.recipient(),
                    r.channel(), r.status(), r.reason());
        if (rows.size() == EXPORT_LIMIT) t.note("只导出前 " + EXPORT_LIMIT + " 行，请缩小日期范围");
        return t.build();
    }

    private List<String> scoped(LocalDate from, LocalDate to, String unit) {
        if (from.isAfter(to)) throw new IllegalArgumentException("开始日期 " + from + " 晚于结束日期 " + to);
        if (from.plusDays(MAX_DAYS).isBefore(to)) throw new IllegalArgumentException("日期范围不能超过 " + MAX_DAYS + " 天");
        if (unit == null || unit.isBlank()) return units().stream().map(FiscalUnit::code).toList();
        if (!regions.contains(unit)) throw new IllegalArgumentException("没有代码为 " + unit + " 的单位");
        scope.require(unit);
        return List.of(unit);
    }

    private List<Row> rows(List<CashAlertRepository.Line> lines) {
        Map<String, OutboxMessage> sent = new HashMap<>();
        List<String> keys = lines.stream().map(CashAlertRepository.Line::idempotencyKey).filter(k -> k != null).toList();
        notifications.byKeys(keys).forEach(m -> sent.put(m.idempotencyKey(), m));
        return lines.stream().map(l -> {
            OutboxMessage m = l.idempotencyKey() == null ? null : sent.get(l.idempotencyKey());
            return new Row(l.day(), l.unitCode(), name(l.unitCode()), l.balance() == null ? null : Money.toWan(l.balance()),
                    l.level(), l.daysBelow(), CashAlertRepository.WARNING.equals(l.kind()) ? "预警" : "升级",
                    l.escalatedTo() == null ? "" : "PROVINCE".equals(l.escalatedTo()) ? "自治区" : name(l.escalatedTo()),
                    l.recipientName() == null ? "（无可用的联系人或渠道）" : l.recipientName() + "（" + recipientType(l.recipientType()) + "）",
                    m == null ? (l.channel() == null ? "" : OutboxMessage.channelLabel(l.channel())) : m.channelLabel(),
                    m == null ? (l.channel() == null ? "未发送" : "渠道未配置，未发送") : m.statusLabel(), l.reason());
        }).toList();
    }

    private String name(String code) {
        return regions.unit(code).map(FiscalUnit::name).orElse(code);
    }

    static String recipientType(String type) {
        return switch (type) {
            case "UNIT" -> "单位联系人";
            case "CITY" -> "市级联系人";
            case "LEADER" -> "厅领导";
            case "ANALYST" -> "监测分析员";
            default -> type;
        };
    }
}
