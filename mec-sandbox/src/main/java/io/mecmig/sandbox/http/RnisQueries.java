package io.mecmig.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.mecmig.sandbox.SandboxControl;
import io.mecmig.sandbox.mobility.MobilitySnapshot;
import io.mecmig.sandbox.mobility.UeState;
import io.mecmig.sandbox.scenario.PointOfAccess;
import io.mecmig.sandbox.scenario.RadioType;
import io.mecmig.sandbox.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MEC 012 RNIS v2 queries: rab_info, plmn_info, layer2_meas. As in the ETSI MEC Sandbox, only UEs on
 * 4G cells carry an E-RAB (QCI 80, a non-GBR bearer), and cells are named by their ECGI.
 */
final class RnisQueries {
    /** QCI of every E-RAB the sandbox reports. */
    static final int QCI = 80;
    /** MEC 012 AssociateId type UE_IPv4_ADDRESS. */
    static final int UE_IPV4_ADDRESS = 1;

    private static final Set<String> RAB_PARAMS = Set.of("app_ins_id", "cell_id", "ue_ipv4_address",
            "ue_ipv6_address", "nated_ip_address", "gtp_teid", "erab_id", "qci",
            "erab_mbr_dl", "erab_mbr_ul", "erab_gbr_dl", "erab_gbr_ul");
    /** Filters on values no UE here has (no IPv6, no NAT, no GBR bearer): they match nothing. */
    private static final Set<String> NEVER_MATCH = Set.of("ue_ipv6_address", "nated_ip_address", "gtp_teid",
            "erab_mbr_dl", "erab_mbr_ul", "erab_gbr_dl", "erab_gbr_ul");

    private final SandboxControl control;

    RnisQueries(SandboxControl control) {
        this.control = control;
    }

    void register(Javalin app, String root) {
        app.get(root + "/queries/rab_info", this::rabInfo);
        app.get(root + "/queries/plmn_info", this::plmnInfo);
        app.get(root + "/queries/layer2_meas", this::layer2Meas);
    }

    private void rabInfo(Context ctx) {
        QueryParams q = QueryParams.of(ctx, RAB_PARAMS);
        Set<String> cells = new HashSet<>(q.all("cell_id"));
        Set<String> ues = new HashSet<>(q.all("ue_ipv4_address"));
        Set<Integer> erabs = integers(q, "erab_id");
        Set<Integer> qcis = integers(q, "qci");
        boolean none = NEVER_MATCH.stream().anyMatch(q::has) || (!qcis.isEmpty() && !qcis.contains(QCI));
        Scenario scenario = control.scenario();
        MobilitySnapshot s = control.snapshot();
        ObjectNode body = Json.object();
        String app = q.single("app_ins_id");
        if (app != null) {
            body.put("appInstanceId", app);
        }
        body.put("requestId", Long.toString(s.tick()));
        ArrayNode cellUserInfo = body.putArray("cellUserInfo");
        for (PointOfAccess cell : fourGCells(scenario)) {
            if (none || (!cells.isEmpty() && !cells.contains(cell.cellId()))) {
                continue;
            }
            ArrayNode ueInfo = Json.array();
            for (UeState u : s.ues()) {
                if (!cell.id().equals(u.poaId()) || (!ues.isEmpty() && !ues.contains(u.id()))
                        || (!erabs.isEmpty() && !erabs.contains(u.erabId()))) {
                    continue;
                }
                ObjectNode ue = ueInfo.addObject();
                ue.set("associateId", Json.array().add(associateId(u)));
                ObjectNode erab = ue.putArray("erabInfo").addObject();
                erab.put("erabId", u.erabId());
                erab.putObject("erabQosParameters").put("qci", QCI);
            }
            if (!ueInfo.isEmpty()) {
                ObjectNode c = cellUserInfo.addObject();
                c.set("ecgi", ecgi(scenario, cell.cellId()));
                c.set("ueInfo", ueInfo);
            }
        }
        body.set("timeStamp", Json.timestamp(Instant.now()));
        Json.write(ctx, 200, body);
    }

    private void plmnInfo(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("app_ins_id"));
        List<String> apps = q.all("app_ins_id");
        if (apps.isEmpty()) {
            throw ApiProblem.badRequest("plmn_info needs the app_ins_id query parameter: add ?app_ins_id=<your app instance id>");
        }
        ArrayNode body = Json.array();
        for (String app : apps) {
            ObjectNode info = body.addObject();
            info.put("appInstanceId", app);
            info.putArray("plmn").add(plmn(control.scenario()));
            info.set("timeStamp", Json.timestamp(Instant.now()));
        }
        Json.write(ctx, 200, body);
    }

    private void layer2Meas(Context ctx) {
        QueryParams q = QueryParams.of(ctx, Set.of("app_ins_id", "cell_id", "ue_ipv4_address"));
        Set<String> cells = new HashSet<>(q.all("cell_id"));
        Set<String> ues = new HashSet<>(q.all("ue_ipv4_address"));
        Scenario scenario = control.scenario();
        MobilitySnapshot s = control.snapshot();
        ObjectNode body = Json.object();
        ArrayNode cellInfo = body.putArray("cellInfo");
        ArrayNode cellUeInfo = body.putArray("cellUEInfo");
        for (PointOfAccess cell : fourGCells(scenario)) {
            if (!cells.isEmpty() && !cells.contains(cell.cellId())) {
                continue;
            }
            List<UeState> on = new ArrayList<>();
            for (UeState u : s.ues()) {
                if (cell.id().equals(u.poaId()) && (ues.isEmpty() || ues.contains(u.id()))) {
                    on.add(u);
                }
            }
            ObjectNode c = cellInfo.addObject();
            c.set("ecgi", ecgi(scenario, cell.cellId()));
            c.put("number_of_active_ue_dl_nongbr_cell", on.size());
            c.put("number_of_active_ue_ul_nongbr_cell", on.size());
            c.put("dl_gbr_prb_usage_cell", 0);
            c.put("ul_gbr_prb_usage_cell", 0);
            for (UeState u : on) {
                ObjectNode ue = cellUeInfo.addObject();
                ue.set("ecgi", ecgi(scenario, cell.cellId()));
                ue.set("associateId", associateId(u));
            }
        }
        body.set("timeStamp", Json.timestamp(Instant.now()));
        Json.write(ctx, 200, body);
    }

    static List<PointOfAccess> fourGCells(Scenario scenario) {
        return scenario.pointsOfAccess().stream().filter(p -> p.radio() == RadioType.LTE_4G).toList();
    }

    static ObjectNode ecgi(Scenario scenario, String cellId) {
        ObjectNode e = Json.object();
        e.put("cellId", cellId);
        e.set("plmn", plmn(scenario));
        return e;
    }

    static ObjectNode plmn(Scenario scenario) {
        ObjectNode p = Json.object();
        p.put("mcc", scenario.mcc());
        p.put("mnc", scenario.mnc());
        return p;
    }

    static ObjectNode associateId(UeState u) {
        ObjectNode a = Json.object();
        a.put("type", UE_IPV4_ADDRESS);
        a.put("value", u.id());
        return a;
    }

    private static Set<Integer> integers(QueryParams q, String name) {
        Set<Integer> out = new HashSet<>();
        for (String v : q.all(name)) {
            try {
                out.add(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, got '" + v + "'");
            }
        }
        return out;
    }
}
