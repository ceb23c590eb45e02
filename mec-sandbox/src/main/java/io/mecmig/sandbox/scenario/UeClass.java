package io.mecmig.sandbox.scenario;

/** The three kinds of UE the ETSI MEC Sandbox lets a user choose counts of. */
public enum UeClass {
    /** No path: smart-city IoT devices (addresses 10.1.0.x). */
    STATIONARY("10.1.0."),
    /** Pedestrians, slow vehicles (10.10.0.x). */
    LOW_VELOCITY("10.10.0."),
    /** Vehicles on the main roads (10.100.0.x). */
    HIGH_VELOCITY("10.100.0.");

    private final String addressPrefix;

    UeClass(String addressPrefix) {
        this.addressPrefix = addressPrefix;
    }

    /** Prefix of the addresses of this class, e.g. {@code 10.100.0.}. */
    public String addressPrefix() {
        return addressPrefix;
    }
}
