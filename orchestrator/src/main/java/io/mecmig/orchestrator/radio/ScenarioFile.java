package io.mecmig.orchestrator.radio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mecmig.sandbox.scenario.EopMode;
import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.orchestrator.predict.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the orchestrator needs from a mecmig scenario file (the Monaco one by default): the PoAs with
 * their zones, places and radii, and each UE's planned route and radios. The Location API gives PoA places but
 * not radii or routes, so this file is the richer source when the MEO knows the scenario.
 */
public final class ScenarioFile {

    /** The bundled copy of {@code monaco-4g-5g-wifi-macro.json}. */
    public static final String MONACO_RESOURCE = "/io/mecmig/orchestrator/monaco-4g-5g-wifi-macro.json";

    private final JsonNode root;

    private ScenarioFile(JsonNode root) {
        this.root = root;
    }

    /** The bundled Monaco 4g-5g-wifi-macro scenario. */
    public static ScenarioFile monaco() {
        try (InputStream in = ScenarioFile.class.getResourceAsStream(MONACO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled scenario " + MONACO_RESOURCE + " is missing from the jar");
            }
            return new ScenarioFile(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled scenario", e);
        }
    }

    /** A scenario file on disk. */
    public static ScenarioFile load(Path file) {
        try {
            return new ScenarioFile(new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage()
                    + " (give a mecmig scenario JSON such as monaco-4g-5g-wifi-macro.json)", e);
        }
    }

    /** Every point of access of every zone. */
    public RadioMap radioMap() {
        List<AccessPoint> out = new ArrayList<>();
        for (JsonNode zone : root.path("zones")) {
            for (JsonNode p : zone.path("pointsOfAccess")) {
                out.add(new AccessPoint(p.path("id").asText(), zone.path("id").asText(),
                        new GeoPoint(p.path("lon").asDouble(), p.path("lat").asDouble()),
                        p.path("radiusMeters").asDouble(), RadioType.parse(p.path("type").asText())));
            }
        }
        return new RadioMap(out);
    }

    /** The planned route of UE {@code address}, if the scenario gives it one (stationary UEs have none). */
    public Optional<Route> route(String address) {
        return ue(address).filter(u -> u.path("path").size() >= 2).map(u -> {
            List<GeoPoint> points = new ArrayList<>();
            for (JsonNode pt : u.path("path")) {
                points.add(new GeoPoint(pt.get(0).asDouble(), pt.get(1).asDouble())); // the file stores [lon, lat]
            }
            boolean loop = "LOOP".equalsIgnoreCase(u.path("eopMode").asText("LOOP"));
            return new Route(points, loop ? EopMode.LOOP : EopMode.REVERSE);
        });
    }

    /** The radios UE {@code address} uses, highest priority first; all of them if the scenario does not say. */
    public List<RadioType> radios(String address) {
        return ue(address).map(u -> u.path("wirelessType").asText(""))
                .filter(s -> !s.isBlank()).map(RadioType::priorities).orElse(RadioType.allByPriority());
    }

    /** The UE addresses of the scenario. */
    public List<String> ueAddresses() {
        List<String> out = new ArrayList<>();
        root.path("ues").forEach(u -> out.add(u.path("id").asText()));
        return out;
    }

    private Optional<JsonNode> ue(String address) {
        for (JsonNode u : root.path("ues")) {
            if (u.path("id").asText().equals(address)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
