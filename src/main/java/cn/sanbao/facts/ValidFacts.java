package cn.sanbao.facts;

import java.util.List;

/** Figures in 元 that passed {@link FactValidator}; only it creates them, so a revision is checked exactly once. */
public final class ValidFacts {

    private final List<FactValue> values;

    ValidFacts(List<FactValue> values) { this.values = List.copyOf(values); }

    public List<FactValue> values() { return values; }

    public int size() { return values.size(); }
}
