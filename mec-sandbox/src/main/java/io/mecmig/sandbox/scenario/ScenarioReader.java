package io.mecmig.sandbox.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the scenario JSON format (zones with pointsOfAccess, ues with paths) into a {@link Scenario}. */
final class ScenarioReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double DEFAULT_HIGH_VELOCITY_MPS = 10;

    private ScenarioReader() {
    }

    static Scenario read(InputStream in, String source) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + " is not a scenario: expected a JSON object with zones and ues");
        }
        JsonNode operator = root.path("operator");
        double highThreshold = root.path("sandboxUeClasses").path("highVelocitySpeedThresholdMps")
                .asDouble(DEFAULT_HIGH_VELOCITY_MPS);
        List<Zone> zones = new ArrayList<>();
        for (JsonNode z : required(root, "zones", source)) {
            String zoneId = text(z, "id", source);
            List<PointOfAccess> poas = new ArrayList<>();
            for (JsonNode p : z.path("pointsOfAccess")) {
                poas.add(new PointOfAccess(text(p, "id", source), RadioType.fromScenarioType(text(p, "type", source)),
                        new GeoPoint(number(p, "lon", source), number(p, "lat", source)),
                        number(p, "radiusMeters", source), optText(p, "cellId"), optText(p, "macId"), zoneId));
            }
            List<String> hosts = new ArrayList<>();
            z.path("edgeHosts").forEach(h -> hosts.add(h.asText()));
            zones.add(new Zone(zoneId, optText(z, "domain"), poas, hosts));
        }
        List<UeSpec> ues = new ArrayList<>();
        for (JsonNode u : required(root, "ues", source)) {
            ues.add(readUe(u, source, highThreshold));
        }
        return new Scenario(root.path("name").asText("scenario"), operator.path("mcc").asText("001"),
                operator.path("mnc").asText("001"), operator.path("defaultCellId").asText("FFFFFFF"), zones, ues);
    }

    private static UeSpec readUe(JsonNode u, String source, double highThreshold) {
        String id = text(u, "id", source);
        GeoPoint start = new GeoPoint(number(u, "lon", source), number(u, "lat", source));
        List<GeoPoint> path = new ArrayList<>();
        for (JsonNode pt : u.path("path")) {
            if (!pt.isArray() || pt.size() != 2) {
                throw new ScenarioException("UE " + id + " in " + source + " has a path point that is not [longitude, latitude]");
            }
            path.add(new GeoPoint(pt.get(0).asDouble(), pt.get(1).asDouble()));
        }
        double velocity = u.path("velocityMps").asDouble(0);
        if (velocity < 0) {
            throw new ScenarioException("UE " + id + " in " + source + " has a negative velocity: give metres per second >= 0");
        }
        EopMode eop = EopMode.valueOf(u.path("eopMode").asText("LOOP").toUpperCase(java.util.Locale.ROOT));
        List<RadioType> radios = new ArrayList<>();
        for (String w : u.path("wirelessType").asText("wifi,5g,4g").split(",")) {
            radios.add(RadioType.fromWirelessName(w));
        }
        UeClass cls = path.size() < 2 || velocity == 0 ? UeClass.STATIONARY
                : velocity > highThreshold ? UeClass.HIGH_VELOCITY : UeClass.LOW_VELOCITY;
        if (path.size() >= 2) {
            start = path.get(0);
        }
        return new UeSpec(id, cls, start, path, eop, velocity, radios, optText(u, "initialPoa"), 0);
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        JsonNode n = node.get(field);
        if (n == null || !n.isArray()) {
            throw new ScenarioException(source + " has no '" + field + "' array: see the bundled monaco scenario for the format");
        }
        return n;
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ScenarioException(source + ": an entry lacks the text field '" + field + "': " + node);
        }
        return n.asText();
    }

    private static String optText(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static double number(JsonNode node, String field, String source) {
        JsonNode n = node.get(field);
        if (n == null || !n.isNumber()) {
            throw new ScenarioException(source + ": an entry lacks the number field '" + field + "': " + node);
        }
        return n.asDouble();
    }
}
