package cn.sanbao.cashwatch;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national-size region (3,000 counties under 30 cities) with 90 days of balances: the daily levels of all units
 * come from one read of balances and one of needs, in seconds, and the dashboard's day is then served from memory.
 */
@SpringBootTest
@BothDatabases
class CashWatchScaleTest {

    static final int UNITS = 3000, DAYS = 90;
    static final LocalDate LAST = LocalDate.now().minusDays(1);

    @DynamicPropertySource
    static void region(DynamicPropertyRegistry registry) {
        registry.add("sanbao.region.file", () -> "file:" + regionFile());
    }

    static String code(int i) { return String.format("U%05d", i); }

    static Path regionFile() {
        StringBuilder csv = new StringBuilder("code,name,kind,parent_code,gb2260,sort_order\n640000,合成自治区,REGION,,false,0\n");
        for (int c = 0; c < 30; c++) csv.append(String.format("C%02d,合成市%02d,CITY,640000,false,%d%n", c, c, (c + 1) * 10000));
        for (int i = 0; i < UNITS; i++) csv.append(String.format("%s,合成县%d,COUNTY,C%02d,false,%d%n", code(i), i, i % 30, (i % 30 + 1) * 10000 + i + 1));
        try {
            Path file = Files.createTempFile("cash-scale-region", ".csv");
            Files.writeString(file, csv);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired DailyCashWatch watch;
    @Autowired FactRepository facts;

    @Test
    void levelsOf3000UnitsOver90DaysAreReadInBulk() {
        List<FactValue> needs = new ArrayList<>();
        for (int y = LAST.minusDays(DAYS + 130).getYear(); y <= LAST.getYear(); y++) {
            for (int i = 0; i < UNITS; i++) needs.add(new FactValue(code(i), String.valueOf(y), "demand_wage", new BigDecimal("1200000")));
        }
        facts.createRevision("TEST", "需求", "test", null, needs);
        for (int half = 0; half < 2; half++) {
            List<DailyBalance> rows = new ArrayList<>();
            for (int d = half * DAYS / 2; d < (half + 1) * DAYS / 2; d++) {
                LocalDate day = LAST.minusDays(DAYS - 1 - d);
                for (int i = 0; i < UNITS; i++) {
                    // every tenth unit below the floor (30,000 元) all along
                    rows.add(new DailyBalance(code(i), day, BigDecimal.valueOf(i % 10 == 0 ? 20000 : 50000 + d), null));
                }
            }
            long t = System.nanoTime();
            DailyCashResult r = watch.store("upload", "规模测试", rows, "test");
            System.out.printf("库款日报 %d 行保存用时 %d ms%n", r.rows(), (System.nanoTime() - t) / 1_000_000);
        }

        long t = System.nanoTime();
        Map<String, List<DayLevel>> all = watch.levels(LAST.minusDays(DAYS - 1), LAST, u -> true);
        long levelsMs = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("%d 个单位 × %d 天的库款保障水平用时 %d ms%n", UNITS, DAYS, levelsMs);
        assertThat(all).hasSize(UNITS);
        assertThat(all.get(code(0))).hasSize(DAYS).last().satisfies(l -> assertThat(l.daysBelowFloor()).isEqualTo(DAYS));
        assertThat(all.get(code(1))).last().satisfies(l -> assertThat(l.band()).isEqualTo(CashLevelBand.NORMAL));
        assertThat(levelsMs).as("bulk read, not one query per unit").isLessThan(20_000);

        watch.onDay(LAST, u -> true);
        t = System.nanoTime();
        List<DayLevel> day = watch.onDay(LAST, u -> u.compareTo("U01000") < 0);
        long cachedMs = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("总览：最新一天再次读取用时 %d ms%n", cachedMs);
        assertThat(day).hasSize(1000);
        assertThat(cachedMs).as("the dashboard's day comes from memory until a revision is added").isLessThan(1_000);
    }
}
