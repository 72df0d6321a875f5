package cn.sanbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.sanbao.engine.EarlierPeriods;
import cn.sanbao.engine.ModelVersions;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.Scoring;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitScore;
import cn.sanbao.engine.Models;
import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.facts.Frequency;

/**
 * {@code score}: scores a facts CSV with a model file, without web server or database (docs/cli.md).
 * Exit codes: 0 success, 2 bad arguments or input (nothing written), 1 unexpected failure.
 */
public final class ScoreCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static final String USAGE = """
            用法：java -jar sanbao.jar score --model 模型.yaml --facts 数据.csv [选项]

            按监测模型为数据文件中的每个单位、每个期间评分，不启动网页服务，也不连接数据库。

            必填：
              --model 文件     模型 YAML 文件（如 src/main/resources/models/sanbao-default.yaml）；文件可含多个版本
                               （以 --- 分隔，各有 effectiveFrom），也可给一个目录（每个版本一个 .yaml 文件）；
                               每个期间用当时生效的版本评分
              --facts 文件     数据 CSV 文件，表头 unit,period,item,value（可另加 unit_name），UTF-8 编码

            可选：
              --out 文件       结果写入该 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）；出错时不写任何文件
              --period 期间    只评这些期间，可重复或用逗号分隔，如 --period 2021-03,2021-W13；
                               默认评文件中出现的每个月和每个周（只有年度数据时评年度）
              --table          在屏幕上打印结果表（未给 --out 时总是打印）
              --units 文件     区划文件（如 src/main/resources/region/ningxia-2021.csv）或单位文件
                               （表头 code,name,属性…，如 code,name,kind,民族地区）：给出时，数据文件中
                               不在其中的单位编码、以及汇总单位（市、自治区）的数据都视为错误；
                               其余各列是单位属性，模型以 unit.kind 读取、以 bandsBy 按属性分档
              --items 文件     数据项目录（如 src/main/resources/items/data-items.csv）：给出时，不在其中的
                               数据项编码视为错误
              --skip-invalid   数值单元格不是数字（如 #NUM!、#DIV/0!、n.d.）时跳过该行并列出，而不是整个文件报错
              --help, -h       显示本说明

            取数规则（与网页端相同）：年报数据项取 P 所在年度的值；月报数据项取 P 所在月（P 为周时取该周结束时
            已结束的最近一个月）的值；月报及周报数据项只取 P 本身的值。报送频率按数据项目录（--items，默认
            系统自带目录）；目录中没有的数据项按文件中出现的期间判断。都没有则记为数据缺失。
            某期间没有任何本期数据的单位不评该期间，除非区划文件的 must_report 列为 true。

            退出码：0 成功；2 参数、数据文件或模型文件有误（已列出文件、行号和原因）；1 意外错误。
            详见 docs/cli.md。
            """;

    private ScoreCommand() {
    }

    /** Runs the command; {@code args} may start with the word "score". Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options o = Options.parse(args);
            if (o.help) {
                out.print(USAGE);
                return OK;
            }
            return score(o, out, err);
        } catch (CliException e) {
            for (String p : e.problems()) err.println("错误：" + p);
            err.println("未写出任何结果。");
            return BAD_INPUT;
        } catch (ModelValidationException e) {
            err.println("错误：" + e.getMessage());
            err.println("未写出任何结果。");
            return BAD_INPUT;
        } catch (RuntimeException | IOException e) {
            err.println("意外错误：" + e);
            e.printStackTrace(err);
            err.println("未写出任何结果。");
            return FAILED;
        }
    }

    private static int score(Options o, PrintStream out, PrintStream err) throws IOException {
        Path modelPath = Path.of(o.model);
        if (!Files.exists(modelPath)) throw new CliException(o.model + "：找不到模型文件或目录");
        ModelVersions versions = Models.loadVersions(modelPath);

        Path factsFile = Path.of(o.facts);
        Catalogues catalogues = Catalogues.load(o.units, o.items);
        Facts facts = FactsReader.read(factsFile, err::println, catalogues, o.skipInvalid);
        for (ScoringModel model : versions.all()) checkAttributes(o, model, facts, catalogues);

        Path outFile = o.out == null ? null : Path.of(o.out).toAbsolutePath();
        if (outFile != null) {
            if (Files.isDirectory(outFile)) throw new CliException("--out " + o.out + "：这是一个目录，请给出文件名");
            if (!Files.isDirectory(outFile.getParent())) throw new CliException("--out " + o.out + "：目录 " + outFile.getParent() + " 不存在");
            if (Files.exists(outFile) && Files.isSameFile(outFile, factsFile))
                throw new CliException("--out " + o.out + "：不能覆盖数据文件本身");
        }

        Set<String> unknown = new TreeSet<>(facts.items());
        unknown.removeAll(versions.inputs());
        if (!unknown.isEmpty())
            err.println("警告：" + o.facts + " 中的数据项 " + String.join("、", unknown) + " 不在模型“" + versions.label() + "”的数据项清单中，已忽略");

        List<Period> periods = periods(o, facts);
        Map<String, Frequency> frequencies = PeriodResolution.frequencies(facts, versions.inputs(), catalogues.frequencies());
        List<String> problems = new ArrayList<>();
        for (Period p : periods)
            if (versions.forPeriod(p) == null)
                problems.add("期间 " + p.code() + " 早于模型所有版本的生效期间（最早 " + versions.all().get(0).effectiveFrom().code() + "），无法评分");
        if (!problems.isEmpty()) throw new CliException(problems);

        Set<String> units = new LinkedHashSet<>(facts.units());
        units.addAll(catalogues.mustReport());
        Map<ScoringModel, ScoringEngine> engines = new HashMap<>();
        List<UnitScore> scores = new ArrayList<>();
        for (Period p : periods) {
            ScoringModel model = versions.forPeriod(p);
            ScoringEngine engine = engines.computeIfAbsent(model, ScoringEngine::new);
            Map<String, Frequency> used = new LinkedHashMap<>();
            model.inputs().keySet().forEach(i -> used.put(i, frequencies.get(i)));
            int before = scores.size();
            for (String unit : units) {
                // a unit that sent nothing for this period is not part of its run, unless it must report
                if (!PeriodResolution.reported(facts, unit, p) && !catalogues.mustReport().contains(unit)) continue;
                scores.add(engine.score(withAttributes(PeriodResolution.input(facts, unit, p, used, EarlierPeriods.of(model)),
                        catalogues.attributes(unit))));
            }
            if (scores.size() == before) err.println("警告：文件中没有任何单位报送期间 " + p.code() + " 的数据，该期间没有评分结果");
        }

        if (outFile != null) {
            write(outFile, versions, facts, scores);
            out.println("已评分 " + periods.size() + " 个期间（" + String.join("、", periods.stream().map(Period::code).toList())
                    + "），共 " + scores.size() + " 行，结果已写入 " + o.out);
        }
        if (o.table || outFile == null) ResultTable.print(out, versions, facts, scores);
        long incomplete = scores.stream().filter(s -> !s.complete()).count();
        if (incomplete > 0) err.println("提示：" + incomplete + " 行数据不完整（complete=false），缺失的数据项见 missing 列");
        return OK;
    }

    private static UnitInput withAttributes(UnitInput in, java.util.Map<String, String> attributes) {
        return new UnitInput(in.unitCode(), in.period(), in.values(), in.consolidated(), attributes);
    }

    /**
     * A model reading unit attributes needs them for every unit, and a bandsBy value needs its band set:
     * found before scoring, so a wrong units file never turns into rows of 无法计算.
     */
    private static void checkAttributes(Options o, ScoringModel model, Facts facts, Catalogues catalogues) {
        java.util.Set<String> used = model.unitAttributes();
        if (used.isEmpty()) return;
        if (o.units == null)
            throw new CliException("模型“" + model.label() + "”读取单位属性 " + String.join("、", used)
                    + "，请用 --units 给出单位文件（表头 code,name," + String.join(",", used) + "）");
        List<String> problems = new ArrayList<>();
        for (String unit : facts.units()) {
            java.util.Map<String, String> a = catalogues.attributes(unit);
            for (String attribute : used)
                if (a.get(attribute) == null) problems.add(o.units + "：单位“" + unit + "”没有属性“" + attribute + "”（模型“" + model.label() + "”要用）");
            for (ScoringModel.Indicator ind : model.indicators())
                if (ind.scoring() instanceof Scoring.ByAttribute by && a.get(by.attribute()) != null && !by.sets().containsKey(a.get(by.attribute())))
                    problems.add(o.units + "：单位“" + unit + "”的属性 " + by.attribute() + " 为“" + a.get(by.attribute()) + "”，模型“"
                            + model.label() + "”的指标 " + ind.code() + "（" + ind.name() + "）没有为它写分档（bandsBy: " + by.attribute()
                            + "，现有：" + String.join("、", by.sets().keySet()) + "）");
            if (problems.size() >= 200) break;
        }
        if (!problems.isEmpty()) throw new CliException(problems);
    }

    /** --period if given, else every month and week in the file, else (only annual data) its years. */
    static List<Period> periods(Options o, Facts facts) {
        if (!o.periods.isEmpty()) return new ArrayList<>(o.periods);
        List<Period> periods = facts.periods().stream().filter(p -> p.type() != Period.Type.YEAR).toList();
        return periods.isEmpty() ? new ArrayList<>(facts.periods()) : periods;
    }

    /** Writes beside the target and moves into place, so a failure never leaves a partial file. */
    private static void write(Path target, ModelVersions versions, Facts facts, List<UnitScore> scores) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                ResultCsv.write(w, versions, facts, scores);
            }
            // a temporary file is created private (0600); a result file is an ordinary document
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Parsed arguments. */
    static final class Options {
        String model;
        String facts;
        String out;
        String units;
        String items;
        final Set<Period> periods = new LinkedHashSet<>();
        boolean table;
        boolean help;
        boolean skipInvalid;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> problems = new ArrayList<>();
            int start = args.length > 0 && args[0].equals("score") ? 1 : 0;
            for (int i = start; i < args.length; i++) {
                String a = args[i];
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "--help", "-h" -> o.help = true;
                    case "--table" -> o.table = true;
                    case "--skip-invalid" -> o.skipInvalid = true;
                    case "--model", "--facts", "--out", "--period", "--units", "--items" -> {
                        if (value == null) {
                            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                                problems.add("参数 " + name + " 后面缺少值");
                                continue;
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--model" -> o.model = once(o.model, value, name, problems);
                            case "--facts" -> o.facts = once(o.facts, value, name, problems);
                            case "--out" -> o.out = once(o.out, value, name, problems);
                            case "--units" -> o.units = once(o.units, value, name, problems);
                            case "--items" -> o.items = once(o.items, value, name, problems);
                            default -> {
                                for (String p : value.split(",")) {
                                    if (p.isBlank()) continue;
                                    try {
                                        o.periods.add(Period.parse(p));
                                    } catch (IllegalArgumentException e) {
                                        problems.add("参数 --period：" + e.getMessage());
                                    }
                                }
                            }
                        }
                    }
                    default -> problems.add("未知参数“" + a + "”");
                }
            }
            if (o.help) return o;
            if (o.model == null) problems.add("缺少参数 --model（模型 YAML 文件）");
            if (o.facts == null) problems.add("缺少参数 --facts（数据 CSV 文件）");
            if (!problems.isEmpty()) {
                problems.add("用法：java -jar sanbao.jar score --model 模型.yaml --facts 数据.csv [--out 结果.csv] [--period 2021-03] [--table]；详见 score --help");
                throw new CliException(problems);
            }
            return o;
        }

        private static String once(String old, String value, String name, List<String> problems) {
            if (old != null) problems.add("参数 " + name + " 只能给一次");
            return value;
        }
    }
}
