package io.mecmig.sandbox.mobility;

import io.mecmig.sandbox.scenario.GeoPoint;

/** Geodesic helpers on a spherical Earth (the precision a city scenario needs). */
public final class Geo {
    /** Mean Earth radius in metres (IUGG). */
    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    /** Great-circle distance in metres (haversine). */
    public static double distanceMeters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial bearing from a to b, degrees clockwise from north in [0, 360). */
    public static double bearingDegrees(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        double deg = Math.toDegrees(Math.atan2(y, x));
        return (deg + 360) % 360;
    }

    /** The point {@code meters} away from {@code from} heading {@code bearingDegrees} (great circle). */
    public static GeoPoint destination(GeoPoint from, double bearingDegrees, double meters) {
        double d = meters / EARTH_RADIUS_M;
        double b = Math.toRadians(bearingDegrees);
        double lat1 = Math.toRadians(from.latitude());
        double lon1 = Math.toRadians(from.longitude());
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint((Math.toDegrees(lon2) + 540) % 360 - 180, Math.toDegrees(lat2));
    }

    /** The point a fraction f of the way from a to b (linear in degrees: segments are a few hundred metres at most). */
    public static GeoPoint interpolate(GeoPoint a, GeoPoint b, double f) {
        return new GeoPoint(a.longitude() + (b.longitude() - a.longitude()) * f,
                a.latitude() + (b.latitude() - a.latitude()) * f);
    }
}
