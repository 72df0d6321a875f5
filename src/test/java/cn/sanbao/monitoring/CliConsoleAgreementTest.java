package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import cn.sanbao.cli.DemoFactsExport;
import cn.sanbao.cli.ScoreCommand;
import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;

/**
 * The same data gets the same result on the command line and in the console: the demo year (every month and
 * week) is exported as a facts file, scored by {@code score}, and compared with the console's stored runs unit
 * by unit, indicator by indicator. Both read values by the one rule of {@code facts.PeriodRule}.
 */
// its own context and database: other tests in the shared context change demo values and re-score
@SpringBootTest(properties = "sanbao.test.context=cli-console-agreement")
@AutoConfigureMockMvc
@BothDatabases
class CliConsoleAgreementTest {

    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired JdbcClient jdbc;

    @TempDir Path dir;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    @Test
    void everyResultOfTheDemoYearIsTheSameOnTheCommandLineAndInTheConsole() throws Exception {
        List<String> periods = new ArrayList<>(List.of("2021"));
        for (int m = 1; m <= 12; m++) periods.add(Period.month(2021, m).code());
        for (int w = 1; w <= Period.weeksIn(2021); w++) periods.add(Period.week(2021, w).code());
        Path factsFile = dir.resolve("demo-2021.csv");
        Files.writeString(factsFile, DemoFactsExport.render(new DemoDataGenerator(), periods.toArray(String[]::new)), StandardCharsets.UTF_8);
        Path out = dir.resolve("cli.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(new String[] {"score", "--model", "src/main/resources/models/sanbao-default.yaml",
                "--facts", factsFile.toString(), "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        List<CSVRecord> rows;
        String text = Files.readString(out, StandardCharsets.UTF_8).substring(1);
        try (Reader r = new StringReader(text)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        // 28 budget units × (12 months + 52 weeks): the console also scores the 6 consolidated units, the file has none
        assertThat(rows).hasSize(28 * (12 + Period.weeksIn(2021)));
        List<String> indicators = rows.get(0).getParser().getHeaderNames().stream()
                .filter(h -> h.endsWith("_value")).map(h -> h.substring(0, h.length() - 6)).toList();

        Map<String, Long> runIds = new HashMap<>();
        int compared = 0;
        int incomplete = 0;
        for (CSVRecord row : rows) {
            Period p = Period.parse(row.get("period"));
            long runId = runIds.computeIfAbsent(p.code(), c -> results.latestRun(p).orElseThrow().id());
            String unit = row.get("unit");
            Map<String, Object> stored = jdbc.sql("select total, grade, status, missing from unit_result where run_id = ? and unit_code = ?")
                    .params(runId, unit).query().singleRow();
            String what = unit + " " + p.code();
            assertThat((BigDecimal) stored.get("total")).as(what).isEqualByComparingTo(row.get("total"));
            assertThat(stored.get("grade")).as(what).isEqualTo(row.get("grade").isEmpty() ? null : row.get("grade"));
            assertThat(stored.get("status").equals(UnitResultRow.COMPLETE)).as(what).isEqualTo(Boolean.parseBoolean(row.get("complete")));
            assertThat(stored.get("missing") == null ? "" : stored.get("missing")).as(what).isEqualTo(row.get("missing"));
            if (!Boolean.parseBoolean(row.get("complete"))) incomplete++;
            Map<String, BigDecimal> values = new HashMap<>();
            jdbc.sql("select indicator_code, indicator_value from indicator_result where run_id = ? and unit_code = ?")
                    .params(runId, unit).query().listOfRows()
                    .forEach(m -> values.put((String) m.get("indicator_code"), (BigDecimal) m.get("indicator_value")));
            for (String ind : indicators) {
                String cli = row.get(ind + "_value");
                BigDecimal console = values.get(ind);
                if (cli.isEmpty()) assertThat(console).as(what + " " + ind).isNull();
                else assertThat(console).as(what + " " + ind).isEqualByComparingTo(new BigDecimal(cli).setScale(6, RoundingMode.HALF_UP));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(rows.size() * indicators.size());
        // week 1 has no closed month yet: monthly items are missing in both, the same way
        assertThat(incomplete).isPositive();
    }
}
