package io.mecmig.orchestrator.placement;

import java.util.Locale;

/** Whether a MEC host serves one point of access or a whole zone (the paper's two cases, Table V). */
public enum PlacementMode {
    /** One MEC host per PoA: short distances, frequent migrations. */
    POA,
    /** One MEC host per zone: fewer, longer-spaced migrations. */
    ZONE;

    /** Parses {@code poa} or {@code zone}. */
    public static PlacementMode parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "poa", "accesspoint", "access-point" -> POA;
            case "zone" -> ZONE;
            default -> throw new IllegalArgumentException("placement '" + text + "' is not known: use poa or zone");
        };
    }
}
