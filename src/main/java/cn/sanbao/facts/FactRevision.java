package cn.sanbao.facts;

import java.time.LocalDateTime;

/** One import (file, API push, demo load). Revisions are append-only; later ones supersede earlier ones cell by cell. */
public record FactRevision(long id, String source, String label, String contentHash, int rowCount,
                           String createdBy, LocalDateTime createdAt) {
}
