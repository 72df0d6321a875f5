package cn.sanbao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.engine.ModelVersions;
import cn.sanbao.kernel.Period;
import cn.sanbao.engine.ScoringEngine;
import cn.sanbao.engine.ScoringModel;
import cn.sanbao.engine.UnitInput;
import cn.sanbao.engine.UnitScore;

/**
 * Scoring speed and memory on a country-sized synthetic data set (not a unit test; see docs/benchmark.md).
 * Goals: one month of 3,000 units &lt; 1 s, the whole year (36,000 unit-months) &lt; 5 s, heap &lt; 512 MB.
 * Data generation is timed separately and not counted as scoring.
 *
 * <p>Arguments (optional): units (3000), runs (7).
 */
public final class ScoringBenchmark {

    static final double MONTH_GOAL_S = 1.0;
    static final double YEAR_GOAL_S = 5.0;
    static final long HEAP_GOAL_MB = 512;

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("三保评分基准：%d 个单位 × 12 个月，JVM %s，%d 核，最大堆 %d MB%n", units,
                System.getProperty("java.vm.version"), rt.availableProcessors(), rt.maxMemory() >> 20);

        // the default model's benchmark variant: two versions, earlier periods, YEAR/MONTH (BenchmarkModel)
        ModelVersions versions = BenchmarkModel.variant();
        Map<ScoringModel, ScoringEngine> engines = new java.util.IdentityHashMap<>();
        for (ScoringModel m : versions.all()) engines.put(m, new ScoringEngine(m));
        System.out.println("模型：" + versions.label() + "，含往期值（avg 3Y、prev）与 YEAR/MONTH 的一票否决");

        HeapSampler sampler = new HeapSampler();
        long t0 = System.nanoTime();
        SyntheticDataSet data = new SyntheticDataSet(units, 20210101L);
        List<List<UnitInput>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) months.add(new ArrayList<>(units));
        data.forEachUnitMonth((code, m, values) ->
                months.get(m - 1).add(new UnitInput(code, Period.month(SyntheticDataSet.YEAR, m), BenchmarkModel.withEarlier(values))));
        double genS = seconds(System.nanoTime() - t0);
        System.out.printf("数据生成：%d 个单位月，%.2f s（不计入评分时间）%n", units * 12, genS);

        // Warm-up: the JIT compiles the formula evaluators and banding before anything is timed.
        long liveData = liveHeapBytes();
        System.out.printf("数据常驻堆内存（GC 后）：%d MB%n", liveData >> 20);
        long c0 = System.nanoTime();
        sink(engineFor(versions, engines, months.get(2)).scoreAll(months.get(2)));
        System.out.printf("冷启动（JIT 编译前）评一个月 %d 个单位：%.3f s%n", units, seconds(System.nanoTime() - c0));
        long w0 = System.nanoTime();
        List<String> warmRounds = new ArrayList<>();
        while (System.nanoTime() - w0 < 5_000_000_000L || warmRounds.size() < 3) {
            long r0 = System.nanoTime();
            for (List<UnitInput> month : months) sink(engineFor(versions, engines, month).scoreAll(month));
            warmRounds.add(String.format("%.2f", seconds(System.nanoTime() - r0)));
        }
        System.out.printf("预热：%d 轮全年评分，%.1f s（各轮 %s s）%n", warmRounds.size(), seconds(System.nanoTime() - w0),
                String.join(" / ", warmRounds));

        List<UnitInput> march = months.get(2);
        double[] monthRuns = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            sink(engineFor(versions, engines, march).scoreAll(march));
            monthRuns[i] = seconds(System.nanoTime() - s);
        }
        double[] yearRuns = new double[Math.max(3, runs / 2)];
        Map<String, Integer> grades = new TreeMap<>();
        for (int i = 0; i < yearRuns.length; i++) {
            long s = System.nanoTime();
            for (List<UnitInput> month : months) {
                List<UnitScore> scores = engineFor(versions, engines, month).scoreAll(month);
                if (i == 0) for (UnitScore sc : scores) grades.merge(sc.grade() == null ? "数据缺失" : sc.grade(), 1, Integer::sum);
                sink(scores);
            }
            yearRuns[i] = seconds(System.nanoTime() - s);
        }

        double monthBest = min(monthRuns), monthMedian = median(monthRuns);
        double yearBest = min(yearRuns), yearMedian = median(yearRuns);
        long peakMb = peakHeapBytes() >> 20;
        System.out.println();
        System.out.printf("一个月（%d 个单位）：最佳 %.3f s，中位数 %.3f s（%d 次）   目标 < %.0f s  %s%n",
                units, monthBest, monthMedian, runs, MONTH_GOAL_S, verdict(monthMedian < MONTH_GOAL_S));
        System.out.printf("全年（%d 个单位月）：最佳 %.3f s，中位数 %.3f s（%d 次）   目标 < %.0f s  %s%n",
                units * 12, yearBest, yearMedian, yearRuns.length, YEAR_GOAL_S, verdict(yearMedian < YEAR_GOAL_S));
        long maxMb = rt.maxMemory() >> 20;
        long sampledMb = sampler.stop() >> 20;
        long liveAfterMb = liveHeapBytes() >> 20;
        System.out.printf("堆内存：最大堆 %d MB 内跑完；采样峰值 %d MB；各堆内存池峰值之和 %d MB（上界，含未回收垃圾）；"
                + "GC 后常驻 %d MB   目标 < %d MB  %s%n", maxMb, sampledMb, peakMb, liveAfterMb, HEAP_GOAL_MB,
                maxMb <= HEAP_GOAL_MB ? verdict(true) : verdict(liveAfterMb < HEAP_GOAL_MB) + "（参考）");
        if (maxMb > HEAP_GOAL_MB)
            System.out.println("  （未以 -Xmx512m 运行，堆判定仅供参考；加 -Xmx512m 运行并跑完即证明 512 MB 够用）");
        System.out.printf("吞吐量：%.0f 单位月/秒（全年中位数）%n", units * 12 / yearMedian);
        System.out.println("全年等级分布（单位月）：" + grades);
        System.out.println("校验值：" + checksum);
    }

    private static BigDecimal checksum = BigDecimal.ZERO;

    /** The engine of the version in force for the month's period (what a console run does). */
    private static ScoringEngine engineFor(ModelVersions versions, Map<ScoringModel, ScoringEngine> engines, List<UnitInput> month) {
        return engines.get(versions.forPeriod(month.get(0).period()));
    }

    /** Keeps the results observable so the JIT cannot drop the work. */
    private static void sink(List<UnitScore> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (UnitScore s : scores) sum = sum.add(s.total());
        checksum = sum;
    }

    /** Heap in use after a full collection: what the data and the engine really hold. */
    private static long liveHeapBytes() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples heap use every 5 ms on a daemon thread; the highest value seen (garbage included). */
    private static final class HeapSampler {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        return peak;
    }

    private static String verdict(boolean ok) {
        return ok ? "达标" : "未达标";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
