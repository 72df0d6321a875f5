package cn.sanbao.demo;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-unit stories for the Ningxia demo: 银川 districts and 宁东 comfortable, 固原 counties poor and
 * transfer-dependent, a few units worsening or recovering, and the two designated problem cases.
 * Units not listed (another province's tree) get a profile drawn from the seed by kind.
 */
final class DemoProfiles {

    private static final double BN = 1e9;

    private static final Map<String, UnitProfile> NINGXIA = Map.ofEntries(
            Map.entry("640100BJ", UnitProfile.steady(9.0 * BN, 0.45, 0.10)),
            Map.entry("640104", UnitProfile.steady(5.5 * BN, 0.55, 0.08)),
            Map.entry("640105", UnitProfile.steady(4.8 * BN, 0.50, 0.15)),
            Map.entry("640106", UnitProfile.steady(5.2 * BN, 0.55, 0.05)),
            Map.entry("640121", UnitProfile.steady(3.2 * BN, 0.35, 0.30)),
            Map.entry("640122", UnitProfile.steady(3.4 * BN, 0.38, 0.25)),
            Map.entry("640181", UnitProfile.steady(5.0 * BN, 0.60, 0.12)),
            Map.entry("640200BJ", UnitProfile.steady(6.0 * BN, 0.35, 0.32)),
            Map.entry("640202", UnitProfile.steady(3.0 * BN, 0.40, 0.28)),
            // Mining town losing revenue: slides from 平稳 to 低度 over the year.
            Map.entry("640205", UnitProfile.drifting(2.8 * BN, 0.38, 0.30, 0.55)),
            Map.entry("640221", UnitProfile.steady(3.5 * BN, 0.35, 0.47)),
            Map.entry("640300BJ", UnitProfile.steady(6.5 * BN, 0.30, 0.30)),
            Map.entry("640302", UnitProfile.steady(3.8 * BN, 0.35, 0.22)),
            // Resettlement district: pressure builds, 低度 → 中度.
            Map.entry("640303", UnitProfile.drifting(2.0 * BN, 0.12, 0.48, 0.68)),
            Map.entry("640323", UnitProfile.steady(2.9 * BN, 0.30, 0.45)),
            Map.entry("640324", UnitProfile.steady(2.6 * BN, 0.12, 0.62)),
            Map.entry("640381", UnitProfile.steady(3.3 * BN, 0.35, 0.45)),
            Map.entry("640400BJ", UnitProfile.steady(5.5 * BN, 0.20, 0.46)),
            // Rectification works: 中度 → 低度.
            Map.entry("640402", UnitProfile.drifting(3.6 * BN, 0.15, 0.68, 0.42)),
            Map.entry(DemoDataGenerator.ARREARS_UNIT, UnitProfile.steady(2.8 * BN, 0.08, 0.60)
                    .strained(3, 5, 0.15).withWageArrears(0.18, 3, 4, 5)
                    // cash just above the 0.3-month floor while it pays ahead on 非三保 (DemoSpending): 库款保障水平 < 0.3
                    .lowCash(0.32, 3, 4)),
            Map.entry("640423", UnitProfile.steady(1.8 * BN, 0.10, 0.47)),
            // Smallest and poorest: 高度 early in the year, eased by transfers later.
            Map.entry("640424", UnitProfile.drifting(1.5 * BN, 0.08, 0.85, 0.62)),
            Map.entry("640425", UnitProfile.steady(2.2 * BN, 0.10, 0.50)),
            Map.entry("640500BJ", UnitProfile.steady(5.8 * BN, 0.30, 0.35)),
            Map.entry("640502", UnitProfile.steady(3.9 * BN, 0.35, 0.30)),
            Map.entry("640521", UnitProfile.steady(3.6 * BN, 0.38, 0.25)),
            Map.entry(DemoDataGenerator.LOW_CASH_UNIT, UnitProfile.steady(2.5 * BN, 0.08, 0.58)
                    .lowCash(0.24, DemoDataGenerator.LOW_CASH_MONTHS.stream().mapToInt(Integer::intValue).toArray())),
            Map.entry("64ND00", UnitProfile.steady(4.5 * BN, 0.70, 0.10)));

    private DemoProfiles() {}

    static UnitProfile of(String code, String kind, long seed) {
        UnitProfile known = NINGXIA.get(code);
        return known != null ? known : random(kind, new SplittableRandom(seed ^ code.hashCode()));
    }

    /** A plausible profile when the tree is not Ningxia's: mostly comfortable, a tail of stressed units. */
    static UnitProfile random(String kind, SplittableRandom rnd) {
        double size = "CITY_LEVEL".equals(kind) ? 5.0 + 4.0 * rnd.nextDouble() : 1.5 + 4.5 * rnd.nextDouble();
        double share = 0.08 + 0.5 * rnd.nextDouble();
        double stress = Math.pow(rnd.nextDouble(), 1.6) * 0.9;
        double drift = (rnd.nextDouble() - 0.5) * 0.2;
        return UnitProfile.drifting(size * BN, share, stress - drift, stress + drift);
    }
}
