package io.mecmig.sandbox.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A MEC network and its UEs: zones, points of access with their coverage, UE paths and speeds.
 * Immutable. {@link #monaco()} is the ETSI MEC Sandbox's "4g-5g-wifi-macro" network of Monaco.
 */
public final class Scenario {
    /** Resource name of the bundled Monaco scenario. */
    public static final String MONACO_RESOURCE = "/io/mecmig/sandbox/scenarios/monaco-4g-5g-wifi-macro.json";

    private final String name;
    private final String mcc;
    private final String mnc;
    private final String defaultCellId;
    private final List<Zone> zones;
    private final List<UeSpec> ues;
    private final Map<String, PointOfAccess> poaById;
    private final Map<String, Zone> zoneById;

    /** Builds a scenario; ids of zones, PoAs and UEs must be unique. */
    public Scenario(String name, String mcc, String mnc, String defaultCellId, List<Zone> zones, List<UeSpec> ues) {
        this.name = name;
        this.mcc = mcc;
        this.mnc = mnc;
        this.defaultCellId = defaultCellId;
        this.zones = List.copyOf(zones);
        this.ues = List.copyOf(ues);
        Map<String, PointOfAccess> poas = new LinkedHashMap<>();
        Map<String, Zone> zoneMap = new LinkedHashMap<>();
        for (Zone z : this.zones) {
            if (zoneMap.put(z.id(), z) != null) {
                throw new ScenarioException("zone id '" + z.id() + "' appears twice in scenario " + name);
            }
            for (PointOfAccess p : z.pointsOfAccess()) {
                if (poas.put(p.id(), p) != null) {
                    throw new ScenarioException("point of access '" + p.id() + "' appears twice in scenario " + name);
                }
            }
        }
        for (UeSpec u : this.ues) {
            if (u.initialPoa() != null && !poas.containsKey(u.initialPoa())) {
                throw new ScenarioException("UE " + u.id() + " starts on unknown point of access '" + u.initialPoa()
                        + "': name one of the scenario's PoAs");
            }
        }
        this.poaById = Collections.unmodifiableMap(poas);
        this.zoneById = Collections.unmodifiableMap(zoneMap);
    }

    /** The bundled Monaco "4g-5g-wifi-macro" scenario of the ETSI MEC Sandbox. */
    public static Scenario monaco() {
        try (InputStream in = Scenario.class.getResourceAsStream(MONACO_RESOURCE)) {
            if (in == null) {
                throw new ScenarioException("bundled scenario " + MONACO_RESOURCE + " is missing from the jar: rebuild mec-sandbox");
            }
            return ScenarioReader.read(in, MONACO_RESOURCE);
        } catch (IOException e) {
            throw new ScenarioException("cannot read bundled scenario " + MONACO_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a scenario file in the format of the bundled one. */
    public static Scenario load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ScenarioReader.read(in, file.toString());
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage()
                    + " (check the path, or leave it out to use the bundled Monaco scenario)", e);
        }
    }

    public String name() {
        return name;
    }

    /** Mobile country code of the operator. */
    public String mcc() {
        return mcc;
    }

    /** Mobile network code of the operator. */
    public String mnc() {
        return mnc;
    }

    /** Cell id used where a UE has no 4G cell (e.g. the source of a first attach). */
    public String defaultCellId() {
        return defaultCellId;
    }

    /** All zones, including those without points of access. */
    public List<Zone> zones() {
        return zones;
    }

    /** Zones that hold at least one point of access: the ones the Location API lists. */
    public List<Zone> locationZones() {
        List<Zone> out = new ArrayList<>();
        for (Zone z : zones) {
            if (!z.pointsOfAccess().isEmpty()) {
                out.add(z);
            }
        }
        return out;
    }

    /** The scenario's own UEs. */
    public List<UeSpec> ues() {
        return ues;
    }

    /** Every point of access, zone by zone. */
    public List<PointOfAccess> pointsOfAccess() {
        return List.copyOf(poaById.values());
    }

    public Optional<PointOfAccess> poa(String id) {
        return Optional.ofNullable(poaById.get(id));
    }

    public Optional<Zone> zone(String id) {
        return Optional.ofNullable(zoneById.get(id));
    }

    public Optional<UeSpec> ue(String id) {
        return ues.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    /** The scenario's UEs of one class, in file order. */
    public List<UeSpec> ues(UeClass ueClass) {
        return ues.stream().filter(u -> u.ueClass() == ueClass).toList();
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + zones.size() + " zones, " + poaById.size() + " PoAs, " + ues.size() + " UEs]";
    }
}
