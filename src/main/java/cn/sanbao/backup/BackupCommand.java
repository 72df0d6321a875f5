package cn.sanbao.backup;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar sanbao.jar backup --to DIR} and {@code restore --from DIR}: the PostgreSQL logical backup of
 * {@link PostgresBackup} on the database named by SANBAO_DB_URL, SANBAO_DB_USER, SANBAO_DB_PASSWORD (the same
 * variables as the postgres profile). No web server, no Spring context: a restore must not let the platform seed
 * the empty database first. docs/operations-backup.md.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        boolean backup = args[0].equals("backup");
        String option = backup ? "--to" : "--from";
        Path dir = null;
        for (int i = 1; i + 1 < args.length; i++) if (args[i].equals(option)) dir = Path.of(args[i + 1]);
        String url = env.get("SANBAO_DB_URL");
        if (dir == null || url == null || !url.startsWith("jdbc:postgresql:")) {
            err.println("用法：SANBAO_DB_URL=jdbc:postgresql://… SANBAO_DB_USER=… SANBAO_DB_PASSWORD=… java -jar sanbao.jar "
                    + (backup ? "backup --to 空目录" : "restore --from 备份目录") + "\n仅用于 PostgreSQL；H2 用 BACKUP TO（docs/operations-backup.md）。");
            return 2;
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(url, env.getOrDefault("SANBAO_DB_USER", ""), env.getOrDefault("SANBAO_DB_PASSWORD", ""));
        try {
            Map<String, Long> rows = backup ? PostgresBackup.backup(ds, dir) : PostgresBackup.restore(ds, dir);
            out.printf("%s完成：%d 张表，共 %d 行（%s）%n", backup ? "备份" : "恢复", rows.size(),
                    rows.values().stream().mapToLong(Long::longValue).sum(), dir.toAbsolutePath());
            return 0;
        } catch (RuntimeException e) {
            err.println((backup ? "备份" : "恢复") + "失败：" + e.getMessage());
            return 1;
        }
    }
}
