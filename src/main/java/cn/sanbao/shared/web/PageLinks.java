package cn.sanbao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the pager and export buttons: the current address with its filters kept and one parameter
 * changed. Used from templates as {@code @pageLinks}.
 */
@Component("pageLinks")
public class PageLinks {

    /** The current list at another page, every other parameter as it is. */
    public String page(int page) {
        return with("page", String.valueOf(page));
    }

    /** Another address (e.g. the list's /export) with the current filters; paging parameters dropped. */
    public String export(String path) {
        HttpServletRequest request = request();
        return UriComponentsBuilder.fromPath(request.getContextPath() + path).query(request.getQueryString())
                .replaceQueryParam("page").replaceQueryParam("size").build(true).toUriString();
    }

    private String with(String name, String value) {
        HttpServletRequest request = request();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(name, value).build(true).toUriString();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
