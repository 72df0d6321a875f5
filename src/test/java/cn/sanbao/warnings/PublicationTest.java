package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.notify.Notifications;
import cn.sanbao.notify.OutboxMessage;
import cn.sanbao.testsupport.BothDatabases;

/** Publication, warnings, cases and escalation on a real database (H2 and PostgreSQL). */
@SpringBootTest
@BothDatabases
class PublicationTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired CaseRepository cases;
    @Autowired CaseService caseService;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void published() {
        WarningsFixture.demoPublished(facts, scoring, results, publications,
                new WarningsDemo(publishing, publications, results, regionTree));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void demoYearWarnsAndEscalatesJingyuanStepByStep() {
        for (int m = 1; m <= 12; m++) assertThat(publications.latestPublication(Period.month(2021, m).code())).isPresent();
        WarningCase jingyuan = cases.all().stream().filter(c -> c.unitCode().equals("640424") && c.openedPeriod().equals("2021-01"))
                .findFirst().orElseThrow();
        List<Warning> ws = publications.warningsOfCase(jingyuan.id());
        assertThat(ws).extracting(Warning::period).startsWith("2021-01", "2021-02", "2021-03", "2021-04");
        assertThat(ws.subList(0, 8)).allSatisfy(w -> assertThat(w.grade()).isEqualTo("HIGH"));
        assertThat(ws.subList(0, 4)).extracting(Warning::escalation).containsExactly(null, "NOTICE", "SUMMONS", "ACCOUNTABILITY");
        assertThat(ws.subList(4, 8)).extracting(Warning::escalation).containsOnlyNulls();
        assertThat(cases.events(jingyuan.id())).filteredOn(e -> e.action().equals("ESCALATED")).extracting(CaseEvent::detail)
                .satisfiesExactly(d -> assertThat(d).endsWith("通报"), d -> assertThat(d).endsWith("约谈"), d -> assertThat(d).endsWith("问责"));
        // every 文号 is unique and numbered in order
        assertThat(ws).extracting(Warning::letterNo).doesNotHaveDuplicates().allMatch(n -> n.matches("宁财预〔\\d{4}〕\\d+号"));
    }

    @Test
    void arrearsOverrideWarnsXijiAndQueuesOneMessagePerRecipientAndChannel() {
        Publication march = publications.latestPublication("2021-03").orElseThrow();
        Warning xiji = publications.warningsOfPublication(march.id()).stream().filter(w -> w.unitCode().equals("640422"))
                .findFirst().orElseThrow();
        assertThat(xiji.overrides()).isEqualTo("ARREARS");
        // first what decided the grade, with the amount; then the indicators in their worst band
        assertThat(xiji.gradeCause()).matches("存在工资或基本民生拖欠（工资拖欠余额 [\\d,]+\\.\\d\\d 万元.*），一票否决定为高度风险");
        assertThat(xiji.indicatorLines()).allMatch(c -> c.matches(".+ [\\d.]+(%| 倍)，处于最低档（.+），标准为.+"));
        List<OutboxMessage> msgs = notifications.ofWarning(xiji.id());
        // unit: SMS, WeChat, e-mail; city 固原市: WeChat, e-mail; leader (HIGH only): SMS, e-mail
        assertThat(msgs).extracting(m -> m.recipientType() + ":" + m.channel()).containsExactlyInAnyOrder(
                "UNIT:SMS", "UNIT:WECHAT", "UNIT:EMAIL", "CITY:WECHAT", "CITY:EMAIL", "LEADER:SMS", "LEADER:EMAIL");
        assertThat(msgs).extracting(OutboxMessage::idempotencyKey).doesNotHaveDuplicates();
        // no gateway is configured in this context: nothing was sent anywhere
        assertThat(msgs).allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxMessage.PENDING));
        assertThat(msgs).filteredOn(m -> m.channel().equals("SMS") && m.recipientType().equals("UNIT")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("西吉县", "高度风险", xiji.letterNo()));
        assertThat(march.warningCount()).isEqualTo(publications.warningsOfPublication(march.id()).size());
    }

    @Test
    void aRunIsPublishedOnlyOnce() {
        int before = count("warning");
        assertThatThrownBy(() -> publishing.publish(Period.month(2021, 4), "analyst"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不能重复发布");
        assertThat(count("warning")).isEqualTo(before);
    }

    @Test
    void aFailureWhileWritingTheOutboxLeavesNoPublicationWarningOrCase() {
        WarningsFixture.copyDemoYear(2032, 1, facts, scoring, results);
        int pubs = count("warning_publication"), warns = count("warning"), cs = count("warning_case"), evs = count("warning_case_event");
        Notifications failing = new Notifications() {
            int written;
            @Override
            public void queue(Message m, java.time.LocalDateTime at) {
                if (++written == 5) throw new IllegalStateException("模拟写入消息时数据库故障");
                notifications.queue(m, at);
            }
            @Override public boolean queued(String key) { return notifications.queued(key); }
            @Override public boolean configured(String channel) { return notifications.configured(channel); }
            @Override public java.util.Optional<OutboxMessage> deliverNow(String key) { return notifications.deliverNow(key); }
            @Override public List<OutboxMessage> ofWarning(long id) { return notifications.ofWarning(id); }
            @Override public List<OutboxMessage> ofPublication(long id) { return notifications.ofPublication(id); }
            @Override public List<OutboxMessage> byKeys(java.util.Collection<String> keys) { return notifications.byKeys(keys); }
        };
        PublicationService broken = new PublicationService(results, demoRegions(), publications, cases, failing,
                rules, audit, tx, clockProvider);
        assertThatThrownBy(() -> broken.publish(Period.month(2032, 1), "analyst")).hasMessageContaining("模拟写入消息时数据库故障");
        assertThat(count("warning_publication")).isEqualTo(pubs);
        assertThat(count("warning")).isEqualTo(warns);
        assertThat(count("warning_case")).isEqualTo(cs);
        assertThat(count("warning_case_event")).isEqualTo(evs);
        assertThat(publications.latestPublication("2032-01")).isEmpty();
        // the same month publishes fine afterwards
        Publication ok = publishing.publish(Period.month(2032, 1), "analyst");
        assertThat(ok.warningCount()).isPositive();
        assertThat(notifications.ofPublication(ok.id())).hasSize(ok.messageCount());
    }

    @Test
    void thePreviewStoresNothingAndShowsWhatPublishingThenDoes() {
        WarningsFixture.copyDemoYear(2033, 1, facts, scoring, results);
        int pubs = count("warning_publication"), warns = count("warning"), msgs = count("warning_outbox"), cs = count("warning_case");
        long audits = count("audit_event");
        PublicationPreview preview = publishing.preview(Period.month(2033, 1));
        assertThat(count("warning_publication")).isEqualTo(pubs);
        assertThat(count("warning")).isEqualTo(warns);
        assertThat(count("warning_outbox")).isEqualTo(msgs);
        assertThat(count("warning_case")).isEqualTo(cs);
        assertThat(count("audit_event")).isEqualTo(audits);
        assertThat(preview.messages()).isNotEmpty();
        assertThat(preview.perChannel()).containsKeys("短信", "企业微信");
        assertThat(preview.perChannel().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(preview.messages().size());
        // one sample per recipient kind and channel, rendered exactly as it will be sent
        assertThat(preview.samples()).extracting(m -> m.recipientType() + "/" + m.channel()).doesNotHaveDuplicates()
                .contains("UNIT/SMS", "UNIT/WECHAT");
        // a re-run after the preview stops the confirmation: the person must look again
        long previewed = preview.runId();
        scoring.run(Period.month(2033, 1), "analyst", "更正后重新运行");
        assertThatThrownBy(() -> publishing.publishConfirmed(Period.month(2033, 1), previewed, "analyst"))
                .hasMessageContaining("请重新预览");
        assertThat(count("warning_publication")).isEqualTo(pubs);
        PublicationPreview again = publishing.preview(Period.month(2033, 1));
        Publication p = publishing.publishConfirmed(Period.month(2033, 1), again.runId(), "analyst");
        assertThat(notifications.ofPublication(p.id())).extracting(OutboxMessage::idempotencyKey)
                .containsExactlyInAnyOrderElementsOf(again.messages().stream().map(OutboxMessage::idempotencyKey).toList());
        assertThat(p.warningCount()).isEqualTo(again.warnings().size());
    }

    @Test
    void publishingTheSameMonthAgainNeverRepeatsAMessage() {
        WarningsFixture.copyDemoYear(2034, 1, facts, scoring, results);
        Period jan = Period.month(2034, 1);
        Publication first = publishing.publish(jan, "analyst");
        List<OutboxMessage> sent = notifications.ofPublication(first.id());
        assertThat(sent).isNotEmpty();
        // corrected data, re-run, published again: the same people are not told the same month twice
        scoring.run(jan, "analyst", "更正后重新运行");
        PublicationPreview preview = publishing.preview(jan);
        assertThat(preview.messages()).isEmpty();
        assertThat(preview.alreadySent()).isEqualTo(sent.size());
        Publication second = publishing.publish(jan, "analyst");
        assertThat(notifications.ofPublication(second.id())).isEmpty();
        assertThat(second.messageCount()).isZero();
        // a contact added since is told, and only they are
        Warning w = publications.warningsOfPublication(first.id()).get(0);
        long contact = publications.addContact(w.unitCode(), Contact.UNIT, "新联系人", "科长", "13900000001", null, null);
        scoring.run(jan, "analyst", "第三次运行");
        Publication third = publishing.publish(jan, "analyst");
        assertThat(notifications.ofPublication(third.id())).singleElement().satisfies(m -> {
            assertThat(m.recipientName()).isEqualTo("新联系人");
            assertThat(m.channel()).isEqualTo("SMS");
            assertThat(m.idempotencyKey()).contains("-C" + contact + "-");
        });
        assertThat(jdbc.sql("select count(*) from warning_outbox where idempotency_key like 'SB-2034-01-%'").query(Integer.class).single())
                .isEqualTo(sent.size() + 1);
        publications.setContactActive(contact, false);
    }

    @Autowired cn.sanbao.region.RegionTree regionTree;
    @Autowired WarningRules rules;
    @Autowired cn.sanbao.audit.AuditLog audit;
    @Autowired org.springframework.transaction.support.TransactionOperations tx;
    @Autowired org.springframework.beans.factory.ObjectProvider<java.time.Clock> clockProvider;

    private cn.sanbao.region.RegionTree demoRegions() {
        return regionTree;
    }

    @Test
    void aClosedCaseComesBackWhenTheNextMonthIsStillBadAndKeepsEscalating() {
        WarningsFixture.copyDemoYear(2031, 3, facts, scoring, results);
        WarningsFixture.analyst();
        cases.latestOfUnit("640424").filter(c -> c.caseStatus() != CaseStatus.CLOSED).ifPresent(c -> closeCase(c.id()));
        publishing.publish(Period.month(2031, 1), "analyst");
        WarningCase fresh = cases.latestOfUnit("640424").orElseThrow();
        assertThat(fresh.openedPeriod()).isEqualTo("2031-01");
        assertThat(fresh.escalation()).isNull();
        publishing.publish(Period.month(2031, 2), "analyst");
        assertThat(cases.find(fresh.id()).orElseThrow().escalation()).isEqualTo("NOTICE");
        assertThatThrownBy(() -> caseService.close(fresh.id(), "analyst", " ")).hasMessageContaining("销号必须填写销号理由");
        closeCase(fresh.id());
        assertThat(cases.find(fresh.id()).orElseThrow().closeReason()).isEqualTo("已补足库款，整改完成");

        publishing.publish(Period.month(2031, 3), "analyst");
        WarningCase back = cases.find(fresh.id()).orElseThrow();
        assertThat(back.caseStatus()).isEqualTo(CaseStatus.WARNED);
        assertThat(back.escalation()).isEqualTo("SUMMONS");
        assertThat(back.closeReason()).isNull();
        assertThat(cases.events(fresh.id())).extracting(CaseEvent::action).containsSubsequence(
                "OPENED", "WARNED_AGAIN", "ESCALATED", "PLAN_SUBMITTED", "PLAN_ACCEPTED", "CLOSED", "REOPENED", "ESCALATED");
    }

    private void closeCase(long id) {
        caseService.submitPlan(id, "analyst", "压减一般性支出，补足库款");
        caseService.acceptPlan(id, "analyst", "同意");
        caseService.close(id, "analyst", "已补足库款，整改完成");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
