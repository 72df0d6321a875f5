package cn.sanbao.monitoring;

import java.time.LocalDateTime;

/** A stored model version. Published versions are never edited; a change is a new version. */
public record ModelVersion(long id, String code, int version, String name, String effectiveFrom, String sourceYaml,
                           String status, String reason, String createdBy, LocalDateTime createdAt,
                           String publishedBy, LocalDateTime publishedAt) {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String DRAFT = "DRAFT";

    public String label() {
        return name + " v" + version;
    }
}
