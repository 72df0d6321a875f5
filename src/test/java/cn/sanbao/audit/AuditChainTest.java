package cn.sanbao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import cn.sanbao.testsupport.BothDatabases;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The hash chain notices altered and deleted records; concurrent writers keep one chain; the auditor's screens. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class AuditChainTest {

    static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired AuditLog audit;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired AuditKeys keys;
    @Autowired AuditAnchor anchor;

    /** The stored columns of the records from {@code fromId} on, and the chain head, to put back after tampering. */
    record Snapshot(List<java.util.Map<String, Object>> rows, java.util.Map<String, Object> head) {
    }

    Snapshot snapshot(long fromId) {
        return new Snapshot(jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash, key_id "
                        + "from audit_event where id >= ? order by id").param(fromId).query().listOfRows(),
                jdbc.sql("select last_id, last_hash from audit_chain_head where id = 1").query().singleRow());
    }

    void restore(Snapshot s) {
        for (var r : s.rows()) {
            jdbc.sql("delete from audit_event where id = ?").param(r.get("id")).update();
            jdbc.sql("insert into audit_event (id, occurred_at, actor, action, target, detail, remote_addr, prev_hash, hash, key_id) "
                    + "values (?,?,?,?,?,?,?,?,?,?)").params(r.get("id"), r.get("occurred_at"), r.get("actor"), r.get("action"),
                    r.get("target"), r.get("detail"), r.get("remote_addr"), r.get("prev_hash"), r.get("hash"), r.get("key_id")).update();
        }
        jdbc.sql("update audit_chain_head set last_id = ?, last_hash = ? where id = 1")
                .params(s.head().get("last_id"), s.head().get("last_hash")).update();
        assertThat(trail.verify().reason()).isNull();
    }

    /** Rewrites the hashes from {@code fromId} to the end as the old unkeyed chain did, and moves the head along. */
    void rechainUnkeyed(long fromId) {
        String prev = jdbc.sql("select hash from audit_event where id = (select max(id) from audit_event where id < ?)")
                .param(fromId).query(String.class).optional().orElse(null);
        List<AuditEvent> rows = jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr from audit_event "
                + "where id >= ? order by id").param(fromId).query((rs, n) -> AuditRepository.event(rs)).list();
        for (AuditEvent e : rows) {
            String hash = AuditHash.legacy(e, prev);
            jdbc.sql("update audit_event set prev_hash = ?, hash = ? where id = ?").params(prev, hash, e.id()).update();
            prev = hash;
        }
        jdbc.sql("update audit_chain_head set last_hash = ? where id = 1").param(prev).update();
    }

    long lastId() {
        return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) audit.record("worker" + thread, "CHAIN_TEST", "n" + i, "并发写入");
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        ChainCheck check = trail.verify();
        assertThat(check.reason()).isNull();
        assertThat(check.intact()).isTrue();
        assertThat(check.checked()).isGreaterThanOrEqualTo(100);
    }

    @Test
    synchronized void alteringARecordWithSqlIsFoundAndNamed() throws Exception {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:tamper", "导入 3 月月报");
        audit.record("zhaoliu", "SCORING_RUN", "2021-03", "运行");
        long id = jdbc.sql("select max(id) from audit_event where target = 'revision:tamper'").query(Long.class).single();
        String original = jdbc.sql("select detail from audit_event where id = ?").param(id).query(String.class).single();
        jdbc.sql("update audit_event set detail = ? where id = ?").params("导入 4 月月报", id).update();
        try {
            ChainCheck check = trail.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenId()).isEqualTo(id);
            mvc.perform(post("/audit/verify").with(AUDITOR).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("审计链被破坏")))
                    .andExpect(content().string(containsString("#" + id)));
        } finally {
            // the database is shared with other test classes: put the record back as it was
            jdbc.sql("update audit_event set detail = ? where id = ?").params(original, id).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    /** The penetration test's attack: edit a record, then recompute every later hash without a key. */
    @Test
    synchronized void editingARecordAndRecomputingUnkeyedHashesIsFound() {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:rechain", "导入 5 月月报");
        audit.record("zhaoliu", "SCORING_RUN", "2021-05", "运行");
        long id = lastId() - 1;
        Snapshot before = snapshot(id);
        try {
            jdbc.sql("update audit_event set detail = ? where id = ?").params("导入 6 月月报", id).update();
            rechainUnkeyed(id);
            ChainCheck check = trail.verify();
            assertThat(check.brokenId()).isEqualTo(id);
            assertThat(check.reason()).contains("记录 #" + id).contains("zhaoliu").contains("数据导入").contains("HMAC 不符");
        } finally {
            restore(before);
        }
    }

    /** Records whose hashes were cleared do not pass as history written before the chain began. */
    @Test
    synchronized void clearedHashesAreFound() {
        audit.record("zhaoliu", "EXPORT", "x", "清除哈希测试");
        long first = jdbc.sql("select min(id) from audit_event").query(Long.class).single();
        Snapshot before = snapshot(first);
        try {
            long last = lastId();
            jdbc.sql("update audit_event set hash = null, prev_hash = null where id < ?").param(last).update();
            jdbc.sql("update audit_event set prev_hash = null where id = ?").param(last).update();
            ChainCheck check = trail.verify();
            assertThat(check.brokenId()).isEqualTo(first);
            assertThat(check.reason()).contains("哈希被清除");
        } finally {
            restore(before);
        }
    }

    /** With several instances on one database, the instance that does not hold the schedule's lock skips the tick. */
    @Test
    synchronized void theScheduledAnchorRunsOnlyOnTheInstanceHoldingTheLock() {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:lock", "导入 8 月月报");
        long head = lastId();
        jdbc.sql("delete from shedlock where name = 'audit-anchor'").update();
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values ('audit-anchor', "
                + "timestamp '2999-01-01 00:00:00', timestamp '2026-01-01 00:00:00', 'node-b')").update();
        try {
            anchor.scheduledAnchor();
            assertThat(anchor.read()).noneMatch(a -> a.id() == head);
            jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01 00:00:00' where name = 'audit-anchor'").update();
            anchor.scheduledAnchor();
            assertThat(anchor.read().get(anchor.read().size() - 1).id()).isEqualTo(head);
        } finally {
            jdbc.sql("delete from shedlock where name = 'audit-anchor'").update();
        }
    }

    /** Deleting the newest records and moving the head back passes the chain itself, but not the anchors. */
    @Test
    synchronized void deletingTheTailIsFoundByTheAnchor() {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:tail", "导入 7 月月报");
        audit.record("zhaoliu", "MODEL_PUBLISH", "model:x:9", "发布");
        assertThat(anchor.anchorNow()).isTrue();
        long anchored = lastId();
        Snapshot before = snapshot(anchored - 1);
        try {
            jdbc.sql("delete from audit_event where id >= ?").param(anchored - 1).update();
            jdbc.sql("update audit_chain_head set last_id = ?, last_hash = (select hash from audit_event where id = ?) where id = 1")
                    .params(anchored - 2, anchored - 2).update();
            ChainCheck check = trail.verify();
            assertThat(check.brokenId()).isEqualTo(anchored);
            assertThat(check.reason()).contains("已不存在").contains(anchor.file().getFileName().toString());
        } finally {
            restore(before);
        }
        // someone holding the key re-chains after an edit: the hashes agree again, the anchor does not
        Snapshot again = snapshot(anchored);
        try {
            jdbc.sql("update audit_event set detail = ? where id = ?").params("撤销发布", anchored).update();
            AuditEvent e = jdbc.sql("select id, occurred_at, actor, action, target, detail, remote_addr from audit_event where id = ?")
                    .param(anchored).query((rs, n) -> AuditRepository.event(rs)).single();
            String prev = jdbc.sql("select prev_hash from audit_event where id = ?").param(anchored).query(String.class).single();
            String hash = AuditHash.of(e, prev, keys, keys.currentId());
            jdbc.sql("update audit_event set hash = ? where id = ?").params(hash, anchored).update();
            jdbc.sql("update audit_chain_head set last_hash = ? where id = 1").param(hash).update();
            ChainCheck check = trail.verify();
            assertThat(check.brokenId()).isEqualTo(anchored);
            assertThat(check.reason()).contains("锚定后被改写");
        } finally {
            restore(again);
        }
    }

    /** A database from before V621: its unkeyed chain is checked, re-chained with the key once, and that is logged. */
    @Test
    synchronized void anOldUnkeyedChainIsRechainedOnceAndTheUpgradeIsLogged() throws Exception {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:old", "升级前的记录");
        java.nio.file.Files.deleteIfExists(anchor.file()); // an old installation has no anchors yet
        long first = jdbc.sql("select min(id) from audit_event").query(Long.class).single();
        jdbc.sql("update audit_event set key_id = null").update();
        rechainUnkeyed(first);
        jdbc.sql("update audit_chain_head set scheme = null, key_id = null where id = 1").update();

        audit.record("zhaoliu", "SCORING_RUN", "2021-08", "升级后的第一条记录");
        ChainCheck check = trail.verify();
        assertThat(check.reason()).isNull();
        assertThat(audit.recent(2)).extracting(AuditEvent::action).containsExactly("SCORING_RUN", "AUDIT_RECHAIN");
        assertThat(audit.recent(2).get(1).detail()).contains("HMAC-SHA256").contains("原 SHA-256 链完整");
        audit.record("zhaoliu", "EXPORT", "x", "再写一条");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_RECHAIN'").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void searchAndExcelExportForTheAuditorOnly() throws Exception {
        audit.record("sunqi", "MODEL_PUBLISH", "model:x:7", "发布模型用于检索测试", "10.1.2.3");
        mvc.perform(get("/audit").param("actor", "sunqi").with(AUDITOR))
                .andExpect(status().isOk()).andExpect(content().string(containsString("发布模型用于检索测试")));
        mvc.perform(get("/audit").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/audit/export").param("actor", "sunqi").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("操作人");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("sunqi");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("发布模型");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("10.1.2.3");
        }
        assertThat(audit.recent(3)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("auditor");
            assertThat(e.action()).isEqualTo("EXPORT");
            assertThat(e.detail()).contains("操作人=sunqi");
        });
    }
}
