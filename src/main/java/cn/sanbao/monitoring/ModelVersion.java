package cn.sanbao.monitoring;

import java.time.LocalDateTime;

/**
 * A stored model version. Published versions are never edited; a change is a new version. A draft becomes
 * published only after a second person approves it (see ModelApprovalPolicy).
 */
public record ModelVersion(long id, String code, int version, String name, String effectiveFrom, String sourceYaml,
                           String status, String reason, String createdBy, LocalDateTime createdAt,
                           String publishedBy, LocalDateTime publishedAt, String submittedBy, LocalDateTime submittedAt,
                           String reviewNote) {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String DRAFT = "DRAFT";
    /** Submitted for publication, waiting for a second person's approval (四眼原则). */
    public static final String PENDING = "PENDING";

    public boolean pending() {
        return PENDING.equals(status);
    }

    public String statusLabel() {
        return switch (status) {
            case PUBLISHED -> "已发布";
            case PENDING -> "待审核";
            default -> "草稿";
        };
    }

    public String label() {
        return name + " v" + version;
    }
}
