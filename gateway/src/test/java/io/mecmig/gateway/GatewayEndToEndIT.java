package io.mecmig.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mecmig.sandbox.MecSandbox;
import io.mecmig.sandbox.mobility.UeState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The apps' path: client -> real Apache httpd (mod_proxy_http) -> embedded sandbox. */
@Tag("docker")
class GatewayEndToEndIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MecSandbox sandbox;
    private static HttpdGateway gateway;

    @BeforeAll
    static void start() {
        sandbox = MecSandbox.builder().sandboxName("sbx").bindAddress("127.0.0.1").paused().start();
        sandbox.control().step(30);
        // Server root as the MEC base URL: the gateway forwards /sbx/... unchanged, as to the ETSI sandbox.
        gateway = HttpdGateway.start("http://127.0.0.1:" + sandbox.port(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersThroughTheGatewayAreTheSandboxsUsers() throws Exception {
        HttpResponse<String> r = get(gateway.url() + "/sbx/location/v2/queries/users");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode users = MAPPER.readTree(r.body()).at("/userList/user");
        long connected = sandbox.control().snapshot().ues().stream().filter(UeState::connected).count();
        assertThat(users.size()).isEqualTo((int) connected).isPositive();
        for (JsonNode u : users) {
            UeState s = sandbox.control().ue(u.get("address").asText()).orElseThrow();
            assertThat(u.get("zoneId").asText()).isEqualTo(s.zoneId());
            assertThat(u.get("accessPointId").asText()).isEqualTo(s.poaId());
        }
        String access = Files.readString(gateway.directory().resolve("access.log"));
        assertThat(access).contains("GET /sbx/location/v2/queries/users");
    }

    @Test
    void resourceUrlsNameTheGatewayNotTheSandboxBehindIt() throws Exception {
        JsonNode users = MAPPER.readTree(get(gateway.url() + "/sbx/location/v2/queries/users").body());
        assertThat(users.at("/userList/resourceURL").asText())
                .isEqualTo(gateway.url() + "/sbx/location/v2/queries/users");
        JsonNode zone = MAPPER.readTree(get(gateway.url() + "/sbx/location/v2/queries/zones/zone03").body());
        assertThat(zone.at("/zoneInfo/resourceURL").asText()).isEqualTo(gateway.url() + "/sbx/location/v2/queries/zones/zone03");
        // As the apps reach it: by the name mec-gateway, which the sandbox never sees otherwise.
        assertThat(rawGet(gateway.url(), "mec-gateway", "/sbx/location/v2/queries/zones"))
                .contains("\"resourceURL\":\"http://mec-gateway/sbx/location/v2/queries/zones\"")
                .doesNotContain(":" + sandbox.port() + "/");
    }

    /** An HTTP/1.0 GET (one unchunked body) with the Host header given: the JDK's client sets its own. */
    private static String rawGet(String gatewayUrl, String host, String path) throws Exception {
        URI at = URI.create(gatewayUrl);
        try (java.net.Socket s = new java.net.Socket(at.getHost(), at.getPort())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void rabInfoAndZonesPassThrough() throws Exception {
        JsonNode rab = MAPPER.readTree(get(gateway.url() + "/sbx/rni/v2/queries/rab_info").body());
        assertThat(rab.at("/cellUserInfo/0/ueInfo/0/erabInfo/0/erabQosParameters/qci").asInt()).isEqualTo(80);
        JsonNode aps = MAPPER.readTree(get(gateway.url() + "/sbx/location/v2/queries/zones/zone03/accessPoints").body());
        assertThat(aps.at("/accessPointList/accessPoint").size()).isEqualTo(7);
    }

    @Test
    void problemDetailsPassThroughWithTheirStatus() throws Exception {
        HttpResponse<String> r = get(gateway.url() + "/sbx/location/v2/queries/zones/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(MAPPER.readTree(r.body()).get("status").asInt()).isEqualTo(404);
        HttpResponse<String> bad = get(gateway.url() + "/sbx/location/v2/queries/users?address=a%20b");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void theGatewayRunsUnderItsOwnDirectory() {
        Path dir = gateway.directory();
        assertThat(dir.resolve("httpd.conf")).exists();
        assertThat(dir.resolve("httpd.pid")).exists();
        assertThat(gateway.isAlive()).isTrue();
    }
}
