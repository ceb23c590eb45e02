package io.mecmig.orchestrator.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mecmig.orchestrator.UeObservation;
import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.orchestrator.radio.AccessPoint;
import io.mecmig.orchestrator.radio.RadioMap;
import io.mecmig.orchestrator.radio.RadioType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the ETSI MEC 013 Location API (v2), as the ETSI MEC Sandbox and mecmig's embedded sandbox serve
 * it: user queries, zone and access point queries, and userTracking / zonalTraffic subscriptions. Plain
 * {@code java.net.http} and Jackson, with the ETSI field names ({@code userList.user[].zoneId}, ...).
 */
public final class LocationClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private final Clock clock;

    /** @param locationUrl the API root, e.g. {@code http://127.0.0.1:8085/sbx/location/v2} */
    public LocationClient(String locationUrl) {
        this(locationUrl, Clock.systemUTC());
    }

    LocationClient(String locationUrl, Clock clock) {
        if (locationUrl == null || !locationUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("Location API URL '" + locationUrl + "' is not an http(s) URL: give"
                    + " its root, e.g. http://127.0.0.1:8085/sbx/location/v2");
        }
        this.base = locationUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.clock = clock;
    }

    public String baseUrl() {
        return base;
    }

    /** Where the UE {@code address} is now, or empty when the API does not list it (not connected). */
    public Optional<UeObservation> user(String address) {
        JsonNode users = get("/queries/users?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8))
                .path("userList").path("user");
        for (JsonNode u : users) {
            if (sameUe(u.path("address").asText(), address)) {
                return Optional.of(observation(address, u));
            }
        }
        return Optional.empty();
    }

    private UeObservation observation(String address, JsonNode u) {
        JsonNode loc = u.path("locationInfo");
        GeoPoint where = point(loc);
        JsonNode v = loc.path("velocity");
        // MEC 013 gives horizontalSpeed in km/h (3GPP TS 23.032); the orchestrator works in m/s.
        double speed = v.has("horizontalSpeed") ? v.path("horizontalSpeed").asDouble() / 3.6 : where == null ? Double.NaN : 0;
        double bearing = v.has("bearing") ? v.path("bearing").asDouble() : where == null ? Double.NaN : 0;
        return new UeObservation(address, clock.instant(), text(u, "accessPointId"), text(u, "zoneId"), where,
                speed, bearing);
    }

    /**
     * The radio map from the zone and access point queries. The API gives no coverage radius, so each PoA gets
     * the typical one of its radio (WiFi 50 m, 5G 100 m, 4G 400 m, as in the ETSI sandbox's scenarios).
     */
    public RadioMap radioMap() {
        List<AccessPoint> out = new ArrayList<>();
        for (JsonNode zone : get("/queries/zones").path("zoneList").path("zone")) {
            String zoneId = zone.path("zoneId").asText();
            for (JsonNode ap : get("/queries/zones/" + zoneId + "/accessPoints").path("accessPointList").path("accessPoint")) {
                GeoPoint where = point(ap.path("locationInfo"));
                if (where == null) {
                    continue;
                }
                RadioType radio = RadioType.parse(ap.path("connectionType").asText());
                out.add(new AccessPoint(ap.path("accessPointId").asText(), zoneId, where, typicalRadius(radio), radio));
            }
        }
        return new RadioMap(out);
    }

    /** Subscribes to zone changes of one UE; returns the subscription's resource URL (to delete it later). */
    public String subscribeUserTracking(String address, String notifyUrl) {
        ObjectNode sub = subscription(notifyUrl);
        sub.put("address", address.startsWith("acr:") ? address : "acr:" + address);
        return create("/subscriptions/userTracking", "userTrackingSubscription", sub);
    }

    /** Subscribes to UEs entering, leaving and moving within {@code zoneId}. */
    public String subscribeZonalTraffic(String zoneId, String notifyUrl) {
        ObjectNode sub = subscription(notifyUrl);
        sub.put("zoneId", zoneId);
        return create("/subscriptions/zonalTraffic", "zonalTrafficSubscription", sub);
    }

    /** Deletes a subscription; a missing one is fine. */
    public void unsubscribe(String resourceUrl) {
        send(HttpRequest.newBuilder(URI.create(resourceUrl)).timeout(TIMEOUT).DELETE().build(), "delete " + resourceUrl);
    }

    private static ObjectNode subscription(String notifyUrl) {
        ObjectNode sub = JSON.createObjectNode();
        sub.put("clientCorrelator", "mecmig-orchestrator");
        sub.putObject("callbackReference").put("notifyURL", notifyUrl);
        sub.putArray("userEventCriteria").add("Entering").add("Leaving").add("Transferring");
        return sub;
    }

    private String create(String path, String wrapper, ObjectNode sub) {
        ObjectNode body = JSON.createObjectNode();
        body.set(wrapper, sub);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> res = send(req, "POST " + path);
        if (res.statusCode() != 201 && res.statusCode() != 200) {
            throw new LocationApiException("POST " + base + path + " answered " + res.statusCode() + ": " + res.body());
        }
        try {
            JsonNode created = JSON.readTree(res.body()).path(wrapper);
            return created.path("resourceURL").asText(res.headers().firstValue("Location").orElseThrow(
                    () -> new LocationApiException("POST " + base + path + " gave no resourceURL")));
        } catch (IOException e) {
            throw new LocationApiException("POST " + base + path + " answered with bad JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> res = send(req, "GET " + pathAndQuery);
        if (res.statusCode() != 200) {
            throw new LocationApiException("GET " + base + pathAndQuery + " answered " + res.statusCode() + ": " + res.body());
        }
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new LocationApiException("GET " + base + pathAndQuery + " answered with bad JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest req, String what) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LocationApiException("cannot reach the Location API at " + base + " (" + what + "): " + e
                    + "; check that the MEC sandbox runs and the URL is right", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocationApiException("interrupted during " + what, e);
        }
    }

    /** MEC 013 locationInfo: latitude and longitude are arrays (one point for shape 2). */
    private static GeoPoint point(JsonNode loc) {
        JsonNode lat = loc.path("latitude");
        JsonNode lon = loc.path("longitude");
        JsonNode la = lat.isArray() ? lat.path(0) : lat;
        JsonNode lo = lon.isArray() ? lon.path(0) : lon;
        return la.isNumber() && lo.isNumber() ? new GeoPoint(lo.asDouble(), la.asDouble()) : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    static boolean sameUe(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String address) {
        return address.startsWith("acr:") ? address.substring(4) : address;
    }

    private static double typicalRadius(RadioType radio) {
        return switch (radio) {
            case WIFI -> 50;
            case NR_5G -> 100;
            case LTE_4G -> 400;
        };
    }
}
