package cn.sanbao.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            // a form shows each problem next to its field; the top of the page says how many there are
            Map<String, String> byField = new LinkedHashMap<>();
            List<String> other = new ArrayList<>();
            for (DataFileException.Problem p : e.problems()) {
                if (p.column() == null || p.column().isBlank()) other.add(p.text());
                else byField.merge(p.column(), p.reason(), (a, b) -> a + "；" + b);
            }
            if (!byField.isEmpty()) other.add(0, "未保存：有 " + byField.size() + " 项需要修改，见下方标红的栏目");
            ra.addFlashAttribute("errors", other);
            ra.addFlashAttribute("fieldErrors", byField);
            if (onError != null) onError.run();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            ra.addFlashAttribute("errors", List.of(e.getMessage()));
            if (onError != null) onError.run();
        }
        return "redirect:" + back;
    }
}
