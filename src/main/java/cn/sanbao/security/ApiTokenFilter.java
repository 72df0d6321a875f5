package cn.sanbao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request that carries "Authorization: Bearer &lt;token&gt;", for that request only (no session
 * is created). A token that is unknown, revoked or expired is answered 401 at once, without trying anything else.
 * Pages ignore tokens: they are for the /api/ machine interface.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        return auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || !ApiWrites.API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip();
        Optional<Authentication> auth = secret.isEmpty() || secret.length() > 200 ? Optional.empty()
                : tokens.authenticate(secret, request.getRemoteAddr());
        if (auth.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ApiWrites.write(response, HttpServletResponse.SC_UNAUTHORIZED, "接口令牌无效、已吊销或已过期");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
