package cn.sanbao.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The secret keys of the audit chain, held outside the database: {@code sanbao.audit.key} (environment
 * SANBAO_AUDIT_KEY) or the file {@code sanbao.audit.key-file}. With the postgres profile the application refuses
 * to start without one; otherwise (demo, H2) a key is generated into the key file once, with a warning.
 * {@code sanbao.audit.retired-keys} lists earlier keys (comma-separated) so records signed before a rotation
 * still verify. Each key is known by its id, a short fingerprint stored with every record.
 */
@Component
public class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    static final int MIN_LENGTH = 16;

    private final String currentId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    AuditKeys(@Value("${sanbao.audit.key:}") String key, @Value("${sanbao.audit.key-file:./data/audit.key}") String keyFile,
              @Value("${sanbao.audit.retired-keys:}") String retired, Environment env) {
        String current = key.isBlank() ? fromFile(Path.of(keyFile), env.acceptsProfiles(Profiles.of("postgres"))) : key.strip();
        if (current.length() < MIN_LENGTH) throw new IllegalStateException("审计密钥太短：至少 " + MIN_LENGTH + " 个字符");
        currentId = add(current);
        for (String old : retired.split(",")) if (!old.isBlank()) add(old.strip());
    }

    private static String fromFile(Path file, boolean production) {
        try {
            if (Files.isRegularFile(file)) return Files.readString(file, StandardCharsets.UTF_8).strip();
            if (production)
                throw new IllegalStateException("生产环境（postgres 配置）必须提供审计密钥：设置 SANBAO_AUDIT_KEY（sanbao.audit.key）"
                        + "或 sanbao.audit.key-file 指向密钥文件；密钥不得与数据库放在一起。未找到：" + file.toAbsolutePath());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getEncoder().encodeToString(random);
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (Windows): the file keeps the directory's permissions
            }
            log.warn("演示模式：已生成审计密钥 {}。请妥善保管；丢失后历史审计记录无法校验。生产环境请用 SANBAO_AUDIT_KEY 提供密钥", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读写审计密钥文件 " + file.toAbsolutePath(), e);
        }
    }

    private String add(String key) {
        String id = id(key);
        keys.putIfAbsent(id, key.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** Fingerprint of a key: 12 hex digits of SHA-256, which reveal nothing usable about the key. */
    static String id(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("sanbao-audit-key:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentId() {
        return currentId;
    }

    boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** HMAC-SHA256 of the text with the key of that id (hex). */
    String mac(String keyId, String text) {
        byte[] key = keys.get(keyId);
        if (key == null) throw new IllegalArgumentException("未知的审计密钥 " + keyId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
