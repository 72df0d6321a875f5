package cn.sanbao.security;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * May the signed-in user call {@code METHOD path}? Answered from the same rules that guard the request: the
 * URL rules of {@link SecurityConfig} and the {@code @PreAuthorize} of the controller method it reaches.
 * Templates use it as {@code @access.may('POST', '/reports/generate')} so navigation and buttons show only
 * what works; there is no second list of who may do what. Unit scope (which unit) is checked by the
 * endpoint itself, not here.
 */
@Component("access")
public class Access {

    private final WebInvocationPrivilegeEvaluator urls;
    private final RequestMappingHandlerMapping mappings;
    private final ApplicationContext context;
    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
    /**
     * Controller method per "METHOD path": every page asks for each menu entry and button, and scanning all
     * mappings each time cost more than rendering the page. Mappings never change after start; bounded because
     * templates may ask about paths with ids in them.
     */
    private final Map<String, Optional<HandlerMethod>> handlers = new ConcurrentHashMap<>();
    private static final int HANDLER_CACHE = 4096;

    Access(WebInvocationPrivilegeEvaluator urls, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
           ApplicationContext context) {
        this.urls = urls;
        this.mappings = mappings;
        this.context = context;
    }

    /** For the signed-in user of the current request. */
    public boolean may(String method, String path) {
        return may(method, path, SecurityContextHolder.getContext().getAuthentication());
    }

    public boolean may(String method, String path, Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) return false;
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (!urls.isAllowed("", p, method, auth)) return false;
        Optional<HandlerMethod> handler = cachedHandler(method, p);
        if (handler.isEmpty()) return true;
        HandlerMethod h = handler.get();
        Object bean = h.getBean() instanceof String name ? context.getBean(name) : h.getBean();
        AuthorizationResult r = preAuthorize.authorize(() -> auth, new SimpleMethodInvocation(bean, h.getMethod()));
        return r == null || r.isGranted();
    }

    private Optional<HandlerMethod> cachedHandler(String method, String path) {
        String key = method + " " + path;
        Optional<HandlerMethod> known = handlers.get(key);
        if (known != null) return known;
        Optional<HandlerMethod> found = handler(method, path);
        if (handlers.size() < HANDLER_CACHE) handlers.put(key, found);
        return found;
    }

    /** The controller method a request reaches: the most specific matching pattern, as Spring MVC picks it. */
    private Optional<HandlerMethod> handler(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        PathPattern best = null;
        HandlerMethod found = null;
        Comparator<PathPattern> specific = PathPattern.SPECIFICITY_COMPARATOR;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equalsIgnoreCase(method))) continue;
            if (info.getPathPatternsCondition() == null) continue;
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (pattern.matches(container) && (best == null || specific.compare(pattern, best) < 0)) {
                    best = pattern;
                    found = e.getValue();
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
