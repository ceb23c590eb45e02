package io.mecmig.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars at the median with a whisker from the smallest to the largest run: the spread the paper's averages
 * hide; and the paper's value, where it gives one, marked on the bar. Only vertical bars are supported, the
 * only kind the report draws.
 */
final class SpreadBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    private final Map<String, Stats> spread = new HashMap<>();
    private final transient GroupedData data;

    SpreadBarRenderer(GroupedData data) {
        this.data = data;
    }

    void spread(Comparable<?> row, Comparable<?> column, Stats stats) {
        spread.put(row + "\u0000" + column, stats);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (visibleRow < 0 || pass != getPassCount() - 1) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
        double mid = x0 + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        data.paper(dataset.getColumnKey(column), dataset.getRowKey(row)).ifPresent(v ->
                PaperMark.draw(g2, mid, rangeAxis.valueToJava2D(v, dataArea, edge), state.getBarWidth() / 2));
        Stats s = spread.get(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column));
        if (s == null || s.n() < 2) {
            return;
        }
        double half = Math.max(2, state.getBarWidth() / 4);
        double yMin = rangeAxis.valueToJava2D(s.min(), dataArea, edge);
        double yMax = rangeAxis.valueToJava2D(s.max(), dataArea, edge);
        g2.setPaint(Color.DARK_GRAY);
        g2.setStroke(new BasicStroke(1.2f));
        g2.draw(new Line2D.Double(mid, yMin, mid, yMax));
        g2.draw(new Line2D.Double(mid - half, yMin, mid + half, yMin));
        g2.draw(new Line2D.Double(mid - half, yMax, mid + half, yMax));
    }
}
