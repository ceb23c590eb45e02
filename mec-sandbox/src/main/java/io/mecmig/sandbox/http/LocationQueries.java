package io.mecmig.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mecmig.sandbox.SandboxControl;
import io.mecmig.sandbox.mobility.Geo;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import io.mecmig.sandbox.mobility.UeState;
import io.mecmig.sandbox.scenario.GeoPoint;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.Zone;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** MEC 013 Location API v2 queries: users, zones, access points, distance. */
final class LocationQueries {
    private static final Set<String> USER_PARAMS = Set.of("zoneId", "accessPointId", "address");
    private static final Set<String> DISTANCE_PARAMS = Set.of("requester", "address", "latitude", "longitude");

    private final SandboxControl control;

    LocationQueries(SandboxControl control) {
        this.control = control;
    }

    void register(Javalin app, String root) {
        app.get(root + "/queries/users", ctx -> users(ctx, root));
        app.get(root + "/queries/zones", ctx -> zones(ctx, root));
        app.get(root + "/queries/zones/{zoneId}", ctx -> zone(ctx, root));
        app.get(root + "/queries/zones/{zoneId}/accessPoints", ctx -> accessPoints(ctx, root));
        app.get(root + "/queries/zones/{zoneId}/accessPoints/{accessPointId}", ctx -> accessPoint(ctx, root));
        app.get(root + "/queries/distance", this::distance);
    }

    private void users(Context ctx, String root) {
        QueryParams q = QueryParams.of(ctx, USER_PARAMS);
        Set<String> zones = new HashSet<>(q.all("zoneId"));
        Set<String> aps = new HashSet<>(q.all("accessPointId"));
        Set<String> ids = new HashSet<>();
        for (String a : q.all("address")) {
            ids.add(Addresses.ueId(a));
        }
        String base = Urls.base(ctx, root);
        ObjectNode userList = Json.object();
        ArrayNode user = userList.putArray("user");
        ObjectNode now = Json.timestamp(Instant.now());
        for (UeState u : control.snapshot().ues()) {
            if (!u.connected() || (!zones.isEmpty() && !zones.contains(u.zoneId()))
                    || (!aps.isEmpty() && !aps.contains(u.poaId())) || (!ids.isEmpty() && !ids.contains(u.id()))) {
                continue;
            }
            user.add(userInfo(u, base, now));
        }
        userList.put("resourceURL", base + "/queries/users");
        ObjectNode body = Json.object();
        body.set("userList", userList);
        Json.write(ctx, 200, body);
    }

    static ObjectNode userInfo(UeState u, String base, ObjectNode timestamp) {
        ObjectNode info = Json.object();
        info.put("address", u.id());
        info.put("accessPointId", u.poaId());
        info.put("zoneId", u.zoneId());
        info.put("resourceURL", base + "/queries/users?address=" + u.id());
        info.set("timestamp", timestamp);
        ObjectNode loc = Json.locationInfo(u.location());
        if (u.speedMps() > 0) {
            ObjectNode v = loc.putObject("velocity");
            v.put("velocityType", 1); // HORIZONTAL
            v.put("bearing", (int) Math.round(u.bearingDegrees()) % 360);
            v.put("horizontalSpeed", (int) Math.round(u.speedMps() * 3.6)); // km/h, as MEC 013 and 3GPP TS 23.032 give it
        }
        info.set("locationInfo", loc);
        return info;
    }

    private void zones(Context ctx, String root) {
        QueryParams.of(ctx, Set.of());
        String base = Urls.base(ctx, root);
        MobilitySnapshot s = control.snapshot();
        ObjectNode zoneList = Json.object();
        ArrayNode zone = zoneList.putArray("zone");
        for (Zone z : control.scenario().locationZones()) {
            zone.add(zoneInfo(z, s, base));
        }
        zoneList.put("resourceURL", base + "/queries/zones");
        ObjectNode body = Json.object();
        body.set("zoneList", zoneList);
        Json.write(ctx, 200, body);
    }

    private void zone(Context ctx, String root) {
        QueryParams.of(ctx, Set.of());
        Zone z = zoneOr404(ctx.pathParam("zoneId"));
        ObjectNode body = Json.object();
        body.set("zoneInfo", zoneInfo(z, control.snapshot(), Urls.base(ctx, root)));
        Json.write(ctx, 200, body);
    }

    private ObjectNode zoneInfo(Zone z, MobilitySnapshot s, String base) {
        ObjectNode info = Json.object();
        info.put("zoneId", z.id());
        info.put("numberOfAccessPoints", z.pointsOfAccess().size());
        info.put("numberOfUnserviceableAccessPoints", 0);
        info.put("numberOfUsers", s.ues().stream().filter(u -> z.id().equals(u.zoneId())).count());
        info.put("resourceURL", base + "/queries/zones/" + z.id());
        return info;
    }

    private void accessPoints(Context ctx, String root) {
        QueryParams q = QueryParams.of(ctx, Set.of("interestRealm"));
        Zone z = zoneOr404(ctx.pathParam("zoneId"));
        String base = Urls.base(ctx, root);
        MobilitySnapshot s = control.snapshot();
        List<String> realms = q.all("interestRealm");
        ObjectNode list = Json.object();
        list.put("zoneId", z.id());
        ArrayNode aps = list.putArray("accessPoint");
        for (PointOfAccess p : z.pointsOfAccess()) {
            if (realms.isEmpty() || realms.contains(z.id())) {
                aps.add(accessPointInfo(p, s, base));
            }
        }
        list.put("resourceURL", base + "/queries/zones/" + z.id() + "/accessPoints");
        ObjectNode body = Json.object();
        body.set("accessPointList", list);
        Json.write(ctx, 200, body);
    }

    private void accessPoint(Context ctx, String root) {
        QueryParams.of(ctx, Set.of());
        Zone z = zoneOr404(ctx.pathParam("zoneId"));
        String id = ctx.pathParam("accessPointId");
        PointOfAccess p = z.pointsOfAccess().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no access point '" + id + "' in zone " + z.id()
                        + ": list them with GET .../queries/zones/" + z.id() + "/accessPoints"));
        ObjectNode body = Json.object();
        body.set("accessPointInfo", accessPointInfo(p, control.snapshot(), Urls.base(ctx, root)));
        Json.write(ctx, 200, body);
    }

    private static ObjectNode accessPointInfo(PointOfAccess p, MobilitySnapshot s, String base) {
        ObjectNode info = Json.object();
        info.put("accessPointId", p.id());
        info.set("locationInfo", Json.locationInfo(p.location()));
        info.put("connectionType", p.radio().connectionType());
        info.put("operationStatus", "Serviceable");
        info.put("numberOfUsers", s.ues().stream().filter(u -> p.id().equals(u.poaId())).count());
        info.put("interestRealm", p.zoneId());
        info.put("resourceURL", base + "/queries/zones/" + p.zoneId() + "/accessPoints/" + p.id());
        return info;
    }

    private void distance(Context ctx) {
        QueryParams q = QueryParams.of(ctx, DISTANCE_PARAMS);
        List<String> addresses = q.all("address");
        Double lat = q.number("latitude");
        Double lon = q.number("longitude");
        if (addresses.isEmpty() || addresses.size() > 2) {
            throw ApiProblem.badRequest("distance needs one or two 'address' values, got " + addresses.size()
                    + ": give address=A&address=B, or address=A&latitude=..&longitude=..");
        }
        GeoPoint a = locate(addresses.get(0));
        GeoPoint b;
        if (addresses.size() == 2) {
            b = locate(addresses.get(1));
        } else if (lat != null && lon != null) {
            try {
                b = new GeoPoint(lon, lat);
            } catch (RuntimeException e) {
                throw ApiProblem.badRequest(e.getMessage());
            }
        } else {
            throw ApiProblem.badRequest("distance from one address needs both latitude and longitude");
        }
        ObjectNode d = Json.object();
        d.put("distance", Math.round(Geo.distanceMeters(a, b)));
        d.set("timestamp", Json.timestamp(Instant.now()));
        ObjectNode body = Json.object();
        body.set("terminalDistance", d);
        Json.write(ctx, 200, body);
    }

    private GeoPoint locate(String address) {
        String id = Addresses.ueId(address);
        return control.ue(id).map(UeState::location).orElseThrow(() -> ApiProblem.notFound(
                "no active UE with address '" + address + "': list UEs with GET .../queries/users"));
    }

    private Zone zoneOr404(String zoneId) {
        return control.scenario().zone(zoneId).filter(z -> !z.pointsOfAccess().isEmpty())
                .orElseThrow(() -> ApiProblem.notFound("no zone '" + zoneId
                        + "': list the zones with GET .../queries/zones"));
    }
}
