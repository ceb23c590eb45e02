package io.mecmig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mecmig.sandbox.HttpTestClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get ProblemDetails with the right status, and the sandbox keeps serving. */
class BadInputTest {
    private static MecSandbox sandbox;
    private static final HttpTestClient HTTP = new HttpTestClient();

    @BeforeAll
    static void start() {
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").paused().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("title").asText()).isNotBlank();
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void unknownZoneAccessPointAndPathGive404() {
        String loc = sandbox.locationUrl();
        assertProblem(HTTP.get(loc + "/queries/zones/zone99"), 404);
        assertProblem(HTTP.get(loc + "/queries/zones/zone99/accessPoints"), 404);
        assertProblem(HTTP.get(loc + "/queries/zones/zone01/accessPoints/nope"), 404);
        assertProblem(HTTP.get(loc + "/queries/distance?address=10.9.9.9&address=10.1.0.1"), 404);
        assertProblem(HTTP.get(sandbox.baseUrl() + "/nothing/here"), 404);
        assertProblem(HTTP.get(loc + "/subscriptions/userTracking/42"), 404);
        assertProblem(HTTP.get(loc + "/subscriptions/userTracking/not-a-number"), 404);
    }

    @Test
    void aKnownPathWithTheWrongMethodGives405() {
        assertProblem(HTTP.delete(sandbox.locationUrl() + "/queries/users"), 405);
        assertProblem(HTTP.post(sandbox.rniUrl() + "/queries/rab_info", "{}"), 405);
        assertProblem(HTTP.put(sandbox.locationUrl() + "/subscriptions/zonalTraffic/1", "{}"), 405);
    }

    @Test
    void malformedAddressAndUnknownParameterGive400() {
        String loc = sandbox.locationUrl();
        assertProblem(HTTP.get(loc + "/queries/users?address=a%20b"), 400);
        assertProblem(HTTP.get(loc + "/queries/users?address=foo:bar/baz"), 400);
        assertProblem(HTTP.get(loc + "/queries/users?address=acr:"), 400);
        assertProblem(HTTP.get(loc + "/queries/users?address=acr:%3Cx%3E"), 400);
        assertProblem(HTTP.get(loc + "/queries/users?zone=zone01"), 400);
        assertProblem(HTTP.get(loc + "/queries/distance?address=10.1.0.1&latitude=x&longitude=7"), 400);
        assertProblem(HTTP.get(loc + "/queries/distance?address=10.1.0.1&latitude=95&longitude=7"), 400);
        assertProblem(HTTP.get(sandbox.rniUrl() + "/queries/rab_info?erab_id=one"), 400);
    }

    @Test
    void badSubscriptionBodiesGive400() {
        String ut = sandbox.locationUrl() + "/subscriptions/userTracking";
        assertProblem(HTTP.post(ut, ""), 400);
        assertProblem(HTTP.post(ut, "{not json"), 400);
        assertProblem(HTTP.post(ut, "[1,2]"), 400);
        assertProblem(HTTP.post(ut, "{\"userTrackingSubscription\": {\"address\": \"10.100.0.1\"}}"), 400);
        assertProblem(HTTP.post(ut, "{\"userTrackingSubscription\": {\"callbackReference\": {\"notifyURL\": \"ftp://x\"},"
                + " \"address\": \"10.100.0.1\"}}"), 400);
        assertProblem(HTTP.post(ut, "{\"userTrackingSubscription\": {\"callbackReference\": {\"notifyURL\": \"http://127.0.0.1:9/n\"},"
                + " \"address\": \"10.100.0.1\", \"userEventCriteria\": [\"Flying\"]}}"), 400);
        String zt = sandbox.locationUrl() + "/subscriptions/zonalTraffic";
        assertProblem(HTTP.post(zt, "{\"zonalTrafficSubscription\": {\"callbackReference\": {\"notifyURL\": \"http://127.0.0.1:9/n\"},"
                + " \"zoneId\": \"zone99\"}}"), 400);
        String rni = sandbox.rniUrl() + "/subscriptions";
        assertProblem(HTTP.post(rni, "{\"subscriptionType\": \"S1BearerSubscription\"}"), 400);
        assertProblem(HTTP.post(rni, "{\"subscriptionType\": \"CellChangeSubscription\"}"), 400);
        assertProblem(HTTP.post(rni, "{\"subscriptionType\": \"CellChangeSubscription\", \"callbackReference\": \"http://127.0.0.1:9/\","
                + " \"filterCriteriaAssocHo\": {\"hoStatus\": [9]}}"), 400);
    }

    @Test
    void badControlRequestsGive400AndTheSandboxKeepsServing() {
        String ctl = sandbox.controlUrl();
        assertProblem(HTTP.post(ctl + "/step?ticks=-3", ""), 400);
        assertProblem(HTTP.post(ctl + "/step?ticks=1.5", ""), 400);
        assertProblem(HTTP.put(ctl + "/time-scale", "{\"timeScale\": 0}"), 400);
        assertProblem(HTTP.put(ctl + "/time-scale", "{\"timeScale\": \"fast\"}"), 400);
        assertProblem(HTTP.put(ctl + "/ues", "{\"names\": [\"10.200.0.1\"]}"), 400);
        assertProblem(HTTP.put(ctl + "/ues", "{\"highVelocity\": 1000}"), 400);
        assertProblem(HTTP.put(ctl + "/ues", "{}"), 400);
        assertThat(HTTP.get(sandbox.locationUrl() + "/queries/users").status()).isEqualTo(200);
    }
}
