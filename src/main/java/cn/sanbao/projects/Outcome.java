package cn.sanbao.projects;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import cn.sanbao.shared.DataFileException;

/** Runs a form action: success message or every problem in Chinese, then back to the page (post/redirect/get). */
final class Outcome {

    private Outcome() {
    }

    static String run(RedirectAttributes ra, String back, Supplier<String> action, Runnable onError) {
        try {
            ra.addFlashAttribute("message", action.get());
        } catch (DataFileException e) {
            ra.addFlashAttribute("errors", e.problems().stream().map(DataFileException.Problem::text).toList());
            if (onError != null) onError.run();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            ra.addFlashAttribute("errors", List.of(e.getMessage()));
            if (onError != null) onError.run();
        }
        return "redirect:" + back;
    }
}
