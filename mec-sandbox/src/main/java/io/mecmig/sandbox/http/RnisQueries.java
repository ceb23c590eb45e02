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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** MEC 012 layer2_meas filters on cell measurements (whole numbers). */
    private static final List<String> L2_CELL_MEASUREMENTS = List.of("dl_gbr_prb_usage_cell", "ul_gbr_prb_usage_cell",
            "dl_nongbr_prb_usage_cell", "ul_nongbr_prb_usage_cell", "dl_total_prb_usage_cell", "ul_total_prb_usage_cell",
            "received_dedicated_preambles_cell", "received_randomly_selected_preambles_low_range_cell",
            "received_randomly_selected_preambles_high_range_cell", "number_of_active_ue_dl_gbr_cell",
            "number_of_active_ue_ul_gbr_cell", "number_of_active_ue_dl_nongbr_cell", "number_of_active_ue_ul_nongbr_cell",
            "dl_gbr_pdr_cell", "ul_gbr_pdr_cell", "dl_nongbr_pdr_cell", "ul_nongbr_pdr_cell");
    /** MEC 012 layer2_meas filters on per-UE measurements, which the sandbox does not report: they match nothing. */
    private static final List<String> L2_UE_MEASUREMENTS = List.of("dl_gbr_delay_ue", "ul_gbr_delay_ue",
            "dl_nongbr_delay_ue", "ul_nongbr_delay_ue", "dl_gbr_pdr_ue", "ul_gbr_pdr_ue", "dl_nongbr_pdr_ue",
            "ul_nongbr_pdr_ue", "dl_gbr_throughput_ue", "ul_gbr_throughput_ue", "dl_nongbr_throughput_ue",
            "ul_nongbr_throughput_ue", "dl_gbr_data_volume_ue", "ul_gbr_data_volume_ue", "dl_nongbr_data_volume_ue",
            "ul_nongbr_data_volume_ue");
    /** UE identities no UE here has (no IPv6, no NAT, no GTP tunnel shown): they match nothing. */
    private static final Set<String> NEVER_MATCH_UE = Set.of("ue_ipv6_address", "nated_ip_address", "gtp_teid");
    private static final Set<String> L2_PARAMS = l2Params();

    private final SandboxControl control;

    private static Set<String> l2Params() {
        Set<String> all = new HashSet<>(Set.of("app_ins_id", "cell_id", "ue_ipv4_address"));
        all.addAll(NEVER_MATCH_UE);
        all.addAll(L2_CELL_MEASUREMENTS);
        all.addAll(L2_UE_MEASUREMENTS);
        return Set.copyOf(all);
    }

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
        QueryParams q = QueryParams.of(ctx, L2_PARAMS);
        Set<String> cells = new HashSet<>(q.all("cell_id"));
        Set<String> ues = new HashSet<>(q.all("ue_ipv4_address"));
        Map<String, Integer> cellValues = new HashMap<>();
        for (String name : L2_CELL_MEASUREMENTS) {
            Integer v = integer(q, name);
            if (v != null) {
                cellValues.put(name, v);
            }
        }
        boolean none = NEVER_MATCH_UE.stream().anyMatch(q::has);
        for (String name : L2_UE_MEASUREMENTS) {
            none |= integer(q, name) != null;
        }
        Scenario scenario = control.scenario();
        MobilitySnapshot s = control.snapshot();
        ObjectNode body = Json.object();
        ArrayNode cellInfo = body.putArray("cellInfo");
        ArrayNode cellUeInfo = body.putArray("cellUEInfo");
        for (PointOfAccess cell : fourGCells(scenario)) {
            if (none || (!cells.isEmpty() && !cells.contains(cell.cellId()))) {
                continue;
            }
            List<UeState> on = new ArrayList<>();
            for (UeState u : s.ues()) {
                if (cell.id().equals(u.poaId())) {
                    on.add(u);
                }
            }
            List<UeState> listed = on.stream().filter(u -> ues.isEmpty() || ues.contains(u.id())).toList();
            if (!ues.isEmpty() && listed.isEmpty()) {
                continue;
            }
            ObjectNode c = Json.object();
            c.set("ecgi", ecgi(scenario, cell.cellId()));
            c.put("number_of_active_ue_dl_nongbr_cell", on.size());
            c.put("number_of_active_ue_ul_nongbr_cell", on.size());
            c.put("dl_gbr_prb_usage_cell", 0);
            c.put("ul_gbr_prb_usage_cell", 0);
            // A filter on a measurement keeps the cells reporting that value; one the sandbox does not report matches none.
            boolean match = cellValues.entrySet().stream()
                    .allMatch(f -> c.has(f.getKey()) && c.get(f.getKey()).asInt() == f.getValue());
            if (!match) {
                continue;
            }
            cellInfo.add(c);
            for (UeState u : listed) {
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

    /** The one whole-number value of {@code name}, null when absent, 400 when it is not a whole number. */
    private static Integer integer(QueryParams q, String name) {
        String v = q.single(name);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
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
