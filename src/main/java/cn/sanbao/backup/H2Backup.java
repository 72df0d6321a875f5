package cn.sanbao.backup;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * H2 (the embedded single-server database): an online copy with {@code BACKUP TO}, taken while the platform runs
 * (H2 copies a consistent state of its file), and the restore: unzip into an empty directory and point the platform
 * at it (docs/operations-backup.md).
 */
public final class H2Backup {

    private H2Backup() {
    }

    /** Writes the zip; the file must not exist yet (a backup is never overwritten). */
    public static void backup(DataSource ds, Path zip) {
        if (Files.exists(zip)) throw new IllegalArgumentException("备份文件已存在，不覆盖：" + zip);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("H2 备份失败：" + e.getMessage(), e);
        }
    }

    /** Unzips a backup into an EMPTY (or new) directory; returns the database file names restored. */
    public static java.util.List<String> restore(Path zip, Path directory) {
        try {
            Files.createDirectories(directory);
            try (var list = Files.list(directory)) {
                if (list.findAny().isPresent()) throw new IllegalArgumentException("恢复目录不是空目录：" + directory);
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                    Path target = directory.resolve(e.getName()).normalize();
                    if (!target.startsWith(directory.normalize()) || e.isDirectory())
                        throw new IllegalArgumentException("备份文件中有不允许的路径：" + e.getName());
                    Files.copy(z, target);
                    names.add(e.getName());
                }
            }
            if (names.isEmpty()) throw new IllegalArgumentException("备份文件是空的：" + zip);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("H2 恢复失败：" + e.getMessage(), e);
        }
    }
}
