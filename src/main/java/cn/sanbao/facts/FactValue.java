package cn.sanbao.facts;

import java.math.BigDecimal;

/** One reported figure: unit × period code × item. */
public record FactValue(String unitCode, String period, String itemCode, BigDecimal amount) {
}
