package cn.sanbao.monitoring;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import cn.sanbao.shared.scheduling.AsyncExecutors;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import cn.sanbao.facts.FactRevisionStored;
import cn.sanbao.kernel.Period;

/**
 * Re-scores the period an import asked for, after the revision is committed (the import never waits for it and
 * a failure never undoes it). Same rules as when intake called scoring directly: intake only asks on behalf of a
 * province-wide user and never for a year; the run and its note are as before. The outcome (run or failure) is
 * kept in rescoring_request, where the 监测结果 page shows it.
 */
@Component
class RescoringListener {

    private static final Logger log = LoggerFactory.getLogger(RescoringListener.class);

    private final ScoringRunService scoring;
    private final RescoringRepository requests;
    private final TransactionTemplate own;
    private final Clock clock;

    RescoringListener(ScoringRunService scoring, RescoringRepository requests, PlatformTransactionManager tm,
                      ObjectProvider<Clock> clock) {
        this.scoring = scoring;
        this.requests = requests;
        this.own = new TransactionTemplate(tm);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    // not @ApplicationModuleListener: that wraps the listener in its own transaction, which would hold a connection
    // for the whole run (and a second one for the claim), so a burst of imports could drain the pool
    @Async(AsyncExecutors.BULK)
    @TransactionalEventListener
    public void on(FactRevisionStored stored) {
        if (!stored.rescoreRequested()) return;
        Period period = Period.parse(stored.rescorePeriod());
        try {
            // claim and run commit together: a run exists exactly when its request row does, once cluster-wide
            own.executeWithoutResult(tx -> {
                if (!requests.claim(stored.revisionId(), period.code(), stored.storedBy(), LocalDateTime.now(clock), null)) return;
                ScoringRun run = scoring.run(period, stored.storedBy(), "数据修订 #" + stored.revisionId() + " 导入后重新评分");
                requests.ran(stored.revisionId(), run.id());
            });
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException refused) {
            // e.g. no published model for the period: nothing to retry until someone acts, so it is recorded, not thrown
            // (a database failure is thrown instead: the publication stays incomplete and runs again at the next start)
            String why = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
            log.warn("数据修订 #{} 导入后重新评分失败：{}", stored.revisionId(), why);
            own.executeWithoutResult(tx -> requests.claim(stored.revisionId(), period.code(), stored.storedBy(),
                    LocalDateTime.now(clock), why));
        }
    }
}
