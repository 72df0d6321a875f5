package cn.sanbao.engine.load;

import cn.sanbao.engine.load.ModelLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.engine.Formula;
import cn.sanbao.engine.Scoring;
import cn.sanbao.engine.ScoringModel.Group;
import cn.sanbao.engine.ScoringModel.Indicator;

/** Reads one indicator group and its indicators with their scoring. */
final class GroupReader {

    private static final Set<String> GROUP = Set.of("code", "name", "weight", "indicators");
    private static final Set<String> INDICATOR = Set.of("code", "name", "formula", "weight", "format", "bands", "linear", "note",
            "decimals", "bandsBy");

    private final ModelLoader loader;
    /** Weights as written, also of indicators rejected for other reasons, so one error does not cascade. */
    private BigDecimal writtenWeights = BigDecimal.ZERO;

    GroupReader(ModelLoader loader) {
        this.loader = loader;
    }

    BigDecimal writtenWeights() {
        return writtenWeights;
    }

    Group read(Yaml g) {
        Map<String, Yaml> gf = g.fields("指标组", GROUP);
        String code = Yaml.text(gf, "code", "指标组编码", g);
        String name = Yaml.text(gf, "name", "指标组名称", g);
        BigDecimal weight = gf.containsKey("weight") ? gf.get("weight").number("指标组权重") : null;
        List<Indicator> indicators = new ArrayList<>();
        if (gf.containsKey("indicators")) {
            for (Yaml i : gf.get("indicators").items("指标（indicators）")) {
                Indicator ind = indicator(i);
                if (ind != null) indicators.add(ind);
            }
        } else g.problem("指标组缺少指标（indicators）");
        return new Group(code, name, weight, indicators);
    }

    private Indicator indicator(Yaml i) {
        Map<String, Yaml> f = i.fields("指标", INDICATOR);
        String code = Yaml.text(f, "code", "指标编码", i);
        String name = Yaml.text(f, "name", "指标名称", i);
        loader.refs().declare(code, i, References.Kind.INDICATOR);
        Formula formula = loader.formula(f, i, "formula", References.Kind.INDICATOR);
        BigDecimal weight = Yaml.number(f, "weight", "指标权重", i);
        if (weight != null && weight.signum() < 0) f.get("weight").problem("权重不能为负");
        if (weight != null) writtenWeights = writtenWeights.add(weight);
        String format = Yaml.optionalText(f, "format", "显示格式");
        if (format != null && !Set.of("percent", "multiple", "number", "letter").contains(format))
            f.get("format").problem("显示格式“" + format + "”无效，应为 percent、multiple、number 或 letter");
        Integer decimals = f.containsKey("decimals") ? InputReader.decimals(f.get("decimals"), "小数位数（decimals）") : null;
        String bandsBy = Yaml.optionalText(f, "bandsBy", "分档依据的单位属性（bandsBy）");
        Scoring scoring = null;
        if (f.containsKey("bands") == f.containsKey("linear")) {
            i.problem("指标“" + name + "”须写 bands（分档）或 linear（线性插值）中的一个");
        } else if (f.containsKey("bands")) {
            scoring = bandsBy == null ? bands(f.get("bands"), weight) : bandSets(bandsBy, f.get("bands"), weight);
        } else {
            if (bandsBy != null) f.get("bandsBy").problem("bandsBy 只能与 bands（分档）一起使用");
            scoring = linear(f.get("linear"));
        }
        if ("letter".equals(format) && scoring != null && (scoring.allBands().isEmpty()
                || scoring.allBands().stream().anyMatch(b -> b.level() == null)))
            f.get("format").problem("显示格式 letter 按分档的等级（level）显示，每个分档都要写 level");
        if (code == null || formula == null || weight == null || scoring == null) return null;
        return new Indicator(code, name, formula, weight, format, scoring, Yaml.optionalText(f, "note", "备注"), decimals);
    }

    private Scoring bands(Yaml node, BigDecimal weight) {
        List<Scoring.Band> bands = new ArrayList<>();
        List<Yaml> nodes = new ArrayList<>();
        for (Yaml b : node.items("分档（bands）")) {
            Scoring.Band band = ModelLoader.band(b, weight);
            if (band == null) continue;
            for (int k = 0; k < bands.size(); k++)
                if (bands.get(k).interval().overlaps(band.interval()))
                    b.problem("分档 " + band.interval() + " 与第" + nodes.get(k).line() + "行的分档 " + bands.get(k).interval() + " 重叠");
            loader.refs().declareLevel(band.level());
            bands.add(band);
            nodes.add(b);
        }
        if (bands.isEmpty()) {
            node.problem("至少需要一个分档");
            return null;
        }
        return new Scoring.Bands(List.copyOf(bands));
    }

    /** {@code bandsBy: kind} with one band list per attribute value: {@code bands: { 县: [...], 区: [...] }}. */
    private Scoring bandSets(String attribute, Yaml node, BigDecimal weight) {
        if (!node.isMapping()) {
            node.problem("写了 bandsBy: " + attribute + " 时，bands 应按属性值分组，如 bands: { 县: [...], 区: [...] }");
            return null;
        }
        Map<String, Scoring.Bands> sets = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Yaml> e : node.entries("分档（bands）").entrySet())
            if (bands(e.getValue(), weight) instanceof Scoring.Bands b) sets.put(e.getKey(), b);
        return sets.isEmpty() ? null : new Scoring.ByAttribute(attribute, java.util.Collections.unmodifiableMap(sets));
    }

    private Scoring linear(Yaml node) {
        List<Scoring.Point> points = new ArrayList<>();
        for (Yaml p : node.items("线性插值点（linear）")) {
            Map<String, Yaml> pf = p.fields("插值点", Set.of("x", "score"));
            BigDecimal x = Yaml.number(pf, "x", "指标值", p);
            BigDecimal s = Yaml.number(pf, "score", "得分比例", p);
            if (x == null || s == null) continue;
            if (s.signum() < 0 || s.compareTo(BigDecimal.ONE) > 0) p.problem("得分比例应在 0 到 1 之间");
            if (!points.isEmpty() && x.compareTo(points.get(points.size() - 1).x()) <= 0)
                p.problem("插值点的 x 必须严格递增");
            points.add(new Scoring.Point(x, s));
        }
        if (points.size() < 2) {
            node.problem("线性插值至少需要两个点");
            return null;
        }
        return new Scoring.Linear(List.copyOf(points));
    }
}
