package cn.sanbao.shared.web;

/**
 * Which page of a long list to show: 1-based page number and rows per page, both bounded so a hand-edited
 * link cannot ask for a million rows. Lists read one page with {@code offset()} / {@code size()} in SQL.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        page = Math.max(1, page);
        size = Math.max(1, Math.min(MAX_SIZE, size));
    }

    /** From the request parameters {@code page} and {@code size}; missing or silly values fall back to page 1, 50 rows. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
