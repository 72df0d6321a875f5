package cn.sanbao.decision;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a form action: success message or the Chinese problem, then back to a page (post/redirect/get). */
public final class Flash {

    private Flash() {
    }

    public static String run(RedirectAttributes ra, String back, Supplier<String> action) {
        try {
            String target = action.get();
            // "/path|message" names the page to go to; a plain message (which may contain '|') does not
            int sep = target.startsWith("/") ? target.indexOf('|') : -1;
            ra.addFlashAttribute("message", sep < 0 ? target : target.substring(sep + 1));
            return "redirect:" + (sep < 0 ? back : target.substring(0, sep));
        } catch (IllegalArgumentException | NoSuchElementException e) {
            ra.addFlashAttribute("errors", List.of(e.getMessage()));
            return "redirect:" + back;
        } catch (DataIntegrityViolationException e) { // a name or amount the table cannot hold; the transaction rolled back
            ra.addFlashAttribute("errors", List.of("未保存：名称过长或金额超出范围，请检查后重新提交"));
            return "redirect:" + back;
        }
    }
}
