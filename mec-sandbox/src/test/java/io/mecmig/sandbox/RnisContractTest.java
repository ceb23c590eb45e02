package io.mecmig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mecmig.sandbox.HttpTestClient.Response;
import io.mecmig.sandbox.mobility.UeState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RNIS v2 queries: wrappers and field names as ETSI MEC 012 and the ETSI sandbox give them. */
class RnisContractTest {
    private static MecSandbox sandbox;
    private static final HttpTestClient HTTP = new HttpTestClient();

    @BeforeAll
    static void start() {
        sandbox = MecSandbox.builder().bindAddress("127.0.0.1").paused().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void rabInfoListsExactlyTheUesOn4gCellsWithQci80AndTheOperatorPlmn() {
        sandbox.control().step(5);
        Response r = HTTP.get(sandbox.rniUrl() + "/queries/rab_info?app_ins_id=ba-1");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("appInstanceId").asText()).isEqualTo("ba-1");
        assertThat(body.get("timeStamp").get("seconds").isIntegralNumber()).isTrue();
        Map<String, String> cellOfUe = new HashMap<>();
        for (JsonNode cell : body.get("cellUserInfo")) {
            JsonNode ecgi = cell.get("ecgi");
            assertThat(ecgi.get("plmn").get("mcc").asText()).isEqualTo("001");
            assertThat(ecgi.get("plmn").get("mnc").asText()).isEqualTo("001");
            for (JsonNode ue : cell.get("ueInfo")) {
                JsonNode assoc = ue.get("associateId").get(0);
                assertThat(assoc.get("type").asInt()).isEqualTo(1);
                JsonNode erab = ue.get("erabInfo").get(0);
                assertThat(erab.get("erabId").isInt()).isTrue();
                assertThat(erab.get("erabQosParameters").get("qci").asInt()).isEqualTo(80);
                cellOfUe.put(assoc.get("value").asText(), ecgi.get("cellId").asText());
            }
        }
        Map<String, String> expected = new HashMap<>();
        for (UeState u : sandbox.control().snapshot().ues()) {
            if (u.on4g()) {
                expected.put(u.id(), u.poa().cellId());
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(cellOfUe).isEqualTo(expected);
    }

    @Test
    void rabInfoFilters() {
        UeState on4g = sandbox.control().snapshot().ues().stream().filter(UeState::on4g).findFirst().orElseThrow();
        JsonNode byUe = HTTP.get(sandbox.rniUrl() + "/queries/rab_info?ue_ipv4_address=" + on4g.id()).json();
        assertThat(byUe.get("cellUserInfo").size()).isEqualTo(1);
        assertThat(byUe.at("/cellUserInfo/0/ueInfo/0/associateId/0/value").asText()).isEqualTo(on4g.id());
        JsonNode byCell = HTTP.get(sandbox.rniUrl() + "/queries/rab_info?cell_id=" + on4g.poa().cellId()).json();
        assertThat(byCell.get("cellUserInfo").size()).isEqualTo(1);
        assertThat(byCell.at("/cellUserInfo/0/ecgi/cellId").asText()).isEqualTo(on4g.poa().cellId());
        assertThat(HTTP.get(sandbox.rniUrl() + "/queries/rab_info?qci=7").json().get("cellUserInfo").size()).isZero();
        assertThat(HTTP.get(sandbox.rniUrl() + "/queries/rab_info?erab_id=" + on4g.erabId()).json()
                .at("/cellUserInfo/0/ueInfo/0/erabInfo/0/erabId").asInt()).isEqualTo(on4g.erabId());
        Response bad = HTTP.get(sandbox.rniUrl() + "/queries/rab_info?cell=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void plmnInfoAndLayer2Meas() {
        JsonNode plmn = HTTP.get(sandbox.rniUrl() + "/queries/plmn_info?app_ins_id=a1").json();
        assertThat(plmn.isArray()).isTrue();
        assertThat(plmn.get(0).get("appInstanceId").asText()).isEqualTo("a1");
        assertThat(plmn.get(0).get("plmn").get(0).get("mcc").asText()).isEqualTo("001");
        assertThat(plmn.get(0).get("plmn").get(0).get("mnc").asText()).isEqualTo("001");
        assertThat(plmn.get(0).at("/timeStamp/seconds").isIntegralNumber()).isTrue();
        assertThat(HTTP.get(sandbox.rniUrl() + "/queries/plmn_info").status()).isEqualTo(400);
        JsonNode l2 = HTTP.get(sandbox.rniUrl() + "/queries/layer2_meas").json();
        assertThat(l2.get("cellInfo").size()).isEqualTo(10);
        assertThat(l2.at("/cellInfo/0/ecgi/cellId").isTextual()).isTrue();
        long on4g = sandbox.control().snapshot().ues().stream().filter(UeState::on4g).count();
        assertThat(l2.get("cellUEInfo").size()).isEqualTo((int) on4g);
        int active = 0;
        for (JsonNode cell : l2.get("cellInfo")) {
            assertThat(cell.at("/ecgi/plmn/mcc").asText()).isEqualTo("001");
            for (String f : new String[] {"number_of_active_ue_dl_nongbr_cell", "number_of_active_ue_ul_nongbr_cell",
                "dl_gbr_prb_usage_cell", "ul_gbr_prb_usage_cell"}) {
                assertThat(cell.get(f).isInt()).as(f).isTrue();
            }
            active += cell.get("number_of_active_ue_dl_nongbr_cell").asInt();
        }
        assertThat(active).isEqualTo((int) on4g);
        for (JsonNode ue : l2.get("cellUEInfo")) {
            assertThat(ue.at("/associateId/type").asInt()).isEqualTo(1);
            UeState state = sandbox.control().ue(ue.at("/associateId/value").asText()).orElseThrow();
            assertThat(ue.at("/ecgi/cellId").asText()).isEqualTo(state.poa().cellId());
        }
        assertThat(l2.at("/timeStamp/seconds").isIntegralNumber()).isTrue();
    }

    @Test
    void layer2MeasTakesEveryMec012FilterAndReportsTheWholeCell() {
        UeState on4g = sandbox.control().snapshot().ues().stream().filter(UeState::on4g).findFirst().orElseThrow();
        String cell = on4g.poa().cellId();
        long onCell = sandbox.control().snapshot().ues().stream().filter(u -> on4g.poaId().equals(u.poaId())).count();
        String l2 = sandbox.rniUrl() + "/queries/layer2_meas";
        JsonNode byUe = HTTP.get(l2 + "?ue_ipv4_address=" + on4g.id()).json();
        assertThat(byUe.get("cellInfo").size()).isEqualTo(1);
        assertThat(byUe.at("/cellInfo/0/ecgi/cellId").asText()).isEqualTo(cell);
        assertThat(byUe.at("/cellInfo/0/number_of_active_ue_dl_nongbr_cell").asInt()).isEqualTo((int) onCell);
        assertThat(byUe.get("cellUEInfo").size()).isEqualTo(1);
        assertThat(byUe.at("/cellUEInfo/0/associateId/value").asText()).isEqualTo(on4g.id());
        JsonNode byCount = HTTP.get(l2 + "?number_of_active_ue_dl_nongbr_cell=" + onCell).json().get("cellInfo");
        assertThat(byCount).isNotEmpty().anySatisfy(c -> assertThat(c.at("/ecgi/cellId").asText()).isEqualTo(cell))
                .allSatisfy(c -> assertThat(c.get("number_of_active_ue_dl_nongbr_cell").asLong()).isEqualTo(onCell));
        // Spec filters on what no UE here has or the sandbox does not measure: accepted, match nothing.
        for (String f : new String[] {"ue_ipv6_address=2001:db8::1", "gtp_teid=1", "dl_gbr_delay_ue=5", "dl_gbr_pdr_cell=0"}) {
            Response r = HTTP.get(l2 + "?" + f);
            assertThat(r.status()).as(f).isEqualTo(200);
            assertThat(r.json().get("cellInfo").size()).as(f).isZero();
        }
        assertThat(HTTP.get(l2 + "?dl_gbr_prb_usage_cell=0").json().get("cellInfo").size()).isEqualTo(10);
        assertThat(HTTP.get(l2 + "?dl_gbr_prb_usage_cell=high").status()).isEqualTo(400);
        assertThat(HTTP.get(l2 + "?cellId=1").status()).isEqualTo(400);
    }

    @Test
    void subscriptionListTakesEveryMec012TypeAndRefusesOthers() {
        Response created = HTTP.post(sandbox.rniUrl() + "/subscriptions",
                "{\"subscriptionType\": \"CellChangeSubscription\", \"callbackReference\": \"http://127.0.0.1:9/cc\"}");
        assertThat(created.status()).isEqualTo(201);
        String self = created.json().at("/_links/self/href").asText();
        JsonNode other = HTTP.get(sandbox.rniUrl() + "/subscriptions?subscription_type=rab_est").json();
        assertThat(other.at("/_links/subscription").isArray()).isTrue();
        assertThat(other.at("/_links/subscription").size()).isZero();
        JsonNode cellChange = HTTP.get(sandbox.rniUrl() + "/subscriptions?subscription_type=cell_change").json();
        assertThat(cellChange.at("/_links/subscription/0/href").asText()).isEqualTo(self);
        assertThat(HTTP.delete(self).status()).isEqualTo(204);
        Response bad = HTTP.get(sandbox.rniUrl() + "/subscriptions?subscription_type=handover");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("cell_change", "s1_bearer");
    }
}
