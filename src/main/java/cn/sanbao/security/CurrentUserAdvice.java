package cn.sanbao.security;

import cn.sanbao.region.RegionTree;
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

    private final RegionTree units;

    CurrentUserAdvice(RegionTree units) {
        this.units = units;
    }

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

    /**
     * The header's role label as a key of {@link Roles#NAMES} (message {@code console.role.<key>}): a local
     * user with a city scope is 市级用户, with any other scope 县级用户.
     */
    @ModelAttribute("currentRoleKey")
    String currentRoleKey(Principal principal) {
        if (!(principal instanceof Authentication auth)) return null;
        String scope = null, role = null;
        for (var a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name.startsWith(Roles.SCOPE_PREFIX)) scope = name.substring(Roles.SCOPE_PREFIX.length());
            else if (name.startsWith("ROLE_") && Roles.NAMES.containsKey(Roles.choice(name.substring(5), false))) role = name.substring(5);
        }
        return role == null ? null : Roles.choice(role, scope != null && units.isCity(scope));
    }
}
