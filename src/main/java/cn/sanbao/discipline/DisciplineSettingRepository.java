package cn.sanbao.discipline;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** On/off switches of discipline rules (discipline_setting). */
@Repository
public class DisciplineSettingRepository {

    private final JdbcClient jdbc;

    public DisciplineSettingRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<Boolean> enabled(String name) {
        return jdbc.sql("select enabled from discipline_setting where name = :n").param("n", name).query(Boolean.class).optional();
    }

    /** Inserts or updates the switch; the caller holds the transaction. */
    void save(String name, boolean on, String by, LocalDateTime at) {
        Timestamp t = Timestamp.valueOf(at);
        int changed = jdbc.sql("update discipline_setting set enabled = :e, updated_by = :a, updated_at = :t where name = :n")
                .param("e", on).param("a", by).param("t", t).param("n", name).update();
        if (changed == 0)
            jdbc.sql("insert into discipline_setting (name, enabled, updated_by, updated_at) values (:n, :e, :a, :t)")
                    .param("n", name).param("e", on).param("a", by).param("t", t).update();
    }
}
