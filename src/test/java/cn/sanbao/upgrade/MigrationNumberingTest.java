package cn.sanbao.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.upgrade.ShippedMigrations.Migration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Migration numbers only go up: a migration that a shipped release did not have must be numbered above that
 * release's highest version (a lower number would be skipped, or fail validation, on databases of that release),
 * and a shipped migration is never edited, renamed or removed (Flyway would refuse to start on their databases).
 * See docs/architecture.md "迁移编号".
 */
class MigrationNumberingTest {

    @Test
    void everyReleaseHasItsChecksumList() {
        for (String release : ShippedMigrations.releases()) {
            if (MigrationNumberingTest.class.getResource("/upgrade/" + release + "/migrations.tsv") != null) continue;
            String lines = ShippedMigrations.current().stream().map(Migration::line).collect(Collectors.joining("\n"));
            throw new AssertionError("发布版本 " + release + " 缺少 src/test/resources/upgrade/" + release + "/migrations.tsv。"
                    + "在该版本的提交上运行本测试时，按当前迁移文件算出的内容如下，存入该文件：\n" + lines);
        }
    }

    @Test
    void shippedMigrationsAreNeverChangedRenamedOrRemoved() {
        List<Migration> current = ShippedMigrations.current();
        List<String> problems = new ArrayList<>();
        for (String release : ShippedMigrations.releases()) {
            for (Migration shipped : ShippedMigrations.released(release)) {
                if (current.contains(shipped)) continue;
                boolean sameVersion = current.stream().anyMatch(m -> m.location().equals(shipped.location())
                        && m.version().equals(shipped.version()));
                problems.add(shipped.location() + "/" + shipped.script() + "（随 " + release + " 发布）"
                        + (sameVersion ? "内容或文件名已改动" : "已被删除或改名")
                        + "：已发布的迁移不得修改，请还原它，把改动写成一个新的迁移（版本号见 docs/architecture.md「迁移编号」）");
            }
        }
        assertThat(problems).as("已发布的迁移必须保持原样").isEmpty();
    }

    @Test
    void newMigrationsAreNumberedAboveTheLastRelease() {
        String release = ShippedMigrations.lastRelease();
        List<Migration> shipped = ShippedMigrations.released(release);
        Migration highest = shipped.stream().max(Comparator.comparing(Migration::flywayVersion)).orElseThrow();
        List<String> problems = new ArrayList<>();
        for (Migration m : ShippedMigrations.current()) {
            boolean released = shipped.stream().anyMatch(s -> s.location().equals(m.location()) && s.version().equals(m.version()));
            if (!released && m.flywayVersion().compareTo(highest.flywayVersion()) <= 0) {
                problems.add(m.location() + "/" + m.script() + " 不在上一版 " + release + " 中，但版本号 V" + m.version()
                        + " 不大于该版的最高版本 V" + highest.version() + "：已装上一版的数据库会跳过或拒绝它。"
                        + "请改用大于 V" + highest.version() + " 且大于现有所有迁移的版本号（迁移编号只增不减，见 docs/architecture.md「迁移编号」）");
            }
        }
        assertThat(problems).as("新迁移的版本号必须大于上一版的最高版本").isEmpty();
    }
}
