package cn.sanbao.projects.demand;

import java.time.LocalDateTime;

/** A stored demand estimation; {@code factRevision} is set once its pillar sums were written as facts. */
public record Estimation(long id, int year, long listVersionId, long scopeRevision, Long factRevision,
                         String createdBy, LocalDateTime createdAt) {

    public String label() {
        return "需求测算 #" + id + "（" + year + " 年，清单版本 #" + listVersionId + "，口径修订 #" + scopeRevision + "）";
    }
}
