package cn.sanbao.engine;

import java.math.BigDecimal;

/**
 * How the names a formula reads are said to an official: a data item's, derived value's or indicator's
 * Chinese name, and a value of it in its unit (万元, 人, %, 倍). Screens use one backed by the data-item
 * catalogue; {@link #of(ScoringModel)} knows only the model.
 */
public interface Vocabulary {

    String name(String code);

    String value(String code, BigDecimal value);

    /** A level code such as RED in a decision rule: its band label when the model gives one. */
    default String level(String code) {
        return code;
    }

    /** Names from the model alone; data-item values as plain numbers. */
    static Vocabulary of(ScoringModel model) {
        return new ModelVocabulary(model);
    }
}
