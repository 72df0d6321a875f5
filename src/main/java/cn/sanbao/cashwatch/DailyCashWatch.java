package cn.sanbao.cashwatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** TEMPORARY copy of the contract type (the part used here); dropped at the merge with cash-core. */
public interface DailyCashWatch {
    Optional<LocalDate> latestDay();
    List<DayLevel> series(String unitCode, LocalDate from, LocalDate to);
    List<DayLevel> onDay(LocalDate day, Predicate<String> visibleUnit);
    cn.sanbao.kernel.CashBand band();
}
