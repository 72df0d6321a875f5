package cn.sanbao.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** A user whose password must be changed reaches nothing but the change-password page and sign-out. */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean mustChange = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> Roles.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
        if (mustChange && !path.equals(PAGE) && !path.equals("/logout") && !path.startsWith("/css/")
                && !path.startsWith("/webjars/") && !path.equals("/error")) {
            if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "须先修改初始密码");
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
