package cn.sanbao.security;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name into every page model for the header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
