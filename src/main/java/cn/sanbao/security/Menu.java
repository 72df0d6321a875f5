package cn.sanbao.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The top navigation: every screen of the console, of which a user sees those {@link Access} lets it open. */
@Component("menu")
public class Menu {

    /** One entry: the path it opens and the message key of its name. */
    public record Entry(String path, String key) {
    }

    private static final List<Entry> ALL = List.of(
            new Entry("/dashboard", "console.nav.dashboard"), new Entry("/monitoring", "console.nav.monitoring"),
            new Entry("/units", "console.nav.portrait"),
            new Entry("/intake", "console.nav.intake"), new Entry("/warnings", "console.nav.warnings"),
            new Entry("/reports", "console.nav.reports"), new Entry("/projects", "console.nav.projects"),
            new Entry("/decision/runway", "console.nav.decision"), new Entry("/cash-watch", "cashwatch.nav"),
            new Entry("/discipline", "console.nav.discipline"), new Entry("/models", "console.nav.models"),
            new Entry("/connectors", "console.nav.connectors"),
            new Entry("/admin/users", "console.nav.users"), new Entry("/admin/roles", "console.nav.roles"),
            new Entry("/admin/tokens", "console.nav.tokens"), new Entry("/admin/requests", "console.nav.requests"),
            new Entry("/audit", "console.nav.audit"), new Entry("/swagger-ui/index.html", "console.nav.api"));

    private final Access access;
    /**
     * Entries per set of authorities: the answer depends on nothing else, and working it out on every page cost
     * more than most pages. A changed role gives a new set, so a revoked right still takes effect at once.
     */
    private final Map<Set<String>, List<Entry>> byAuthorities = new ConcurrentHashMap<>();
    private static final int CACHE = 1024;

    Menu(Access access) {
        this.access = access;
    }

    /** The entries the signed-in user may open. The API explorer is open to all, so it follows the business screens. */
    public List<Entry> entries() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return List.of();
        Set<String> key = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
        List<Entry> known = byAuthorities.get(key);
        if (known != null && auth.isAuthenticated()) return known;
        boolean business = access.may("GET", "/dashboard", auth);
        List<Entry> entries = ALL.stream().filter(e -> e.path().startsWith("/swagger-ui") ? business : access.may("GET", e.path(), auth)).toList();
        if (auth.isAuthenticated() && byAuthorities.size() < CACHE) byAuthorities.put(key, entries);
        return entries;
    }
}
