package cn.sanbao.decision.runway;

import cn.sanbao.kernel.CashBand;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.kernel.Money;

/** Data of the projection chart in 万元: actual month-end cash, projection, and the safe band as cash amounts. */
final class RunwayChart {

    private RunwayChart() {
    }

    static Map<String, Object> of(List<CashMonth> actual, RunwayProjection p, CashBand band) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> actualSeries = new ArrayList<>();
        List<BigDecimal> projected = new ArrayList<>();
        for (CashMonth m : actual) {
            labels.add(m.month().toString());
            actualSeries.add(Money.toWan(m.balance()));
            // the projection line starts at the last actual month so the two lines join
            projected.add(m.month().equals(p.base()) ? Money.toWan(m.balance()) : null);
        }
        for (RunwayProjection.Month m : p.months()) {
            labels.add(m.month().toString());
            actualSeries.add(null);
            projected.add(Money.toWan(m.closing()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("actual", actualSeries);
        chart.put("projected", projected);
        chart.put("low", Money.toWan(p.averageOutflow().multiply(band.low())));
        chart.put("high", Money.toWan(p.averageOutflow().multiply(band.high())));
        return chart;
    }
}
