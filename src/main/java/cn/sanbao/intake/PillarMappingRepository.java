package cn.sanbao.intake;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Versions of the 三保科目配置 and their rules (pillar_mapping_version, pillar_mapping_rule). */
@Repository
public class PillarMappingRepository {

    private final JdbcClient jdbc;

    public PillarMappingRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Newest first. */
    List<PillarMappingService.Version> versions() {
        return jdbc.sql("select id, version, note, created_by, created_at from pillar_mapping_version order by version desc")
                .query((rs, n) -> new PillarMappingService.Version(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime())).list();
    }

    List<MappingRule> rules(long versionId) {
        return jdbc.sql("select code_kind, prefix, pillar, priority, name from pillar_mapping_rule where version_id = :v "
                        + "order by code_kind, prefix").param("v", versionId)
                .query((rs, n) -> new MappingRule(MappingRule.CodeKind.valueOf(rs.getString(1)), rs.getString(2),
                        PaymentClass.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5))).list();
    }

    int nextVersion() {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from pillar_mapping_version").query(Integer.class).single();
    }

    /** Stores a complete version with its rules; returns the version's id. The caller holds the transaction. */
    long insert(int version, String note, String by, LocalDateTime at, List<MappingRule> rules) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pillar_mapping_version (version, note, created_by, created_at) values (:v, :note, :by, :at)")
                .param("v", version).param("note", note).param("by", by).param("at", Timestamp.valueOf(at)).update(key, "id");
        long vid = key.getKey().longValue();
        for (MappingRule r : rules) {
            jdbc.sql("insert into pillar_mapping_rule (version_id, code_kind, prefix, pillar, priority, name) "
                            + "values (:v, :kind, :prefix, :pillar, :priority, :name)")
                    .param("v", vid).param("kind", r.kind().name()).param("prefix", r.prefix()).param("pillar", r.pillar().name())
                    .param("priority", r.priority()).param("name", r.name()).update();
        }
        return vid;
    }
}
