package io.mecmig.orchestrator.geo;

/**
 * A WGS84 position.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("position (" + latitude + ", " + longitude
                    + ") is out of range: latitude -90..90, longitude -180..180, in degrees");
        }
    }
}
