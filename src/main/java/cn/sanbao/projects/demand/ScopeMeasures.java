package cn.sanbao.projects.demand;

import java.util.Map;

/** Chinese names of the usual scope measures; a list may use others, shown by their code. */
public final class ScopeMeasures {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("staff_on_establishment", "在编人数"),
            Map.entry("admin_staff", "行政单位在编人数"),
            Map.entry("institution_staff", "事业单位在编人数"),
            Map.entry("retirees", "离退休人数"),
            Map.entry("villages", "村（社区）数"),
            Map.entry("pupils_compulsory", "义务教育在校生"),
            Map.entry("needy_students", "家庭经济困难学生"),
            Map.entry("insured_residents", "城乡居民医保参保人数"),
            Map.entry("pension_residents", "城乡居民养老保险领取人数"),
            Map.entry("dibao_urban", "城市低保对象"),
            Map.entry("dibao_rural", "农村低保对象"),
            Map.entry("dibao_recipients", "低保对象"),
            Map.entry("extreme_poverty", "特困供养人员"),
            Map.entry("resident_population", "常住人口"),
            Map.entry("disabled_subsidy", "残疾人两项补贴对象"));

    private ScopeMeasures() {
    }

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
