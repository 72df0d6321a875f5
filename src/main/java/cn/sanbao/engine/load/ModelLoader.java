package cn.sanbao.engine.load;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import cn.sanbao.engine.Formula;
import cn.sanbao.engine.ModelProblem;
import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.engine.Interval;
import cn.sanbao.engine.ModelVersions;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.Scoring;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.ScoringModel.DecisionRule;
import cn.sanbao.engine.ScoringModel.Derived;
import cn.sanbao.engine.ScoringModel.Grade;
import cn.sanbao.engine.ScoringModel.Group;
import cn.sanbao.engine.ScoringModel.Indicator;
import cn.sanbao.engine.ScoringModel.OverrideAction;

/**
 * Reads a model from its YAML form (see docs/model-format.md) and validates it. Every problem in the
 * file is reported with its line; a model with any problem is rejected whole.
 */
public final class ModelLoader {

    private static final Set<String> TOP = Set.of("code", "version", "name", "effectiveFrom", "description",
            "totalPoints", "inputs", "derived", "groups", "grades", "decisionTable", "overrides",
            "totalDecimals", "direction");

    public static ScoringModel load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new ModelValidationException(file.toString(), List.of(new ModelProblem(0, "无法读取文件：" + e.getMessage())));
        }
    }

    public static ScoringModel parse(String yaml, String source) {
        List<ModelProblem> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by us, with the line
            root = new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ModelValidationException(source, List.of(new ModelProblem(line, "YAML 格式错误：" + e.getProblem())));
        } catch (RuntimeException e) {
            throw new ModelValidationException(source, List.of(new ModelProblem(0, "YAML 格式错误：" + e.getMessage())));
        }
        if (root == null) throw new ModelValidationException(source, List.of(new ModelProblem(0, "文件为空")));
        ScoringModel model = new ModelLoader(problems).build(new Yaml(root, problems));
        if (!problems.isEmpty()) throw new ModelValidationException(source, problems);
        return model;
    }

    /**
     * All versions of a method: a file whose YAML documents (separated by "---") are versions, or a
     * directory whose *.yaml / *.yml files are (file name order). Versions must share the model code and
     * differ in effectiveFrom; every problem is reported with its file and line.
     */
    public static ModelVersions loadVersions(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            try {
                return parseVersions(Files.readString(fileOrDirectory, StandardCharsets.UTF_8), fileOrDirectory.getFileName().toString());
            } catch (IOException e) {
                throw new ModelValidationException(fileOrDirectory.toString(), List.of(new ModelProblem(0, "无法读取文件：" + e.getMessage())));
            }
        }
        List<Path> files;
        try (var list = Files.list(fileOrDirectory)) {
            files = list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new ModelValidationException(fileOrDirectory.toString(), List.of(new ModelProblem(0, "无法读取目录：" + e.getMessage())));
        }
        if (files.isEmpty())
            throw new ModelValidationException(fileOrDirectory.toString(), List.of(new ModelProblem(0, "目录中没有 .yaml 模型文件")));
        List<ScoringModel> all = new ArrayList<>();
        for (Path f : files) all.addAll(loadVersions(f).all());
        return checkedVersions(all, fileOrDirectory.toString(), List.of());
    }

    /** The versions in one text of one or more YAML documents. */
    public static ModelVersions parseVersions(String yaml, String source) {
        List<ModelProblem> problems = new ArrayList<>();
        List<ScoringModel> models = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            for (Node root : new org.yaml.snakeyaml.Yaml(options).composeAll(new StringReader(yaml))) {
                if (root == null) continue;
                int before = problems.size();
                ScoringModel m = new ModelLoader(problems).build(new Yaml(root, problems));
                if (problems.size() == before && m != null) {
                    models.add(m);
                    lines.add(root.getStartMark().getLine() + 1);
                }
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ModelValidationException(source, List.of(new ModelProblem(line, "YAML 格式错误：" + e.getProblem())));
        } catch (RuntimeException e) {
            throw new ModelValidationException(source, List.of(new ModelProblem(0, "YAML 格式错误：" + e.getMessage())));
        }
        if (!problems.isEmpty()) throw new ModelValidationException(source, problems);
        if (models.isEmpty()) throw new ModelValidationException(source, List.of(new ModelProblem(0, "文件为空")));
        return checkedVersions(models, source, lines);
    }

    /** One method: same code throughout, one version per number and per effective period. */
    private static ModelVersions checkedVersions(List<ScoringModel> models, String source, List<Integer> lines) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<Integer, ScoringModel> byVersion = new LinkedHashMap<>();
        Map<Period, ScoringModel> byStart = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ScoringModel m = models.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            if (!m.code().equals(models.get(0).code()))
                problems.add(new ModelProblem(line, "各版本的模型编码必须相同：“" + m.code() + "”与“" + models.get(0).code() + "”不同"));
            if (byVersion.putIfAbsent(m.version(), m) != null)
                problems.add(new ModelProblem(line, "版本号 " + m.version() + " 重复"));
            ScoringModel same = byStart.putIfAbsent(m.effectiveFrom(), m);
            if (same != null)
                problems.add(new ModelProblem(line, "v" + m.version() + " 与 v" + same.version() + " 的生效期间同为 " + m.effectiveFrom().code()));
        }
        if (!problems.isEmpty()) throw new ModelValidationException(source, problems);
        return ModelVersions.of(models);
    }

    private final List<ModelProblem> problems;
    private final References refs;

    private ModelLoader(List<ModelProblem> problems) {
        this.problems = problems;
        this.refs = new References(problems);
    }

    private ScoringModel build(Yaml root) {
        Map<String, Yaml> f = root.fields("模型", TOP);
        String code = Yaml.text(f, "code", "模型编码", root);
        BigDecimal version = Yaml.number(f, "version", "版本号", root);
        if (version != null && (version.signum() <= 0 || version.stripTrailingZeros().scale() > 0))
            f.get("version").problem("版本号应为正整数");
        String name = Yaml.text(f, "name", "模型名称", root);
        Period from = period(f, root);
        BigDecimal totalPoints = Yaml.number(f, "totalPoints", "总分", root);

        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, BigDecimal> missingValues = new LinkedHashMap<>();
        if (f.containsKey("inputs")) {
            for (Map.Entry<String, Yaml> e : f.get("inputs").entries("数据项清单（inputs）").entrySet()) {
                refs.declare(e.getKey(), e.getValue(), References.Kind.INPUT);
                InputReader.read(e.getKey(), e.getValue(), inputs, missingValues);
            }
        } else root.problem("缺少数据项清单（inputs）：模型读取的每个数据项都要列出");
        Integer totalDecimals = f.containsKey("totalDecimals") ? InputReader.decimals(f.get("totalDecimals"), "总分小数位数（totalDecimals）") : null;
        ScoringModel.Direction direction = ScoringModel.Direction.HIGHER_IS_BETTER;
        String directionText = Yaml.optionalText(f, "direction", "分数方向");
        if (directionText != null) {
            direction = ScoringModel.Direction.parse(directionText);
            if (direction == null) f.get("direction").problem("分数方向“" + directionText
                    + "”无效，应为 higher-is-better（分数越高越好，默认）或 higher-is-worse（分数越高越差，如按压力计分）");
        }

        List<Derived> derived = new ArrayList<>();
        if (f.containsKey("derived")) for (Yaml d : f.get("derived").items("派生值（derived）")) {
            Map<String, Yaml> df = d.fields("派生值", Set.of("code", "name", "formula"));
            String dc = Yaml.text(df, "code", "派生值编码", d);
            Formula formula = formula(df, d, "formula", References.Kind.DERIVED);
            refs.declare(dc, d, References.Kind.DERIVED);
            derived.add(new Derived(dc, Yaml.optionalText(df, "name", "名称"), formula));
        }

        List<Group> groups = new ArrayList<>();
        WeightCheck weights = new WeightCheck(problems);
        if (f.containsKey("groups")) for (Yaml g : f.get("groups").items("指标组（groups）")) {
            GroupReader reader = new GroupReader(this);
            Group group = reader.read(g);
            groups.add(group);
            weights.group(g, group, reader.writtenWeights());
        } else root.problem("缺少指标组（groups）");
        weights.total(f.containsKey("totalPoints") ? f.get("totalPoints") : root, totalPoints);

        List<Grade> grades = new GradeReader(problems).grades(f.get("grades"), root, f.containsKey("decisionTable"),
                direction == ScoringModel.Direction.HIGHER_IS_WORSE);
        Set<String> gradeCodes = new java.util.HashSet<>();
        grades.forEach(g -> gradeCodes.add(g.code()));

        List<DecisionRule> table = new ArrayList<>();
        String otherwise = null;
        if (f.containsKey("decisionTable")) {
            for (Yaml r : f.get("decisionTable").items("决策表（decisionTable）")) {
                Map<String, Yaml> rf = r.fields("决策规则", Set.of("when", "otherwise", "grade", "reason"));
                String grade = gradeRef(rf, r, gradeCodes);
                if (rf.containsKey("otherwise")) {
                    if (otherwise != null) r.problem("决策表只能有一条“otherwise”");
                    otherwise = grade;
                    continue;
                }
                if (otherwise != null) r.problem("“otherwise”规则之后的规则永远不会用到，请把 otherwise 放在最后");
                Formula when = formula(rf, r, "when", References.Kind.RULE);
                table.add(new DecisionRule(when, grade, Yaml.optionalText(rf, "reason", "说明")));
            }
            if (otherwise == null) f.get("decisionTable").problem("决策表缺少兜底规则（otherwise: true）");
        }

        List<ScoringModel.Override> overrides = new ArrayList<>();
        if (f.containsKey("overrides")) for (Yaml o : f.get("overrides").items("一票否决（overrides）")) {
            Map<String, Yaml> of = o.fields("一票否决规则", Set.of("code", "name", "when", "action", "grade", "appliesTo"));
            String oc = Yaml.text(of, "code", "规则编码", o);
            String on = Yaml.text(of, "name", "规则名称", o);
            Formula when = formula(of, o, "when", References.Kind.OVERRIDE);
            String action = Yaml.text(of, "action", "动作", o);
            OverrideAction act = null;
            if ("force".equals(action)) act = OverrideAction.FORCE;
            else if ("floor".equals(action)) act = OverrideAction.FLOOR;
            else if (action != null) of.get("action").problem("动作“" + action + "”无效，应为 force（直接定级）或 floor（至少定为）");
            overrides.add(new ScoringModel.Override(oc, on, when, act, gradeRef(of, o, gradeCodes), appliesTo(of)));
        }
        refs.checkAll();
        if (!problems.isEmpty()) return null;
        return new ScoringModel(code, version.intValueExact(), name, from, Yaml.optionalText(f, "description", "说明"),
                totalPoints, Map.copyOf(inputs), List.copyOf(derived), List.copyOf(groups), List.copyOf(grades),
                List.copyOf(table), otherwise, List.copyOf(overrides), Map.copyOf(missingValues), totalDecimals, direction);
    }

    /** Budget units only unless the rule says otherwise. */
    private static ScoringModel.AppliesTo appliesTo(Map<String, Yaml> fields) {
        String text = Yaml.optionalText(fields, "appliesTo", "适用范围");
        if (text == null) return ScoringModel.AppliesTo.BUDGET;
        ScoringModel.AppliesTo a = ScoringModel.AppliesTo.parse(text);
        if (a == null) fields.get("appliesTo").problem("适用范围“" + text + "”无效，应为 budget（预算单位）、consolidated（汇总单位）或 all（全部单位）");
        return a == null ? ScoringModel.AppliesTo.BUDGET : a;
    }

    Formula formula(Map<String, Yaml> fields, Yaml owner, String key, References.Kind usedIn) {
        String text = Yaml.text(fields, key, "公式", owner);
        if (text == null) return null;
        try {
            Formula f = Formula.compile(text);
            refs.use(f, fields.get(key), usedIn);
            return f;
        } catch (IllegalArgumentException e) {
            fields.get(key).problem(e.getMessage());
            return null;
        }
    }

    References refs() { return refs; }

    private String gradeRef(Map<String, Yaml> fields, Yaml owner, Set<String> gradeCodes) {
        String g = Yaml.text(fields, "grade", "等级", owner);
        if (g != null && !gradeCodes.contains(g))
            fields.get("grade").problem("等级“" + g + "”未在 grades 中定义");
        return g;
    }

    private Period period(Map<String, Yaml> f, Yaml root) {
        String t = Yaml.text(f, "effectiveFrom", "生效期间", root);
        if (t == null) return null;
        try {
            return Period.parse(t);
        } catch (IllegalArgumentException e) {
            f.get("effectiveFrom").problem("生效期间：" + e.getMessage());
            return null;
        }
    }

    static Scoring.Band band(Yaml b, BigDecimal weight) {
        Map<String, Yaml> bf = b.fields("分档", Set.of("range", "score", "points", "level", "label"));
        String range = Yaml.text(bf, "range", "区间", b);
        Interval interval = null;
        try {
            if (range != null) interval = Interval.parse(range);
        } catch (IllegalArgumentException e) {
            bf.get("range").problem(e.getMessage());
        }
        BigDecimal share = null;
        if (bf.containsKey("score") && bf.containsKey("points")) b.problem("score（得分比例）与 points（分数）只能写一个");
        else if (bf.containsKey("score")) share = bf.get("score").number("得分比例");
        else if (bf.containsKey("points")) {
            BigDecimal pts = bf.get("points").number("分数");
            if (pts != null && weight != null && weight.signum() > 0) share = pts.divide(weight, MathContext.DECIMAL64);
            else if (pts != null && weight != null && pts.signum() == 0) share = BigDecimal.ZERO;
            else if (pts != null && weight != null) bf.get("points").problem("指标权重为 0，分档分数（points）只能为 0");
        } else if (bf.containsKey("level")) share = BigDecimal.ZERO;
        else b.problem("分档缺少 score（得分比例）、points（分数）或 level（等级）");
        if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0))
            b.problem("得分不能为负，也不能超过该指标的权重");
        String level = Yaml.optionalText(bf, "level", "等级");
        if (level != null && !level.matches("[A-Za-z][A-Za-z0-9_]*")) bf.get("level").problem("等级“" + level + "”应为字母开头的英文代码，如 A、B、RED");
        return interval == null || share == null ? null
                : new Scoring.Band(interval, share, level, Yaml.optionalText(bf, "label", "说明"));
    }
}
