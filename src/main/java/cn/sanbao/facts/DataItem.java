package cn.sanbao.facts;

/** An entry of the data item catalogue: one figure every budget unit reports. */
public record DataItem(String code, String name, ItemUnit unit, ItemNature nature, Frequency frequency,
                       boolean nonNegative, String description) {
}
