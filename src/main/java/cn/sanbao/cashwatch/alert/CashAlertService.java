package cn.sanbao.cashwatch.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.cashwatch.DailyCashStored;
import cn.sanbao.cashwatch.DailyCashWatch;
import cn.sanbao.cashwatch.DayLevel;
import cn.sanbao.notify.Notifications;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.warnings.Contact;
import cn.sanbao.warnings.ContactService;

/**
 * Same-day warnings and escalations of the daily cash watch. For the latest day only (a back-fill of older days sends
 * nothing): every unit below the floor is warned once per day, and a streak that reaches the configured number of
 * days escalates once to the next level up. Each alert is claimed and its messages queued in one transaction of its
 * own, so a second instance or a re-run sends nothing twice.
 */
@Service
class CashAlertService {

    private static final Logger log = LoggerFactory.getLogger(CashAlertService.class);
    /** Channels tried for every recipient; only those whose gateway is set up get a message. */
    static final String ACTOR = "system";

    /** What one event did: alerts claimed here and messages queued (both 0 for a re-run or a back-fill). */
    record Outcome(int warnings, int escalations, int messages, String note) {
    }

    private final DailyCashWatch watch;
    private final RegionTree regions;
    private final ContactService contacts;
    private final Notifications notifications;
    private final CashAlertRepository alerts;
    private final AuditLog audit;
    private final TransactionTemplate own;
    private final EscalationPolicy escalation;
    private final Clock clock;

    CashAlertService(DailyCashWatch watch, RegionTree regions, ContactService contacts, Notifications notifications,
                     CashAlertRepository alerts, AuditLog audit, PlatformTransactionManager tm,
                     @Value("${sanbao.cash-watch.alerts.escalation-days:3}") int escalationDays, ObjectProvider<Clock> clock) {
        this.watch = watch;
        this.regions = regions;
        this.contacts = contacts;
        this.notifications = notifications;
        this.alerts = alerts;
        this.audit = audit;
        this.own = new TransactionTemplate(tm);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.escalation = new EscalationPolicy(escalationDays);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    Outcome handle(DailyCashStored stored) {
        LocalDate latest = watch.latestDay().orElse(null);
        if (latest == null || stored.lastDay().isBefore(latest)) {
            String note = "数据修订 #" + stored.revisionId() + " 补录 " + stored.firstDay() + " 至 " + stored.lastDay()
                    + "（最新日期 " + latest + "），不发送当日预警";
            log.info(note);
            return new Outcome(0, 0, 0, note);
        }
        BigDecimal floor = watch.band().low();
        SameDayWarningPolicy warning = new SameDayWarningPolicy(floor);
        int w = 0, e = 0, m = 0;
        for (DayLevel d : watch.onDay(latest, code -> true)) {
            Decision warn = warning.decide(d, latest);
            FiscalUnit unit = regions.unit(d.unitCode()).orElse(null);
            if (!warn.act() || unit == null) continue;
            Integer sent = warn(unit, d, floor, warn, stored.revisionId());
            if (sent != null) { w++; m += sent; }
            LocalDate start = streakStart(d);
            String key = claimKey(CashAlertRepository.ESCALATION, unit.code(), start);
            Decision up = escalation.decide(d, alerts.claimed(key));
            if (!up.act()) continue;
            sent = escalate(unit, d, floor, up, start, key, stored.revisionId());
            if (sent != null) { e++; m += sent; }
        }
        return new Outcome(w, e, m, "数据修订 #" + stored.revisionId() + " " + latest + "：预警 " + w + " 个单位，升级 " + e + " 个，消息 " + m + " 条");
    }

    /** Messages queued, or null when the warning was claimed before (another instance, a re-run). */
    private Integer warn(FiscalUnit unit, DayLevel d, BigDecimal floor, Decision why, long revision) {
        List<Recipient> to = new ArrayList<>();
        contacts.active(unit.code(), Contact.UNIT).forEach(c -> to.add(new Recipient("UNIT", c)));
        contacts.activeInRole(Contact.ANALYST).forEach(c -> to.add(new Recipient("ANALYST", c)));
        String key = claimKey(CashAlertRepository.WARNING, unit.code(), d.day());
        return send(new CashAlertRepository.NewAlert(key, CashAlertRepository.WARNING, unit.code(), d.day(), d.balance(), d.level(),
                        floor, d.daysBelowFloor(), d.day(), null, why.reason(), revision), to,
                CashAlertText.warningSubject(unit.name(), d.day()), CashAlertText.warning(unit.name(), d, floor));
    }

    private Integer escalate(FiscalUnit unit, DayLevel d, BigDecimal floor, Decision why, LocalDate start, String key, long revision) {
        EscalationPolicy.Target target = EscalationPolicy.target(unit, regions.cityOf(unit.code()));
        List<Recipient> to = new ArrayList<>();
        if (target.province()) {
            contacts.activeInRole(Contact.LEADER).forEach(c -> to.add(new Recipient("LEADER", c)));
            contacts.activeInRole(Contact.ANALYST).forEach(c -> to.add(new Recipient("ANALYST", c)));
        } else {
            contacts.active(target.cityCode(), Contact.UNIT).forEach(c -> to.add(new Recipient("CITY", c)));
        }
        return send(new CashAlertRepository.NewAlert(key, CashAlertRepository.ESCALATION, unit.code(), d.day(), d.balance(), d.level(),
                        floor, d.daysBelowFloor(), start, target.province() ? "PROVINCE" : target.cityCode(),
                        why.reason() + "；" + target.reason(), revision), to,
                CashAlertText.escalationSubject(unit.name(), d.daysBelowFloor()), CashAlertText.escalation(unit.name(), d, floor, start));
    }

    private record Recipient(String type, Contact contact) {
    }

    private Integer send(CashAlertRepository.NewAlert alert, List<Recipient> to, String subject, String body) {
        LocalDateTime now = LocalDateTime.now(clock);
        return own.execute(tx -> {
            Long id = alerts.claim(alert, now);
            if (id == null) return null;
            int n = 0;
            for (Recipient r : to)
                for (String channel : Notifications.CHANNELS) {
                    String address = r.contact().address(channel);
                    if (address == null) continue;
                    String key = alert.claimKey() + "-C" + r.contact().id() + "-" + channel;
                    if (!notifications.configured(channel)) {
                        // listed as 渠道未配置 so the list shows who was not reached and why; nothing waits in the outbox
                        alerts.message(id, r.type(), r.contact().name(), channel, key);
                        continue;
                    }
                    if (notifications.queued(key)) continue;
                    notifications.queue(new Notifications.Message(null, null, alert.unitCode(), r.type(), r.contact().name(),
                            channel, address, subject, body, key), now);
                    alerts.message(id, r.type(), r.contact().name(), channel, key);
                    n++;
                }
            audit.record(ACTOR, CashAlertRepository.WARNING.equals(alert.kind()) ? "CASH_WARNING" : "CASH_ESCALATION",
                    alert.unitCode(), alert.day() + " " + alert.reason() + "，消息 " + n + " 条");
            return n;
        });
    }

    /** First day of the streak that ends on this day (the days with a balance, counted back). */
    private LocalDate streakStart(DayLevel d) {
        List<DayLevel> back = watch.series(d.unitCode(), d.day().minusDays(d.daysBelowFloor() * 2L + 7), d.day());
        int i = back.size() - d.daysBelowFloor();
        return i >= 0 && i < back.size() ? back.get(i).day() : d.day().minusDays(d.daysBelowFloor() - 1L);
    }

    static String claimKey(String kind, String unit, LocalDate day) {
        return "CASH-" + (CashAlertRepository.WARNING.equals(kind) ? "W" : "E") + "-" + unit + "-" + day;
    }
}
