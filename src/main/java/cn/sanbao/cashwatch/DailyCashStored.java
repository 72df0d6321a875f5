package cn.sanbao.cashwatch;

import java.time.LocalDate;
import java.util.Set;

/** TEMPORARY copy of the contract type; dropped at the merge with cash-core. */
public record DailyCashStored(long revisionId, String source, LocalDate firstDay, LocalDate lastDay, Set<String> units) {}
