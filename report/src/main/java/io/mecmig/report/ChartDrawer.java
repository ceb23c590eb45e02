package io.mecmig.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** Draws the report's bar charts as PNG files, headless, in one consistent style. */
final class ChartDrawer {

    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    /** One colour per series, in order: the first three for SFP, FCCP, FullSP. */
    private static final List<Paint> PALETTE = List.of(new Color(0x4C72B0), new Color(0xDD8452),
            new Color(0x55A868), new Color(0xC44E52), new Color(0x8172B3), new Color(0x937860),
            new Color(0xDA8BC3), new Color(0x8C8C8C));

    /** A layer shown for context only. */
    private static final Color MUTED = new Color(0xC8C8C8);

    private final Path dir;

    ChartDrawer(Path dir) {
        this.dir = dir;
        System.setProperty("java.awt.headless", "true");
    }

    /** Grouped bars at the median, whiskers from min to max, the paper's values marked. */
    Chart grouped(String id, String title, String caption, String yLabel, GroupedData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        SpreadBarRenderer renderer = new SpreadBarRenderer(data);
        double top = 0;
        for (GroupedData.Bar bar : data.bars()) {
            dataset.addValue(bar.stats().median(), bar.series(), bar.category());
            renderer.spread(bar.series(), bar.category(), bar.stats());
            top = Math.max(top, bar.stats().max());
            top = Math.max(top, data.paper(bar.category(), bar.series()).orElse(0.0));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, dataset);
        style(chart, renderer);
        legend(chart, data);
        fitAbove(chart, top);
        return write(id, title, caption, chart);
    }

    /**
     * Stacked bars, one stack per category, one layer per series; the layers named in {@code muted} drawn in
     * grey (a part shown for context, outside the quantity the other layers add up to).
     */
    Chart stacked(String id, String title, String caption, String yLabel, GroupedData data, List<String> muted) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Map<String, Double> totals = new HashMap<>();
        double top = 0;
        for (GroupedData.Bar bar : data.bars()) {
            dataset.addValue(bar.stats().median(), bar.series(), bar.category());
            top = Math.max(top, totals.merge(bar.category(), bar.stats().median(), Double::sum));
            top = Math.max(top, data.paper(bar.category(), null).orElse(0.0));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, yLabel, dataset);
        PaperStackedRenderer renderer = new PaperStackedRenderer(data);
        style(chart, renderer);
        for (String series : muted) {
            int row = dataset.getRowIndex(series);
            if (row >= 0) {
                renderer.setSeriesPaint(row, MUTED);
            }
        }
        legend(chart, data);
        fitAbove(chart, top);
        CategoryPlot plot = chart.getCategoryPlot();
        if (dataset.getColumnCount() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return write(id, title, caption, chart);
    }

    /** Whiskers and paper marks can reach above the tallest bar, which is all the automatic range sees. */
    private static void fitAbove(JFreeChart chart, double top) {
        ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
        if (top * 1.05 > axis.getUpperBound()) {
            axis.setUpperBound(top * 1.08);
        }
    }

    private static void style(JFreeChart chart, BarRenderer renderer) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCCCCCC));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlineVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < PALETTE.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i));
        }
        plot.setRenderer(renderer);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }

    /** The series' legend plus the paper's mark; call once every series has its final paint. */
    private static void legend(JFreeChart chart, GroupedData data) {
        if (data.hasPaperValues()) {
            CategoryPlot plot = chart.getCategoryPlot();
            LegendItemCollection legend = plot.getLegendItems();
            legend.add(PaperMark.legendItem());
            plot.setFixedLegendItems(legend);
        }
    }

    private Chart write(String id, String title, String caption, JFreeChart chart) {
        chart.addSubtitle(new TextTitle(caption, new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        Path png = dir.resolve(id + ".png");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(png)) {
                ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart " + png + ": " + e.getMessage(), e);
        }
        return new Chart(id, title, caption, png);
    }
}
