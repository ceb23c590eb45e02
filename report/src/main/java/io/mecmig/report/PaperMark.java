package io.mecmig.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import org.jfree.chart.LegendItem;

/** The mark that puts the paper's value on our bar: a black diamond on a short line at its height. */
final class PaperMark {

    static final String LEGEND = "paper (average of 5 runs)";

    private PaperMark() {
    }

    static void draw(Graphics2D g2, double x, double y, double halfWidth) {
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f));
        g2.draw(new Line2D.Double(x - halfWidth, y, x + halfWidth, y));
        g2.fill(diamond(x, y, 5));
    }

    static LegendItem legendItem() {
        LegendItem item = new LegendItem(LEGEND, null, null, null, diamond(0, 0, 5), Color.BLACK);
        return item;
    }

    private static Shape diamond(double x, double y, double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(x, y - r);
        d.lineTo(x + r, y);
        d.lineTo(x, y + r);
        d.lineTo(x - r, y);
        d.closePath();
        return d;
    }
}
