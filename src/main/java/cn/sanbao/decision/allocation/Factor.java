package cn.sanbao.decision.allocation;

/** Factors of the transfer allocation; the larger a unit's value, the larger its share of the factor's weight. */
public enum Factor {
    GAP("三保缺口", "三保需求 − 三保预算安排（不小于 0）"),
    POPULATION("常住人口", "测算口径中的常住人口"),
    DIFFICULTY("财政困难程度", "三保需求 ÷ 可用财力"),
    PERFORMANCE("监测得分", "所选月份的三保运行监测总分");

    private final String label;
    private final String definition;

    Factor(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() { return label; }

    public String definition() { return definition; }
}
