package cn.sanbao.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF for the JSON API. A browser sends the session cookie with any cross-site form or fetch, so an API write
 * on the session needs the CSRF token (header X-CSRF-TOKEN, as the pages' own scripts send it). A request that
 * carries its own credentials in the Authorization header (HTTP Basic, or an API token as Bearer) is exempt:
 * a foreign page cannot set that header without a CORS preflight, which this application never grants.
 */
final class ApiWrites {

    static final RequestMatcher API = request -> path(request).startsWith("/api/");

    /** API requests that authenticate themselves; the CSRF check does not apply to them. */
    static final RequestMatcher SELF_AUTHENTICATED = request -> {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        return API.matches(request) && auth != null
                && (auth.regionMatches(true, 0, "Basic ", 0, 6) || auth.regionMatches(true, 0, "Bearer ", 0, 7));
    };

    static Customizer<CsrfConfigurer<HttpSecurity>> csrf() {
        return csrf -> csrf.ignoringRequestMatchers(SELF_AUTHENTICATED);
    }

    /** Refusals on the API are answered as JSON in Chinese (pages keep the error page). */
    static Customizer<ExceptionHandlingConfigurer<HttpSecurity>> refusals() {
        AccessDeniedHandler json = (request, response, denied) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                denied instanceof CsrfException
                        ? "使用登录会话调用接口的写操作须带 X-CSRF-TOKEN 请求头（页面中的 CSRF 令牌）；程序调用请使用接口令牌（Authorization: Bearer）"
                        : "无权访问此接口");
        return e -> e.defaultAccessDeniedHandlerFor(json, API)
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true);
    }

    /** A JSON error in the shape of shared.web.ApiErrors.ApiError; messages here are constants without quotes. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + message + "\",\"details\":[]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private ApiWrites() {
    }
}
