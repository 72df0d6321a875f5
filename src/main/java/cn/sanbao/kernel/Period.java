package cn.sanbao.kernel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of the fiscal (= calendar) year: the year itself ("2021"), a month ("2021-03")
 * or an ISO week ("2021-W05"). Weeks belong to the year of their Thursday, as ISO 8601 says.
 */
public final class Period implements Comparable<Period> {

    public enum Type { YEAR, MONTH, WEEK }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final Type type;
    private final int year;
    private final int number; // month 1-12, week 1-53, 0 for a year

    private Period(Type type, int year, int number) {
        this.type = type;
        this.year = year;
        this.number = number;
    }

    public static Period year(int year) { return new Period(Type.YEAR, year, 0); }

    public static Period month(int year, int month) {
        if (month < 1 || month > 12) throw new IllegalArgumentException("月份必须在 1 到 12 之间：" + month);
        return new Period(Type.MONTH, year, month);
    }

    public static Period week(int year, int week) {
        int weeks = weeksIn(year);
        if (week < 1 || week > weeks) throw new IllegalArgumentException(year + " 年只有 " + weeks + " 周：W" + week);
        return new Period(Type.WEEK, year, week);
    }

    /** Parses "2021", "2021-03" or "2021-W05"; anything else is rejected with a Chinese message. */
    public static Period parse(String text) {
        String s = text == null ? "" : text.trim();
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) return year(Integer.parseInt(m.group(1)));
        if ((m = MONTH.matcher(s)).matches()) return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if ((m = WEEK.matcher(s)).matches()) return week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        throw new IllegalArgumentException("无法识别的期间“" + s + "”，应为年（2021）、月（2021-03）或周（2021-W05）");
    }

    public static int weeksIn(int year) {
        return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public Type type() { return type; }
    public int year() { return year; }
    /** Month 1-12 or ISO week number; 0 for a year. */
    public int number() { return number; }

    public LocalDate startDate() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
            case WEEK -> LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    public LocalDate endDate() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case MONTH -> LocalDate.of(year, number, 1).with(TemporalAdjusters.lastDayOfMonth());
            case WEEK -> startDate().plusDays(6);
        };
    }

    /**
     * 时序进度: month m → m/12; week → days of the fiscal year elapsed at the week's end ÷ days in
     * the year (a week that runs into the next year counts as the whole year); year → 1.
     */
    public BigDecimal timeProgress() {
        return switch (type) {
            case YEAR -> BigDecimal.ONE;
            case MONTH -> BigDecimal.valueOf(number).divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
            case WEEK -> {
                int days = Year.of(year).length();
                LocalDate end = endDate();
                int elapsed = end.getYear() > year ? days : end.getYear() < year ? 0 : end.getDayOfYear();
                yield BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64);
            }
        };
    }

    /** The period before this one of the same type (January's previous month is last December). */
    public Period previous() {
        return switch (type) {
            case YEAR -> year(year - 1);
            case MONTH -> number == 1 ? month(year - 1, 12) : month(year, number - 1);
            case WEEK -> number == 1 ? week(year - 1, weeksIn(year - 1)) : week(year, number - 1);
        };
    }

    /** Whole-year view of this period. */
    public Period fiscalYear() { return year(year); }

    /** The latest month that has ended on or before this period's end, in the same fiscal year; null if none. */
    public Period latestClosedMonth() {
        if (type == Type.MONTH) return this;
        LocalDate end = endDate();
        if (end.getYear() > year) return month(year, 12);
        if (end.getYear() < year) return null;
        boolean monthEnded = end.equals(end.with(TemporalAdjusters.lastDayOfMonth()));
        int m = monthEnded ? end.getMonthValue() : end.getMonthValue() - 1;
        return m < 1 ? null : month(year, m);
    }

    public String code() {
        return switch (type) {
            case YEAR -> String.valueOf(year);
            case MONTH -> String.format("%d-%02d", year, number);
            case WEEK -> String.format("%d-W%02d", year, number);
        };
    }

    /** Chinese label for screens and reports. */
    public String label() {
        return switch (type) {
            case YEAR -> year + "年";
            case MONTH -> year + "年" + number + "月";
            case WEEK -> year + "年第" + number + "周";
        };
    }

    @Override public int compareTo(Period o) {
        int c = startDate().compareTo(o.startDate());
        return c != 0 ? c : endDate().compareTo(o.endDate());
    }

    @Override public boolean equals(Object o) {
        return o instanceof Period p && p.type == type && p.year == year && p.number == number;
    }

    @Override public int hashCode() { return Objects.hash(type, year, number); }

    @Override public String toString() { return code(); }
}
