package cn.sanbao.warnings;

/** Event: a month's monitoring results were published (warnings issued, cases opened), committed with the publication. */
public record MonthPublished(long publicationId, String period, long runId, String publishedBy) {
}
