package cn.sanbao.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the container or Spring Security answers by status (403 refused, 404, 405, 413 upload too
 * large, 500 ...) ends here instead of the Whitelabel page: screens get the site layout with what happened,
 * what to do and a link to the role's start page; {@code /api/} paths get the JSON of {@link ApiErrors}.
 * Neither ever shows an exception or stack trace.
 */
@Controller
class SiteErrors implements ErrorController {

    /** Statuses with their own wording; any other 4xx reads as 400, any other 5xx as 500. */
    private static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 413, 500);

    private final JsonMapper json;

    SiteErrors(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String p ? p : "";
        int worded = WORDED.contains(status) ? status : status >= 500 ? 500 : 400;
        response.setStatus(status);
        if (path.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), new ApiErrors.ApiError(status, API_TEXT.getOrDefault(worded, "请求失败"), List.of()));
            return null;
        }
        ModelAndView page = new ModelAndView("error/page");
        page.addObject("titleKey", "console.error." + worded);
        page.addObject("hintKey", "console.error." + worded + ".hint");
        page.addObject("status", status);
        return page;
    }

    private static final java.util.Map<Integer, String> API_TEXT = java.util.Map.of(400, "请求有误", 401, "需要登录（HTTP Basic）",
            403, "无权访问此接口", 404, "接口或记录不存在", 405, "此接口不支持该请求方法", 413, "上传的文件超过大小上限",
            500, "服务器内部错误，请稍后再试或联系系统管理员");
}
