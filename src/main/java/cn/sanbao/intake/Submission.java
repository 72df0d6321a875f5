package cn.sanbao.intake;

import cn.sanbao.kernel.Period;

import java.math.BigDecimal;
import java.util.List;

/**
 * Figures as a file or push states them (stated unit, not yet converted), with where each came from,
 * and the problems already found while reading the structure.
 */
public record Submission(String fileName, Period period, Location periodAt, AmountUnit unit,
                         List<UnitRow> rows, List<Finding> problems) {

    public record UnitRow(Location at, String unitCode, List<Entry> entries) {
    }

    public record Entry(Location at, String itemCode, BigDecimal value) {
    }
}
