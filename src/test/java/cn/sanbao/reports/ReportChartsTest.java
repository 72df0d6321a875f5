package cn.sanbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import cn.sanbao.reports.chart.ChartImage;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.reports.chart.EChartsOption;
import cn.sanbao.reports.chart.GradeColours;
import cn.sanbao.shared.CjkFont;

/** Report charts use the screen charts' colours, on screen (ECharts option) and in the files (PNG). */
class ReportChartsTest {

    static final ChartSpec COUNTS = new ChartSpec("grades", "等级分布", List.of("平稳运行", "低度风险", "中度风险", "高度风险"),
            List.of(ChartSpec.Series.bar("单位数", List.of(BigDecimal.valueOf(20), BigDecimal.valueOf(4), BigDecimal.valueOf(3),
                    BigDecimal.valueOf(1)), GradeColours.EXECUTION_BAR).withPointColours(List.of(GradeColours.of("STABLE"),
                    GradeColours.of("LOW"), GradeColours.of("MEDIUM"), GradeColours.of("HIGH")))), "单位数", null, null, false);

    @Test
    void gradeColoursAreThoseOfTheDashboardAndUnitPageScripts() throws IOException {
        // the screens' colours live once in sanbao.js; the dashboard and unit page scripts use that list
        String shared = script("sanbao.js");
        for (Map.Entry<String, String> g : GradeColours.BY_GRADE.entrySet())
            assertThat(shared).contains(g.getKey() + ": '" + g.getValue() + "'");
        for (String page : List.of("dashboard.js", "unit.js"))
            assertThat(script(page)).as(page).contains("window.sanbao.gradeColours").doesNotContain(GradeColours.BY_GRADE.get("STABLE"));
        assertThat(shared).contains("MISSING: '" + GradeColours.MISSING + "'");
        assertThat(script("unit.js")).contains("color: '" + GradeColours.SCORE_LINE + "'", "color: '" + GradeColours.EXECUTION_BAR + "'",
                "color: '" + GradeColours.TIME_PROGRESS + "', type: 'dashed'");
    }

    @Test
    void echartsOptionCarriesCategoriesValuesAndPointColours() {
        Map<String, Object> o = EChartsOption.of(COUNTS);
        assertThat(o.get("xAxis").toString()).contains("平稳运行", "高度风险");
        Map<?, ?> series = (Map<?, ?>) ((List<?>) o.get("series")).get(0);
        assertThat(series.get("type")).isEqualTo("bar");
        assertThat(series.get("data").toString()).contains("value=20", "color=#2e7d32", "value=1", "color=#c62828");
    }

    @Test
    void pngDrawsEachBarInItsGradeColour() throws IOException {
        String font = CjkFont.file(null, "sanbao.reports.font");
        byte[] png = ChartImage.png(COUNTS, CjkFont.awtFont(font), 600, 300);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(300);
        for (String grade : List.of("STABLE", "LOW", "MEDIUM", "HIGH"))
            assertThat(hasColour(img, Integer.parseInt(GradeColours.of(grade).substring(1), 16))).as(grade).isTrue();
    }

    private static boolean hasColour(BufferedImage img, int rgb) {
        for (int x = 0; x < img.getWidth(); x++)
            for (int y = 0; y < img.getHeight(); y++)
                if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
        return false;
    }

    private static String script(String name) throws IOException {
        try (InputStream in = ReportChartsTest.class.getResourceAsStream("/static/js/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
