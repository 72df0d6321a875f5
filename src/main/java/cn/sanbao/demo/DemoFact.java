package cn.sanbao.demo;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One generated data point: a unit's value of a data item in a period ("2021", "2021-03", "2021-W05").
 * Money is in 元 with scale 2; headcounts are whole numbers with scale 0.
 */
public record DemoFact(String unitCode, String period, String itemCode, BigDecimal amount) {
    public DemoFact {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(amount, "amount");
    }
}
