package cn.sanbao.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.library.Category;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.library.ProjectState;
import cn.sanbao.projects.library.SanbaoTag;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.projects.list.StandardBasis;
import cn.sanbao.projects.review.CategoryTagRule;
import cn.sanbao.projects.review.Finding;
import cn.sanbao.projects.review.FunctionCodeRule;
import cn.sanbao.projects.review.HardGapRule;
import cn.sanbao.projects.review.ReviewContext;
import cn.sanbao.projects.review.UnfundedDemandRule;
import cn.sanbao.projects.review.UntaggedItemRule;

/** Each review rule on a unit that passes it and one that fails it. */
class ReviewRulesTest {

    static final GuaranteeItem PUPILS = DemandArithmeticTest.item("L01", Pillar.LIVELIHOOD, StandardBasis.PER_PERSON_YEAR,
            "720", null, null, "0.8", "0.12", "0", "0.08");
    static final GuaranteeItem PAY = new GuaranteeItem("W01", "基本工资", Pillar.WAGE, StandardBasis.PER_PERSON_MONTH,
            BigDecimal.ZERO, new BigDecimal("2600"), null, null, "staff", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ONE, List.of("201", "205"), 2021, true);
    static final Map<String, GuaranteeItem> ITEMS = Map.of("L01", PUPILS, "W01", PAY);

    static DemandLine demand(String item, Pillar p, String amount) {
        return new DemandLine("640422", item, p, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal(amount));
    }

    static Project project(String code, Category c, SanbaoTag tag, String item, String function, String economic, String amount) {
        return new Project(1, 2021, code, "项目" + code, "640422", "教育局", c, tag, item, function, economic,
                new BigDecimal(amount), ProjectState.APPROVED);
    }

    static ReviewContext context(List<DemandLine> demand, Project... projects) {
        return new ReviewContext("640422", 2021, demand, List.of(projects), ITEMS);
    }

    static final List<DemandLine> DEMAND = List.of(demand("L01", Pillar.LIVELIHOOD, "100000.00"), demand("W01", Pillar.WAGE, "500000.00"));
    static final Project PUPILS_FULL = project("P1", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, "L01", "2050202", "30305", "100000.00");
    static final Project PAY_FULL = project("P2", Category.PERSONNEL, SanbaoTag.WAGE, "W01", "2010101", "30101", "500000.00");

    @Test
    void hardGap() {
        assertThat(new HardGapRule().check(context(DEMAND, PUPILS_FULL, PAY_FULL))).isEmpty();
        Project short1 = project("P3", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, "L01", "2050202", "30305", "60000.00");
        Project short2 = project("P4", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, "L01", "2050202", "30305", "30000.50");
        List<Finding> f = new HardGapRule().check(context(DEMAND, short1, short2, PAY_FULL));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.itemCode()).isEqualTo("L01");
            assertThat(x.amount()).isEqualByComparingTo("9999.50");
            assertThat(x.reason()).contains("缺口 1.00 万元");
        });
    }

    @Test
    void unfundedDemand() {
        assertThat(new UnfundedDemandRule().check(context(DEMAND, PUPILS_FULL, PAY_FULL))).isEmpty();
        List<Finding> f = new UnfundedDemandRule().check(context(DEMAND, PAY_FULL));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.itemCode()).isEqualTo("L01");
            assertThat(x.amount()).isEqualByComparingTo("100000.00");
            assertThat(x.reason()).contains("没有对应项目");
        });
        // a missing project is one finding, not also a hard gap
        assertThat(new HardGapRule().check(context(DEMAND, PAY_FULL))).isEmpty();
    }

    @Test
    void sanbaoProjectWithoutListItem() {
        Project none = project("P5", Category.SPECIFIC, SanbaoTag.NONE, null, "2120501", "31005", "10.00");
        assertThat(new UntaggedItemRule().check(context(DEMAND, PUPILS_FULL, none))).isEmpty();
        Project loose = project("P6", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, null, "2080799", "30305", "3600000.00");
        assertThat(new UntaggedItemRule().check(context(DEMAND, loose))).singleElement()
                .satisfies(x -> assertThat(x.projectCode()).isEqualTo("P6"));
    }

    @Test
    void categoryAndTag() {
        assertThat(new CategoryTagRule().check(context(DEMAND, PUPILS_FULL, PAY_FULL))).isEmpty();
        Project wageAsRunning = project("P7", Category.PERSONNEL, SanbaoTag.OPERATION, null, "2010301", "30102", "1.00");
        Project runningAsWage = project("P8", Category.RUNNING, SanbaoTag.WAGE, "W01", "2010101", "30201", "1.00");
        Project wrongPillar = project("P9", Category.SPECIFIC, SanbaoTag.OPERATION, "L01", "2050202", "30305", "1.00");
        assertThat(new CategoryTagRule().check(context(DEMAND, wageAsRunning, runningAsWage, wrongPillar)))
                .extracting(Finding::projectCode).containsExactly("P7", "P8", "P9");
        assertThat(new CategoryTagRule().check(context(DEMAND, wageAsRunning, runningAsWage))).extracting(Finding::reason)
                .containsExactly("项目“项目P7”：人员类项目经济分类为工资福利支出（30102），应标识为保工资，实际为保运转",
                        "项目“项目P8”：运转类项目不应标识为保工资");
    }

    @Test
    void functionCodeAllowedForItem() {
        assertThat(new FunctionCodeRule().check(context(DEMAND, PUPILS_FULL, PAY_FULL))).isEmpty();
        Project wrong = project("P10", Category.SPECIFIC, SanbaoTag.LIVELIHOOD, "L01", "2130599", "30305", "1.00");
        assertThat(new FunctionCodeRule().check(context(DEMAND, wrong))).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("2130599").contains("205"));
    }
}
