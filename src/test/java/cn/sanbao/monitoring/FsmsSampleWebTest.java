package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;
import cn.sanbao.cli.FsmsSampleTest;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.testsupport.BothDatabases;

/**
 * The FSMS-style sample through the console: its facts stored as a data revision, the model published
 * through the registry (draft, submit, approve by a second person), a scoring run for March 2021 with unit
 * attributes from the region file. Same totals, grades, letters and levels as the command line
 * ({@link FsmsSampleTest#EXPECTED}). Its own database, so the published sample touches no other test.
 */
@SpringBootTest(properties = "sanbao.test.isolated=fsms-sample")
@BothDatabases
class FsmsSampleWebTest {

    @Autowired FactRepository facts;
    @Autowired ModelRegistry models;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired RunRepository runs;
    @Autowired JsonMapper json;

    @Test
    void consoleRunGivesTheSameResultsAsTheCommandLine() throws IOException {
        List<FactValue> values = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(FsmsSampleTest.FACTS)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
                values.add(new FactValue(row.get("unit"), row.get("period"), row.get("item"), new BigDecimal(row.get("value"))));
        }
        facts.createRevision("FILE", "FSMS 示例", "analyst", null, values);

        ModelVersion current = models.publishedFor(Period.month(2021, 3));
        ModelVersion draft = models.copyToDraft(current.id(), "analyst");
        String yaml = Files.readString(FsmsSampleTest.MODEL).replace("code: fsms_points", "code: " + current.code());
        models.saveDraft(draft.id(), yaml, "analyst");
        models.submit(draft.id(), Period.month(2021, 1), "按压力计分的示例模型", "analyst");
        models.approve(draft.id(), "leader");

        ScoringRun run = scoring.run(Period.month(2021, 3), draft.id(), "analyst", "FSMS 示例");
        Map<String, UnitRanking> stored = results.ranking(run, u -> true).stream()
                .collect(Collectors.toMap(UnitRanking::unitCode, Function.identity()));
        FsmsSampleTest.EXPECTED.forEach((unit, e) -> {
            UnitRanking r = stored.get(unit);
            assertThat(r.total()).as(unit).isEqualByComparingTo(e.total());
            assertThat(r.grade()).as(unit).isEqualTo(e.grade());
            assertThat(r.complete()).as(unit).isTrue();
            ResultExplanation x = json.readValue(runs.explanation(run.id(), unit).orElseThrow(), ResultExplanation.class);
            assertThat(x.gradeLetter()).as(unit).isEqualTo(e.letter());
            assertThat(x.indicators()).filteredOn(i -> i.code().equals("CASH_MONTHS")).singleElement()
                    .satisfies(i -> assertThat(i.level()).isEqualTo(e.cashLevel()));
            assertThat(x.indicators()).filteredOn(i -> i.code().equals("ARREARS")).singleElement()
                    .satisfies(i -> assertThat(i.valueText()).startsWith(e.arrearsLevel()));
        });
    }
}
