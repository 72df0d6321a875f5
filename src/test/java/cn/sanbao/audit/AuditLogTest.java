package cn.sanbao.audit;

import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@BothDatabases
class AuditLogTest {

    @Autowired AuditLog audit;
    @Autowired org.springframework.transaction.support.TransactionOperations tx;

    /** A long import records its audit entry early; other users' audited actions must not wait for it to finish. */
    @Test
    void anOpenTransactionDoesNotHoldUpOtherAuditedWritesAndItsEntryCountsOnlyOnCommit() throws Exception {
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            tx.executeWithoutResult(s -> {
                audit.record("long-import", "INTAKE_PAYMENT", "revision:x", "仍在写入");
                try {
                    other.submit(() -> audit.record("another-user", "FACT_REVISION", "#y", "同时发生"))
                            .get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("另一个用户的审计记录被未提交的事务挡住", e);
                }
                assertThat(audit.recent(5)).extracting(AuditEvent::actor).contains("another-user").doesNotContain("long-import");
            });
        } finally {
            other.shutdownNow();
        }
        assertThat(audit.recent(2)).extracting(AuditEvent::actor).containsExactlyInAnyOrder("another-user", "long-import");
    }

    @Autowired AuditTrail trail;

    @Test
    void theActionFilterMatchesTheChineseNameShownAsWellAsTheCode() {
        audit.record("filter-user", "LOGIN", "session", "登录成功");
        audit.record("filter-user", "WARNING_PUBLISH", "2021-03", "发布");
        AuditQuery chinese = new AuditQuery("filter-user", "登录", null, null, null);
        assertThat(trail.search(chinese)).extracting(AuditEvent::action).contains("LOGIN").doesNotContain("WARNING_PUBLISH");
        assertThat(trail.search(new AuditQuery("filter-user", "LOGIN", null, null, null))).extracting(AuditEvent::action).contains("LOGIN");
        assertThat(trail.search(new AuditQuery("filter-user", "发布监测结果", null, null, null))).extracting(AuditEvent::action)
                .containsOnly("WARNING_PUBLISH");
        assertThat(AuditActions.name("WARNING_PUBLISH")).isEqualTo("发布监测结果");
        assertThat(AuditActions.name("FACT_REVISION")).isEqualTo("保存数据修订");
    }

    @Test
    void recentEventsComeNewestFirst() {
        audit.record("zhangsan", "FACT_IMPORT", "revision:1", "导入 2021年3月 月报");
        audit.record("lisi", "MODEL_PUBLISH", "model:sanbao-default:2", "发布评分模型", "10.0.0.8");

        assertThat(audit.recent(2)).extracting(AuditEvent::actor).containsExactly("lisi", "zhangsan");
        assertThat(audit.recent(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("MODEL_PUBLISH");
            assertThat(e.detail()).isEqualTo("发布评分模型");
            assertThat(e.remoteAddr()).isEqualTo("10.0.0.8");
            assertThat(e.occurredAt()).isNotNull();
        });
    }

    @Test
    void overlongDetailIsCutNotLost() {
        audit.record("wangwu", "FACT_IMPORT", "x", "错".repeat(5000));

        assertThat(audit.recent(1)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("wangwu");
            assertThat(e.detail()).hasSize(4000).endsWith("…");
        });
    }
}
