package cn.sanbao.facts;

/** Measurement unit of a data item. Money is stored in 元 with two decimals. */
public enum ItemUnit {
    YUAN("元"),
    PERSON("人");

    private final String label;

    ItemUnit(String label) { this.label = label; }

    public String label() { return label; }
}
