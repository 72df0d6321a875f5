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
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        // a GET's parameters are kept (e.g. the period); a POST (e.g. a failed form) is not repeated
        if ("GET".equals(request.getMethod()))
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("lang")) link.queryParam(name, (Object[]) values);
            });
        return link.queryParam("lang", lang).encode().build().toUriString();
    }
}
