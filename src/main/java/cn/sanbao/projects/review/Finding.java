package cn.sanbao.projects.review;

import java.math.BigDecimal;

/** One problem a rule found: where (unit, list item, project), how much (元, may be null) and why. */
public record Finding(String ruleCode, String ruleName, String unitCode, String itemCode, String projectCode,
                      BigDecimal amount, String reason) {
}
