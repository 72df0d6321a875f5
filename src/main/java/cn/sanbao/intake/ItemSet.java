package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemRepository;
import cn.sanbao.facts.Frequency;

import java.util.List;
import java.util.Locale;

/** A reporting template: which catalogue items it carries and for which kind of period. */
public enum ItemSet {
    MONTHLY("月报", Period.Type.MONTH),
    WEEKLY("周报", Period.Type.WEEK),
    ANNUAL("年度计划", Period.Type.YEAR);

    private final String label;
    private final Period.Type periodType;

    ItemSet(String label, Period.Type periodType) {
        this.label = label;
        this.periodType = periodType;
    }

    public String label() { return label; }

    public Period.Type periodType() { return periodType; }

    public boolean includes(DataItem item) {
        Frequency f = item.frequency();
        return switch (this) {
            case MONTHLY -> f == Frequency.MONTHLY || f == Frequency.MONTHLY_WEEKLY;
            case WEEKLY -> f == Frequency.MONTHLY_WEEKLY;
            case ANNUAL -> f == Frequency.ANNUAL;
        };
    }

    public List<DataItem> items(DataItemRepository catalogue) {
        return catalogue.all().stream().filter(this::includes).toList();
    }

    public static ItemSet of(Period period) {
        for (ItemSet s : values()) if (s.periodType == period.type()) return s;
        throw new IllegalArgumentException("无法识别的期间类型：" + period.code());
    }

    /** "monthly", "weekly", "annual" (URL form) or the enum name. */
    public static ItemSet parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("未知的模板类型“" + text + "”，应为 monthly（月报）、weekly（周报）或 annual（年度计划）");
        }
    }
}
