package cn.sanbao.projects.review;

import java.util.List;

/**
 * One named check of a unit's draft budget. Implementations are Spring beans: adding a rule is one
 * class (annotated {@code @Component}) and one test.
 */
public interface ReviewRule {

    /** Stable code shown with each finding, e.g. HARD_GAP. */
    String code();

    /** Chinese name shown on the report. */
    String name();

    List<Finding> check(ReviewContext context);
}
