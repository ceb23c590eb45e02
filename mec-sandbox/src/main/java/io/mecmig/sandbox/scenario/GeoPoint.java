package io.mecmig.sandbox.scenario;

/** A WGS84 position in degrees. */
public record GeoPoint(double longitude, double latitude) {
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new ScenarioException("coordinates out of range: longitude " + longitude + ", latitude " + latitude
                    + " (give [longitude, latitude] in WGS84 degrees)");
        }
    }
}
