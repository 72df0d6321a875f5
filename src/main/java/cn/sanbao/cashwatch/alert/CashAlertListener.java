package cn.sanbao.cashwatch.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import cn.sanbao.shared.scheduling.AsyncExecutors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import cn.sanbao.cashwatch.DailyCashStored;

/**
 * Warns the same day when daily balances are stored, after the revision is committed (storing never waits for it).
 * Not @ApplicationModuleListener: that wraps the whole run in one transaction holding a connection; here each alert
 * has its own short transaction (see {@link CashAlertService}). A database failure is thrown, so the event
 * publication stays incomplete and runs again at the next start; the claims keep that from sending twice.
 */
@Component
class CashAlertListener {

    private static final Logger log = LoggerFactory.getLogger(CashAlertListener.class);

    private final CashAlertService alerts;

    CashAlertListener(CashAlertService alerts) {
        this.alerts = alerts;
    }

    @Async(AsyncExecutors.ALERT)
    @TransactionalEventListener
    public void on(DailyCashStored stored) {
        log.info(alerts.handle(stored).note());
    }
}
