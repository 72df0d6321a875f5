package cn.sanbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import cn.sanbao.demo.SyntheticDataSet;
import cn.sanbao.engine.Period;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemCatalogue;
import cn.sanbao.facts.FactStore;
import cn.sanbao.facts.FactValue;
import cn.sanbao.facts.Frequency;
import cn.sanbao.monitoring.ScoringRunService;

/** The synthetic province the benchmarks share: a region file of N counties under 30 cities, its year of data, its scores. */
final class SyntheticProvince {

    static final int CITIES = 30;

    private SyntheticProvince() {
    }

    /** A region CSV with {@code units} counties spread over {@link #CITIES} cities. */
    static Path regionFile(int units) throws Exception {
        Path region = Files.createTempFile("sanbao-bench-region", ".csv");
        StringBuilder csv = new StringBuilder("code,name,kind,parent_code,gb2260,sort_order\n640000,合成自治区,REGION,,false,0\n");
        for (int c = 0; c < CITIES; c++) csv.append(String.format("C%02d,合成市%02d,CITY,640000,false,%d%n", c + 1, c + 1, (c + 1) * 10000));
        for (int i = 0; i < units; i++)
            csv.append(String.format("%s,合成县%d,COUNTY,C%02d,false,%d%n", SyntheticDataSet.unitCode(i), i + 1,
                    i % CITIES + 1, (i % CITIES + 1) * 10000 + i + 1));
        Files.writeString(region, csv);
        return region;
    }

    /** Stores the synthetic year as one revision; returns the number of values stored. */
    static int storeYear(ConfigurableApplicationContext app, int units) {
        DataItemCatalogue items = app.getBean(DataItemCatalogue.class);
        List<FactValue> facts = new ArrayList<>();
        int year = SyntheticDataSet.YEAR;
        new SyntheticDataSet(units, 20210101L).forEachUnitMonth((code, month, values) -> values.forEach((item, amount) -> {
            Frequency f = items.item(item).map(DataItem::frequency).orElse(Frequency.MONTHLY);
            if (f == Frequency.ANNUAL) {
                if (month == 1) facts.add(new FactValue(code, String.valueOf(year), item, amount));
            } else {
                facts.add(new FactValue(code, Period.month(year, month).code(), item, amount));
            }
        }));
        app.getBean(FactStore.class).createRevision("benchmark", "合成数据 " + units + " 个单位", "benchmark", null, facts);
        return facts.size();
    }

    static void scoreYear(ConfigurableApplicationContext app) {
        for (int m = 1; m <= 12; m++)
            app.getBean(ScoringRunService.class).run(Period.month(SyntheticDataSet.YEAR, m), "benchmark", "基准");
    }
}
