package cn.sanbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/models/fsms-points.yaml (points for stress after New York's FSMS) on its facts and units files,
 * through the command line, against results worked out by hand. March 2021: T = 3 ÷ 12 = 0.25.
 * The console gives the same results (monitoring.FsmsSampleTest).
 */
public class FsmsSampleTest {

    public static final Path MODEL = Path.of("samples/models/fsms-points.yaml");
    public static final Path FACTS = Path.of("samples/facts/fsms-2021-03.csv");
    public static final Path UNITS = Path.of("samples/units/fsms-units.csv");

    /** unit → total, grade, letter, CASH_MONTHS level, ARREARS level. */
    public record Expected(String total, String grade, String letter, String cashLevel, String arrearsLevel) {
    }

    public static final Map<String, Expected> EXPECTED = Map.of(
            // 兴庆区 (区): cash 4,500,000 ÷ 6,000,000 = 0.75 → 区 [0.5, 1): B 12.45
            //   revenue 24,000,000 ÷ (100,000,000 × 0.25) = 0.96 → [0.9, 1): 10
            //   debt 15,000,000 ÷ 100,000,000 = 0.150 → (0.1, 0.2]: 15; no arrears (missing → 0): N 0
            //   total 12.45 + 10 + 15 + 0 = 37.45 → 37.5 at 1 decimal (half up) → < 45: 未认定 ND
            "640104", new Expected("37.5", "NONE", "ND", "B", "N"),
            // 永宁县 (县): cash 9,950,000 ÷ 10,000,000 = 0.995 → 1.00 at 2 decimals → 县 [1, 2): B 12.45
            //   (unrounded 0.995 would be C, 25 points: the method bands the ratio as printed)
            //   revenue 21,000,000 ÷ 25,000,000 = 0.84 → < 0.9: 25
            //   debt round(15,000,000 ÷ 60,000,000, 3) = 0.250 → > 0.2: 25; arrears 0 + wage missing → 0: N 0
            //   total 12.45 + 25 + 25 + 0 = 62.45 → 62.5 → [55, 65): 中度压力 MO
            "640121", new Expected("62.5", "MODERATE", "MO", "B", "N"),
            // 西吉县 (县): cash 30,000,000 ÷ 10,000,000 = 3.00 → 县 [2, +inf): A 0
            //   revenue 25,000,000 ÷ 25,000,000 = 1.0000 → [1, +inf): 0
            //   debt missing → 0 ÷ 80,000,000 = 0 → 0; arrears 500,000 > 0: D 25
            //   total 25.0 → 未认定 by points, but wage arrears floor it at 中度压力 MO
            "640422", new Expected("25", "MODERATE", "MO", "A", "D"));

    @TempDir
    Path dir;

    @Test
    void sampleGivesTheHandWorkedResultsThroughTheCommandLine() throws IOException {
        Path out = dir.resolve("fsms.csv");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL.toString(), "--facts", FACTS.toString(),
                "--units", UNITS.toString(), "--out", out.toString(), "--table");
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> rows = ScoreCommandTest.readResult(out);
        assertThat(rows).hasSize(3);
        for (CSVRecord row : rows) {
            Expected e = EXPECTED.get(row.get("unit"));
            assertThat(row.get("period")).isEqualTo("2021-03");
            assertThat(row.get("total")).as(row.get("unit")).isEqualTo(e.total());
            assertThat(row.get("grade")).as(row.get("unit")).isEqualTo(e.grade());
            assertThat(row.get("grade_letter")).isEqualTo(e.letter());
            assertThat(row.get("CASH_MONTHS_level")).isEqualTo(e.cashLevel());
            assertThat(row.get("ARREARS_level")).isEqualTo(e.arrearsLevel());
            assertThat(row.get("complete")).isEqualTo("true");
        }
        assertThat(rows.get(1).get("CASH_MONTHS_value")).isEqualTo("1"); // 0.995 banded as printed, 1.00
        assertThat(r.out()).contains("中度压力（MO）").contains("37.5");
    }

    @Test
    void unitKindWithoutItsBandSetIsAnErrorBeforeScoring() throws IOException {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "code,name,类别\n640104,兴庆区,区\n640121,永宁县,镇\n640422,西吉县,县\n");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL.toString(), "--facts", FACTS.toString(),
                "--units", units.toString());
        assertThat(r.code()).isEqualTo(ScoreCommand.BAD_INPUT);
        assertThat(r.err()).contains("单位“640121”的属性 类别 为“镇”").contains("CASH_MONTHS").contains("现有：县、区")
                .contains("未写出任何结果");
    }

    @Test
    void aModelReadingAttributesNeedsAUnitsFile() {
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL.toString(), "--facts", FACTS.toString());
        assertThat(r.code()).isEqualTo(ScoreCommand.BAD_INPUT);
        assertThat(r.err()).contains("读取单位属性 类别").contains("--units");
    }

    @Test
    void theRegionFileCarriesTheSameAttributes() throws IOException {
        Path out = dir.resolve("fsms-region.csv");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL.toString(), "--facts", FACTS.toString(),
                "--units", "src/main/resources/region/ningxia-2021.csv", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (CSVRecord row : ScoreCommandTest.readResult(out))
            assertThat(row.get("total")).isEqualTo(EXPECTED.get(row.get("unit")).total());
    }
}
