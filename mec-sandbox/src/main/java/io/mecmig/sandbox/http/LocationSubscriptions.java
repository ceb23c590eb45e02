package io.mecmig.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mecmig.sandbox.MobilityListener;
import io.mecmig.sandbox.SandboxControl;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * MEC 013 v2 userTracking and zonalTraffic subscriptions, and the zonalPresenceNotifications they send:
 * Entering and Leaving when a UE's zone changes (including connect and disconnect), Transferring when it
 * changes access point inside a zone.
 */
final class LocationSubscriptions implements MobilityListener {
    private static final Set<String> EVENTS = Set.of("Entering", "Leaving", "Transferring");

    private final SandboxControl control;
    private final NotificationSender sender;
    private final Kind userTracking = new Kind("userTracking", "userTrackingSubscription");
    private final Kind zonalTraffic = new Kind("zonalTraffic", "zonalTrafficSubscription");

    LocationSubscriptions(SandboxControl control, NotificationSender sender) {
        this.control = control;
        this.sender = sender;
    }

    /** One subscription: its JSON as served, and what it matches. */
    private record Sub(ObjectNode json, String notifyUrl, String ueId, String zoneId, Set<String> events) {
    }

    /** userTracking or zonalTraffic: path segment, JSON wrapper name, and its store. */
    private record Kind(String path, String wrapper, SubscriptionStore<Sub> store) {
        Kind(String path, String wrapper) {
            this(path, wrapper, new SubscriptionStore<>());
        }
    }

    void register(Javalin app, String root) {
        for (Kind k : List.of(userTracking, zonalTraffic)) {
            String base = root + "/subscriptions/" + k.path();
            app.post(base, ctx -> create(ctx, root, k));
            app.get(base, ctx -> list(ctx, root, k));
            app.get(base + "/{subscriptionId}", ctx -> get(ctx, k));
            app.delete(base + "/{subscriptionId}", ctx -> delete(ctx, k));
        }
    }

    private void create(Context ctx, String root, Kind k) {
        QueryParams.of(ctx, Set.of());
        JsonNode inner = Json.readObject(ctx).get(k.wrapper());
        if (inner == null || !inner.isObject()) {
            throw ApiProblem.badRequest("the body must be {\"" + k.wrapper() + "\": {...}}");
        }
        ObjectNode sub = ((ObjectNode) inner).deepCopy();
        String notifyUrl = notifyUrl(sub);
        Set<String> events = events(sub);
        String ueId = null;
        String zoneId = null;
        if (k == userTracking) {
            JsonNode address = sub.get("address");
            if (address == null || !address.isTextual()) {
                throw ApiProblem.badRequest("userTrackingSubscription needs 'address', e.g. \"10.100.0.1\"");
            }
            ueId = Addresses.ueId(address.asText());
        } else {
            JsonNode zone = sub.get("zoneId");
            if (zone == null || !zone.isTextual() || control.scenario().zone(zone.asText())
                    .filter(z -> !z.pointsOfAccess().isEmpty()).isEmpty()) {
                throw ApiProblem.badRequest("zonalTrafficSubscription needs the 'zoneId' of a zone of the scenario,"
                        + " got " + zone + ": list them with GET .../queries/zones");
            }
            zoneId = zone.asText();
        }
        long id = k.store().newId();
        String url = Urls.base(ctx, root) + "/subscriptions/" + k.path() + "/" + id;
        sub.put("resourceURL", url);
        k.store().put(id, new Sub(sub, notifyUrl, ueId, zoneId, events));
        ObjectNode body = Json.object();
        body.set(k.wrapper(), sub);
        ctx.header("Location", url);
        Json.write(ctx, 201, body);
    }

    private void list(Context ctx, String root, Kind k) {
        QueryParams.of(ctx, Set.of());
        ObjectNode list = Json.object();
        ArrayNode subs = list.putArray(k.wrapper());
        for (Sub s : k.store().all()) {
            subs.add(s.json());
        }
        list.put("resourceURL", Urls.base(ctx, root) + "/subscriptions/" + k.path());
        ObjectNode body = Json.object();
        body.set("notificationSubscriptionList", list);
        Json.write(ctx, 200, body);
    }

    private void get(Context ctx, Kind k) {
        Sub s = k.store().get(ctx.pathParam("subscriptionId")).orElseThrow(() -> missing(ctx, k));
        ObjectNode body = Json.object();
        body.set(k.wrapper(), s.json());
        Json.write(ctx, 200, body);
    }

    private void delete(Context ctx, Kind k) {
        if (!k.store().remove(ctx.pathParam("subscriptionId"))) {
            throw missing(ctx, k);
        }
        ctx.status(204);
    }

    private static ApiProblem missing(Context ctx, Kind k) {
        return ApiProblem.notFound("no " + k.path() + " subscription '" + ctx.pathParam("subscriptionId")
                + "': list them with GET .../subscriptions/" + k.path());
    }

    static String notifyUrl(ObjectNode sub) {
        JsonNode url = sub.path("callbackReference").get("notifyURL");
        if (url == null || !url.isTextual() || !(url.asText().startsWith("http://") || url.asText().startsWith("https://"))) {
            throw ApiProblem.badRequest("the subscription needs callbackReference.notifyURL, an http(s) URL your app serves");
        }
        try {
            java.net.URI.create(url.asText()).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw ApiProblem.badRequest("callbackReference.notifyURL is not a valid URL: " + url.asText());
        }
        return url.asText();
    }

    private static Set<String> events(ObjectNode sub) {
        JsonNode criteria = sub.get("userEventCriteria");
        if (criteria == null) {
            return EVENTS;
        }
        if (!criteria.isArray()) {
            throw ApiProblem.badRequest("userEventCriteria must be an array of Entering, Leaving, Transferring");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode c : criteria) {
            if (!EVENTS.contains(c.asText())) {
                throw ApiProblem.badRequest("unknown userEventCriteria '" + c.asText() + "': use Entering, Leaving, Transferring");
            }
            out.add(c.asText());
        }
        return out;
    }

    @Override
    public void onTick(MobilitySnapshot snapshot, List<MobilityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Sub> users = userTracking.store().all();
        List<Sub> zones = zonalTraffic.store().all();
        if (users.isEmpty() && zones.isEmpty()) {
            return;
        }
        ObjectNode now = Json.timestamp(Instant.now());
        for (MobilityEvent e : events) {
            for (Presence p : presences(e)) {
                for (Sub s : users) {
                    if (s.ueId().equals(e.ueId()) && s.events().contains(p.type())) {
                        send(s, "UserTrackingSubscription", p, e, now);
                    }
                }
                for (Sub s : zones) {
                    if (s.zoneId().equals(p.zoneId()) && s.events().contains(p.type())) {
                        send(s, "ZonalTrafficSubscription", p, e, now);
                    }
                }
            }
        }
    }

    /** One zonal presence change: its type and the zone it concerns. */
    private record Presence(String type, String zoneId) {
    }

    private static List<Presence> presences(MobilityEvent e) {
        List<Presence> out = new ArrayList<>();
        String before = e.before().zoneId();
        String after = e.after().zoneId();
        if (Objects.equals(before, after)) {
            out.add(new Presence("Transferring", after));
        } else {
            if (before != null) {
                out.add(new Presence("Leaving", before));
            }
            if (after != null) {
                out.add(new Presence("Entering", after));
            }
        }
        return out;
    }

    private void send(Sub s, String rel, Presence p, MobilityEvent e, ObjectNode now) {
        ObjectNode n = Json.object();
        JsonNode callbackData = s.json().path("callbackReference").get("callbackData");
        if (callbackData != null) {
            n.set("callbackData", callbackData);
        }
        n.put("zoneId", p.zoneId());
        n.put("address", e.ueId());
        n.put("interestRealm", p.zoneId());
        n.put("userEventType", p.type());
        n.put("currentAccessPointId", e.after().poaId() == null ? "" : e.after().poaId());
        if (e.before().poaId() != null) {
            n.put("previousAccessPointId", e.before().poaId());
        }
        n.set("timestamp", now);
        ObjectNode link = n.putArray("link").addObject();
        link.put("rel", rel);
        link.put("href", s.json().path("resourceURL").asText());
        ObjectNode body = Json.object();
        body.set("zonalPresenceNotification", n);
        sender.post(s.notifyUrl(), body);
    }
}
