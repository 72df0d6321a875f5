package cn.sanbao.shared.web;

import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The Chinese reason for a request parameter that is missing or cannot be read, for pages and the JSON API alike. */
final class BadParameter {

    private BadParameter() {
    }

    static String message(Exception e) {
        if (e instanceof MissingServletRequestParameterException m) return "缺少参数“" + m.getParameterName() + "”";
        if (e instanceof MethodArgumentTypeMismatchException t)
            return "参数“" + t.getName() + "”的值“" + t.getValue() + "”无效";
        return "请求参数无效";
    }
}
