package io.mecmig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API chooses UEs and drives the clock; the Location API follows. */
class ControlApiTest {
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
    void selectCountsStepResetAndRun() throws Exception {
        String ctl = sandbox.controlUrl();
        JsonNode ues = HTTP.put(ctl + "/ues", "{\"stationary\": 2, \"lowVelocity\": 3, \"highVelocity\": 10}").json();
        assertThat(ues.get("ues").asInt()).isEqualTo(15);
        assertThat(ues.get("ue").size()).isEqualTo(15);
        assertThat(ues.get("tick").asLong()).isZero();
        JsonNode stepped = HTTP.post(ctl + "/step?ticks=60", "").json();
        assertThat(stepped.get("tick").asLong()).isEqualTo(60);
        assertThat(stepped.get("scenarioSeconds").asDouble()).isEqualTo(60.0);
        assertThat(stepped.get("poaChanges").isArray()).isTrue();
        // The users query reflects the stepped state exactly.
        String where = sandbox.control().ue("10.100.0.7").orElseThrow().poaId();
        JsonNode u = HTTP.get(sandbox.locationUrl() + "/queries/users?address=10.100.0.7").json().at("/userList/user");
        assertThat(u.size()).isEqualTo(where == null ? 0 : 1);
        if (where != null) {
            assertThat(u.get(0).get("accessPointId").asText()).isEqualTo(where);
        }
        assertThat(HTTP.post(ctl + "/reset", "").json().get("tick").asLong()).isZero();
        HTTP.put(ctl + "/time-scale", "{\"timeScale\": 100}");
        assertThat(HTTP.post(ctl + "/start", "").json().get("running").asBoolean()).isTrue();
        Thread.sleep(500);
        JsonNode paused = HTTP.post(ctl + "/pause", "").json();
        assertThat(paused.get("running").asBoolean()).isFalse();
        // 100x for 0.5 s is about 50 ticks: allow a slow, shared machine its slack.
        assertThat(paused.get("tick").asLong()).isBetween(5L, 60L);
        JsonNode named = HTTP.put(ctl + "/ues", "{\"names\": [\"10.10.0.2\", \"10.1.0.3\"]}").json();
        assertThat(named.at("/ue/0/address").asText()).isEqualTo("10.10.0.2");
        assertThat(named.at("/ue/1/class").asText()).isEqualTo("STATIONARY");
    }
}
