package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.ReportBuilder;
import cn.sanbao.reports.ReportKind;
import cn.sanbao.shared.table.Table;
import cn.sanbao.testsupport.BothDatabases;

/** 升级处置 by a person, the case history, the unit report's column and the month's 通报批评 (H2 and PostgreSQL). */
@SpringBootTest
@BothDatabases
class EscalationTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired PublicationRepository publications;
    @Autowired PublicationService publishing;
    @Autowired cn.sanbao.region.RegionTree regionTree;
    @Autowired CaseRepository cases;
    @Autowired EscalationService escalation;
    @Autowired NoticeService notices;
    @Autowired ReportBuilder reports;
    @Autowired AuditLog audit;

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
    void aLeaderSummonsAUnitWithTimePlaceAndAttendeesAndAnAnalystWithdrawsIt() {
        WarningCase c = cases.all().stream().filter(x -> x.caseStatus() != CaseStatus.CLOSED && x.escalation() == null)
                .findFirst().orElseThrow();
        WarningsFixture.signIn("leader", "ROLE_LEADER");
        LocalDate day = LocalDate.now().minusDays(1);
        assertThatThrownBy(() -> escalation.decide(c.id(), "leader", new EscalationService.Decision("SUMMONS", day,
                "连续两月库款保障不足", null, "财政厅 3 楼会议室", "县长、财政局局长", null)))
                .hasMessageContaining("约谈须填写约谈时间");
        assertThat(cases.find(c.id()).orElseThrow().escalation()).isNull();
        LocalDateTime meeting = LocalDateTime.now().plusDays(3).withSecond(0).withNano(0);
        escalation.decide(c.id(), "leader", new EscalationService.Decision("SUMMONS", day, "连续两月库款保障不足", meeting,
                "财政厅 3 楼会议室", "县长、财政局局长", null));
        assertThat(cases.find(c.id()).orElseThrow().escalation()).isEqualTo("SUMMONS");
        List<ManualEscalation> decided = escalation.ofCase(c.id());
        assertThat(decided).singleElement().satisfies(e -> {
            assertThat(e.toLevel()).isEqualTo("SUMMONS");
            assertThat(e.decidedOn()).isEqualTo(day);
            assertThat(e.meetingAt()).isEqualTo(meeting);
            assertThat(e.attendees()).isEqualTo("县长、财政局局长");
            assertThat(e.actor()).isEqualTo("leader");
        });
        assertThat(cases.events(c.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ESCALATED");
            assertThat(e.detail()).contains("约谈", "财政厅 3 楼会议室", "连续两月库款保障不足");
        });
        assertThat(audit.recent(3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("WARNING_CASE_ESCALATE");
            assertThat(e.actor()).isEqualTo("leader");
        });
        // 问责 names who it goes to; without it nothing changes
        assertThatThrownBy(() -> escalation.decide(c.id(), "leader", new EscalationService.Decision("ACCOUNTABILITY", day,
                "约谈后仍未整改", null, null, null, " "))).hasMessageContaining("问责须填写移交的机关或责任人");
        assertThat(cases.find(c.id()).orElseThrow().escalation()).isEqualTo("SUMMONS");

        WarningsFixture.analyst();
        escalation.decide(c.id(), "analyst", new EscalationService.Decision("", day, "已补足库款", null, null, null, null));
        assertThat(cases.find(c.id()).orElseThrow().escalation()).isNull();
        assertThat(cases.events(c.id())).last().extracting(CaseEvent::action, CaseEvent::actionLabel)
                .containsExactly("DEESCALATED", "降低处置级别");

        WarningsFixture.signIn("xiji", "ROLE_LOCAL", "SCOPE_640422");
        assertThatThrownBy(() -> escalation.decide(c.id(), "xiji", new EscalationService.Decision("NOTICE", day, "x", null, null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theUnitReportShowsTheEscalationTheCaseStandsAt() {
        // 泾源县 reached 问责 in April by the rules; the months after used to show nothing
        Warning december = publications.warningsOfPublication(publications.latestPublication("2021-12").orElseThrow().id())
                .stream().filter(w -> w.unitCode().equals("640424")).findFirst().orElseThrow();
        assertThat(december.escalation()).isNull();
        assertThat(cases.find(december.caseId()).orElseThrow().escalation()).isEqualTo("ACCOUNTABILITY");
        Report r = reports.build(ReportKind.UNIT_MONTHLY, Period.month(2021, 12), "640424");
        Table t = r.tables().stream().filter(x -> x.title().contains("预警发布与整改")).findFirst().orElseThrow();
        int col = t.columns().stream().map(Table.Column::header).toList().indexOf("处置升级");
        assertThat(t.display(0, col)).isEqualTo("问责");
    }

    @Test
    void aNoticeNamesTheUnitsAndReasonsOfTheMonthInDocxAndPdf() throws Exception {
        WarningCase c = cases.all().stream().filter(x -> x.caseStatus() != CaseStatus.CLOSED && x.escalation() == null)
                .findFirst().orElseThrow();
        String unit = regionTree.unit(c.unitCode()).orElseThrow().name();
        WarningsFixture.signIn("leader", "ROLE_LEADER");
        LocalDate day = LocalDate.now();
        escalation.decide(c.id(), "leader", new EscalationService.Decision("NOTICE", day, "虚报库款余额", null, null, null, null));
        Period month = Period.month(day.getYear(), day.getMonthValue());
        assertThat(notices.lines(month)).anySatisfy(l -> {
            assertThat(l.unitName()).isEqualTo(unit);
            assertThat(l.reason()).contains("虚报库款余额");
        });
        byte[] docx = notices.docx(month, "leader");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("通报", unit, "虚报库款余额");
        }
        byte[] pdf = notices.pdf(month, "leader");
        String text = cn.sanbao.reports.PdfText.of(pdf);
        if (text != null) assertThat(text.replaceAll("\\s+", "")).contains("通报", unit, "虚报库款余额");
        assertThat(audit.recent(3)).anySatisfy(e -> assertThat(e.action()).isEqualTo("WARNING_NOTICE_DOWNLOAD"));
        // the 2021 demo year: 通报 by the rules in the publication of the month the streak reached two
        assertThat(notices.lines(Period.month(2021, 2))).anySatisfy(l -> assertThat(l.unitName()).isEqualTo("泾源县"));
        WarningsFixture.signIn("xiji", "ROLE_LOCAL", "SCOPE_640422");
        assertThatThrownBy(() -> notices.lines(month)).isInstanceOf(AccessDeniedException.class);
    }
}
