package cn.sanbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.sanbao.demo.DemoDataGenerator;
import cn.sanbao.demo.DemoFact;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.engine.Models;

/** The score command run in-process on temporary files. */
class ScoreCommandTest {

    static final Path MODEL = Path.of("src/main/resources/models/sanbao-default.yaml");
    static final Path SAMPLE = Path.of("samples/facts/demo-2021-03.csv");
    static final Path BAD = Path.of("src/test/resources/cli-bad");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<CSVRecord> readResult(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("BOM for Excel").startsWith("\uFEFF");
        try (Reader r = new StringReader(text.substring(1))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void sampleScoresLikeTheEngineDirectly() throws IOException {
        Path out = dir.resolve("results.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", SAMPLE.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<CSVRecord> rows = readResult(out);
        assertThat(rows).hasSize(28);

        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (DemoFact f : new DemoDataGenerator().generate()) {
            if (f.period().equals("2021") || f.period().equals("2021-03"))
                values.computeIfAbsent(f.unitCode(), u -> new HashMap<>()).put(f.itemCode(), f.amount());
        }
        ScoringEngine engine = new ScoringEngine(Models.load(MODEL));
        for (CSVRecord row : rows) {
            UnitScore direct = engine.score(new UnitInput(row.get("unit"), Period.month(2021, 3), values.get(row.get("unit"))));
            assertThat(row.get("period")).isEqualTo("2021-03");
            assertThat(new BigDecimal(row.get("total"))).as(row.get("unit")).isEqualByComparingTo(direct.total());
            assertThat(row.get("grade")).as(row.get("unit")).isEqualTo(direct.grade());
            assertThat(row.get("complete")).isEqualTo("true");
            assertThat(new BigDecimal(row.get("CASH_COVERAGE_value"))).isEqualByComparingTo(direct.indicator("CASH_COVERAGE").value());
            assertThat(row.get("overrides")).isEqualTo(String.join(";", direct.overrides().stream().map(UnitScore.FiredOverride::code).toList()));
        }
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("unit")).isEqualTo(DemoDataGenerator.ARREARS_UNIT);
            assertThat(row.get("unit_name")).isEqualTo("西吉县");
            assertThat(row.get("grade")).isEqualTo("HIGH");
            assertThat(row.get("grade_name")).isEqualTo("高度风险");
            assertThat(row.get("overrides")).contains("ARREARS");
        });
        assertThat(r.err()).contains("cash_inflow").contains("警告");
        assertThat(r.out()).contains("结果已写入").doesNotContain("各等级单位数");
    }

    @Test
    void tableWhenNoOutFileWithGradeCounts() {
        Run r = run("score", "--model", MODEL.toString(), "--facts", SAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("西吉县").contains("存在工资或基本民生拖欠")
                .contains("2021-03 各等级单位数：平稳运行 ");
        assertThat(r.out().lines().filter(l -> l.contains("2021-03  ")).count()).isEqualTo(28);
        // Columns line up: every row puts its period at the same terminal column.
        List<Integer> periodColumns = r.out().lines().filter(l -> l.contains("2021-03  "))
                .map(l -> ResultTable.width(l.substring(0, l.indexOf("2021-03")))).distinct().toList();
        assertThat(periodColumns).hasSize(1);
    }

    @Test
    void weekUsesTheLastClosedMonthForMonthlyOnlyItems() throws IOException {
        // 2021-W13 runs 29 March – 4 April: March has closed, April has not.
        Path facts = oneUnit(dir, Map.of("2021-02", "200", "2021-03", "300", "2021-04", "400"), true);
        Path out = dir.resolve("week.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString(), "--period", "2021-W13");
        assertThat(r.code()).as(r.err()).isZero();
        CSVRecord row = readResult(out).get(0);
        assertThat(row.get("period")).isEqualTo("2021-W13");
        // hidden_debt_funded is monthly only: March's 300 against plan 1200 × T(W13 = 94/365).
        BigDecimal t = Period.week(2021, 13).timeProgress();
        BigDecimal expected = new BigDecimal("300").divide(new BigDecimal("1200").multiply(t), java.math.MathContext.DECIMAL64);
        assertThat(new BigDecimal(row.get("HIDDEN_DEBT_FUNDING_value")).subtract(expected).abs())
                .isLessThan(new BigDecimal("1e-8"));
        // cash_balance has a weekly value in the file: the week's own value wins over March's.
        assertThat(new BigDecimal(row.get("CASH_COVERAGE_value"))).isEqualByComparingTo("0.6");
        assertThat(row.get("complete")).isEqualTo("true");

        // The week before March closes (W12, 22–28 March) falls back to February.
        r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString(), "--period", "2021-W12");
        assertThat(r.code()).as(r.err()).isZero();
        BigDecimal t12 = Period.week(2021, 12).timeProgress();
        BigDecimal expected12 = new BigDecimal("200").divide(new BigDecimal("1200").multiply(t12), java.math.MathContext.DECIMAL64);
        assertThat(new BigDecimal(readResult(out).get(0).get("HIDDEN_DEBT_FUNDING_value")).subtract(expected12).abs())
                .isLessThan(new BigDecimal("1e-8"));
    }

    @Test
    void weekNeverFallsBackToTheMonthForAWeeklyItem() throws IOException {
        // The console's rule: an item reported monthly and weekly is read from the week only.
        Path facts = oneUnit(dir, Map.of("2021-03", "300"), true);
        String text = Files.readString(facts).lines().filter(l -> !l.equals("U1,2021-W13,revenue_to_date,2000"))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(facts, text);
        Path out = dir.resolve("week-missing.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString(), "--period", "2021-W13");
        assertThat(r.code()).as(r.err()).isZero();
        CSVRecord row = readResult(out).get(0);
        assertThat(row.get("complete")).isEqualTo("false");
        assertThat(row.get("missing")).isEqualTo("revenue_to_date");
        assertThat(row.get("REVENUE_SHORTFALL_value")).isEmpty();
    }

    @Test
    void periodsDefaultToEveryMonthAndWeekInTheFile() throws IOException {
        Path facts = oneUnit(dir, Map.of("2021-02", "200", "2021-03", "300"), true);
        Path out = dir.resolve("all.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(readResult(out)).extracting(row -> row.get("period")).containsExactly("2021-02", "2021-03", "2021-W12", "2021-W13");
    }

    @Test
    void missingItemMakesTheRowIncompleteAndNamesIt() throws IOException {
        Path facts = oneUnit(dir, Map.of("2021-03", "300"), false);
        String text = Files.readString(facts).lines().filter(l -> !l.contains("offstaff_headcount")).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(facts, text);
        Path out = dir.resolve("missing.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        CSVRecord row = readResult(out).get(0);
        assertThat(row.get("complete")).isEqualTo("false");
        assertThat(row.get("missing")).isEqualTo("offstaff_headcount");
        assertThat(row.get("OFFSTAFF_CONTROL_value")).isEmpty();
        assertThat(row.get("OFFSTAFF_CONTROL_points")).isEqualTo("0");
        assertThat(row.get("grade")).isEmpty();
        assertThat(row.get("grade_name")).isEqualTo("数据缺失");
        assertThat(r.err()).contains("complete=false");
    }

    @Test
    void onlyAnnualRowsScoreTheYear() throws IOException {
        Path facts = dir.resolve("year.csv");
        Files.writeString(facts, "unit,period,item,value\nU1,2021,fiscal_capacity,100\n");
        Path out = dir.resolve("year-out.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(readResult(out)).singleElement().satisfies(row -> {
            assertThat(row.get("period")).isEqualTo("2021");
            assertThat(row.get("complete")).isEqualTo("false");
        });
    }

    static Stream<Arguments> badFacts() {
        return Stream.of(
                Arguments.of("empty.csv", "第1行", "文件为空"),
                Arguments.of("only-header.csv", "第1行", "只有表头"),
                Arguments.of("wrong-header.csv", "第1行", "表头缺少列 item、value"),
                Arguments.of("bad-period.csv", "第3行 第2列（period）", "期间“2021-13”有误"),
                Arguments.of("non-number.csv", "第4行 第4列（value）", "数值“12,3a”不是有效数字"),
                Arguments.of("duplicate.csv", "第5行", "重复数据：单位 U1、期间 2021-03、数据项 cash_balance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFacts")
    void badFactsFileExitsTwoWithFileLineAndReasonAndWritesNothing(String file, String where, String reason) throws IOException {
        Path out = dir.resolve("never.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", BAD.resolve(file).toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + " " + where).contains(reason).contains("未写出任何结果");
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary file left behind").isEmpty();
        }
    }

    @Test
    void unknownUnitsAndItemsAreErrorsAtTheirLinesWhenReferenceFilesAreGiven() throws IOException {
        Path out = dir.resolve("never.csv");
        Run r = run("score", "--model", MODEL.toString(), "--facts", BAD.resolve("unknown-codes.csv").toString(),
                "--units", "src/main/resources/region/ningxia-2021.csv", "--items", "src/main/resources/items/data-items.csv",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("unknown-codes.csv 第3行 第1列（unit）：单位编码“649999”不在区划文件")
                .contains("unknown-codes.csv 第4行 第1列（unit）：单位“640100”是汇总单位")
                .contains("unknown-codes.csv 第5行 第3列（item）：数据项“cash_balanse”不在数据项目录")
                .doesNotContain("第2行");
        assertThat(out).doesNotExist();
        // without the reference files the same codes are taken from the file itself
        assertThat(run("score", "--model", MODEL.toString(), "--facts", BAD.resolve("unknown-codes.csv").toString()).code()).isZero();
    }

    @Test
    void existingOutputIsKeptWhenInputIsBad() throws IOException {
        Path out = dir.resolve("old.csv");
        Files.writeString(out, "old");
        Run r = run("score", "--model", MODEL.toString(), "--facts", BAD.resolve("duplicate.csv").toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("old");
    }

    @Test
    void brokenModelExitsTwoWithLineNumber() {
        Path out = dir.resolve("never.csv");
        Run r = run("score", "--model", BAD.resolve("broken-model.yaml").toString(), "--facts", SAMPLE.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken-model.yaml").contains("第15行").contains("公式");
        assertThat(out).doesNotExist();
    }

    @Test
    void badArgumentsExitTwoAndHelpExitsZero() {
        assertThat(run("score").code()).isEqualTo(2);
        Run r = run("score", "--facts", SAMPLE.toString(), "--period", "2021-99", "--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("缺少参数 --model").contains("--period").contains("未知参数“--bogus”");
        Run missing = run("score", "--model", MODEL.toString(), "--facts", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv").contains("找不到数据文件");
        Run help = run("score", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("用法").contains("--facts").contains("退出码");
    }

    @Test
    void bomCrlfUnitNameAndUnknownItemAreAccepted() throws IOException {
        Path facts = dir.resolve("bom.csv");
        Files.writeString(facts, "\uFEFFUnit,Unit_Name,Period,Item,Value\r\nU1,测试县,2021-03,cash_balance,100\r\nU1,测试县,2021-03,foo,1\r\n\r\n");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("测试县");
        assertThat(r.err()).contains("foo").contains("已忽略");
    }

    @Test
    void lineNumbersCountBlankLinesAndCrlf() throws IOException {
        Path facts = dir.resolve("lines.csv");
        Files.writeString(facts, "unit,period,item,value\r\n\r\nU1,2021-03,cash_balance,1\r\n\r\nU1,2021-3,cash_balance,1\r\n");
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("lines.csv 第5行 第2列（period）");
    }

    @Test
    void gbkFileIsRejectedWithAHint() throws IOException {
        Path facts = dir.resolve("gbk.csv");
        Files.write(facts, "unit,unit_name,period,item,value\nU1,测试县,2021,fiscal_capacity,1\n".getBytes("GBK"));
        Run r = run("score", "--model", MODEL.toString(), "--facts", facts.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("gbk.csv").contains("UTF-8");
    }

    @Test
    void plainDecimalsNeverScientific() {
        assertThat(ResultCsv.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(ResultCsv.plain(new BigDecimal("0.0000000100"))).isEqualTo("0.00000001");
        assertThat(ResultCsv.plain(new BigDecimal("15.00"))).isEqualTo("15");
        assertThat(ResultCsv.plain(new BigDecimal("0E-10"))).isEqualTo("0");
        assertThat(ResultCsv.plain(null)).isEmpty();
    }

    /**
     * One unit, healthy annual plan, monthly values where {@code hidden} gives hidden_debt_funded per month
     * (plan 1200); with {@code weeks} also 2021-W12 and W13 rows for the weekly items only.
     */
    static Path oneUnit(Path dir, Map<String, String> hidden, boolean weeks) throws IOException {
        StringBuilder s = new StringBuilder("unit,period,item,value\n");
        Map<String, String> annual = new java.util.LinkedHashMap<>();
        annual.put("fiscal_capacity", "30000");
        annual.put("demand_wage", "10000");
        annual.put("demand_operation", "4000");
        annual.put("demand_livelihood", "6000");
        annual.put("budget_wage", "10000");
        annual.put("budget_operation", "4000");
        annual.put("budget_livelihood", "6000");
        annual.put("budget_other_rigid", "1200");
        annual.put("revenue_budget", "12000");
        annual.put("temp_payment_opening", "1000");
        annual.put("temp_payment_target", "120");
        annual.put("offstaff_cap", "100");
        annual.put("hidden_debt_plan", "1200");
        annual.forEach((k, v) -> s.append("U1,2021,").append(k).append(',').append(v).append('\n'));
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(hidden).entrySet()) {
            int month = Period.parse(m.getKey()).number();
            String p = m.getKey();
            BigDecimal t = BigDecimal.valueOf(month);
            s.append("U1,").append(p).append(",paid_wage,").append(t.multiply(new BigDecimal("1000"))).append('\n');
            s.append("U1,").append(p).append(",paid_operation,").append(t.multiply(new BigDecimal("400"))).append('\n');
            s.append("U1,").append(p).append(",paid_livelihood,").append(t.multiply(new BigDecimal("600"))).append('\n');
            s.append("U1,").append(p).append(",paid_other_rigid,").append(t.multiply(new BigDecimal("100"))).append('\n');
            s.append("U1,").append(p).append(",revenue_to_date,").append(t.multiply(new BigDecimal("1000"))).append('\n');
            s.append("U1,").append(p).append(",cash_balance,5000\n");
            s.append("U1,").append(p).append(",temp_payment_balance,").append(1000 - 10 * month).append('\n');
            s.append("U1,").append(p).append(",offstaff_headcount,95\n");
            s.append("U1,").append(p).append(",hidden_debt_funded,").append(m.getValue()).append('\n');
            s.append("U1,").append(p).append(",debt_service_due,100\n");
            s.append("U1,").append(p).append(",debt_service_funded,100\n");
            s.append("U1,").append(p).append(",wage_arrears,0\n");
            s.append("U1,").append(p).append(",livelihood_arrears,0\n");
        }
        if (weeks) {
            for (String w : List.of("2021-W12", "2021-W13")) {
                // Weekly items only (月报及周报); cash 1000 = 0.6 months of demand (20000 / 12).
                s.append("U1,").append(w).append(",cash_balance,1000\n");
                for (String item : List.of("paid_wage", "paid_operation", "paid_livelihood", "paid_other_rigid", "revenue_to_date"))
                    s.append("U1,").append(w).append(',').append(item).append(",2000\n");
                s.append("U1,").append(w).append(",wage_arrears,0\n");
                s.append("U1,").append(w).append(",livelihood_arrears,0\n");
            }
        }
        Path file = dir.resolve("one-unit.csv");
        Files.writeString(file, s.toString());
        return file;
    }
}
