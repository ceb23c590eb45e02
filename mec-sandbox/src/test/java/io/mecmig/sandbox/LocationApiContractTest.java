package io.mecmig.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mecmig.sandbox.HttpTestClient.Response;
import io.mecmig.sandbox.mobility.UeState;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Location API's wrappers, field names and types, as ETSI MEC 013 v2 and the ETSI sandbox give them. */
class LocationApiContractTest {
    private static MecSandbox sandbox;
    private static final HttpTestClient HTTP = new HttpTestClient();

    @BeforeAll
    static void start() {
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").paused().start();
        sandbox.control().step(20);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String loc() {
        return sandbox.locationUrl();
    }

    @Test
    void usersListEveryConnectedUeWithItsZoneAndAccessPoint() {
        Response r = HTTP.get(loc() + "/queries/users");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode list = r.json().get("userList");
        assertThat(list.get("resourceURL").asText()).isEqualTo(loc() + "/queries/users");
        JsonNode users = list.get("user");
        long connected = sandbox.control().snapshot().ues().stream().filter(UeState::connected).count();
        assertThat(users.size()).isEqualTo((int) connected).isGreaterThan(0);
        for (JsonNode u : users) {
            assertThat(u.get("address").isTextual()).isTrue();
            assertThat(u.get("accessPointId").isTextual()).isTrue();
            assertThat(u.get("zoneId").asText()).matches("zone0[1-4]");
            assertThat(u.get("resourceURL").asText()).startsWith(loc() + "/queries/users?address=");
            assertThat(u.get("timestamp").get("seconds").isIntegralNumber()).isTrue();
            assertThat(u.get("timestamp").get("nanoSeconds").isIntegralNumber()).isTrue();
            JsonNode li = u.get("locationInfo");
            assertThat(li.get("latitude").get(0).isNumber()).isTrue();
            assertThat(li.get("longitude").get(0).isNumber()).isTrue();
            assertThat(li.get("shape").asInt()).isEqualTo(2);
            UeState state = sandbox.control().ue(u.get("address").asText()).orElseThrow();
            assertThat(u.get("accessPointId").asText()).isEqualTo(state.poaId());
            assertThat(u.get("zoneId").asText()).isEqualTo(state.zoneId());
            assertThat(li.get("latitude").get(0).asDouble()).isCloseTo(state.location().latitude(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void usersFilterByZoneAccessPointAndAddress() {
        UeState some = sandbox.control().snapshot().ues().stream().filter(UeState::connected).findFirst().orElseThrow();
        JsonNode byZone = HTTP.get(loc() + "/queries/users?zoneId=" + some.zoneId()).json().at("/userList/user");
        assertThat(byZone.size()).isPositive();
        byZone.forEach(u -> assertThat(u.get("zoneId").asText()).isEqualTo(some.zoneId()));
        JsonNode byAp = HTTP.get(loc() + "/queries/users?accessPointId=" + some.poaId()).json().at("/userList/user");
        byAp.forEach(u -> assertThat(u.get("accessPointId").asText()).isEqualTo(some.poaId()));
        assertThat(byAp.size()).isPositive();
        JsonNode byAddress = HTTP.get(loc() + "/queries/users?address=acr:" + some.id()).json().at("/userList/user");
        assertThat(byAddress.size()).isEqualTo(1);
        assertThat(byAddress.get(0).get("address").asText()).isEqualTo(some.id());
        JsonNode bare = HTTP.get(loc() + "/queries/users?address=" + some.id()).json().at("/userList/user");
        assertThat(bare.size()).isEqualTo(1);
    }

    @Test
    void zonesListTheFourZonesWithCounts() {
        Response r = HTTP.get(loc() + "/queries/zones");
        JsonNode zones = r.json().get("zoneList").get("zone");
        Set<String> ids = new HashSet<>();
        int users = 0;
        for (JsonNode z : zones) {
            ids.add(z.get("zoneId").asText());
            assertThat(z.get("numberOfAccessPoints").isInt()).isTrue();
            assertThat(z.get("numberOfUnserviceableAccessPoints").asInt()).isZero();
            assertThat(z.get("numberOfUsers").isIntegralNumber()).isTrue();
            assertThat(z.get("resourceURL").asText()).isEqualTo(loc() + "/queries/zones/" + z.get("zoneId").asText());
            users += z.get("numberOfUsers").asInt();
        }
        assertThat(ids).containsExactlyInAnyOrder("zone01", "zone02", "zone03", "zone04");
        assertThat(r.json().at("/zoneList/resourceURL").asText()).isEqualTo(loc() + "/queries/zones");
        assertThat(users).isEqualTo(r.json().at("/zoneList/zone").size() > 0
                ? (int) sandbox.control().snapshot().ues().stream().filter(UeState::connected).count() : -1);
        JsonNode zone01 = HTTP.get(loc() + "/queries/zones/zone01").json().get("zoneInfo");
        assertThat(zone01.get("zoneId").asText()).isEqualTo("zone01");
        assertThat(zone01.get("numberOfAccessPoints").asInt()).isEqualTo(8);
    }

    @Test
    void accessPointsOfAZone() {
        JsonNode list = HTTP.get(loc() + "/queries/zones/zone02/accessPoints").json().get("accessPointList");
        assertThat(list.get("zoneId").asText()).isEqualTo("zone02");
        assertThat(list.get("resourceURL").asText()).isEqualTo(loc() + "/queries/zones/zone02/accessPoints");
        JsonNode aps = list.get("accessPoint");
        assertThat(aps.size()).isEqualTo(11);
        Set<String> types = new HashSet<>();
        for (JsonNode ap : aps) {
            assertThat(ap.get("accessPointId").isTextual()).isTrue();
            assertThat(ap.get("operationStatus").asText()).isEqualTo("Serviceable");
            assertThat(ap.get("numberOfUsers").isIntegralNumber()).isTrue();
            assertThat(ap.get("locationInfo").get("latitude").get(0).isNumber()).isTrue();
            assertThat(ap.get("resourceURL").asText()).endsWith("/accessPoints/" + ap.get("accessPointId").asText());
            types.add(ap.get("connectionType").asText());
        }
        assertThat(types).containsExactlyInAnyOrder("Macro", "Smallcell", "Wifi");
        JsonNode one = HTTP.get(loc() + "/queries/zones/zone02/accessPoints/wifi-ap-3").json().get("accessPointInfo");
        assertThat(one.get("accessPointId").asText()).isEqualTo("wifi-ap-3");
        assertThat(one.get("connectionType").asText()).isEqualTo("Wifi");
    }

    @Test
    void distanceBetweenTwoUesAndToAPoint() {
        JsonNode d = HTTP.get(loc() + "/queries/distance?address=10.1.0.1&address=10.1.0.4").json().get("terminalDistance");
        // 10.1.0.1 and 10.1.0.4 are stationary; haversine of their scenario coordinates is 1864.76 m.
        assertThat(d.get("distance").asInt()).isEqualTo(1865);
        assertThat(d.get("timestamp").get("seconds").isIntegralNumber()).isTrue();
        JsonNode zero = HTTP.get(loc() + "/queries/distance?address=10.1.0.1&latitude=43.736515&longitude=7.421802")
                .json().get("terminalDistance");
        assertThat(zero.get("distance").asInt()).isZero();
    }

    @Test
    void movingUsersCarryTheirVelocityAndStationaryOnesNone() {
        for (JsonNode u : HTTP.get(loc() + "/queries/users").json().at("/userList/user")) {
            UeState state = sandbox.control().ue(u.get("address").asText()).orElseThrow();
            JsonNode v = u.at("/locationInfo/velocity");
            if (state.speedMps() == 0) {
                assertThat(v.isMissingNode()).as(state.id()).isTrue();
                continue;
            }
            assertThat(v.get("velocityType").asInt()).isEqualTo(1); // HORIZONTAL
            assertThat(v.get("bearing").isInt()).isTrue();
            assertThat(v.get("bearing").asInt()).isBetween(0, 359);
            assertThat(v.get("horizontalSpeed").isInt()).isTrue();
            // km/h: the high-velocity UEs drive 20 m/s = 72 km/h, the low-velocity ones 9 m/s = 32 km/h.
            assertThat(v.get("horizontalSpeed").asInt()).isEqualTo((int) Math.round(state.speedMps() * 3.6))
                    .isIn(72, 32);
        }
    }

    @Test
    void oneAccessPointHasEveryFieldOfTheList() {
        JsonNode fromList = HTTP.get(loc() + "/queries/zones/zone04/accessPoints").json().at("/accessPointList/accessPoint/0");
        String id = fromList.get("accessPointId").asText();
        JsonNode one = HTTP.get(loc() + "/queries/zones/zone04/accessPoints/" + id).json().get("accessPointInfo");
        assertThat(one).isEqualTo(fromList);
        assertThat(one.get("interestRealm").asText()).isEqualTo("zone04");
        assertThat(one.get("locationInfo").get("shape").asInt()).isEqualTo(2);
        assertThat(one.get("resourceURL").asText()).isEqualTo(loc() + "/queries/zones/zone04/accessPoints/" + id);
    }

    @Test
    void withoutASandboxNameTheApisSitAtTheRootAndUnderMep1() {
        try (MecSandbox plain = MecSandbox.builder().bindAddress("127.0.0.1").paused().start()) {
            String root = "http://127.0.0.1:" + plain.port();
            assertThat(plain.locationUrl()).isEqualTo(root + "/location/v2");
            for (String prefix : new String[] {"", "/mep1"}) {
                Response users = HTTP.get(root + prefix + "/location/v2/queries/users");
                assertThat(users.status()).isEqualTo(200);
                assertThat(users.json().at("/userList/resourceURL").asText()).isEqualTo(root + prefix + "/location/v2/queries/users");
                assertThat(HTTP.get(root + prefix + "/rni/v2/queries/rab_info").status()).isEqualTo(200);
            }
            assertThat(HTTP.get(root + "/sbx/location/v2/queries/users").status()).isEqualTo(404);
        }
    }

    @Test
    void mep1PrefixServesTheSameApi() {
        Response r = HTTP.get(sandbox.baseUrl() + "/mep1/location/v2/queries/zones");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/zoneList/zone").size()).isEqualTo(4);
    }
}
