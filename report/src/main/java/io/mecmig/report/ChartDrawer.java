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
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
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

    private final Path dir;

    ChartDrawer(Path dir) {
        this.dir = dir;
        System.setProperty("java.awt.headless", "true");
    }

    /** Grouped bars at the median, whiskers from min to max. */
    Chart grouped(String id, String title, String caption, String yLabel, GroupedData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        SpreadBarRenderer renderer = new SpreadBarRenderer();
        for (GroupedData.Bar bar : data.bars()) {
            dataset.addValue(bar.stats().median(), bar.series(), bar.category());
            renderer.spread(bar.series(), bar.category(), bar.stats());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, dataset);
        style(chart, renderer);
        return write(id, title, caption, chart);
    }

    /** Stacked bars, one stack per category, one layer per series (medians). */
    Chart stacked(String id, String title, String caption, String yLabel, GroupedData data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (GroupedData.Bar bar : data.bars()) {
            dataset.addValue(bar.stats().median(), bar.series(), bar.category());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, yLabel, dataset);
        style(chart, new StackedBarRenderer());
        CategoryPlot plot = chart.getCategoryPlot();
        if (dataset.getColumnCount() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return write(id, title, caption, chart);
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
