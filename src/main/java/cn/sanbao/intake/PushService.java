package cn.sanbao.intake;

import cn.sanbao.kernel.Period;
import cn.sanbao.facts.FactRevision;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.ValidFacts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import cn.sanbao.intake.PushRequestRepository.Stored;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Push API: the same checks as a file, plus an idempotency key. The key row is written in the same
 * transaction as the revision, so a concurrent retry either sees it or loses the insert race and
 * rolls back its own revision, then answers with the winner's result.
 */
@Service
public class PushService {

    public record Outcome(ImportResult result, boolean replayed) {
    }


    private final SubmissionValidator validator;
    private final FactRepository facts;
    private final RevisionDiff diff;
    private final PushRequestRepository requests;
    private final TransactionOperations tx;
    private final Rescoring rescoring;
    private final Clock clock;

    public PushService(SubmissionValidator validator, FactRepository facts, RevisionDiff diff, PushRequestRepository requests,
                       TransactionOperations tx, Rescoring rescoring, ObjectProvider<Clock> clock) {
        this.validator = validator;
        this.facts = facts;
        this.diff = diff;
        this.requests = requests;
        this.tx = tx;
        this.rescoring = rescoring;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    public Outcome push(String key, String body, String user, Predicate<String> mayReport, Predicate<String> visible,
                        boolean rescore) {
        if (key == null || key.isBlank()) throw new IllegalArgumentException("缺少请求头 Idempotency-Key（幂等键）");
        if (key.length() > 128) throw new IllegalArgumentException("Idempotency-Key 长度不能超过 128 个字符");
        JsonNode tree = PushParser.tree(body);
        String hash = FileImportService.sha256(("push\n" + PushParser.canonical(tree)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<Stored> earlier = find(key);
        if (earlier.isPresent()) return replay(key, earlier.get(), hash, user, visible);

        Submission s = PushParser.parse(tree);
        ValidFacts values = validator.validate(s, null, mayReport);
        Period period = s.period();
        Rescoring.Request scoring = rescoring.request(period, rescore);
        try {
            Stored stored = tx.execute(status -> {
                Optional<FactRevision> same = facts.findByContentHash(hash);
                Long rev = null;
                if (same.isEmpty()) {
                    rev = facts.createRevision("API", "推送数据（" + period.label() + "，幂等键 " + FileImportService.cut(key, 64) + "）",
                            user, hash, values, "INTAKE_PUSH", "推送 " + values.size() + " 个数值，幂等键 " + key, scoring.period());
                }
                Stored st = new Stored(hash, rev, same.map(FactRevision::id).orElse(null), period.code(), values.size(), user);
                insert(key, st);
                return st;
            });
            ImportResult r = result(stored, visible);
            return new Outcome(rescoring.after(r, scoring), false);
        } catch (DuplicateKeyException raced) {
            return replay(key, find(key).orElseThrow(), hash, user, visible);
        }
    }

    private Outcome replay(String key, Stored st, String hash, String user, Predicate<String> visible) {
        if (!st.hash().equals(hash) || !st.by().equals(user)) {
            throw new IdempotencyConflictException("幂等键“" + key + "”已用于另一份不同的推送数据，请为新的数据使用新的幂等键");
        }
        return new Outcome(result(st, visible), true);
    }

    private ImportResult result(Stored st, Predicate<String> visible) {
        return new ImportResult(st.revisionId(), st.duplicateOf(), st.period(), st.values(),
                st.revisionId() == null ? null : diff.of(st.revisionId(), visible), null, null);
    }

    private Optional<Stored> find(String key) { return requests.find(key); }

    private void insert(String key, Stored st) { requests.insert(key, st, LocalDateTime.now(clock)); }
}
