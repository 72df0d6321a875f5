package cn.sanbao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the pager and export buttons: the current address with its filters kept and one parameter
 * changed. Every page's model has one as {@code pageLinks} (templates may not call beans in links).
 */
public final class PageLinks {

    private final String contextPath;
    private final String uri;
    private final String query;

    PageLinks(HttpServletRequest request) {
        this.contextPath = request.getContextPath();
        this.uri = request.getRequestURI();
        this.query = request.getQueryString();
    }

    /** The current list at another page, every other parameter as it is. */
    public String page(int page) {
        return UriComponentsBuilder.fromPath(uri).query(query).replaceQueryParam("page", page).build(true).toUriString();
    }

    /** Another address (e.g. the list's /export) with the current filters; paging parameters dropped. */
    public String export(String path) {
        return UriComponentsBuilder.fromPath(contextPath + path).query(query)
                .replaceQueryParam("page").replaceQueryParam("size").build(true).toUriString();
    }

    @ControllerAdvice
    static class Advice {

        @ModelAttribute("pageLinks")
        PageLinks pageLinks(HttpServletRequest request) {
            return new PageLinks(request);
        }
    }
}
