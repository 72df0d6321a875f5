package cn.sanbao.cashwatch;

import cn.sanbao.kernel.CashBand;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** 库款日监测: daily treasury balances stored as revisions, and each budget unit's daily 库款保障水平. */
public interface DailyCashWatch {

    /**
     * Validates all-or-nothing and stores one revision (audited, one audit entry).
     *
     * @param source e.g. "upload", "connector:&lt;id&gt;"
     * @param file   names the file, or "数据提取：&lt;connector name&gt; 查询 &lt;query name&gt;", in findings
     * @throws DailyCashRejected when any row is refused; nothing is stored then
     */
    DailyCashResult store(String source, String file, List<DailyBalance> rows, String actor);

    /** Latest day with any balance. */
    Optional<LocalDate> latestDay();

    /** One unit's days with a balance from {@code from} to {@code to}, ascending. */
    List<DayLevel> series(String unitCode, LocalDate from, LocalDate to);

    /** Every visible budget unit with a balance on the day, in region order. */
    List<DayLevel> onDay(LocalDate day, Predicate<String> visibleUnit);

    /**
     * Every visible budget unit's days with a balance from {@code from} to {@code to} (ascending), by unit in region
     * order, from one bulk read of balances and one of 三保 needs; for charts and weekly reports.
     */
    Map<String, List<DayLevel>> levels(LocalDate from, LocalDate to, Predicate<String> visibleUnit);

    /** The configured band (low = the floor). */
    CashBand band();
}
