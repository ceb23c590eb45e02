package io.mecmig.orchestrator.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The radio of a point of access, as MEC 013 {@code connectionType} and the scenario's PoA types name it. */
public enum RadioType {
    WIFI, NR_5G, LTE_4G;

    /** Parses {@code wifi}, {@code 5g}, {@code 4g}, the scenario's {@code POA-5G} or MEC 013's {@code Wlan}, {@code Femto}, {@code Macro}... */
    public static RadioType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.contains("wifi") || t.contains("wlan")) {
            return WIFI;
        }
        if (t.contains("5g") || t.contains("nr") || t.contains("femto") || t.contains("pico") || t.contains("smallcell")) {
            return NR_5G;
        }
        if (t.contains("4g") || t.contains("lte") || t.contains("macro")) {
            return LTE_4G;
        }
        throw new IllegalArgumentException("radio type '" + text + "' is not known: use wifi, 5g or 4g");
    }

    /** A UE's radios by priority, from a list such as {@code wifi,5g,4g} (highest first). */
    public static List<RadioType> priorities(String commaSeparated) {
        List<RadioType> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no radio types in '" + commaSeparated + "': give e.g. wifi,5g,4g");
        }
        return List.copyOf(out);
    }

    /** The sandbox's default: every radio, wifi first, then 5G, then 4G. */
    public static List<RadioType> allByPriority() {
        return List.of(WIFI, NR_5G, LTE_4G);
    }
}
