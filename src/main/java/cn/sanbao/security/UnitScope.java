package cn.sanbao.security;

import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import cn.sanbao.audit.AuditLog;

/**
 * Which units the signed-in user may see. Analysts and leaders see all; a city or county user sees
 * its own unit and the units below it. A refused request is audited.
 */
@Component
public class UnitScope implements cn.sanbao.region.UnitVisibility {

    private final RegionTree regions;
    private final AuditLog audit;

    public UnitScope(RegionTree regions, AuditLog audit) {
        this.regions = regions;
        this.audit = audit;
    }

    @Override
    public Predicate<String> visible() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return code -> false;
        if (has(auth, "ROLE_" + Roles.ANALYST) || has(auth, "ROLE_" + Roles.LEADER)) return code -> true;
        List<String> roots = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(Roles.SCOPE_PREFIX)).map(a -> a.substring(Roles.SCOPE_PREFIX.length())).toList();
        return code -> regions.contains(code) && roots.stream().anyMatch(root -> regions.isWithin(code, root));
    }

    public boolean seesAll() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && (has(auth, "ROLE_" + Roles.ANALYST) || has(auth, "ROLE_" + Roles.LEADER));
    }

    /**
     * The 所属市 filter of the list screens (总览, 监测结果, 预警处置) for this user: the cities its units lie in, in
     * region order. The department sees every city and chooses; a city or county user has one city (a county user:
     * the city above it) or none (a unit directly under the region), so its filter is fixed and not offered.
     */
    public CityFilter cityFilter() {
        Predicate<String> visible = visible();
        java.util.Set<String> inScope = new java.util.HashSet<>();
        for (FiscalUnit u : regions.all())
            if (visible.test(u.code())) regions.cityOf(u.code()).ifPresent(c -> inScope.add(c.code()));
        List<FiscalUnit> cities = regions.all().stream().filter(u -> u.kind() == UnitKind.CITY && inScope.contains(u.code())).toList();
        return new CityFilter(cities, !seesAll() && cities.size() <= 1);
    }

    /** See {@link #cityFilter()}; {@code fixed}: the user has no city to choose (one or none in scope). */
    public record CityFilter(List<FiscalUnit> cities, boolean fixed) {

        /** The fixed city's name shown instead of the list; empty when there is a choice or no city. */
        public String fixedName() {
            return fixed && !cities.isEmpty() ? cities.get(0).name() : "";
        }

        public List<String> names() {
            return cities.stream().map(FiscalUnit::name).toList();
        }
    }

    /** Throws 403 (and records the refusal) when the user may not see the unit. */
    @Override
    public void require(String unitCode) {
        if (visible().test(unitCode)) return;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        audit.record(auth == null ? "anonymous" : auth.getName(), "SCOPE_DENIED", unitCode, "请求了权限范围以外的单位数据");
        throw new AccessDeniedException("无权查看单位 " + unitCode + " 的数据");
    }

    private static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
