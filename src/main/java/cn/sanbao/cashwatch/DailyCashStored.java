package cn.sanbao.cashwatch;

import java.time.LocalDate;

/**
 * Published inside the storing transaction (so it goes through the JDBC event publication registry) when a
 * revision of daily balances is stored. Not published when nothing changed.
 * The event stays small (the registry stores it as text, at most 4,000 characters on H2): it names how many units the
 * revision changed, not which; listeners read the revision's rows.
 *
 * @param units how many units' balances the revision changed
 */
public record DailyCashStored(long revisionId, String source, LocalDate firstDay, LocalDate lastDay, int units) {
}
