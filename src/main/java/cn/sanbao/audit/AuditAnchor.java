package cn.sanbao.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the audit chain outside the database: every {@code sanbao.audit.anchor-interval} (default 10 minutes)
 * the chain head (record id and hash) is appended, signed with the audit key, as one line to
 * {@code sanbao.audit.anchor-file}. That file belongs on storage the database account cannot write (see
 * docs/security.md). Someone who deletes the newest records and moves the head back, or re-chains the records,
 * no longer matches the anchors. Each line names its chain by the hash of the chain's first record.
 */
@Component
public class AuditAnchor {

    /** One line of the anchor file; {@code line} is its 1-based number. */
    record Anchor(int line, String time, String genesis, long id, String hash, String keyId, String mac) {
    }

    private final AuditRepository repository;
    private final AuditKeys keys;
    private final Path file;
    private final Clock clock;

    AuditAnchor(AuditRepository repository, AuditKeys keys, @Value("${sanbao.audit.anchor-file:./data/audit-anchor.log}") String file,
                ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.keys = keys;
        this.file = Path.of(file);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    Path file() {
        return file;
    }

    /** The scheduled anchoring; one instance per tick when several share the database and anchor file. */
    @Scheduled(initialDelayString = "${sanbao.audit.anchor-interval:PT10M}", fixedDelayString = "${sanbao.audit.anchor-interval:PT10M}")
    @SchedulerLock(name = "audit-anchor", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduledAnchor() {
        anchorNow();
    }

    /** Appends the current head unless it is already the last anchor; returns true when a line was written. */
    public synchronized boolean anchorNow() {
        AuditRepository.Head head = repository.head();
        if (head.lastId() == null) return false;
        long id = head.lastId();
        String hash = head.lastHash();
        List<Anchor> existing = read();
        if (!existing.isEmpty() && existing.get(existing.size() - 1).id() == id && existing.get(existing.size() - 1).hash().equals(hash))
            return false;
        String time = Instant.now(clock).toString();
        String genesis = genesis();
        String kid = keys.currentId();
        String line = String.join("\t", time, genesis, Long.toString(id), hash, kid, keys.mac(kid, signed(time, genesis, id, hash))) + "\n";
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计锚定文件 " + file.toAbsolutePath(), e);
        }
        return true;
    }

    /** Hash of the chain's first record: names the chain an anchor belongs to. */
    String genesis() {
        return repository.firstHash().orElse("-");
    }

    List<Anchor> read() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Anchor> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t");
                if (lines.get(i).isBlank()) continue;
                if (f.length != 6 || !f[2].matches("\\d{1,18}")) out.add(new Anchor(i + 1, "?", "?", -1, "?", "?", "?"));
                else out.add(new Anchor(i + 1, f[0], f[1], Long.parseLong(f[2]), f[3], f[4], f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计锚定文件 " + file.toAbsolutePath(), e);
        }
    }

    /** True when the line was signed with a known key and is unchanged. */
    boolean genuine(Anchor a) {
        return a.id() >= 0 && keys.knows(a.keyId()) && keys.mac(a.keyId(), signed(a.time(), a.genesis(), a.id(), a.hash())).equals(a.mac());
    }

    private static String signed(String time, String genesis, long id, String hash) {
        return "anchor|" + time + "|" + genesis + "|" + id + "|" + hash;
    }
}
