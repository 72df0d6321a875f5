package cn.sanbao.security;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name and roles into every page model for the header and navigation. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Role names without the ROLE_ prefix, e.g. ANALYST. */
    @ModelAttribute("currentRoles")
    Set<String> currentRoles(Principal principal) {
        if (!(principal instanceof Authentication auth)) return Set.of();
        return auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    }
}
