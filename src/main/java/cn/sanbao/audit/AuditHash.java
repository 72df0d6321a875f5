package cn.sanbao.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of an audit record: HMAC-SHA256, with a key held outside the database ({@link AuditKeys}), over the
 * record's canonical fields and the previous record's hash. Every field is written as length:value so that no
 * two different records share a canonical form. {@link #legacy} is the unkeyed SHA-256 of chains written before
 * V621; it is used once, to check an old chain before it is re-chained.
 */
final class AuditHash {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private AuditHash() {
    }

    static String of(AuditEvent e, String previousHash, AuditKeys keys, String keyId) {
        return keys.mac(keyId, canonical(e, previousHash));
    }

    static String legacy(AuditEvent e, String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical(e, previousHash).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String canonical(AuditEvent e, String previousHash) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[]{TIME.format(e.occurredAt()), e.actor(), e.action(), e.target(), e.detail(),
                e.remoteAddr(), previousHash}) {
            if (field == null) sb.append("-1:");
            else sb.append(field.length()).append(':').append(field);
            sb.append('|');
        }
        return sb.toString();
    }
}
