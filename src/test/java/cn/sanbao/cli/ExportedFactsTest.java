package cn.sanbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts files as spreadsheets export them: scientific notation, error cells, units that sent nothing. */
class ExportedFactsTest {

    static final String MODEL = "samples/models/letter-grade-by-year.yaml";

    @TempDir
    Path dir;

    private Path facts(String body) throws IOException {
        Path f = dir.resolve("facts.csv");
        Files.writeString(f, "unit,unit_name,period,item,value\n" + body);
        return f;
    }

    private static String unit(String code, String name, String year, String capacity) {
        return code + "," + name + "," + year + ",fiscal_capacity," + capacity + "\n"
                + code + "," + name + "," + year + ",demand_wage,600\n"
                + code + "," + name + "," + year + ",demand_operation,200\n"
                + code + "," + name + "," + year + ",demand_livelihood,200\n";
    }

    @Test
    void scientificNotationIsAcceptedAndResultsAreReadableByOthers() throws IOException {
        Path f = facts(unit("U1", "甲", "2019", "1.35E+3"));
        Path out = dir.resolve("out.csv");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new BigDecimal(ScoreCommandTest.readResult(out).get(0).get("COVERAGE_value"))).isEqualByComparingTo("1.35");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
    }

    @Test
    void errorCellsNameFileRowAndColumnOrAreSkippedAndListed() throws IOException {
        Path f = facts(unit("U1", "甲", "2019", "#DIV/0!") + unit("U2", "乙", "2019", "1200") + "U2,乙,2019,fiscal_capacity_x,n.d.\n");
        Path out = dir.resolve("out.csv");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("facts.csv 第2行 第5列（value）：“#DIV/0!”不是数字").contains("第10行 第5列（value）：“n.d.”")
                .contains("--skip-invalid");
        assertThat(out).doesNotExist();

        r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString(), "--out", out.toString(), "--skip-invalid");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 行的数值不是数字，已按 --skip-invalid 跳过").contains("第2行 第5列（value）：“#DIV/0!”");
        List<CSVRecord> rows = ScoreCommandTest.readResult(out);
        assertThat(rows).extracting(row -> row.get("unit") + ":" + row.get("complete")).containsExactly("U1:false", "U2:true");
        assertThat(rows.get(0).get("missing")).isEqualTo("fiscal_capacity");
    }

    @Test
    void aUnitThatSentNothingForAPeriodIsNotScoredUnlessItMustReport() throws IOException {
        // U1 reported 2019 and 2020, 640105 only 2019: no 数据缺失 row for 640105 in 2020
        Path f = facts(unit("640104", "兴庆区", "2019", "1350") + unit("640104", "兴庆区", "2020", "1350")
                + unit("640105", "西夏区", "2019", "1120"));
        Path out = dir.resolve("out.csv");
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ScoreCommandTest.readResult(out)).extracting(row -> row.get("unit") + "|" + row.get("period"))
                .containsExactly("640104|2019", "640105|2019", "640104|2020");

        // the units file says 640105 and 640121 must report: both get a row in every period, 数据缺失 where empty
        String region = Files.readString(Path.of("src/main/resources/region/ningxia-2021.csv"));
        StringBuilder units = new StringBuilder();
        region.lines().forEach(l -> units.append(l).append(l.startsWith("code,") ? ",must_report"
                : l.startsWith("640105,") || l.startsWith("640121,") ? ",true" : ",").append('\n'));
        Path unitsFile = dir.resolve("units.csv");
        Files.writeString(unitsFile, units);
        r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString(), "--out", out.toString(), "--units", unitsFile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> rows = ScoreCommandTest.readResult(out);
        assertThat(rows).extracting(row -> row.get("unit") + "|" + row.get("period") + "|" + row.get("grade_name"))
                .containsExactly("640104|2019|A 级（稳健）", "640105|2019|C 级（偏紧）", "640121|2019|数据缺失",
                        "640104|2020|B 级（良好）", "640105|2020|数据缺失", "640121|2020|数据缺失");
    }

    @Test
    void aUnitNamedTwoWaysIsWarnedAboutOnce() throws IOException {
        Path f = facts(unit("U1", "甲", "2019", "1350").replace("U1,甲,2019,demand", "U1,甲县,2019,demand"));
        ScoreCommandTest.Run r = ScoreCommandTest.run("score", "--model", MODEL, "--facts", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("名称“甲县”")).count()).isEqualTo(1);
    }
}
