package cn.sanbao.cashwatch;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published inside the storing transaction (so it goes through the JDBC event publication registry) when a
 * revision of daily balances is stored. Not published when nothing changed.
 *
 * @param units the units whose balances the revision changed
 */
public record DailyCashStored(long revisionId, String source, LocalDate firstDay, LocalDate lastDay, Set<String> units) {

    public DailyCashStored {
        units = Set.copyOf(units);
    }
}
