package cn.sanbao.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends every signed-in session of a user whose access was taken away (disabled, role or scope changed,
 * password reset). The session's next request is sent to the sign-in page ({@code ConcurrentSessionFilter},
 * configured in {@link SecurityConfig}). Sessions live in the database (Spring Session JDBC, see {@link SignInConfig}):
 * ending one marks it expired there, so whichever instance serves its next request signs it out.
 */
@Component
public class SessionRevoker {

    private final SessionRegistry sessions;

    SessionRevoker(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /**
     * Ends them now and, inside a transaction, once more when it commits: a session signed in between the
     * change and the commit would otherwise keep the old rights. (If the change rolls back, the user merely
     * signs in again.)
     */
    public void endSessionsOf(String username) {
        expire(username);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    expire(username);
                }
            });
        }
    }

    private void expire(String username) {
        if (sessions instanceof SpringSessionBackedSessionRegistry<?>) { // looks sessions up by user name in the database
            for (SessionInformation s : sessions.getAllSessions(username, false)) s.expireNow();
            return;
        }
        for (Object principal : sessions.getAllPrincipals()) {
            String name = principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
            if (!name.equals(username)) continue;
            for (SessionInformation s : sessions.getAllSessions(principal, false)) s.expireNow();
        }
    }
}
