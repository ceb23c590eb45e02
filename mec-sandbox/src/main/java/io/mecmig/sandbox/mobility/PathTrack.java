package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.EopMode;
import io.mecmig.sandbox.scenario.GeoPoint;
import java.util.List;

/** A UE's path with its cumulative lengths: where the UE is after travelling a given distance. */
public final class PathTrack {
    private final List<GeoPoint> points;
    private final double[] cumulative;
    private final EopMode eopMode;

    /** A track along {@code points} (at least two) ending as {@code eopMode} says. */
    public PathTrack(List<GeoPoint> points, EopMode eopMode) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two points, got " + points.size());
        }
        this.points = List.copyOf(points);
        this.eopMode = eopMode;
        this.cumulative = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            cumulative[i] = cumulative[i - 1] + Geo.distanceMeters(points.get(i - 1), points.get(i));
        }
    }

    /** The path's points, in order. */
    public List<GeoPoint> points() {
        return points;
    }

    /** Metres along the path from its start to point {@code index}. */
    public double distanceTo(int index) {
        return cumulative[index];
    }

    /** Whether the UE drives the path over again from its start (LOOP) or drives it back (REVERSE). */
    public EopMode eopMode() {
        return eopMode;
    }

    /** Total length of the path in metres. */
    public double lengthMeters() {
        return cumulative[cumulative.length - 1];
    }

    /** Position and heading after travelling {@code distance} metres from the start, LOOP or REVERSE applied. */
    public Position at(double distance) {
        double length = lengthMeters();
        if (length <= 0) {
            return new Position(points.get(0), 0);
        }
        double d = Math.max(0, distance);
        boolean backwards = false;
        if (eopMode == EopMode.LOOP) {
            d = d % length;
        } else {
            double m = d % (2 * length);
            if (m > length) {
                d = 2 * length - m;
                backwards = true;
            } else {
                d = m;
            }
        }
        int seg = segmentOf(d);
        GeoPoint a = points.get(seg);
        GeoPoint b = points.get(seg + 1);
        double segLen = cumulative[seg + 1] - cumulative[seg];
        double f = segLen <= 0 ? 0 : (d - cumulative[seg]) / segLen;
        double bearing = backwards ? Geo.bearingDegrees(b, a) : Geo.bearingDegrees(a, b);
        return new Position(Geo.interpolate(a, b, f), bearing);
    }

    /** Index of the segment [i, i+1] holding distance d (0 <= d <= length). */
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

    /** A point on the path and the heading there (degrees from north). */
    public record Position(GeoPoint point, double bearingDegrees) {
    }
}
