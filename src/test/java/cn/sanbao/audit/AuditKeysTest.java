package cn.sanbao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AuditKeysTest {

    @TempDir Path dir;

    @Test
    void productionRefusesToStartWithoutAKey() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("postgres");
        assertThatThrownBy(() -> new AuditKeys("", dir.resolve("audit.key").toString(), "", prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("生产环境（postgres 配置）必须提供审计密钥");
        assertThat(dir.resolve("audit.key")).doesNotExist();
        assertThat(new AuditKeys("a-key-from-the-environment", dir.resolve("audit.key").toString(), "", prod).currentId()).hasSize(12);
    }

    @Test
    void demoModeGeneratesAKeyFileOnceAndKeepsUsingIt() throws Exception {
        Path file = dir.resolve("data/audit.key");
        AuditKeys first = new AuditKeys("", file.toString(), "", new MockEnvironment());
        assertThat(file).exists();
        AuditKeys second = new AuditKeys("", file.toString(), "", new MockEnvironment());
        assertThat(second.currentId()).isEqualTo(first.currentId());
        assertThat(second.mac(second.currentId(), "x")).isEqualTo(first.mac(first.currentId(), "x"));
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(AuditKeys.MIN_LENGTH);
    }

    @Test
    void retiredKeysStillVerifyAndShortKeysAreRefused() {
        AuditKeys old = new AuditKeys("the-old-audit-key-2025", "unused", "", new MockEnvironment());
        AuditKeys rotated = new AuditKeys("the-new-audit-key-2026", "unused", "the-old-audit-key-2025", new MockEnvironment());
        assertThat(rotated.currentId()).isNotEqualTo(old.currentId());
        assertThat(rotated.knows(old.currentId())).isTrue();
        assertThat(rotated.mac(old.currentId(), "x")).isEqualTo(old.mac(old.currentId(), "x"));
        assertThatThrownBy(() -> new AuditKeys("short", "unused", "", new MockEnvironment())).hasMessageContaining("审计密钥太短");
    }
}
