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
import io.mecmig.sandbox.mobility.UeState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * MEC 012 v2 CellChangeSubscription and its CellChangeNotification, sent when a UE's 4G cell (ECGI)
 * changes. A side that is not a 4G cell is reported with the operator's default cell id.
 */
final class RnisSubscriptions implements MobilityListener {
    private static final String CELL_CHANGE = "CellChangeSubscription";
    /** MEC 012 HoStatus COMPLETED: the sandbox reports handovers once they are done. */
    private static final int HO_COMPLETED = 3;

    /** The subscription_type values MEC 012 permits on the list query. */
    private static final List<String> LIST_TYPES = List.of("cell_change", "rab_est", "rab_mod", "rab_rel", "meas_rep_ue",
            "nr_meas_rep_ue", "timing_advance_ue", "ca_reconf", "s1_bearer");

    private final SandboxControl control;
    private final NotificationSender sender;
    private final SubscriptionStore<Sub> store = new SubscriptionStore<>();

    RnisSubscriptions(SandboxControl control, NotificationSender sender) {
        this.control = control;
        this.sender = sender;
    }

    /** A cell change subscription and what it matches (empty sets match everything). */
    private record Sub(ObjectNode json, String callback, Set<String> ues, Set<String> cells, Set<Integer> hoStatus) {
    }

    void register(Javalin app, String root) {
        app.post(root + "/subscriptions", ctx -> create(ctx, root));
        app.get(root + "/subscriptions", ctx -> list(ctx, root));
        app.get(root + "/subscriptions/{subscriptionId}", this::get);
        app.delete(root + "/subscriptions/{subscriptionId}", this::delete);
    }

    private void create(Context ctx, String root) {
        ObjectNode sub = Json.readObject(ctx);
        if (!CELL_CHANGE.equals(sub.path("subscriptionType").asText())) {
            throw ApiProblem.badRequest("subscriptionType must be \"" + CELL_CHANGE
                    + "\" (the only RNIS subscription this sandbox serves), got " + sub.get("subscriptionType"));
        }
        JsonNode callback = sub.get("callbackReference");
        if (callback == null || !callback.isTextual()
                || !(callback.asText().startsWith("http://") || callback.asText().startsWith("https://"))) {
            throw ApiProblem.badRequest("callbackReference must be the http(s) URL your app serves notifications on");
        }
        JsonNode filter = sub.path("filterCriteriaAssocHo");
        if (!filter.isMissingNode() && !filter.isObject()) {
            throw ApiProblem.badRequest("filterCriteriaAssocHo must be an object");
        }
        Set<String> ues = new HashSet<>();
        filter.path("associateId").forEach(a -> ues.add(a.path("value").asText()));
        Set<String> cells = new HashSet<>();
        filter.path("ecgi").forEach(e -> cells.add(e.path("cellId").asText()));
        Set<Integer> ho = new HashSet<>();
        for (JsonNode h : filter.path("hoStatus")) {
            if (!h.isInt() || h.asInt() < 1 || h.asInt() > 5) {
                throw ApiProblem.badRequest("hoStatus values are 1 to 5 (3 = COMPLETED), got " + h);
            }
            ho.add(h.asInt());
        }
        long id = store.newId();
        String url = Urls.base(ctx, root) + "/subscriptions/" + id;
        sub.putObject("_links").putObject("self").put("href", url);
        store.put(id, new Sub(sub, callback.asText(), ues, cells, ho));
        ctx.header("Location", url);
        Json.write(ctx, 201, sub);
    }

    private void list(Context ctx, String root) {
        QueryParams q = QueryParams.of(ctx, Set.of("subscription_type"));
        String type = q.single("subscription_type");
        if (type != null && !LIST_TYPES.contains(type)) {
            throw ApiProblem.badRequest("subscription_type '" + type + "' is not a MEC 012 subscription type: use one of "
                    + String.join(", ", LIST_TYPES));
        }
        boolean cellChange = type == null || type.equals("cell_change"); // the only type this sandbox serves
        ObjectNode body = Json.object();
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", Urls.base(ctx, root) + "/subscriptions");
        ArrayNode subs = links.putArray("subscription");
        for (Sub s : cellChange ? store.all() : List.<Sub>of()) {
            ObjectNode link = subs.addObject();
            link.put("href", s.json().path("_links").path("self").path("href").asText());
            link.put("subscriptionType", CELL_CHANGE);
        }
        Json.write(ctx, 200, body);
    }

    private void get(Context ctx) {
        Json.write(ctx, 200, store.get(ctx.pathParam("subscriptionId")).orElseThrow(() -> missing(ctx)).json());
    }

    private void delete(Context ctx) {
        if (!store.remove(ctx.pathParam("subscriptionId"))) {
            throw missing(ctx);
        }
        ctx.status(204);
    }

    private static ApiProblem missing(Context ctx) {
        return ApiProblem.notFound("no RNIS subscription '" + ctx.pathParam("subscriptionId")
                + "': list them with GET .../rni/v2/subscriptions");
    }

    @Override
    public void onTick(MobilitySnapshot snapshot, List<MobilityEvent> events) {
        List<Sub> subs = store.all();
        if (subs.isEmpty() || events.isEmpty()) {
            return;
        }
        for (MobilityEvent e : events) {
            String src = cellOf(e.before());
            String trg = cellOf(e.after());
            if (Objects.equals(src, trg)) {
                continue;
            }
            for (Sub s : subs) {
                boolean ueMatch = s.ues().isEmpty() || s.ues().contains(e.ueId());
                boolean cellMatch = s.cells().isEmpty() || s.cells().contains(src) || s.cells().contains(trg);
                boolean hoMatch = s.hoStatus().isEmpty() || s.hoStatus().contains(HO_COMPLETED);
                if (ueMatch && cellMatch && hoMatch) {
                    sender.post(s.callback(), notification(s, e, src, trg));
                }
            }
        }
    }

    private ObjectNode notification(Sub s, MobilityEvent e, String src, String trg) {
        String fallback = control.scenario().defaultCellId();
        ObjectNode n = Json.object();
        n.put("notificationType", "CellChangeNotification");
        n.set("associateId", Json.array().add(RnisQueries.associateId(e.after())));
        n.put("hoStatus", HO_COMPLETED);
        n.set("srcEcgi", RnisQueries.ecgi(control.scenario(), src == null ? fallback : src));
        n.set("trgEcgi", Json.array().add(RnisQueries.ecgi(control.scenario(), trg == null ? fallback : trg)));
        n.set("timeStamp", Json.timestamp(Instant.now()));
        ObjectNode links = n.putObject("_links");
        links.putObject("subscription").put("href", s.json().path("_links").path("self").path("href").asText());
        return n;
    }

    private static String cellOf(UeState u) {
        return u.on4g() ? u.poa().cellId() : null;
    }
}
