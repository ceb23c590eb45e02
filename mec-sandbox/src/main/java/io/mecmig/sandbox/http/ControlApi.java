package io.mecmig.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mecmig.sandbox.SandboxControl;
import io.mecmig.sandbox.SandboxStatus;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.UeSelection;
import io.mecmig.sandbox.mobility.UeState;
import io.mecmig.sandbox.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sandbox's own control API (not an ETSI API): clock and UE population, under {@code .../control/v1}.
 * It plays the part of the ETSI MEC Sandbox's web page, where a user picks UEs and starts the scenario.
 */
final class ControlApi {
    private final SandboxControl control;

    ControlApi(SandboxControl control) {
        this.control = control;
    }

    void register(Javalin app, String root) {
        app.get(root + "/status", ctx -> Json.write(ctx, 200, status()));
        app.post(root + "/start", ctx -> {
            control.start();
            Json.write(ctx, 200, status());
        });
        app.post(root + "/pause", ctx -> {
            control.pause();
            Json.write(ctx, 200, status());
        });
        app.post(root + "/reset", ctx -> {
            control.reset();
            Json.write(ctx, 200, status());
        });
        app.post(root + "/step", this::step);
        app.put(root + "/time-scale", this::timeScale);
        app.get(root + "/ues", ctx -> Json.write(ctx, 200, ues()));
        app.put(root + "/ues", this::selectUes);
    }

    private void step(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("ticks"));
        Double n = q.number("ticks");
        int ticks = n == null ? 1 : n.intValue();
        if (n != null && (n != Math.rint(n) || ticks < 1 || ticks > 1_000_000)) {
            throw ApiProblem.badRequest("ticks must be a whole number from 1 to 1000000, got " + q.single("ticks"));
        }
        List<MobilityEvent> events = control.step(ticks);
        ObjectNode body = status();
        ArrayNode changes = body.putArray("poaChanges");
        for (MobilityEvent e : events) {
            ObjectNode c = changes.addObject();
            c.put("tick", e.tick());
            c.put("address", e.ueId());
            c.put("previousAccessPointId", e.before().poaId());
            c.put("currentAccessPointId", e.after().poaId());
            c.put("previousZoneId", e.before().zoneId());
            c.put("currentZoneId", e.after().zoneId());
        }
        Json.write(ctx, 200, body);
    }

    private void timeScale(Context ctx) {
        JsonNode scale = Json.readObject(ctx).get("timeScale");
        if (scale == null || !scale.isNumber()) {
            throw ApiProblem.badRequest("send {\"timeScale\": N} with N a number above 0 (1 = real time)");
        }
        try {
            control.timeScale(scale.asDouble());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        Json.write(ctx, 200, status());
    }

    private void selectUes(Context ctx) {
        ObjectNode body = Json.readObject(ctx);
        UeSelection selection;
        try {
            if (body.has("names")) {
                List<String> names = new ArrayList<>();
                body.get("names").forEach(n -> names.add(n.asText()));
                selection = UeSelection.named(names);
            } else if (body.has("stationary") || body.has("lowVelocity") || body.has("highVelocity")) {
                selection = UeSelection.counts(count(body, "stationary"), count(body, "lowVelocity"),
                        count(body, "highVelocity"));
            } else {
                throw ApiProblem.badRequest("send {\"stationary\": N, \"lowVelocity\": N, \"highVelocity\": N}"
                        + " or {\"names\": [\"10.100.0.1\", ...]}");
            }
            control.selectUes(selection);
        } catch (ScenarioException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        Json.write(ctx, 200, ues());
    }

    private static int count(ObjectNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null) {
            return 0;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ApiProblem.badRequest("'" + field + "' must be a whole number from 0 to " + UeSelection.MAX_PER_CLASS);
        }
        return n.intValue();
    }

    private ObjectNode status() {
        SandboxStatus s = control.status();
        ObjectNode o = Json.object();
        o.put("scenario", control.scenario().name());
        o.put("tick", s.tick());
        o.put("scenarioSeconds", s.scenarioSeconds());
        o.put("running", s.running());
        o.put("timeScale", s.timeScale());
        o.put("tickSeconds", s.tickSeconds());
        o.put("ues", s.ues());
        o.put("connectedUes", s.connectedUes());
        o.put("selection", s.selection());
        return o;
    }

    private ObjectNode ues() {
        ObjectNode o = status();
        ArrayNode list = o.putArray("ue");
        for (UeState u : control.snapshot().ues()) {
            ObjectNode e = list.addObject();
            e.put("address", u.id());
            e.put("class", u.ueClass().name());
            e.put("connected", u.connected());
            e.put("accessPointId", u.poaId());
            e.put("zoneId", u.zoneId());
            e.put("latitude", u.location().latitude());
            e.put("longitude", u.location().longitude());
            e.put("speedMps", u.speedMps());
        }
        return o;
    }
}
