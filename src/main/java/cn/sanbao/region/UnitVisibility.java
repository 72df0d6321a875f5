package cn.sanbao.region;

import java.util.function.Predicate;

/**
 * Which units the signed-in user may see, as the region API needs it. Security implements it, so the
 * dependency runs one way: security knows the region tree, the region tree knows nothing of security.
 */
public interface UnitVisibility {

    Predicate<String> visible();

    /** Refuses (403) a unit outside the user's scope. */
    void require(String unitCode);
}
