package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import cn.sanbao.cli.PublicMethodSamplesTest;
import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.testsupport.BothDatabases;

/**
 * The sample models of published methods run in the console: each version of the file is published through the
 * four-eyes workflow with its own effective period, the sample facts are imported, December runs read the annual
 * figures, and every unit gets the grade worked out by hand in {@link PublicMethodSamplesTest} (the command line).
 * Each test publishes versions into the model history, so it gets a context (and database) of its own.
 */
@SpringBootTest
@BothDatabases
class PublicMethodSamplesWebTest {

    @Autowired ModelRegistry models;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;
    @Autowired FactRepository facts;

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void letterGradesUseTheVersionInForceEachYear() throws IOException {
        List<Long> versions = publish(Path.of("samples/models/letter-grade-by-year.yaml"));
        load(Path.of("samples/facts/letter-grade-by-year.csv"));
        for (int year : new int[] {2019, 2020}) {
            ScoringRun run = scoring.run(Period.month(year, 12), "analyst", "示例");
            assertThat(run.modelVersionId()).isEqualTo(versions.get(year - 2019));
            Map<String, UnitRanking> byUnit = ranking(run);
            for (String unit : List.of("640104", "640105", "640121"))
                assertThat(byUnit.get(unit).grade()).as(unit + " " + year).isEqualTo(PublicMethodSamplesTest.LETTER_GRADES.get(unit + "|" + year));
            assertThat(results.explanation(run.id(), "640104").modelLabel()).contains("v" + models.version(versions.get(year - 2019)).version());
        }
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void deficitYearsReadEarlierYearsWithTheirPeriodAndRevision() throws IOException {
        publish(Path.of("samples/models/deficit-years.yaml"));
        long revision = load(Path.of("samples/facts/deficit-years.csv"));
        for (int year : new int[] {2019, 2020}) {
            ScoringRun run = scoring.run(Period.month(year, 12), "analyst", "示例");
            Map<String, UnitRanking> byUnit = ranking(run);
            for (String unit : List.of("640104", "640105", "640121")) {
                String key = unit + "|" + year;
                assertThat(byUnit.get(unit).grade()).as(key).isEqualTo(PublicMethodSamplesTest.DEFICIT_GRADES.get(key));
                assertThat(byUnit.get(unit).total()).as(key).isEqualByComparingTo(PublicMethodSamplesTest.DEFICIT_TOTALS.get(key));
            }
            if (year == 2020) {
                ResultExplanation e = results.explanation(run.id(), "640121");
                ResultExplanation.Input earlier = e.indicators().stream().filter(i -> i.code().equals("AVG_COVERAGE"))
                        .flatMap(i -> i.inputs().stream()).filter(in -> in.item().equals("fiscal_capacity__Y2")).findFirst().orElseThrow();
                assertThat(earlier.sourcePeriod()).isEqualTo("2018");
                assertThat(earlier.revisionId()).isEqualTo(revision);
                assertThat(earlier.value()).isEqualByComparingTo("1300");
                assertThat(earlier.name()).isEqualTo("可用财力（前 2 年）");
                assertThat(e.overrides()).extracting(ResultExplanation.Override::code).containsExactly("CAPACITY_DROP");
            }
        }
    }

    private Map<String, UnitRanking> ranking(ScoringRun run) {
        Map<String, UnitRanking> out = new java.util.HashMap<>();
        results.ranking(run, u -> true).forEach(r -> out.put(r.unitCode(), r));
        return out;
    }

    /** Each YAML document of the file becomes a console version of the monitoring model, effective as it says. */
    private List<Long> publish(Path file) throws IOException {
        String code = models.publishedFor(Period.month(2021, 1)).code();
        long source = models.publishedFor(Period.month(2021, 1)).id();
        List<Long> ids = new ArrayList<>();
        for (String doc : Files.readString(file, StandardCharsets.UTF_8).split("(?m)^---$")) {
            String yaml = doc.replaceFirst("(?m)^code: .*$", "code: " + code);
            String from = yaml.replaceFirst("(?s).*?(?m)^effectiveFrom: (\\S+).*", "$1");
            long id = models.copyToDraft(source, "analyst").id();
            models.saveDraft(id, yaml, "analyst");
            models.submit(id, Period.parse(from), "示例方法", "analyst");
            models.approve(id, "leader");
            ids.add(id);
        }
        return ids;
    }

    private long load(Path csv) throws IOException {
        List<FactValue> values = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8).subList(1, Files.readAllLines(csv).size())) {
            String[] c = line.split(",");
            values.add(new FactValue(c[0], c[2], c[3], new BigDecimal(c[4])));
        }
        return facts.createRevision("TEST", csv.getFileName().toString(), "analyst", null, values);
    }
}
