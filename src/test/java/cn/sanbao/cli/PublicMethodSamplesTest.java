package cn.sanbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two sample models written from published methods, scored on their sample facts through the command
 * line; the expected results are worked out by hand below. {@code monitoring.PublicMethodSamplesWebTest}
 * scores the same files through the console and expects the same.
 */
public class PublicMethodSamplesTest {

    static final Path LETTERS = Path.of("samples/models/letter-grade-by-year.yaml");
    static final Path LETTER_FACTS = Path.of("samples/facts/letter-grade-by-year.csv");
    static final Path DEFICITS = Path.of("samples/models/deficit-years.yaml");
    static final Path DEFICIT_FACTS = Path.of("samples/facts/deficit-years.csv");

    /** unit|period → grade, COVERAGE-like value, version: the hand-worked expectations shared with the console test. */
    public static final Map<String, String> LETTER_GRADES = Map.of(
            // demand = 600 + 200 + 200 = 1000 in every unit and year.
            // 2019, v1 (from 2019-01): A ≥ 1.30, B [1.15, 1.30), C [1.00, 1.15), D < 1.00
            "640104|2019", "A",   // 1350 / 1000 = 1.35 → A, 100 points
            "640105|2019", "C",   // 1120 / 1000 = 1.12 → C, 40 points
            "640121|2019", "C",   // 1020 / 1000 = 1.02 → C, 40 points
            // 2020, v2 (from 2020-01): A ≥ 1.40, B [1.20, 1.40), C [1.05, 1.20), D < 1.05
            "640104|2020", "B",   // 1350 / 1000 = 1.35 → B under the tighter cut-offs, 70 points
            "640105|2020", "C",   // 1.12 → C, 40 points
            "640121|2020", "D");  // 1030 / 1000 = 1.03 → D (was C at 1.02 a year before), 0 points

    public static final Map<String, String> DEFICIT_GRADES = Map.of(
            // demand 1000 every year; grades NONE ≥ 80, SUSCEPTIBLE ≥ 55, MODERATE ≥ 30, SIGNIFICANT below.
            // 640104 capacity 2017–2020: 1200, 1150, 1100, 1040
            "640104|2019", "NONE",        // deficits in 2017–19: 0 → 50; avg(1.20, 1.15, 1.10) = 1.15 ≥ 1.10 → 50; total 100
            "640104|2020", "SUSCEPTIBLE", // 0 deficits → 50; avg(1.15, 1.10, 1.04) = 3.29 / 3 = 1.0967 → 25; total 75
            // 640105: 980, 1020, 990, 960
            "640105|2019", "SIGNIFICANT", // deficits 2017 (980) and 2019 (990): 2 → 10; avg(0.98, 1.02, 0.99) = 0.9967 → 0; total 10
            "640105|2020", "SIGNIFICANT", // deficits 2019 and 2020: 2 → 10; avg(1.02, 0.99, 0.96) = 0.99 → 0; total 10
            // 640121: 1300, 1300, 1250, 1100
            "640121|2019", "NONE",        // 0 → 50; avg(1.30, 1.30, 1.25) = 1.2833 → 50; 1250 ≥ 1300 × 0.9 = 1170, no override
            "640121|2020", "MODERATE");   // 0 → 50; avg(1.30, 1.25, 1.10) = 1.2167 → 50; total 100, but 1100 < 1250 × 0.9 = 1125:
                                          // CAPACITY_DROP makes it at least MODERATE

    public static final Map<String, String> DEFICIT_TOTALS = Map.of(
            "640104|2019", "100", "640104|2020", "75", "640105|2019", "10", "640105|2020", "10",
            "640121|2019", "100", "640121|2020", "100");

    @TempDir
    Path dir;

    @Test
    void letterGradesUseTheCutOffsInForceEachYear() throws IOException {
        Map<String, CSVRecord> rows = score(LETTERS, LETTER_FACTS);
        assertThat(rows).hasSize(6);
        LETTER_GRADES.forEach((key, grade) -> assertThat(rows.get(key).get("grade")).as(key).isEqualTo(grade));
        assertThat(rows.get("640104|2019").get("model_version")).isEqualTo("v1");
        assertThat(rows.get("640104|2020").get("model_version")).isEqualTo("v2");
        assertThat(new BigDecimal(rows.get("640104|2020").get("COVERAGE_value"))).isEqualByComparingTo("1.35");
        assertThat(new BigDecimal(rows.get("640104|2020").get("total"))).isEqualByComparingTo("70");
        assertThat(new BigDecimal(rows.get("640121|2020").get("total"))).isEqualByComparingTo("0");
    }

    @Test
    void deficitYearsCountAndAverageEarlierYears() throws IOException {
        Map<String, CSVRecord> rows = score(DEFICITS, DEFICIT_FACTS, "--period", "2019,2020");
        assertThat(rows).hasSize(6);
        DEFICIT_GRADES.forEach((key, grade) -> assertThat(rows.get(key).get("grade")).as(key).isEqualTo(grade));
        DEFICIT_TOTALS.forEach((key, total) -> assertThat(new BigDecimal(rows.get(key).get("total"))).as(key).isEqualByComparingTo(total));
        assertThat(rows.get("640105|2019").get("DEFICIT_YEARS_value")).isEqualTo("2");
        assertThat(new BigDecimal(rows.get("640104|2020").get("AVG_COVERAGE_value")))
                .isEqualByComparingTo(new BigDecimal("3.29").divide(new BigDecimal("3"), 10, java.math.RoundingMode.HALF_UP));
        assertThat(rows.get("640121|2020").get("overrides")).isEqualTo("CAPACITY_DROP");
    }

    @Test
    void aYearWithoutItsEarlierYearsIsIncompleteNotGuessed() throws IOException {
        Map<String, CSVRecord> rows = score(DEFICITS, DEFICIT_FACTS, "--period", "2018");
        assertThat(rows.get("640104|2018").get("complete")).isEqualTo("false");
        assertThat(rows.get("640104|2018").get("missing")).contains("fiscal_capacity__Y2");
        assertThat(rows.get("640104|2018").get("DEFICIT_YEARS_value")).isEmpty();
    }

    private Map<String, CSVRecord> score(Path model, Path facts, String... extra) throws IOException {
        Path out = dir.resolve("out.csv");
        List<String> args = new java.util.ArrayList<>(List.of("score", "--model", model.toString(), "--facts", facts.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        ScoreCommandTest.Run r = ScoreCommandTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return ScoreCommandTest.readResult(out).stream()
                .collect(Collectors.toMap(row -> row.get("unit") + "|" + row.get("period"), Function.identity()));
    }
}
