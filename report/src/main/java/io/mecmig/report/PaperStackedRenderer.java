package io.mecmig.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;

/** Stacked bars with the paper's value for a whole stack, where it gives one, marked on the stack. */
final class PaperStackedRenderer extends StackedBarRenderer {

    private static final long serialVersionUID = 1L;

    private final transient GroupedData data;

    PaperStackedRenderer(GroupedData data) {
        this.data = data;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        // Once per stack, after its last layer, so the mark lies on top.
        if (row != dataset.getRowCount() - 1 || pass != getPassCount() - 1) {
            return;
        }
        data.paper(dataset.getColumnKey(column), null).ifPresent(v -> {
            double x = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
            PaperMark.draw(g2, x, rangeAxis.valueToJava2D(v, dataArea, plot.getRangeAxisEdge()),
                    state.getBarWidth() / 2 + 4);
        });
    }
}
