package cn.sanbao.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The header's language switcher links: the current page and its parameters, with {@code lang} set. */
@ControllerAdvice(annotations = Controller.class)
class LanguageLinks {

    @ModelAttribute("langZh")
    String chinese(HttpServletRequest request) {
        return link(request, "zh-CN");
    }

    @ModelAttribute("langEn")
    String english(HttpServletRequest request) {
        return link(request, "en");
    }

    private static String link(HttpServletRequest request, String lang) {
        // POST targets (e.g. a failed form) are not worth repeating; the link then opens the page plainly
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query)
                .replaceQueryParam("lang", lang).build().toUriString();
    }
}
