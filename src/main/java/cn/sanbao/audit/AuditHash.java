package cn.sanbao.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * SHA-256 over an audit record's canonical fields and the previous record's hash. Every field is
 * written as length:value so that no two different records share a canonical form.
 */
final class AuditHash {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private AuditHash() {
    }

    static String of(AuditEvent e, String previousHash) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[]{TIME.format(e.occurredAt()), e.actor(), e.action(), e.target(), e.detail(),
                e.remoteAddr(), previousHash}) {
            if (field == null) sb.append("-1:");
            else sb.append(field.length()).append(':').append(field);
            sb.append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
