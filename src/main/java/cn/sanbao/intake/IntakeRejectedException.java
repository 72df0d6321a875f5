package cn.sanbao.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A file or push was refused as a whole; nothing was stored. Carries every problem found. */
public class IntakeRejectedException extends RuntimeException {

    /** At most this many problems are listed; the rest are summed up in one closing line. */
    public static final int MAX_LISTED = 200;
    /** Reason of the marker a reader adds when it stopped checking after {@link #MAX_LISTED} problems. */
    static final String STOPPED = "已发现 " + MAX_LISTED + " 处错误，停止检查其余内容";

    private final List<Finding> findings;
    private final long total;

    public IntakeRejectedException(List<Finding> findings) {
        this(findings, 0);
    }

    /** @param unlisted problems counted but not kept (the reader kept only the first ones) */
    public IntakeRejectedException(List<Finding> findings, long unlisted) {
        super("数据未保存，共 " + (findings.size() + unlisted) + " 处错误：" + findings.stream().limit(5).map(Finding::text)
                .reduce((a, b) -> a + "；" + b).orElse(""));
        boolean stopped = findings.stream().anyMatch(f -> STOPPED.equals(f.reason()));
        // in reading order: sheet, then row
        List<Finding> sorted = findings.stream().filter(f -> !STOPPED.equals(f.reason()))
                .sorted(Comparator.comparingInt(Finding::row)).toList();
        List<Finding> shown = new ArrayList<>(sorted.subList(0, Math.min(MAX_LISTED, sorted.size())));
        long more = sorted.size() - shown.size() + unlisted;
        String file = sorted.isEmpty() ? null : sorted.get(0).file();
        if (stopped) shown.add(Finding.at(file, null, "…及另外更多处（" + STOPPED + "）"));
        else if (more > 0) shown.add(Finding.at(file, null, "…及另外 " + more + " 处"));
        this.findings = List.copyOf(shown);
        this.total = sorted.size() + unlisted;
    }

    public static IntakeRejectedException of(String file, Location at, String reason) {
        return new IntakeRejectedException(List.of(Finding.at(file, at, reason)));
    }

    public List<Finding> findings() { return findings; }

    /** How many problems were found (listed or not); at least this many when the reader stopped early. */
    public long total() { return total; }

    /** "N 处" or "至少 N 处" when the reader stopped early. */
    public String count() {
        boolean stopped = findings.stream().anyMatch(f -> f.reason().contains(STOPPED));
        return (stopped ? "至少 " : "") + total + " 处";
    }
}
