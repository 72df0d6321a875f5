package cn.sanbao.decision;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a form action: success message or the Chinese problem, then back to a page (post/redirect/get). */
public final class Flash {

    private Flash() {
    }

    public static String run(RedirectAttributes ra, String back, Supplier<String> action) {
        try {
            String target = action.get();
            int sep = target.indexOf('|');
            ra.addFlashAttribute("message", sep < 0 ? target : target.substring(sep + 1));
            return "redirect:" + (sep < 0 ? back : target.substring(0, sep));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            ra.addFlashAttribute("errors", List.of(e.getMessage()));
            return "redirect:" + back;
        }
    }
}
