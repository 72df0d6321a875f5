package cn.sanbao.monitoring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.engine.ModelProblem;
import cn.sanbao.engine.ModelValidationException;
import cn.sanbao.shared.web.ApiErrors;
import cn.sanbao.shared.web.JsonApi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A model file with errors reaches a JSON API caller as 400 with every problem, now mapped by monitoring. */
class ModelErrorsTest {

    @RestController
    @JsonApi
    static class Failing {
        @GetMapping("/api/model")
        String model() {
            throw new ModelValidationException("draft.yaml", List.of(new ModelProblem(3, "权重之和不是 100")));
        }

        @GetMapping("/api/other")
        String other() {
            throw new IllegalArgumentException("期间格式不对");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ModelErrors(), new ApiErrors()).build();

    @Test
    void modelFileWithErrorsIsABadRequestListingEachProblem() throws Exception {
        mvc.perform(get("/api/model")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("模型文件 draft.yaml 有错误"))
                .andExpect(jsonPath("$.details[0]").value(org.hamcrest.Matchers.containsString("权重之和不是 100")));
    }

    @Test
    void sharedErrorsStillAnswerTheOtherFailures() throws Exception {
        mvc.perform(get("/api/other")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("期间格式不对"));
    }
}
