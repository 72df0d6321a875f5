package cn.sanbao.shared.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list with the count of all rows that match the filters; the pager fragment shows it. */
public record Page<T>(List<T> rows, int page, int size, long total) {

    public Page {
        rows = List.copyOf(rows);
    }

    public static <T> Page<T> of(List<T> rows, PageRequest request, long total) {
        return new Page<>(rows, request.page(), request.size(), total);
    }

    /** The page of a list already in memory (small lists computed as a whole, e.g. a run's ranking). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + request.size())), request.page(), request.size(), all.size());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(rows.stream().map(f).toList(), page, size, total);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Row number (1-based, over all pages) of the first row of this page. */
    public long firstRowNumber() {
        return (long) (page - 1) * size + 1;
    }
}
