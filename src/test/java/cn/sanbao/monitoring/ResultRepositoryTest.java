package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * The set-based reads (all periods of a year, many runs at once, one unit's year) give exactly what the
 * one-period reads give; the period pickers list weeks as well as months.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class ResultRepositoryTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired MockMvc mvc;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void latestRunsGiveEachPeriodOfTheYearOnceWithItsNewestRun() {
        Map<Period, ScoringRun> weeks = results.latestRuns(2021, Period.Type.WEEK);
        assertThat(weeks).hasSize(52);
        assertThat(new ArrayList<>(weeks.keySet())).isSorted().allSatisfy(p -> assertThat(p.type()).isEqualTo(Period.Type.WEEK));
        weeks.forEach((p, run) -> assertThat(run).isEqualTo(results.latestRun(p).orElseThrow()));
        Map<Period, ScoringRun> months = results.latestRuns(2021, Period.Type.MONTH);
        assertThat(months.keySet()).containsExactly(java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(m -> Period.month(2021, m)).toArray(Period[]::new));
        assertThat(results.latestRuns(1999, Period.Type.MONTH)).isEmpty();
    }

    @Test
    void rankingsOfManyRunsAtOnceEqualTheRankingOfEachRun() {
        List<ScoringRun> runs = List.copyOf(results.latestRuns(2021, Period.Type.MONTH).values());
        Map<Long, List<UnitRanking>> all = results.rankings(runs, code -> true);
        assertThat(all).hasSize(12);
        for (ScoringRun run : runs) {
            assertThat(all.get(run.id())).isNotEmpty().isEqualTo(results.ranking(run, code -> true));
        }
        // each month is compared with the month before: March's previous grade of 西吉县 is February's grade
        UnitRanking feb = line(all.get(runs.get(1).id()), "640422");
        UnitRanking mar = line(all.get(runs.get(2).id()), "640422");
        assertThat(mar.previousGrade()).isEqualTo(feb.grade());
        assertThat(mar.previousTotal()).isEqualByComparingTo(feb.total());
        assertThat(mar.grade()).isEqualTo("HIGH");
        // the scope filter applies to every run
        assertThat(results.rankings(runs, "640422"::equals).values()).allSatisfy(list ->
                assertThat(list).extracting(UnitRanking::unitCode).containsExactly("640422"));
    }

    @Test
    void historyOfAUnitEqualsItsLineInEachPeriodsRanking() {
        for (Period.Type type : List.of(Period.Type.MONTH, Period.Type.WEEK)) {
            Map<Period, UnitRanking> history = results.historyByPeriod("640422", 2021, type);
            assertThat(history).hasSize(type == Period.Type.MONTH ? 12 : 52);
            history.forEach((p, h) -> assertThat(h).as("%s", p).isEqualTo(line(results.ranking(p, code -> true), "640422")));
            assertThat(results.history("640422", 2021, type)).containsExactlyElementsOf(history.values());
        }
        assertThat(results.history("999999", 2021, Period.Type.MONTH)).isEmpty();
    }

    @Test
    void monitoringPeriodPickerListsWeeksAfterMonths() throws Exception {
        String page = mvc.perform(get("/monitoring").param("period", "2021-W05").with(user("analyst").roles(Roles.ANALYST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<optgroup label=\"月度\">", "<optgroup label=\"周度\">", "value=\"2021-03\"",
                "<option value=\"2021-W05\" selected=\"selected\">", "value=\"2021-W52\"");
        assertThat(page.indexOf("value=\"2021-12\"")).isLessThan(page.indexOf("value=\"2021-W01\""));
    }

    static UnitRanking line(List<UnitRanking> rows, String unit) {
        return rows.stream().filter(r -> r.unitCode().equals(unit)).findFirst().orElseThrow();
    }
}
