package io.mecmig.sandbox.scenario;

import java.util.Locale;

/** Radio technology of a point of access, as the scenario names it ({@code POA-4G}, {@code POA-5G}, {@code POA-WIFI}). */
public enum RadioType {
    /** 4G macro cell: the only kind that carries an E-RAB in the RNIS. */
    LTE_4G("POA-4G", "4g", "Macro"),
    /** 5G small cell. */
    NR_5G("POA-5G", "5g", "Smallcell"),
    /** WiFi access point. */
    WIFI("POA-WIFI", "wifi", "Wifi");

    private final String scenarioType;
    private final String wirelessName;
    private final String connectionType;

    RadioType(String scenarioType, String wirelessName, String connectionType) {
        this.scenarioType = scenarioType;
        this.wirelessName = wirelessName;
        this.connectionType = connectionType;
    }

    /** The type string of the scenario file, e.g. {@code POA-4G}. */
    public String scenarioType() {
        return scenarioType;
    }

    /** The name used in a UE's {@code wirelessType} list, e.g. {@code 4g}. */
    public String wirelessName() {
        return wirelessName;
    }

    /** The MEC 013 {@code connectionType} of an access point of this radio. */
    public String connectionType() {
        return connectionType;
    }

    /** Parses a scenario PoA type such as {@code POA-5G}. */
    public static RadioType fromScenarioType(String type) {
        for (RadioType t : values()) {
            if (t.scenarioType.equalsIgnoreCase(type)) {
                return t;
            }
        }
        throw new ScenarioException("unknown point-of-access type '" + type
                + "': use one of POA-4G, POA-5G, POA-WIFI");
    }

    /** Parses a wireless name such as {@code wifi} from a UE's {@code wirelessType} list. */
    public static RadioType fromWirelessName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (RadioType t : values()) {
            if (t.wirelessName.equals(n)) {
                return t;
            }
        }
        throw new ScenarioException("unknown wireless type '" + name + "': use wifi, 5g or 4g");
    }
}
