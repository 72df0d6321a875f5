package cn.sanbao.monitoring;

import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.shared.web.ApiErrors;
import cn.sanbao.shared.web.ApiErrors.ApiError;
import cn.sanbao.shared.web.JsonApi;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A model file with errors, as a JSON API error. Lives with the module that loads models so the shared
 * web layer does not depend on the engine.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = JsonApi.class)
class ModelErrors {

    @ExceptionHandler(ModelValidationException.class)
    ResponseEntity<ApiError> model(ModelValidationException e) {
        return ApiErrors.of(HttpStatus.BAD_REQUEST, "模型文件 " + e.source() + " 有错误",
                e.problems().stream().map(Object::toString).toList());
    }
}
