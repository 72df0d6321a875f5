package cn.sanbao.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/** A {@link ChartSpec} drawn as PNG with JFreeChart, in the screen charts' colours, with a CJK font. */
public final class ChartImage {

    private ChartImage() {
    }

    public static byte[] png(ChartSpec c, Font font, int width, int height) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        List<ChartSpec.Series> barSeries = c.series().stream().filter(s -> s.kind() == ChartSpec.Kind.BAR).toList();
        List<ChartSpec.Series> lineSeries = c.series().stream().filter(s -> s.kind() == ChartSpec.Kind.LINE).toList();
        fill(bars, barSeries, c.categories());
        fill(lines, lineSeries, c.categories());

        CategoryAxis x = new CategoryAxis();
        x.setTickLabelFont(font.deriveFont(10f));
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis(c.yName());
        y.setTickLabelFont(font.deriveFont(10f));
        y.setLabelFont(font.deriveFont(10f));
        if (c.yMin() != null && c.yMax() != null) y.setRange(c.yMin().doubleValue(), c.yMax().doubleValue());
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());

        CategoryPlot plot = new CategoryPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        if (!barSeries.isEmpty()) {
            plot.setDataset(0, bars);
            plot.setRenderer(0, barRenderer(c, barSeries, font));
        }
        if (!lineSeries.isEmpty()) {
            plot.setDataset(1, lines);
            plot.setRenderer(1, lineRenderer(lineSeries));
        }
        JFreeChart chart = new JFreeChart(null, font, plot, c.series().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(c.title(), font.deriveFont(Font.BOLD, 13f)));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(font.deriveFont(10f));
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(DefaultCategoryDataset d, List<ChartSpec.Series> series, List<String> categories) {
        for (ChartSpec.Series s : series)
            for (int i = 0; i < categories.size(); i++) {
                BigDecimal v = i < s.values().size() ? s.values().get(i) : null;
                d.addValue(v, s.name(), categories.get(i));
            }
    }

    private static BarRenderer barRenderer(ChartSpec c, List<ChartSpec.Series> series, Font font) {
        BarRenderer r = c.stacked() ? new org.jfree.chart.renderer.category.StackedBarRenderer() : new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                List<String> colours = series.get(row).pointColours();
                return colours == null ? super.getItemPaint(row, column) : Color.decode(colours.get(column));
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.12);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, Color.decode(series.get(i).colour()));
            if (series.get(i).labels()) {
                String suffix = series.get(i).labelSuffix().replace("'", "''");
                r.setSeriesItemLabelGenerator(i, new StandardCategoryItemLabelGenerator("{2}" + suffix,
                        new java.text.DecimalFormat("0.#")));
                r.setSeriesItemLabelsVisible(i, true);
                r.setSeriesItemLabelFont(i, font.deriveFont(9f));
            }
        }
        return r;
    }

    private static LineAndShapeRenderer lineRenderer(List<ChartSpec.Series> series) {
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int row, int column) {
                List<String> colours = series.get(row).pointColours();
                return colours == null ? getSeriesPaint(row) : Color.decode(colours.get(column));
            }
        };
        r.setUseFillPaint(true);
        r.setDrawOutlines(false);
        for (int i = 0; i < series.size(); i++) {
            ChartSpec.Series s = series.get(i);
            r.setSeriesPaint(i, Color.decode(s.colour()));
            r.setSeriesStroke(i, s.dashed() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesShapesVisible(i, s.pointColours() != null);
        }
        return r;
    }
}
