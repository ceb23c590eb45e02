package io.mecmig.orchestrator.placement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which MEC host serves which PoA or zone. Configurable: read from JSON
 * ({@code {"mode": "zone", "hosts": {"zone01": "meh-1", ...}}}) or spread round robin over the hosts.
 * A PoA or zone that is not mapped has no MEC host: the app stays where it is while the UE is there.
 */
public final class PlacementMap {

    private final PlacementMode mode;
    private final Map<String, String> hostByKey;

    public PlacementMap(PlacementMode mode, Map<String, String> hostByKey) {
        this.mode = mode;
        this.hostByKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hostByKey));
        if (hostByKey.isEmpty()) {
            throw new IllegalArgumentException("a placement map needs at least one " + label() + " mapped to a host");
        }
    }

    /**
     * Spreads {@code keys} (PoA or zone ids, in order) over {@code hosts} round robin, so that neighbours in the
     * list land on different hosts.
     */
    public static PlacementMap roundRobin(PlacementMode mode, Collection<String> keys, List<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no MEC hosts to place apps on: give at least one host");
        }
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        for (String k : keys) {
            map.put(k, hosts.get(i++ % hosts.size()));
        }
        return new PlacementMap(mode, map);
    }

    /** Reads a placement file: {@code {"mode": "poa"|"zone", "hosts": {"<id>": "<host>", ...}}}. */
    public static PlacementMap read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            if (!root.has("mode") || !root.path("hosts").isObject()) {
                throw new IllegalArgumentException("placement file " + file + " must look like {\"mode\": \"zone\","
                        + " \"hosts\": {\"zone01\": \"meh-1\", \"zone02\": \"meh-2\"}}");
            }
            Map<String, String> map = new LinkedHashMap<>();
            root.path("hosts").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return new PlacementMap(PlacementMode.parse(root.path("mode").asText()), map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read placement file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The map as the JSON {@link #read(Path)} takes. */
    public String toJson() {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode hosts = root.putObject("hosts");
        new java.util.TreeMap<>(hostByKey).forEach(hosts::put);
        return root.toPrettyString();
    }

    public PlacementMode mode() {
        return mode;
    }

    /** The host serving a UE attached to {@code accessPointId} in {@code zoneId}; empty if none (or disconnected). */
    public Optional<String> hostFor(String accessPointId, String zoneId) {
        String key = mode == PlacementMode.POA ? accessPointId : zoneId;
        return Optional.ofNullable(key == null ? null : hostByKey.get(key));
    }

    /** Every host named in the map. */
    public Set<String> hosts() {
        return new LinkedHashSet<>(hostByKey.values());
    }

    /** The PoAs or zones mapped to {@code host}. */
    public List<String> keysOf(String host) {
        List<String> out = new ArrayList<>();
        hostByKey.forEach((k, h) -> {
            if (h.equals(host)) {
                out.add(k);
            }
        });
        out.sort(null);
        return out;
    }

    /** {@code PoA} or {@code zone}, for messages. */
    public String label() {
        return mode == PlacementMode.POA ? "PoA" : "zone";
    }
}
