package cn.sanbao.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Response headers that make the browser refuse what an injected string would need: no inline or foreign
 * script, no framing, no MIME sniffing, no full URLs in Referer. Every page's script is a same-origin file
 * (static/js, webjars); see docs/security.md «浏览器安全：CSP 与 CSRF».
 */
final class BrowserHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

    /**
     * style-src keeps 'unsafe-inline': ECharts and htmx write element styles at run time (tooltips, indicators).
     * A style cannot run code, and the templates themselves carry no style attributes.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void customize(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults());
    }
}
