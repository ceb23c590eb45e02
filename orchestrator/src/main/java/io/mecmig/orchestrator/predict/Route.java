package io.mecmig.orchestrator.predict;

import io.mecmig.orchestrator.geo.Geo;
import io.mecmig.orchestrator.geo.GeoPoint;
import java.util.List;

/**
 * A UE's planned route, as a vehicle's navigation shares it (or a scenario file defines it): the polyline it
 * drives along, and what it does at the end (start over, or drive it back). Positions on the route are given as
 * "progress": metres driven since the start, over one full cycle (one length for LOOP, two for REVERSE).
 */
public final class Route {

    /** What the UE does at the end of its route. */
    public enum EndMode { LOOP, REVERSE }

    private final List<GeoPoint> points;
    private final double[] cumulative;
    private final EndMode endMode;

    public Route(List<GeoPoint> points, EndMode endMode) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a route needs at least two points, got " + points.size());
        }
        this.points = List.copyOf(points);
        this.endMode = endMode;
        this.cumulative = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            cumulative[i] = cumulative[i - 1] + Geo.distanceMeters(points.get(i - 1), points.get(i));
        }
    }

    public double lengthMeters() {
        return cumulative[cumulative.length - 1];
    }

    /** Metres in one full cycle: the length for LOOP, twice it for REVERSE (there and back). */
    public double cycleMeters() {
        return endMode == EndMode.LOOP ? lengthMeters() : 2 * lengthMeters();
    }

    /** Where the UE is at {@code progress} metres (any value; wrapped into one cycle). */
    public GeoPoint at(double progress) {
        double d = onPath(progress);
        int seg = segmentOf(d);
        double segLen = cumulative[seg + 1] - cumulative[seg];
        double f = segLen <= 0 ? 0 : (d - cumulative[seg]) / segLen;
        return Geo.interpolate(points.get(seg), points.get(seg + 1), f);
    }

    /** The heading at {@code progress}, degrees from north (reversed on the way back). */
    public double bearingAt(double progress) {
        double cycle = wrap(progress);
        boolean back = endMode == EndMode.REVERSE && cycle > lengthMeters();
        int seg = segmentOf(onPath(progress));
        double b = Geo.bearingDegrees(points.get(seg), points.get(seg + 1));
        return back ? (b + 180) % 360 : b;
    }

    /**
     * The progress values where the route passes closest to {@code where}, one per segment (and per direction for
     * REVERSE), with their distance: the candidates for "where on its route the UE is".
     */
    List<double[]> candidates(GeoPoint where) {
        List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            double segLen = cumulative[i + 1] - cumulative[i];
            double f = segLen <= 0 ? 0 : project(points.get(i), points.get(i + 1), where);
            double d = cumulative[i] + f * segLen;
            double dist = Geo.distanceMeters(where, Geo.interpolate(points.get(i), points.get(i + 1), f));
            out.add(new double[] {d, dist});
            if (endMode == EndMode.REVERSE) {
                out.add(new double[] {2 * lengthMeters() - d, dist});
            }
        }
        return out;
    }

    /** Progress wrapped into [0, cycle). */
    double wrap(double progress) {
        double c = cycleMeters();
        return ((progress % c) + c) % c;
    }

    private double onPath(double progress) {
        double d = wrap(progress);
        return d > lengthMeters() ? 2 * lengthMeters() - d : d;
    }

    /** Fraction in [0,1] of the point on segment a-b nearest to p (flat-earth, fine for short segments). */
    private static double project(GeoPoint a, GeoPoint b, GeoPoint p) {
        double k = Math.cos(Math.toRadians(a.latitude()));
        double ax = a.longitude() * k;
        double bx = b.longitude() * k;
        double px = p.longitude() * k;
        double dx = bx - ax;
        double dy = b.latitude() - a.latitude();
        double len2 = dx * dx + dy * dy;
        if (len2 == 0) {
            return 0;
        }
        double f = ((px - ax) * dx + (p.latitude() - a.latitude()) * dy) / len2;
        return Math.max(0, Math.min(1, f));
    }

    private int segmentOf(double d) {
        int lo = 0;
        int hi = cumulative.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulative[mid] <= d) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
