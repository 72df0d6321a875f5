package cn.sanbao.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import cn.sanbao.kernel.Period;
import cn.sanbao.intake.PaymentClass;
import cn.sanbao.intake.PaymentRow;
import cn.sanbao.intake.PillarClassifier;
import cn.sanbao.projects.library.Project;

/**
 * Deterministic payment detail (支付明细) for one unit-month of the demo whose classified sums are exactly the
 * month's increase of the to-date facts monitoring reads: each counted pillar's increase is shared among the
 * unit's projects that the 三保科目配置 classifies into that pillar, in proportion to their budgets, and paid in a
 * few payments on plausible days (wages mid-month). Other rigid spending is paid as bond interest without a
 * project. Projects that count in no pillar (非三保, or codes no rule matches) are paid a twelfth of their budget,
 * outside the facts, as in real files.
 */
public final class DemoPayments {

    /** Code pairs used when a unit has no project in a pillar: function code, economic code. */
    static final Map<PaymentClass, String[]> FALLBACK = Map.of(
            PaymentClass.WAGE, new String[] {"2010301", "30101"},
            PaymentClass.OPERATION, new String[] {"2010301", "30201"},
            PaymentClass.LIVELIHOOD, new String[] {"2089901", "30305"},
            PaymentClass.OTHER_RIGID, new String[] {"2320301", "30701"});
    static final String FALLBACK_AGENCY = "财政局";

    private final PillarClassifier classifier;
    private final long seed;

    public DemoPayments(PillarClassifier classifier, long seed) {
        this.classifier = classifier;
        this.seed = seed;
        FALLBACK.forEach((p, codes) -> {
            if (classifier.classify(codes[1], codes[0]) != p)
                throw new IllegalStateException("三保科目配置未把 " + codes[0] + "/" + codes[1] + " 归入" + p.label());
        });
    }

    /**
     * The unit's payments of the month, line numbers from {@code firstLine}. {@code increase}: counted pillar →
     * paid_X(month) − paid_X(month − 1), never negative.
     */
    public List<PaymentRow> month(Period month, String unit, Map<PaymentClass, BigDecimal> increase, List<Project> projects, long firstLine) {
        return month(month, unit, increase, projects, firstLine, Map.of());
    }

    /**
     * As above; {@code pace}: project code → multiple of the usual twelfth paid this month on an uncounted project
     * (a unit spending ahead on 非三保, or leaving 直达资金 idle).
     */
    public List<PaymentRow> month(Period month, String unit, Map<PaymentClass, BigDecimal> increase, List<Project> projects, long firstLine,
                                  Map<String, Double> pace) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + unit.hashCode() * 131L + month.number());
        Map<PaymentClass, List<Project>> byPillar = new EnumMap<>(PaymentClass.class);
        List<Project> uncounted = new ArrayList<>();
        for (Project p : projects) {
            PaymentClass pillar = classifier.classify(p.economicCode(), p.functionCode());
            if (pillar.itemCode() == null) uncounted.add(p);
            else byPillar.computeIfAbsent(pillar, k -> new ArrayList<>()).add(p);
        }
        List<PaymentRow> rows = new ArrayList<>();
        for (PaymentClass pillar : PaymentClass.COUNTED) {
            BigDecimal amount = increase.getOrDefault(pillar, BigDecimal.ZERO);
            if (amount.signum() < 0) throw new IllegalArgumentException(unit + " " + month.code() + " " + pillar.label() + "累计支出减少");
            if (amount.signum() == 0) continue;
            List<Project> funded = byPillar.getOrDefault(pillar, List.of());
            if (funded.isEmpty()) {
                String[] codes = FALLBACK.get(pillar);
                pay(rows, month, unit, amount, codes[0], codes[1], null, FALLBACK_AGENCY, pillar, rnd);
                continue;
            }
            BigDecimal[] shares = split(amount, funded.stream().map(Project::amount).toList());
            for (int i = 0; i < funded.size(); i++) {
                Project p = funded.get(i);
                pay(rows, month, unit, shares[i], p.functionCode(), p.economicCode(), p.code(), p.agency(), pillar, rnd);
            }
        }
        for (Project p : uncounted) {
            BigDecimal twelfth = p.amount().multiply(BigDecimal.valueOf((0.8 + 0.4 * rnd.nextDouble()) * pace.getOrDefault(p.code(), 1.0)))
                    .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
            pay(rows, month, unit, twelfth, p.functionCode(), p.economicCode(), p.code(), p.agency(), null, rnd);
        }
        rows.sort(Comparator.comparing(PaymentRow::payDate));
        List<PaymentRow> numbered = new ArrayList<>(rows.size());
        long line = firstLine;
        for (PaymentRow r : rows)
            numbered.add(new PaymentRow(line++, r.unitCode(), r.payDate(), r.amount(), r.functionCode(), r.economicCode(),
                    r.projectCode(), r.agency()));
        return numbered;
    }

    /** A project's month in one to four payments; wages are paid on payday (10th–15th), the rest through the month. */
    private static void pay(List<PaymentRow> rows, Period month, String unit, BigDecimal amount, String function, String economic,
                            String project, String agency, PaymentClass pillar, SplittableRandom rnd) {
        if (amount.signum() <= 0) return;
        int parts = amount.compareTo(new BigDecimal("1000.00")) < 0 ? 1 : pillar == PaymentClass.WAGE ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(4);
        List<BigDecimal> weights = new ArrayList<>();
        for (int i = 0; i < parts; i++) weights.add(BigDecimal.valueOf(50 + rnd.nextInt(100)));
        BigDecimal[] pieces = split(amount, weights);
        LocalDate first = month.startDate();
        int days = first.lengthOfMonth();
        for (BigDecimal piece : pieces) {
            if (piece.signum() == 0) continue;
            int day = pillar == PaymentClass.WAGE ? 10 + rnd.nextInt(6) : 1 + rnd.nextInt(days);
            rows.add(new PaymentRow(0, unit, first.withDayOfMonth(Math.min(day, days)), piece, function, economic, project, agency));
        }
    }

    /** {@code amount} in parts proportional to {@code weights}, to the fen; the largest part takes the rounding rest. */
    static BigDecimal[] split(BigDecimal amount, List<BigDecimal> weights) {
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal[] out = new BigDecimal[weights.size()];
        if (total.signum() == 0) {
            for (int i = 0; i < out.length; i++) out[i] = BigDecimal.ZERO.setScale(2);
            out[0] = amount.setScale(2);
            return out;
        }
        BigDecimal rest = amount.setScale(2);
        int largest = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = amount.multiply(weights.get(i)).divide(total, 2, RoundingMode.DOWN);
            rest = rest.subtract(out[i]);
            if (weights.get(i).compareTo(weights.get(largest)) > 0) largest = i;
        }
        out[largest] = out[largest].add(rest);
        return out;
    }
}
