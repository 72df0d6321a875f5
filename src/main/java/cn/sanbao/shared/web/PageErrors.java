package cn.sanbao.shared.web;

import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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
        return page(model, "console.error.notFound", e.getMessage(), 404);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String bad(IllegalArgumentException e, Model model) {
        return page(model, "console.error.badRequest", e.getMessage(), 400);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badParameter(Exception e, Model model) {
        return page(model, "console.error.badRequest", BadParameter.message(e), 400);
    }

    /** {@code titleKey} is a message key (i18n/console); the message itself comes from the service, in Chinese. */
    private static String page(Model model, String titleKey, String message, int status) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("hintKey", "console.error." + status + ".hint");
        model.addAttribute("message", message);
        return "error/page";
    }
}
