package cn.sanbao.connectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts connector passwords at rest (AES-256-GCM). The key comes from configuration outside the database,
 * {@code sanbao.connectors.key} (environment SANBAO_CONNECTORS_KEY), like the audit key: with the postgres profile
 * the application refuses to start without it; in demo mode (H2) a random key lives only as long as the process,
 * so demo connectors must be re-entered after a restart. The stored text is "v1:" + base64(iv ‖ ciphertext+tag).
 */
@Component
public class ConnectorKeys {

    private static final Logger log = LoggerFactory.getLogger(ConnectorKeys.class);
    static final int MIN_LENGTH = 16;
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ConnectorKeys(@Value("${sanbao.connectors.key:}") String configured, Environment env) {
        String text = configured.strip();
        if (text.isEmpty()) {
            if (env.acceptsProfiles(Profiles.of("postgres")))
                throw new IllegalStateException("生产环境（postgres 配置）必须提供数据提取连接器的密码加密密钥：设置 SANBAO_CONNECTORS_KEY"
                        + "（sanbao.connectors.key，至少 " + MIN_LENGTH + " 个字符）；密钥不得与数据库放在一起");
            byte[] r = new byte[32];
            new SecureRandom().nextBytes(r);
            text = Base64.getEncoder().encodeToString(r);
            log.warn("演示模式：未配置 sanbao.connectors.key，连接器密码用本次运行的临时密钥加密，重启后须重新填写密码");
        }
        if (text.length() < MIN_LENGTH) throw new IllegalStateException("连接器密码加密密钥太短：至少 " + MIN_LENGTH + " 个字符");
        try {
            // any configured text becomes a 256-bit key; the text itself never reaches the database
            byte[] k = MessageDigest.getInstance("SHA-256").digest(("sanbao-connectors:" + text).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("无法加密连接器密码", e);
        }
    }

    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) throw new IllegalStateException("连接器密码的存储格式无法识别，请重新填写密码");
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("无法解密连接器密码（密钥已更换？）：请在连接器页面重新填写密码");
        }
    }
}
