package cn.sanbao.cashwatch;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.intake.Finding;
import cn.sanbao.intake.Location;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Daily balances stored as revisions, and levels computed from them and the 三保 need, on H2 and PostgreSQL.
 * The database is shared by the tests of this class, so each test uses its own units and days.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
@RecordApplicationEvents
class CashWatchStoreTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");

    @Autowired MockMvc mvc;

    static final LocalDate TODAY = LocalDate.now();

    @Autowired DailyCashWatch watch;
    @Autowired FactRepository facts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    static DailyBalance row(String unit, LocalDate day, String balance, int line) {
        return new DailyBalance(unit, day, balance == null ? null : new BigDecimal(balance), new Location(null, line, "第3列"));
    }

    @Test
    void storeIsARevisionAndAnIdenticalStoreStoresNothing() {
        LocalDate d1 = TODAY.minusDays(40), d2 = TODAY.minusDays(39);
        DailyCashResult first = watch.store("upload", "库款日报.csv",
                List.of(row("640104", d1, "1000.5", 2), row("640105", d1, "2000", 3), row("640104", d2, "900", 4)), "analyst");

        assertThat(first.revisionId()).isNotNull();
        assertThat(first.rows()).isEqualTo(3);
        assertThat(first.changed()).isEqualTo(3);
        assertThat(first.firstDay()).isEqualTo(d1);
        assertThat(first.lastDay()).isEqualTo(d2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CASH_DAILY_STORE' and target = :t")
                .param("t", "cash-revision:" + first.revisionId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(events.stream(DailyCashStored.class).filter(e -> e.revisionId() == first.revisionId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.units()).isEqualTo(2);
                    assertThat(e.firstDay()).isEqualTo(d1);
                    assertThat(e.source()).isEqualTo("upload");
                });

        long publishedBefore = events.stream(DailyCashStored.class).count();
        DailyCashResult again = watch.store("upload", "库款日报.csv",
                List.of(row("640104", d1, "1000.50", 2), row("640105", d1, "2000.00", 3), row("640104", d2, "900", 4)), "analyst");
        assertThat(again.revisionId()).isNull();
        assertThat(again.changed()).isZero();
        assertThat(again.message()).isEqualTo("数据无变化，未保存");
        assertThat(events.stream(DailyCashStored.class).count()).isEqualTo(publishedBefore);

        // a correction is a new revision holding only the changed row; the earlier one is kept
        DailyCashResult fix = watch.store("upload", "更正.csv",
                List.of(row("640104", d1, "1100", 2), row("640105", d1, "2000", 3)), "analyst");
        assertThat(fix.changed()).isEqualTo(1);
        assertThat(watch.series("640104", d1, d2)).extracting(DayLevel::balance)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("1100"), new BigDecimal("900"));
        assertThat(jdbc.sql("select count(*) from cash_balance where unit_code = '640104' and balance_day = :d")
                .param("d", java.sql.Date.valueOf(d1)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void badRowsAreAllNamedAndNothingIsStored() {
        LocalDate d = TODAY.minusDays(30);
        long before = count();
        LocalDate latest = watch.latestDay().filter(x -> x.isAfter(d)).orElse(d); // stored or in the batch
        List<DailyBalance> rows = List.of(
                row("640999", d, "1", 2),                 // unknown unit
                row("640100", d, "1", 3),                 // a city: not a budget unit
                row("640106", d, null, 4),                // empty balance
                row("640106", TODAY.plusDays(1), "1", 5), // future
                row("640121", d, "-5", 6),                // negative
                row("640122", d, "1.234", 7),             // three decimals
                row("640181", d, "1", 8),
                row("640181", d, "2", 9),                 // duplicate
                row("640202", TODAY.minusYears(2), "1", 10)); // far before the latest day
        assertThatThrownBy(() -> watch.store("upload", "坏.csv", rows, "analyst"))
                .isInstanceOfSatisfying(DailyCashRejected.class, e -> assertThat(e.findings()).extracting(Finding::text)
                        .containsExactly(
                                "坏.csv 第2行 第3列：未知的单位编码“640999”",
                                "坏.csv 第3行 第3列：“640100 银川市”是汇总单位，不是预算单位；库款日报按预算单位报送",
                                "坏.csv 第4行 第3列：日终余额为空",
                                "坏.csv 第5行 第3列：日期 " + TODAY.plusDays(1) + " 晚于今天（" + TODAY + "）",
                                "坏.csv 第6行 第3列：日终余额不能为负数：-5",
                                "坏.csv 第7行 第3列：日终余额超过两位小数：1.234",
                                "坏.csv 第9行 第3列：单位 640181 日期 " + d + " 重复（首次出现在第8行 第3列）",
                                "坏.csv 第10行 第3列：日期 " + TODAY.minusYears(2) + " 早于最新日期一年以上（最早 "
                                        + latest.minusYears(1) + "）"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void checkingStopsAfter200Findings() {
        List<DailyBalance> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) rows.add(row("X" + i, TODAY.minusDays(3), "1", i + 2));
        assertThatThrownBy(() -> watch.store("upload", "多.csv", rows, "analyst"))
                .isInstanceOfSatisfying(DailyCashRejected.class, e -> {
                    assertThat(e.findings()).hasSize(DailyCashRejected.MAX_FINDINGS);
                    assertThat(e.findings().get(0).reason()).isEqualTo("未知的单位编码“X0”");
                });
    }

    @Test
    void levelIsBalanceOverMonthlyNeedWithTheRunBelowTheFloor() {
        int year = TODAY.minusDays(20).getYear();
        // annual 三保 need 1,200,000 → monthly 100,000; floor 0.3 → 30,000
        facts.createRevision("TEST", "需求", "test", null, List.of(
                new FactValue("640205", String.valueOf(year), "demand_wage", new BigDecimal("600000")),
                new FactValue("640205", String.valueOf(year), "demand_operation", new BigDecimal("200000")),
                new FactValue("640205", String.valueOf(year), "demand_livelihood", new BigDecimal("400000"))));
        LocalDate d = LocalDate.of(year, 6, 1);
        watch.store("upload", "序列.csv", List.of(
                row("640205", d, "20000", 2),              // 0.20 low, run 1
                row("640205", d.plusDays(1), "29000", 3),  // 0.29 low, run 2
                // d+2 has no balance: neither counts nor breaks the run
                row("640205", d.plusDays(3), "10000", 4),  // low, run 3
                row("640205", d.plusDays(4), "30000", 5),  // exactly on the floor: normal, run ends
                row("640205", d.plusDays(5), "25000", 6),  // low, run 1
                row("640205", d.plusDays(6), "90000", 7),  // 0.90 normal: the daily band's upper bound is 1.5
                row("640205", d.plusDays(7), "150000", 9), // exactly on the upper bound: normal
                row("640205", d.plusDays(8), "151000", 10), // 1.51 ample
                row("640221", d, "5000", 8)), "analyst");  // no need for the year: unknown

        List<DayLevel> s = watch.series("640205", d, d.plusDays(8));
        assertThat(s).extracting(DayLevel::day).containsExactly(d, d.plusDays(1), d.plusDays(3), d.plusDays(4),
                d.plusDays(5), d.plusDays(6), d.plusDays(7), d.plusDays(8));
        assertThat(s).extracting(DayLevel::band).containsExactly(CashLevelBand.LOW, CashLevelBand.LOW, CashLevelBand.LOW,
                CashLevelBand.NORMAL, CashLevelBand.LOW, CashLevelBand.NORMAL, CashLevelBand.NORMAL, CashLevelBand.AMPLE);
        assertThat(s).extracting(DayLevel::daysBelowFloor).containsExactly(1, 2, 3, 0, 1, 0, 0, 0);
        assertThat(s.get(0).level()).isEqualByComparingTo("0.20");
        assertThat(s.get(0).monthlyNeed()).isEqualByComparingTo("100000.00");
        assertThat(s.get(3).level()).isEqualByComparingTo("0.30");

        assertThat(watch.onDay(d, u -> u.equals("640221"))).singleElement().satisfies(l -> {
            assertThat(l.level()).isNull();
            assertThat(l.band()).isEqualTo(CashLevelBand.UNKNOWN);
            assertThat(l.monthlyNeed()).isNull();
        });
        // the run on a day counts the days before it even when they lie before the asked range
        assertThat(watch.onDay(d.plusDays(3), u -> u.startsWith("6402"))).extracting(DayLevel::unitCode, DayLevel::daysBelowFloor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("640205", 3));
        assertThat(watch.levels(d.plusDays(5), d.plusDays(6), u -> true)).containsKey("640205")
                .extractingByKey("640205").satisfies(l -> assertThat(l).extracting(DayLevel::daysBelowFloor).containsExactly(1, 0));
    }

    private int count() { return jdbc.sql("select count(*) from cash_balance").query(Integer.class).single(); }

    @Test
    void onlyTheAnalystUploadsAndACountyUserSeesOnlyItsOwnUnit() throws Exception {
        LocalDate d = TODAY.minusDays(10);
        String csv = "单位编码,日期,日终余额（元）\n640423," + d + ",5000\n";
        long before = count();
        mvc.perform(multipart("/cash-watch/upload").file(new MockMultipartFile("file", "库款.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(XIJI).with(csrf())).andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);

        mvc.perform(multipart("/cash-watch/upload").file(new MockMultipartFile("file", "库款.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .with(ANALYST).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已保存为数据修订")));
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select created_by from cash_revision where id = (select max(id) from cash_revision)")
                .query(String.class).single()).isEqualTo("analyst");

        mvc.perform(get("/cash-watch").param("unit", "640423").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/cash-watch").with(XIJI)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("上传库款日报"))));
        mvc.perform(get("/cash-watch/export").param("day", d.toString()).with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/cash-watch/template").with(XIJI)).andExpect(status().isOk());
    }
}
