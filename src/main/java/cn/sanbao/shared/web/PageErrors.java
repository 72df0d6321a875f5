package cn.sanbao.shared.web;

import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Screens answer a missing record or a bad request with a Chinese error page and the right status,
 * not a stack trace. JSON controllers are answered first by {@link ApiErrors}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NoSuchElementException e, Model model) {
        return page(model, "未找到", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String bad(IllegalArgumentException e, Model model) {
        return page(model, "请求有误", e.getMessage());
    }

    private static String page(Model model, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "error/page";
    }
}
