package cn.sanbao.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Screen language: Chinese by default, English on request. {@code ?lang=en} (or {@code ?lang=zh-CN}) on any
 * page switches and remembers the choice in a cookie; the browser's Accept-Language is deliberately ignored so
 * that every official sees the same Chinese screens unless they ask otherwise.
 */
@Configuration
public class LocaleConfig implements WebMvcConfigurer {

    public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;
    public static final String COOKIE = "sanbao-lang";

    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(DEFAULT);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // without this the resolver falls back to Accept-Language; the screens default to Chinese instead
        resolver.setDefaultLocaleFunction(request -> DEFAULT);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
