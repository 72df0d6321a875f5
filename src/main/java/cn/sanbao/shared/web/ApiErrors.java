package cn.sanbao.shared.web;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import cn.sanbao.shared.DataFileException;

/** Turns failures of the JSON API into structured Chinese errors with the right HTTP status. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = JsonApi.class)
public class ApiErrors {

    public record ApiError(int status, String error, List<String> details) {
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> notFound(NoSuchElementException e) {
        return of(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return of(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(DataFileException.class)
    ResponseEntity<ApiError> file(DataFileException e) {
        return of(HttpStatus.BAD_REQUEST, "数据文件有错误",
                e.problems().stream().map(DataFileException.Problem::text).toList());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> bad(IllegalArgumentException e) {
        return of(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return of(HttpStatus.BAD_REQUEST, BadParameter.message(e), List.of());
    }

    /** The one shape of a JSON API error; modules that translate their own exceptions use it too. */
    public static ResponseEntity<ApiError> of(HttpStatus status, String message, List<String> details) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message, details));
    }

}
