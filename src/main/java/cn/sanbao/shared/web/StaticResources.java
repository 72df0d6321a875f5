package cn.sanbao.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the static files under their own narrow paths instead of Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings=false}). Why: with the catch-all, every link a page renders
 * (a unit page has hundreds) was looked up as a possible static file on the class path, each lookup taking
 * the jar file's lock; under 200 users the pages queued on that lock. Web jars keep version-free
 * addresses ({@code /webjars/echarts/dist/echarts.min.js}).
 */
@Configuration
public class StaticResources implements WebMvcConfigurer {

    /** Address patterns of static files; anything else is never looked up on the class path. */
    public static final String[] PATTERNS = {"/css/**", "/js/**", "/maps/**", "/webjars/**"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/maps/**").addResourceLocations("classpath:/static/maps/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
