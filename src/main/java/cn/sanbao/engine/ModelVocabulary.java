package cn.sanbao.engine;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The names a model itself gives: inputs, derived values, indicators, levels (by their band labels). */
class ModelVocabulary implements Vocabulary {

    private final ScoringModel model;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> formats = new HashMap<>();
    private final Map<String, String> levels = new HashMap<>();

    ModelVocabulary(ScoringModel model) {
        this.model = model;
        names.putAll(model.inputs());
        for (ScoringModel.Derived d : model.derived()) names.put(d.code(), d.name());
        for (ScoringModel.Indicator i : model.indicators()) {
            names.put(i.code(), i.name());
            formats.put(i.code(), i.format());
            for (Scoring.Band band : i.scoring().allBands())
                if (band.level() != null && band.label() != null) levels.putIfAbsent(band.level(), band.label());
        }
        names.put(ScoringEngine.TIME_PROGRESS, "时序进度");
        names.put(ScoringEngine.TOTAL, "总分");
    }

    @Override public String name(String code) {
        if (code.startsWith("count_")) return "“" + level(code.substring(6)) + "”指标个数";
        if (code.startsWith(Formula.UNIT + ".")) return "单位属性“" + code.substring(Formula.UNIT.length() + 1) + "”";
        return names.getOrDefault(code, code);
    }

    @Override public String level(String code) {
        return levels.getOrDefault(code, code + " 级");
    }

    @Override public String value(String code, BigDecimal value) {
        if (ScoringEngine.TIME_PROGRESS.equals(code)) return Display.value(value, "percent");
        if (formats.containsKey(code)) return Display.value(value, formats.get(code));
        if (ScoringEngine.TOTAL.equals(code)) return value.stripTrailingZeros().toPlainString() + " 分";
        return Display.value(value, model.inputs().containsKey(code) ? "number" : null);
    }
}
