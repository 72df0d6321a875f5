package cn.sanbao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import cn.sanbao.kernel.Period;
import cn.sanbao.intake.MappingRule;
import cn.sanbao.intake.PaymentRow;
import cn.sanbao.intake.PaymentClass;
import cn.sanbao.intake.PillarClassifier;
import cn.sanbao.intake.PillarMappingService;
import cn.sanbao.projects.demo.DemoLibrary;
import cn.sanbao.projects.demo.DemoProjects;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.region.UnitKind;
import cn.sanbao.shared.CsvFile;

/**
 * Every subject code of the demo (三保科目配置, guarantee list, demo projects, demo payments) is a 2021 政府收支分类
 * subject with its official name, and lands in the pillar its name says.
 */
class DemoCodesTest {

    static final Map<String, String> FUNCTION = reference("/reference/function-codes-2021.csv");
    static final Map<String, String> ECONOMIC = reference("/reference/economic-codes-2021.csv");
    static final List<MappingRule> RULES = rules();
    static final PillarClassifier CLASSIFIER = new PillarClassifier(RULES);
    static final Map<String, UnitKind> UNITS = units();
    static final Map<String, GuaranteeItem> ITEMS = items();

    /** What an official name says about the pillar, checked in this order; names saying nothing are not judged. */
    static final Map<PaymentClass, List<String>> NAME_SAYS = new LinkedHashMap<>();
    static {
        NAME_SAYS.put(PaymentClass.OTHER_RIGID, List.of("债务", "债券"));
        NAME_SAYS.put(PaymentClass.WAGE, List.of("工资", "津贴", "奖金", "养老保险缴费", "职业年金", "医疗保险缴费", "社会保障缴费", "住房公积金", "退休费"));
        NAME_SAYS.put(PaymentClass.LIVELIHOOD, List.of("最低生活保障", "救助", "小学", "初中", "福利", "优待", "残疾人", "保险基金的补助",
                "基本公共卫生", "生活补助", "医疗费补助"));
        NAME_SAYS.put(PaymentClass.OPERATION, List.of("商品和服务", "办公费", "水费", "电费", "差旅费", "公务用车", "村民委员会"));
    }

    @Test
    void theCorrectedCodesHaveTheirOfficialNames() {
        assertThat(FUNCTION).containsEntry("2081901", "城市最低生活保障金支出").containsEntry("2082001", "临时救助支出")
                .containsEntry("2050202", "小学教育").containsEntry("2050203", "初中教育").containsEntry("2050201", "学前教育");
        assertThat(ITEMS.get("L05").functionPrefixes()).containsExactly("2081901");
        assertThat(ITEMS.get("L01").functionPrefixes()).containsExactly("2050202", "2050203");
        assertThat(DemoProjects.FUNCTION_CODES).containsEntry("L05", "2081901").containsEntry("L01", "2050202");
    }

    @Test
    void theMappingUsesOfficialCodesAndNamesAndPutsEachWhereItsNameSays() {
        for (MappingRule r : RULES) {
            Map<String, String> ref = r.kind() == MappingRule.CodeKind.FUNCTION ? FUNCTION : ECONOMIC;
            assertThat(ref).as("%s %s", r.kind().label(), r.prefix()).containsKey(r.prefix());
            assertThat(r.name()).as("%s 的名称", r.prefix()).isEqualTo(ref.get(r.prefix()));
            PaymentClass said = said(ref.get(r.prefix()));
            if (said != null) assertThat(r.pillar()).as("%s %s", r.prefix(), r.name()).isEqualTo(said);
        }
    }

    @Test
    void theGuaranteeListPrefixesAreOfficialAndAgreeWithTheMapping() {
        for (GuaranteeItem item : ITEMS.values()) {
            for (String prefix : item.functionPrefixes()) {
                assertThat(FUNCTION).as("%s %s", item.name(), prefix).containsKey(prefix);
                // a 项 (7 digits) the mapping names must count in the item's pillar; under a 类 (e.g. 212 城乡社区支出,
                // 非三保 by default) wages and running costs are told apart by the economic code, which outranks it
                if (prefix.length() < 7) continue;
                RULES.stream().filter(r -> r.kind() == MappingRule.CodeKind.FUNCTION && r.prefix().equals(prefix))
                        .forEach(r -> assertThat(r.pillar().name()).as("%s %s", item.name(), prefix).isEqualTo(item.pillar().name()));
            }
        }
    }

    @Test
    void demoProjectsUseOfficialCodesWithinTheirItemAndCountInItsPillar() {
        List<Project> projects = DemoLibrary.projects(2021, UNITS);
        assertThat(projects).hasSizeGreaterThan(28 * 20);
        for (Project p : projects) {
            assertThat(FUNCTION).as("%s 功能分类", p.code()).containsKey(p.functionCode());
            assertThat(ECONOMIC).as("%s 经济分类", p.code()).containsKey(p.economicCode());
            if (p.itemCode() == null) continue;
            GuaranteeItem item = ITEMS.get(p.itemCode());
            PaymentClass pillar = CLASSIFIER.classify(p.economicCode(), p.functionCode());
            if (p.unitCode().equals(DemoProjects.WRONG_FUNCTION_UNIT) && p.itemCode().equals(DemoProjects.WRONG_FUNCTION_ITEM)) {
                // the deliberate review case: booked under a subject the item does not allow, so no rule counts it
                assertThat(item.allowsFunctionCode(p.functionCode())).isFalse();
                assertThat(pillar).isEqualTo(PaymentClass.UNCLASSIFIED);
                continue;
            }
            assertThat(item.allowsFunctionCode(p.functionCode())).as("%s %s", p.code(), p.functionCode()).isTrue();
            assertThat(pillar.name()).as("%s %s/%s", p.code(), p.functionCode(), p.economicCode()).isEqualTo(item.pillar().name());
            assertThat(pillar).isEqualTo(said(FUNCTION.get(p.functionCode())) != null ? said(FUNCTION.get(p.functionCode())) : pillar);
        }
    }

    @Test
    void demoPaymentsUseOfficialCodesAndCountInTheirProjectsPillar() {
        DemoDataGenerator generator = new DemoDataGenerator();
        DemoPayments payments = new DemoPayments(CLASSIFIER, DemoDataGenerator.DEFAULT_SEED);
        Map<String, List<Project>> byUnit = new HashMap<>();
        Map<String, Project> byCode = new HashMap<>();
        for (Project p : DemoLibrary.projects(2021, UNITS)) {
            byUnit.computeIfAbsent(p.unitCode(), k -> new ArrayList<>()).add(p);
            byCode.put(p.code(), p);
        }
        int rows = 0;
        for (DemoCatalogue.Unit u : generator.units()) {
            UnitYear y = generator.unitYear(u);
            for (int m = 1; m <= 12; m++) {
                Map<PaymentClass, BigDecimal> increase = new EnumMap<>(PaymentClass.class);
                for (PaymentClass p : PaymentClass.COUNTED) {
                    BigDecimal before = m == 1 ? BigDecimal.ZERO : y.month(m - 1).get(p.itemCode());
                    increase.put(p, y.month(m).get(p.itemCode()).subtract(before));
                }
                Map<PaymentClass, BigDecimal> sums = new EnumMap<>(PaymentClass.class);
                for (PaymentRow r : payments.month(Period.month(2021, m), u.code(), increase, byUnit.getOrDefault(u.code(), List.of()), 2)) {
                    rows++;
                    assertThat(FUNCTION).containsKey(r.functionCode());
                    assertThat(ECONOMIC).containsKey(r.economicCode());
                    assertThat(r.payDate().getMonthValue()).isEqualTo(m);
                    PaymentClass pillar = CLASSIFIER.classify(r.economicCode(), r.functionCode());
                    Project project = r.projectCode() == null ? null : byCode.get(r.projectCode());
                    if (project != null && project.itemCode() != null && pillar != PaymentClass.UNCLASSIFIED)
                        assertThat(pillar.name()).as(r.toString()).isEqualTo(ITEMS.get(project.itemCode()).pillar().name());
                    if (pillar.itemCode() != null) sums.merge(pillar, r.amount(), BigDecimal::add);
                }
                for (PaymentClass p : PaymentClass.COUNTED)
                    assertThat(sums.getOrDefault(p, BigDecimal.ZERO)).as("%s %d %s", u.name(), m, p).isEqualByComparingTo(increase.get(p));
            }
        }
        assertThat(rows).isBetween(28 * 12 * 20, 28 * 12 * 3000);
    }

    static PaymentClass said(String officialName) {
        for (Map.Entry<PaymentClass, List<String>> e : NAME_SAYS.entrySet())
            if (e.getValue().stream().anyMatch(officialName::contains)) return e.getKey();
        return null;
    }

    static Map<String, String> reference(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = DemoCodesTest.class.getResourceAsStream(resource)) {
            for (CsvFile.Row r : CsvFile.read(resource, in, List.of("code", "name")).rows()) {
                assertThat(r.get("code")).matches("\\d{3}|\\d{5}|\\d{7}");
                assertThat(out.put(r.get("code"), r.get("name"))).as("重复编码 %s", r.get("code")).isNull();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // every 款 and 项 sits under a 类 (and款) of the same file
        out.keySet().forEach(c -> {
            if (c.length() > 3) assertThat(out).as("%s 的上级", c).containsKey(c.substring(0, 3));
            if (c.length() > 5) assertThat(out).as("%s 的上级", c).containsKey(c.substring(0, 5));
        });
        return out;
    }

    static List<MappingRule> rules() {
        try (InputStream in = DemoCodesTest.class.getResourceAsStream("/intake/pillar-mapping-sample.csv")) {
            return PillarMappingService.parse("pillar-mapping-sample.csv", in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, UnitKind> units() {
        Map<String, UnitKind> out = new LinkedHashMap<>();
        DemoCatalogue.budgetUnits().forEach(u -> out.put(u.code(), UnitKind.valueOf(u.kind())));
        return out;
    }

    static Map<String, GuaranteeItem> items() {
        Map<String, GuaranteeItem> out = new LinkedHashMap<>();
        DemoLibrary.items().forEach(i -> out.put(i.code(), i));
        return out;
    }
}
