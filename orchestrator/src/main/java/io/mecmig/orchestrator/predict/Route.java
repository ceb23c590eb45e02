package io.mecmig.orchestrator.predict;

import io.mecmig.sandbox.mobility.Geo;
import io.mecmig.sandbox.mobility.PathTrack;
import io.mecmig.sandbox.scenario.EopMode;
import io.mecmig.sandbox.scenario.GeoPoint;
import java.util.List;

/**
 * A UE's planned route, as a vehicle's navigation shares it (or a scenario file defines it): the polyline it
 * drives along, and what it does at the end (start over, or drive it back). Positions on the route are given as
 * "progress": metres driven since the start, over one full cycle (one length for LOOP, two for REVERSE). The
 * path geometry is the sandbox's {@link PathTrack}, so a prediction places the UE exactly where the mobility
 * engine will.
 */
public final class Route {

    private final PathTrack track;

    public Route(List<GeoPoint> points, EopMode endMode) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a route needs at least two points, got " + points.size());
        }
        this.track = new PathTrack(points, endMode);
    }

    public double lengthMeters() {
        return track.lengthMeters();
    }

    /** Metres in one full cycle: the length for LOOP, twice it for REVERSE (there and back). */
    public double cycleMeters() {
        return track.eopMode() == EopMode.LOOP ? lengthMeters() : 2 * lengthMeters();
    }

    /** Where the UE is at {@code progress} metres (any value; wrapped into one cycle). */
    public GeoPoint at(double progress) {
        return track.at(wrap(progress)).point();
    }

    /** The heading at {@code progress}, degrees from north (reversed on the way back). */
    public double bearingAt(double progress) {
        return track.at(wrap(progress)).bearingDegrees();
    }

    /**
     * The progress values where the route passes closest to {@code where}, one per segment (and per direction for
     * REVERSE), with their distance: the candidates for "where on its route the UE is".
     */
    List<double[]> candidates(GeoPoint where) {
        List<GeoPoint> points = track.points();
        List<double[]> out = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            double segLen = track.distanceTo(i + 1) - track.distanceTo(i);
            double f = segLen <= 0 ? 0 : project(points.get(i), points.get(i + 1), where);
            double d = track.distanceTo(i) + f * segLen;
            double dist = Geo.distanceMeters(where, Geo.interpolate(points.get(i), points.get(i + 1), f));
            out.add(new double[] {d, dist});
            if (track.eopMode() == EopMode.REVERSE) {
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
}
