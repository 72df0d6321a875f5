package cn.sanbao.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The backup command refuses, with its usage in Chinese, what it cannot do: no directory, or a database other than PostgreSQL. */
class BackupCommandTest {

    private String run(Map<String, String> env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupCommand.run(args, env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutDirectoryOrWithH2ItPrintsUsageAndDoesNothing() {
        assertThat(run(Map.of("SANBAO_DB_URL", "jdbc:postgresql://localhost/x"), "backup")).contains("backup --to 空目录");
        assertThat(run(Map.of("SANBAO_DB_URL", "jdbc:h2:file:./data/sanbao"), "restore", "--from", "/tmp/x"))
                .contains("仅用于 PostgreSQL").contains("BACKUP TO");
        assertThat(run(Map.of(), "backup", "--to", "/tmp/x")).contains("SANBAO_DB_URL");
    }
}
