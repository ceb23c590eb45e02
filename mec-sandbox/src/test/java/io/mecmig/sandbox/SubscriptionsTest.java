package io.mecmig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mecmig.sandbox.HttpTestClient.Response;
import io.mecmig.sandbox.mobility.MobilityEvent;
import io.mecmig.sandbox.mobility.UeSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Location and RNIS subscriptions: create, list, get, delete, and the notifications a real callback receives. */
class SubscriptionsTest {
    private static final String UE = "10.100.0.1";
    private final HttpTestClient http = new HttpTestClient();
    private MecSandbox sandbox;
    private CallbackRecorder callback;

    @BeforeEach
    void start() {
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").paused()
                .ues(UeSelection.named(List.of(UE))).start();
        callback = new CallbackRecorder();
    }

    @AfterEach
    void stop() {
        callback.close();
        sandbox.close();
    }

    /** Steps until the UE's PoA changed {@code n} times; returns those changes. */
    private List<MobilityEvent> stepUntilChanges(int n, boolean zoneOnly) {
        List<MobilityEvent> out = new ArrayList<>();
        for (int t = 0; t < 3000 && out.size() < n; t++) {
            for (MobilityEvent e : sandbox.control().step(1)) {
                if (!zoneOnly || e.zoneChanged()) {
                    out.add(e);
                }
            }
        }
        assertThat(out).hasSize(n);
        return out;
    }

    @Test
    void userTrackingLifecycleAndNotifications() throws Exception {
        String subs = sandbox.locationUrl() + "/subscriptions/userTracking";
        Response created = http.post(subs, """
                {"userTrackingSubscription": {"clientCorrelator": "c1",
                  "callbackReference": {"notifyURL": "%s", "callbackData": "ue1"},
                  "address": "acr:%s", "userEventCriteria": ["Entering", "Leaving", "Transferring"]}}"""
                .formatted(callback.url("/notify"), UE));
        assertThat(created.status()).isEqualTo(201);
        String self = created.json().at("/userTrackingSubscription/resourceURL").asText();
        assertThat(self).startsWith(subs + "/");
        JsonNode list = http.get(subs).json().get("notificationSubscriptionList");
        assertThat(list.get("userTrackingSubscription").size()).isEqualTo(1);
        assertThat(list.get("resourceURL").asText()).isEqualTo(subs);
        assertThat(http.get(self).json().at("/userTrackingSubscription/address").asText()).isEqualTo("acr:" + UE);

        MobilityEvent change = stepUntilChanges(1, false).get(0);
        List<JsonNode> got = callback.await(change.zoneChanged() ? 2 : 1);
        assertThat(got).isNotEmpty();
        JsonNode n = got.get(got.size() - 1).get("zonalPresenceNotification");
        assertThat(n.get("address").asText()).isEqualTo(UE);
        assertThat(n.get("callbackData").asText()).isEqualTo("ue1");
        assertThat(n.get("currentAccessPointId").asText()).isEqualTo(Objects.toString(change.after().poaId(), ""));
        assertThat(n.get("userEventType").asText()).isEqualTo(change.zoneChanged() ? "Entering" : "Transferring");
        assertThat(n.get("timestamp").get("seconds").isIntegralNumber()).isTrue();
        assertThat(n.at("/link/0/href").asText()).isEqualTo(self);

        assertThat(http.delete(self).status()).isEqualTo(204);
        assertThat(http.get(self).status()).isEqualTo(404);
        assertThat(http.get(subs).json().at("/notificationSubscriptionList/userTrackingSubscription").size()).isZero();
    }

    @Test
    void notificationsReachTheCallbackInTheOrderTheUeMoved() throws Exception {
        Response created = http.post(sandbox.locationUrl() + "/subscriptions/userTracking", """
                {"userTrackingSubscription": {"callbackReference": {"notifyURL": "%s"}, "address": "%s"}}"""
                .formatted(callback.url("/order"), UE));
        assertThat(created.status()).isEqualTo(201);
        // What a subscriber must see, in order: Leaving the old zone before Entering the new one, tick after tick.
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < 600; t++) {
            for (MobilityEvent e : sandbox.control().step(1)) {
                String ap = Objects.toString(e.after().poaId(), "");
                if (!e.zoneChanged()) {
                    expected.add("Transferring " + e.after().zoneId() + " " + ap);
                    continue;
                }
                if (e.before().zoneId() != null) {
                    expected.add("Leaving " + e.before().zoneId() + " " + ap);
                }
                if (e.after().zoneId() != null) {
                    expected.add("Entering " + e.after().zoneId() + " " + ap);
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(20).anyMatch(s -> s.startsWith("Leaving"));
        List<String> got = new ArrayList<>();
        for (JsonNode n : callback.await(expected.size())) {
            JsonNode z = n.get("zonalPresenceNotification");
            got.add(z.get("userEventType").asText() + " " + z.get("zoneId").asText() + " " + z.get("currentAccessPointId").asText());
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void zonalTrafficNotifiesEnteringAndLeavingItsZone() throws Exception {
        MobilityEvent zoneChange = stepUntilChanges(1, true).get(0);
        sandbox.control().reset();
        String zone = zoneChange.after().zoneId();
        String subs = sandbox.locationUrl() + "/subscriptions/zonalTraffic";
        Response created = http.post(subs, """
                {"zonalTrafficSubscription": {"callbackReference": {"notifyURL": "%s"},
                  "zoneId": "%s", "userEventCriteria": ["Entering"]}}""".formatted(callback.url("/z"), zone));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/zonalTrafficSubscription/zoneId").asText()).isEqualTo(zone);
        stepUntilChanges(1, true);
        List<JsonNode> got = callback.await(1);
        assertThat(got).hasSize(1);
        JsonNode n = got.get(0).get("zonalPresenceNotification");
        assertThat(n.get("zoneId").asText()).isEqualTo(zone);
        assertThat(n.get("userEventType").asText()).isEqualTo("Entering");
        assertThat(n.get("address").asText()).isEqualTo(UE);
        assertThat(n.at("/link/0/rel").asText()).isEqualTo("ZonalTrafficSubscription");

        String self = created.json().at("/zonalTrafficSubscription/resourceURL").asText();
        assertThat(self).startsWith(subs + "/");
        assertThat(n.at("/link/0/href").asText()).isEqualTo(self);
        JsonNode list = http.get(subs).json().get("notificationSubscriptionList");
        assertThat(list.get("resourceURL").asText()).isEqualTo(subs);
        assertThat(list.get("zonalTrafficSubscription").size()).isEqualTo(1);
        assertThat(list.at("/zonalTrafficSubscription/0/resourceURL").asText()).isEqualTo(self);
        assertThat(http.get(self).json().at("/zonalTrafficSubscription/zoneId").asText()).isEqualTo(zone);
        assertThat(http.delete(self).status()).isEqualTo(204);
        assertThat(http.get(self).status()).isEqualTo(404);
        assertThat(http.get(subs).json().at("/notificationSubscriptionList/zonalTrafficSubscription").size()).isZero();
    }

    @Test
    void cellChangeSubscriptionNotifiesHandoversBetween4gCells() throws Exception {
        String subs = sandbox.rniUrl() + "/subscriptions";
        Response created = http.post(subs, """
                {"subscriptionType": "CellChangeSubscription", "callbackReference": "%s",
                 "filterCriteriaAssocHo": {"associateId": [{"type": 1, "value": "%s"}], "hoStatus": [3]}}"""
                .formatted(callback.url("/cc"), UE));
        assertThat(created.status()).isEqualTo(201);
        String self = created.json().at("/_links/self/href").asText();
        assertThat(http.get(subs).json().at("/_links/subscription/0/href").asText()).isEqualTo(self);
        assertThat(http.get(subs).json().at("/_links/subscription/0/subscriptionType").asText())
                .isEqualTo("CellChangeSubscription");
        MobilityEvent cellChange = null;
        for (int t = 0; t < 3000 && cellChange == null; t++) {
            for (MobilityEvent e : sandbox.control().step(1)) {
                String src = e.before().on4g() ? e.before().poa().cellId() : null;
                String trg = e.after().on4g() ? e.after().poa().cellId() : null;
                if (!Objects.equals(src, trg)) {
                    cellChange = e;
                }
            }
        }
        assertThat(cellChange).isNotNull();
        List<JsonNode> got = callback.await(1);
        assertThat(got).hasSize(1);
        JsonNode n = got.get(0);
        assertThat(n.get("notificationType").asText()).isEqualTo("CellChangeNotification");
        assertThat(n.at("/associateId/0/value").asText()).isEqualTo(UE);
        assertThat(n.get("hoStatus").asInt()).isEqualTo(3);
        String fallback = sandbox.control().scenario().defaultCellId();
        assertThat(n.at("/srcEcgi/cellId").asText())
                .isEqualTo(cellChange.before().on4g() ? cellChange.before().poa().cellId() : fallback);
        assertThat(n.at("/trgEcgi/0/cellId").asText())
                .isEqualTo(cellChange.after().on4g() ? cellChange.after().poa().cellId() : fallback);
        assertThat(n.at("/srcEcgi/plmn/mcc").asText()).isEqualTo("001");
        assertThat(http.delete(self).status()).isEqualTo(204);
        assertThat(http.delete(self).status()).isEqualTo(404);
    }
}
