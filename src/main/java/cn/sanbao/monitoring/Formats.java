package cn.sanbao.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.Vocabulary;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.ItemUnit;
import cn.sanbao.kernel.Money;

/** Number formatting for monitoring pages, used from templates as {@code @formats}. */
@Component("formats")
public class Formats {

    private final DataItemRepository items;

    public Formats(DataItemRepository items) {
        this.items = items;
    }

    /** A data item's value in its display unit: money in 万元, headcounts in 人, T as a percentage. */
    public String input(String item, BigDecimal value) {
        if (value == null) return "缺失";
        if (ScoringEngine.TIME_PROGRESS.equals(item)) return percent(value);
        DataItem d = items.item(item).orElse(null);
        if (d != null && d.unit() == ItemUnit.PERSON) return Money.grouped(value, 0) + " 人";
        return Money.wan(value) + " 万元";
    }

    /**
     * The words for plain formulas, bands and grade causes: data items by their catalogue names and
     * units (万元, 人), everything else by the model's own names and formats.
     */
    public Vocabulary vocabulary(ScoringModel model) {
        Vocabulary byModel = Vocabulary.of(model);
        return new Vocabulary() {
            @Override public String name(String code) {
                return items.item(code).map(DataItem::name).orElseGet(() -> byModel.name(code));
            }

            @Override public String value(String code, BigDecimal value) {
                return items.contains(code) ? input(code, value) : byModel.value(code, value);
            }

            @Override public String level(String code) {
                return byModel.level(code);
            }
        };
    }

    public String points(BigDecimal p) {
        return p == null ? "—" : p.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public String percent(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public String signed(BigDecimal delta) {
        if (delta == null) return "";
        String s = delta.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return delta.signum() > 0 ? "+" + s : s;
    }

    /** CSS class of a grade badge. */
    public String gradeClass(String grade) {
        return grade == null ? "grade-missing" : "grade-" + grade.toLowerCase();
    }
}
